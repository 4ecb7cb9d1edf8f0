/**
 * The product's promise as a property: whatever anyone asks, every span any command shows is a
 * span of its article's body, and every sentence shown stands in the body as it is.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerLine } from '../src/answer-line.ts';
import type { Answer, Result } from '../src/commands/answer.ts';
import { contextOf, referenceOf, resolveReference } from '../src/commands/context.ts';
import { pageCount, renderContext, renderDiscord } from '../src/render/discord.ts';
import { checkMessageLimits } from './support/discord-emulator.ts';
import { seedLibrary } from './support/seed-library.ts';
import { verbatimViolations } from './support/shown-text.ts';
import type { Library } from '../src/index/library.ts';

let library: Library;
let words: string[];
beforeAll(async () => {
  library = await seedLibrary();
  words = [...new Set(library.articles.flatMap((a) => a.body.split(/[\s,.;:“”"()]+/u)).filter((w) => w.length > 1))];
});

/** Every result an answer shows. */
function shown(answer: Answer): Result[] {
  if (answer.type === 'figures') return answer.groups.flatMap((g) => g.results);
  return answer.type === 'results' || answer.type === 'article' ? answer.results : [];
}

/**
 * The Discord messages of an answer (every page, and the context of up to `contexts` results)
 * show, once Discord removes the markdown escapes, only text of the articles, within the limits.
 */
function checkDiscord(answer: Answer, contexts = Infinity): void {
  for (let page = 0; page < pageCount(answer); page++) {
    const message = renderDiscord(answer, { page, buttonId: () => 'id' });
    expect(verbatimViolations(message, library)).toEqual([]);
    expect(checkMessageLimits({ ...message, components: [] })).toEqual([]);
  }
  shown(answer)
    .slice(0, contexts)
    .forEach((result) => {
      // The context menu names the result by its reference: it finds the same words again.
      const resolved = resolveReference(library, referenceOf(result));
      expect(resolved.success && resolved.result.text).toBe(result.text);
      const message = renderContext(contextOf(library, result)!, result);
      expect(verbatimViolations(message, library)).toEqual([]);
      expect(checkMessageLimits(message)).toEqual([]);
    });
}

function checkVerbatim(answer: Answer, contexts = 3): void {
  checkDiscord(answer, contexts);
  for (const result of shown(answer)) {
    const body = library.article(result.article.id)!.body;
    expect(body.slice(result.start, result.end)).toBe(result.text);
    expect(body).toContain(result.sentence);
    expect(result.sentence).toContain(result.text);
    if (result.kind === 'sentence') {
      if (result.before) expect(body).toContain(result.before);
      if (result.after) expect(body).toContain(result.after);
    }
    if (result.kind === 'quotation' && result.evidence) expect(body.slice(result.evidence.start, result.evidence.end)).toBe(result.evidence.text);
  }
}

describe('every span any command returns, and every Discord message of it', () => {
  it('equals body.slice(start, end) of its article, for queries made of corpus words', () => {
    const query = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 3 }).map((ix) => ix.map((i) => words[i % words.length]!).join(' '));
    const line = fc.tuple(fc.constantFrom('/quote ', '/figures ', '/source query:'), query).map(([c, q]) => c + q);
    fc.assert(fc.property(line, (l) => checkVerbatim(answerLine(library, l))), { numRuns: 400 });
  });

  it('equals body.slice(start, end) for every speaker, topic and article', () => {
    for (const speaker of library.speakers) checkVerbatim(answerLine(library, `/quote ${speaker.name}`), Infinity);
    for (const topic of ['casualties', 'attacks', 'rockets', 'deaths', 'missing', 'troops', 'Gaza']) checkVerbatim(answerLine(library, `/figures ${topic}`), Infinity);
    for (const article of library.articles) checkVerbatim(answerLine(library, `/source article:${article.id}`), Infinity);
    checkVerbatim(answerLine(library, '/source query:Ain al-Asad'), Infinity);
  });

  it('holds for arbitrary text, including markdown, mentions and control characters', () => {
    const line = fc.tuple(fc.constantFrom('/quote ', '/figures ', '/source query:', '/source article:'), fc.string({ maxLength: 80 })).map(([c, q]) => c + q);
    fc.assert(fc.property(line, (l) => checkVerbatim(answerLine(library, l))), { numRuns: 300 });
  });
});
