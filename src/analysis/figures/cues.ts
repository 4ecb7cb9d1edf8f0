/**
 * Cues: the words around a number that say what happened to what it counts. A cue before the
 * number governs it (`killed 17`, `the toll climbed to 17`: `BEFORE_CUES`); a cue after the
 * counted words reports on them in the same clause (`17 climbers are missing`: `cueAfter`).
 */
import {
  CASUALTY_LINKS, CASUALTY_WORDS, CLAUSE_BREAK_WORDS, CUES, GROUP_NOUNS, INCLUSION_MARKERS, IRREGULAR_PLURALS, REMAINS_NOUNS, TOLL_LINKS,
  AUXILIARIES, lookUp, type CueCategory,
} from '../lexicon/figures.ts';
import { wordBefore, type Token } from '../text/tokens.ts';
import { wordPart, type BodyTokens } from './numbers.ts';

const cueEntries = Object.entries(CUES) as [CueCategory, (typeof CUES)[CueCategory]][];

/** Every cue verb with the category it gives. */
const CUE_VERB: ReadonlyMap<string, CueCategory> = new Map(cueEntries.flatMap(([cat, cue]) => cue.verbs.map((v) => [v, cat] as const)));

/** Every cue, verb or word, with the category it gives. */
export const CUE_ANY: ReadonlyMap<string, CueCategory> = new Map(cueEntries.flatMap(([cat, cue]) => [...cue.verbs, ...cue.words].map((v) => [v, cat] as const)));

/** How many words after the counted noun a cue may stand; words in parentheses are not counted. */
export const CUE_WINDOW = 8;

/** Whether a token looks like a verb: a cue, or a word ending in -ed or -ing (`exploded`, `fleeing`), unless it is a plural noun. */
export function isVerbLike(t: Token): boolean {
  if (IRREGULAR_PLURALS.has(t.lower) && !CUE_ANY.has(t.lower)) return false;
  return CUE_ANY.has(t.lower) || (t.lower.length > 4 && /(?:ed|ing)$/u.test(t.lower));
}

/** A cue before a number, tried at the token where the number (or its qualifier) starts. */
export interface BeforeCue {
  name: string;
  /** What it recognises, with an example. */
  recognises: string;
  /** The category it gives the number whose first token (qualifier included) is `before`, or null when it does not apply. */
  find(c: BodyTokens, before: number): CueCategory | null;
}

/** The word `back` words before token `before`, each joined to the next by white space only. */
function wordsBack(c: BodyTokens, before: number, back: number): Token | null {
  let at = before;
  let word: Token | null = null;
  for (let k = 0; k < back; k++) {
    word = wordBefore(c.body, c.tokens, at);
    if (!word) return null;
    at--;
  }
  return word;
}

/** The category of the nearest cue verb among the tokens from `from` down to `to`, reading back. */
function cueVerbBack(c: BodyTokens, from: number, to: number, wordsOnly: boolean): { category: CueCategory } | null {
  for (let k = from; k >= Math.max(0, to); k--) {
    const w = c.tokens[k];
    if (wordsOnly && w?.kind !== 'word') return null;
    const category = CUE_VERB.get(w?.lower ?? '');
    if (category) return { category };
  }
  return null;
}

/**
 * The cues that govern a number from before it, in the order they are tried; the first that
 * applies gives the category. Only a qualifier may stand between a cue and its number.
 */
export const BEFORE_CUES: readonly BeforeCue[] = [
  {
    name: 'casualty-opening',
    recognises: 'a sentence that opens on a casualty word, then a comma: `Of the missing, six were divers`',
    find(c, before) {
      const opening = /^(?:Of|Among)\s+(?:those|the)\s+(?:still\s+|now\s+)?(?<word>\p{L}+)[^,]*,\s*$/u.exec(c.body.slice(c.tokens[0]!.start, c.tokens[before]?.start ?? 0));
      const word = opening?.groups?.['word']?.toLowerCase();
      if (word === 'unaccounted') return 'missing';
      return word ? (lookUp(CASUALTY_WORDS, word) ?? null) : null;
    },
  },
  {
    name: 'cue-verb',
    recognises: 'a cue verb right before the number: `killed at least 17`, `wounded three bystanders`, `sent two ferries`',
    find: (c, before) => CUE_VERB.get(wordBefore(c.body, c.tokens, before)?.lower ?? '') ?? null,
  },
  {
    name: 'lives-of',
    recognises: 'the lives, bodies or remains of a number: `claimed the lives of more than 70`',
    find: (c, before) => (wordsBack(c, before, 1)?.lower === 'of' && REMAINS_NOUNS.includes(wordsBack(c, before, 2)?.lower ?? '') ? 'killed' : null),
  },
  {
    name: 'group-of',
    recognises: 'a sending verb, then the group the number fills: `dispatch a unit of 25 medics`',
    find(c, before) {
      if (wordsBack(c, before, 1)?.lower !== 'of' || !GROUP_NOUNS.includes(wordsBack(c, before, 2)?.lower ?? '')) return null;
      return cueVerbBack(c, before - 3, before - 5, true)?.category === 'deployed' ? 'deployed' : null;
    },
  },
  {
    name: 'along-with',
    recognises: '`along with` after a cue verb, which carries the verb on: `was wounded along with three of his drivers`',
    find(c, before) {
      if (wordsBack(c, before, 1)?.lower !== 'with' || wordsBack(c, before, 2)?.lower !== 'along') return null;
      return cueVerbBack(c, before - 3, before - 6, false)?.category ?? null;
    },
  },
  {
    name: 'under-attack',
    recognises: 'coming under attack or under fire a number of times: `came under attack nine times`',
    find: (c, before) => (['attack', 'fire'].includes(wordsBack(c, before, 1)?.lower ?? '') && wordsBack(c, before, 2)?.lower === 'under' ? 'attacks' : null),
  },
  {
    name: 'casualty-link',
    recognises: 'a casualty word linked to the number: `the dead included 5 teachers`, `Among the missing are 8 climbers`',
    find(c, before) {
      if (!CASUALTY_LINKS.includes(wordsBack(c, before, 1)?.lower ?? '')) return null;
      return lookUp(CASUALTY_WORDS, wordsBack(c, before, 2)?.lower ?? '') ?? null;
    },
  },
  {
    name: 'toll-reaches',
    recognises: 'a death toll that reaches the number: `the toll from the landslide has risen to at least 27`, `a toll of 9`',
    find(c, before) {
      if (!TOLL_LINKS.includes(wordsBack(c, before, 1)?.lower ?? '')) return null;
      for (let k = before - 2; k >= Math.max(0, before - 20); k--) {
        const w = c.tokens[k]!;
        if (w.kind !== 'word') break;
        if (w.lower === 'toll') return 'killed';
      }
      return null;
    },
  },
];

