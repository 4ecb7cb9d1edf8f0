/** Discord's limits hold whatever the size of the corpus: a corpus twenty times the seed one, every page of every answer. */
import { beforeAll, describe, expect, it } from 'vitest';
import { answerLine } from '../../src/answer-line.ts';
import { resultsOf } from '../../src/commands/answer.ts';
import type { Library } from '../../src/index/library.ts';
import { buildLibrary } from '../../src/index/assemble.ts';
import { pageCount, renderDiscord, ARTICLES_PER_PAGE } from '../../src/render/discord.ts';
import { checkMessageLimits } from '../support/discord-emulator.ts';
import { seedArticles } from '../support/seed-library.ts';
import { verbatimViolations } from '../support/shown-text.ts';

const COPIES = 20;
let library: Library;
beforeAll(async () => {
  const seed = await seedArticles();
  // The same articles under other ids and addresses: twenty times the results for every query.
  library = buildLibrary(Array.from({ length: COPIES }, (_, n) => seed.map((a) => ({ ...a, id: `${a.id}-${n}`, url: `${a.url}?copy=${n}` }))).flat());
});

describe('a corpus twenty times the seed', () => {
  it('pages every answer within Discord’s limits, every page verbatim', () => {
    for (const line of ['/quote Iravani', '/figures casualties', '/source', '/source query:Iran']) {
      const answer = answerLine(library, line);
      const count = answer.type === 'articles' ? answer.articles.length : resultsOf(answer).length;
      // Results come in pages of up to five (a group of figures is one block); articles ten to a page.
      const pages = answer.type === 'articles' ? Math.ceil(count / ARTICLES_PER_PAGE) : pageCount(answer);
      expect(pages, line).toBeGreaterThanOrEqual(Math.ceil(count / (answer.type === 'articles' ? ARTICLES_PER_PAGE : 5)));
      // `/source query:` shows its five best sentences, one page; the others page.
      if (!line.startsWith('/source query:')) expect(pages, line).toBeGreaterThan(1);
      for (let page = 0; page < pages; page++) {
        const message = renderDiscord(answer, { page, buttonId: (a) => `${a.type}:${a.type === 'context' ? '' : a.page}` });
        expect(checkMessageLimits(message), `${line} page ${page}`).toEqual([]);
        expect(verbatimViolations(message, library), `${line} page ${page}`).toEqual([]);
      }
    }
  });
});
