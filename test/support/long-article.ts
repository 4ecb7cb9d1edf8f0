/** A long article for the tests and the bench that add one to a running bot. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatArticle, parseArticle } from '../../src/corpus/format.ts';

/**
 * A corpus file of news prose: the evaluation articles' paragraphs, repeated to `bytes` bytes:
 * at least that many, or with `notOver` as many as fit under it (the bench's article just under
 * `MAX_ARTICLE_BYTES`).
 */
export async function longArticle(id: string, bytes: number, { notOver = false }: { notOver?: boolean } = {}): Promise<string> {
  const dir = 'test/fixtures/eval/articles';
  const paragraphs: string[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort()) {
    const parsed = parseArticle(await readFile(join(dir, name), 'utf8'), name);
    if (parsed.success) paragraphs.push(...parsed.article.body.split('\n\n'));
  }
  const facts = { id, title: 'A very long report', outlet: 'The Long Read', published: '2024-06-01', url: `https://long.example/${id}` };
  const body: string[] = [];
  let size = Buffer.byteLength(formatArticle(facts, ''));
  for (let i = 0; notOver || size < bytes; i++) {
    const paragraph = paragraphs[i % paragraphs.length]!;
    const grown = size + Buffer.byteLength(paragraph) + 2;
    if (notOver && grown > bytes) break;
    body.push(paragraph);
    size = grown;
  }
  return formatArticle(facts, body.join('\n\n'));
}