/** The first of `BEFORE_CUES` that applies to the number starting at token `before`, with its category. */
export function cueBefore(c: BodyTokens, before: number): { category: CueCategory; cue: string } | null {
  for (const cue of BEFORE_CUES) {
    const category = cue.find(c, before);
    if (category) return { category, cue: cue.name };
  }
  return null;
}

/**
 * The first cue within `CUE_WINDOW` words from token `from` (right after the counted words), in the
 * same clause. The clause ends at punctuation (not parentheses, whose words are skipped), at a word
 * that opens a clause, and at another number once a verb has been passed (`8 men were arrested
 * and 2 were killed`: `killed` is about the 2). `ownCounted` says the figure counts words of its own,
 * which keeps a `rockets` verb from giving its category (`launched 3 inquiries`).
 */
export function cueAfter(c: BodyTokens, from: number, ownCounted: boolean): CueCategory | null {
  const tokens = c.tokens;
  let words = 0;
  let depth = 0;
  let sawVerb = false;
  // `4 of the wounded later died`: a casualty word after `of the` says who is counted, and gives way to what happened to them.
  let partOf: CueCategory | null = null;
  for (let k = from; k < tokens.length && words < CUE_WINDOW; k++) {
    const t = tokens[k]!;
    if (t.text === '(' || t.text === '[') depth++;
    else if ((t.text === ')' || t.text === ']') && depth > 0) depth--;
    else if (depth > 0) continue;
    else if (t.kind === 'mark') {
      // `31 people, including six infants, were being treated`: an aside between commas is passed over.
      if (t.text === ',' && INCLUSION_MARKERS.includes(tokens[k + 1]?.lower ?? '')) {
        const close = tokens.findIndex((x, j) => j > k + 1 && /[,;.]/u.test(x.text));
        if (close > 0 && tokens[close]!.text === ',') {
          k = close;
          continue;
        }
      }
      // Quote marks do not end a clause: `“scores of gunmen” had been killed`.
      if (/[,;:.!?—–]/u.test(t.text)) return partOf;
    } else if (t.kind === 'number' || wordPart(t.lower)) {
      if (sawVerb) return partOf;
      words++;
    } else {
      if (CLAUSE_BREAK_WORDS.has(t.lower)) return partOf;
      words++;
      const cat = CUE_ANY.get(t.lower);
      // `640 measles cases and 19 deaths`: `deaths` is what the next number counts, not what happened to these.
      const previous = tokens[k - 1];
      if (cat && previous && (previous.kind === 'number' || wordPart(previous.lower)) && !CUE_VERB.has(t.lower)) {
        // `5 of the 9 missiles launched`: a part of the whole the next number counts is that thing too.
        if (tokens[k - 2]?.lower !== 'the' || tokens[k - 3]?.lower !== 'of') return partOf;
        partOf ??= cat;
        continue;
      }
      const ofThe = tokens[k - 1]?.lower === 'the' && tokens[k - 2]?.lower === 'of';
      if (cat && ofThe && partOf === null) {
        partOf = cat;
        continue;
      }
      // The dead stay dead: `four of the dead were passengers treated at the scene`.
      if (cat && !(cat === 'rockets' && ownCounted)) return partOf === 'killed' ? partOf : cat;
      if (AUXILIARIES.has(t.lower) || isVerbLike(t)) sawVerb = true;
    }
  }
  return partOf;
}
