/**
 * One home per word class: the lexicon (src/analysis/lexicon/) is where speech verbs, calendar
 * words, bodies, roles and titles, places and figure words are written, and rules build their
 * patterns from it. These tests fail when a class is written out a second time, in the lexicon
 * or in a rule.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as bodies from '../../src/analysis/lexicon/bodies.ts';
import * as calendar from '../../src/analysis/lexicon/calendar.ts';
import * as figures from '../../src/analysis/lexicon/figures.ts';
import * as grammar from '../../src/analysis/lexicon/grammar.ts';
import * as names from '../../src/analysis/lexicon/names.ts';
import * as places from '../../src/analysis/lexicon/places.ts';
import * as roles from '../../src/analysis/lexicon/roles.ts';
import * as speech from '../../src/analysis/lexicon/speech.ts';

const LEXICON_DIR = 'src/analysis/lexicon';

/**
 * Classes of small grammatical words (determiners, auxiliaries, connectives): every pattern that
 * reads English names some of them, so restating three of them is no second home of a class.
 */
const GRAMMAR = new Set(['DETERMINERS', 'FUNCTION_WORDS', 'STOP_WORDS', 'AUXILIARIES', 'HAVING_VERBS', 'CLAUSE_BREAK_WORDS', 'LIST_JOINERS', 'LIST_ONLY_JOINERS', 'RELATIVE_DAYS', 'REFERENCE_DETERMINERS', 'PRONOUN_ONE_DETERMINERS', 'CASUALTY_LINKS', 'TOLL_LINKS', 'INCLUSION_MARKERS', 'QUALIFIERS']);

/**
 * Unions of other classes (`...ORGANISATION_NOUNS, ...PLACE_NOUNS`) used to tell names apart: a
 * pattern naming a few of their words restates one of the parts, which the test checks itself.
 */
const UNIONS = new Set(['NOT_PERSON_WORDS']);

/** The plain words of a lexicon export, lower-cased: list items, set members, record keys, and speech verb forms. */
function wordsOf(value: unknown): string[] {
  const items: unknown[] = [];
  if (Array.isArray(value) || value instanceof Set) items.push(...value);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      // A record's keys are its words (`attacks: 'attacks'`), unless they only label groups of words (`say: { finite }`).
      if (v && typeof v === 'object') items.push(...wordsOf(v));
      else items.push(key);
    }
  }
  return items.filter((w): w is string => typeof w === 'string').map((w) => w.toLowerCase()).filter((w) => /^[a-z][a-z'’-]*$/u.test(w));
}

/** Every word class of the lexicon: `file:EXPORT` → its words. */
const CLASSES: Map<string, Set<string>> = new Map(
  Object.entries({ bodies, calendar, figures, grammar, names, places, roles, speech }).flatMap(([file, module]) =>
    Object.entries(module)
      .filter(([, value]) => typeof value === 'object' && value !== null)
      .map(([name, value]) => [`${file}:${name}`, new Set(wordsOf(value))] as const)
      .filter(([, words]) => words.size >= 3),
  ),
);

/** Figure categories (`killed`, `deployed`): names of what is counted, written wherever a result is labelled, not words of a class. */
const CATEGORIES = new Set([...Object.keys(figures.CUES), 'other']);

/** The `.ts` files under a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Words written literally on a line of code: quoted (`'said'`) or in a pattern's alternation (`said|told`). */
function literalWords(line: string): Set<string> {
  // Comments and a rule's `recognises` may name examples; a type spells out the values of a field.
  if (/^\s*(?:recognises:|(?:export\s+)?type\s|\|\s)/u.test(line)) return new Set();
  const code = line.replace(/\/\/.*$|^\s*\*.*$|\/\*\*.*$/u, '');
  const words = new Set<string>();
  for (const m of code.matchAll(/(?<![\\\w$])([A-Za-z][A-Za-z'’-]{2,})(?=['"`|)?])/gu)) if (!CATEGORIES.has(m[1]!.toLowerCase())) words.add(m[1]!.toLowerCase());
  return words;
}

describe('the lexicon', () => {
  it('holds every word class in one export: no two classes of different files are one list written twice', () => {
    const source = new Map(readdirSync(LEXICON_DIR).map((f) => [f.replace(/\.ts$/u, ''), readFileSync(join(LEXICON_DIR, f), 'utf8')]));
    const twice: string[] = [];
    const entries = [...CLASSES];
    for (const [i, [a, wordsA]] of entries.entries()) {
      for (const [b, wordsB] of entries.slice(i + 1)) {
        const [small, large] = wordsA.size <= wordsB.size ? [wordsA, wordsB] : [wordsB, wordsA];
        const [nameOfA, nameOfB] = [a.split(':')[1]!, b.split(':')[1]!];
        if (small.size < 4 || (GRAMMAR.has(nameOfA) && GRAMMAR.has(nameOfB)) || UNIONS.has(nameOfA) || UNIONS.has(nameOfB)) continue;
        const shared = [...small].filter((w) => large.has(w)).length;
        if (shared / small.size < 0.6) continue;
        // A class built from another (`...COMPANY_WORDS`) or derived in code from it is one home, not two.
        const [fileA, nameA] = a.split(':') as [string, string];
        const [fileB, nameB] = b.split(':') as [string, string];
        const uses = (file: string, name: string) => new RegExp(`\\b${name}\\b`, 'u').test(source.get(file) ?? '');
        if (uses(fileA, nameB) || uses(fileB, nameA)) continue;
        twice.push(`${a} and ${b} share ${shared} of ${small.size} words`);
      }
    }
    expect(twice).toEqual([]);
  });

  it('is not restated in a rule: no line outside the lexicon writes out three words of one class', () => {
    const restated: string[] = [];
    // The rules and what answers from them; not src/corpus/, whose page-chrome vocabulary (HTML
    // elements, `page code`, `3 hours ago`) is about web pages, not news language.
    for (const file of ['src/analysis', 'src/index', 'src/commands', 'src/render'].flatMap(sourceFiles).filter((f) => !f.startsWith(LEXICON_DIR) && !f.endsWith('version.ts'))) {
      for (const [n, line] of readFileSync(file, 'utf8').split('\n').entries()) {
        const literal = literalWords(line);
        if (literal.size < 3) continue;
        for (const [name, words] of CLASSES) {
          if (GRAMMAR.has(name.split(':')[1]!) || UNIONS.has(name.split(':')[1]!)) continue;
          const hits = [...literal].filter((w) => words.has(w));
          if (hits.length >= 3) restated.push(`${relative('.', file)}:${n + 1} restates ${name} (${hits.join(', ')})`);
        }
      }
    }
    expect(restated).toEqual([]);
  });

  it('reaches every rule that reads speech when a verb is added: one line in speech.ts', () => {
    // The patterns are built from the table when the modules load, so the table is the one place to look.
    expect(speech.FINITE_SPEECH_FORMS).toContain('sobbed');
    expect(speech.FINITE_SPEECH_FORMS).toContain('quipped');
    expect(new RegExp(`\\b(?:${speech.SPEECH_VERB_PATTERN})\\b`, 'u').test('“We lost everything,” she sobbed.')).toBe(true);
  });
});
