/** The `--json` shape on the seed corpus: results typed by kind, old field names kept, and the attribution trace carried. */
import { beforeAll, describe, expect, it } from 'vitest';
import { answerLine } from '../../src/answer-line.ts';
import type { Library } from '../../src/index/library.ts';
import { renderJson } from '../../src/render/json.ts';
import { seedLibrary } from '../support/seed-library.ts';

let library: Library;
beforeAll(async () => {
  library = await seedLibrary();
});

/** A result as `--json` prints it. */
interface JsonResult {
  type: string;
  text: string;
  start: number;
  end: number;
  article: { id: string };
  [field: string]: unknown;
}

interface JsonEvidence {
  text: string;
  start: number;
  end: number;
}

/** The results of a command line as `--json` prints them, through a JSON round trip. */
function jsonResults(line: string): JsonResult[] {
  return (JSON.parse(JSON.stringify(renderJson(answerLine(library, line)))) as { results: JsonResult[] }).results;
}

/** Where the sentences touching a span begin and end, widened by one sentence each side. */
function neighbourhood(articleId: string, start: number, end: number): { start: number; end: number } {
  const sentences = library.sentencesOf(articleId);
  const touched = sentences.filter((s) => s.end > start && s.start < end);
  const first = touched[0]!.index;
  const last = touched[touched.length - 1]!.index;
  return { start: sentences[Math.max(0, first - 1)]!.start, end: sentences[Math.min(sentences.length - 1, last + 1)]!.end };
}

describe('--json results of /quote', () => {
  it('carry for every statement a rule, and evidence that is the body’s own words in or beside the quotation’s sentence', () => {
    const lines = [...library.speakers.map((s) => `/quote ${s.name}`), '/quote attack', '/quote Iraq', '/quote said'];
    let statements = 0;
    let withEvidence = 0;
    for (const line of lines) {
      for (const result of jsonResults(line)) {
        expect(result.type, line).toBe('quotation');
        expect(typeof result.rule === 'string' && result.rule.length > 0, `${line}: ${result.text}`).toBe(true);
        const body = library.article(result.article.id)!.body;
        const evidence = result.evidence as JsonEvidence | null;
        if (evidence !== null) {
          expect(Object.keys(evidence).sort()).toEqual(['end', 'start', 'text']);
          expect(body.slice(evidence.start, evidence.end)).toBe(evidence.text);
        }
        if (result.kind !== 'statement') continue;
        statements++;
        if (evidence === null) continue;
        withEvidence++;
        const around = neighbourhood(result.article.id, result.start, result.end);
        expect(evidence.start >= around.start && evidence.end <= around.end, `${line}: “${evidence.text}” is not beside “${result.text}”`).toBe(true);
      }
    }
    // Not a vacuous pass: the seed corpus has statements, and most name their speaker in words.
    expect(statements).toBeGreaterThan(10);
    expect(withEvidence).toBeGreaterThan(statements / 2);
  });

  it('gives Takht-Ravanchi’s statements the words that name him: "he noted" and "the Iranian envoy added"', () => {
    const statements = jsonResults('/quote Takht-Ravanchi').filter((r) => r.kind === 'statement');
    const named = statements.map((r) => (r.evidence as JsonEvidence | null)?.text);
    expect(named).toContain('he noted');
    expect(named).toContain('the Iranian envoy added');
    const added = statements.find((r) => (r.evidence as JsonEvidence | null)?.text === 'the Iranian envoy added')!;
    expect(added.text).toMatch(/^Therefore, we deny any claim/u);
    expect(added.speaker).toBe('Majid Takht-Ravanchi');
  });

  it('keeps the quotation’s kind under `kind`, as before results had a type, and adds `type: "quotation"`', () => {
    const [first] = jsonResults('/quote Takht-Ravanchi');
    expect(first).toMatchObject({ type: 'quotation', kind: 'statement', speaker: 'Majid Takht-Ravanchi' });
    expect(Object.keys(first!)).toEqual(['type', 'text', 'sentence', 'start', 'end', 'article', 'speaker', 'kind', 'rule', 'evidence']);
  });
});

describe('--json results of /figures and /source', () => {
  it('give every figure its type and the rule that gave its category, in `results` and in `groups`', () => {
    const json = renderJson(answerLine(library, '/figures casualties')) as { results: JsonResult[]; groups: { results: JsonResult[] }[] };
    expect(json.results.length).toBeGreaterThan(0);
    for (const result of [...json.results, ...json.groups.flatMap((g) => g.results)]) {
      expect(result.type).toBe('figure');
      expect(typeof result.rule === 'string' && result.rule.length > 0, result.text).toBe(true);
      expect(Object.keys(result)).toEqual(['type', 'text', 'sentence', 'start', 'end', 'article', 'value', 'upper', 'qualifier', 'counted', 'category', 'rule']);
    }
    expect(json.results.find((r) => r.text === 'at least 10,818 people')).toMatchObject({ value: 10818, upper: null, qualifier: 'at least', category: 'killed' });
  });

  it('give every sentence its type and its neighbours', () => {
    const [first] = jsonResults('/source query:Ain al-Asad rockets');
    expect(first).toMatchObject({ type: 'sentence', before: expect.stringMatching(/Such allegations are totally baseless/u), after: expect.stringMatching(/^The West has blamed/u) });
  });
});
