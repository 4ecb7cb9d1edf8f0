import { copyFile, mkdtemp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerLine } from '../src/answer-line.ts';
import { LiveLibrary, type CorpusChange, type ReloadLog } from '../src/live-library.ts';

/** A log that keeps its lines. */
function memoryLog(): ReloadLog & { lines: { level: string; message: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  return {
    lines,
    info: (message, fields) => void lines.push({ level: 'info', message, ...(fields ? { fields } : {}) }),
    warn: (message, fields) => void lines.push({ level: 'warn', message, ...(fields ? { fields } : {}) }),
  };
}

/** Resolves once `check` holds, polling; fails after `timeoutMs`. */
async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('test: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a live library', () => {
  let dir: string;
  let live: LiveLibrary;
  let log: ReturnType<typeof memoryLog>;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'verbatim-live-'));
    await copyFile('corpus/press-tv-2023-11-10.txt', join(dir, 'press-tv-2023-11-10.txt'));
    log = memoryLog();
    const opened = await LiveLibrary.open(dir, log);
    if (!opened.success) throw new Error(opened.reason);
    live = opened.live;
  });

  afterEach(async () => {
    live.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves an added article after a reload, leaving the library that answers in flight untouched', async () => {
    const before = live.current();
    await copyFile('corpus/press-tv-2021-03-15.txt', join(dir, 'press-tv-2021-03-15.txt'));
    const change = await live.reload();
    expect(change).toMatchObject({ added: [join(dir, 'press-tv-2021-03-15.txt')], changed: [], removed: [], articles: 2, analysed: 1 });
    expect(live.current()).not.toBe(before);
    expect(before.articles.map((a) => a.id)).toEqual(['press-tv-2023-11-10']);
    expect(answerLine(live.current(), '/quote Takht-Ravanchi').type).toBe('results');
    expect(log.lines.find((l) => l.message === 'corpus reloaded')?.fields).toMatchObject({ added: [join(dir, 'press-tv-2021-03-15.txt')], articles: 2 });
  });

  it('re-analyses only the changed article, and drops a removed one from every answer', async () => {
    await copyFile('corpus/press-tv-2021-03-15.txt', join(dir, 'letter.txt'));
    await live.reload();
    const text = await readFile(join(dir, 'letter.txt'), 'utf8');
    await writeFile(join(dir, 'letter.txt'), text.replace('categorically denied', 'flatly denied'));
    const changed = await live.reload();
    expect(changed).toMatchObject({ changed: [join(dir, 'letter.txt')], analysed: 1, articles: 2 });
    expect(live.current().searchSentences('flatly denied')).toHaveLength(1);

    await unlink(join(dir, 'letter.txt'));
    const removed = await live.reload();
    expect(removed).toMatchObject({ removed: [join(dir, 'letter.txt')], analysed: 0, articles: 1 });
    expect(answerLine(live.current(), '/quote Takht-Ravanchi').type).toBe('problem');
    expect(answerLine(live.current(), '/source article:press-tv-2021-03-15')).toMatchObject({ problem: { code: 'unknown-article' } });
  });

  it('names a broken new file with its reason once, and keeps serving the rest', async () => {
    await writeFile(join(dir, 'broken.txt'), '---\nid: broken\noutlet: X\n---\nNo date or address.');
    const change = await live.reload();
    expect(change?.problems).toEqual([{ file: join(dir, 'broken.txt'), reason: expect.stringMatching(/published.*url|url.*published/su) }]);
    expect(live.current().articles.map((a) => a.id)).toEqual(['press-tv-2023-11-10']);
    expect(log.lines.filter((l) => l.level === 'warn').map((l) => l.fields?.['file'])).toEqual([join(dir, 'broken.txt')]);
    // Another change elsewhere does not report the same broken file again.
    await copyFile('corpus/press-tv-2021-03-15.txt', join(dir, 'letter.txt'));
    await live.reload();
    expect(log.lines.filter((l) => l.level === 'warn')).toHaveLength(1);
  });

  it('says nothing changed when nothing did', async () => {
    expect(await live.reload()).toBeNull();
  });

  it('watching, makes one reload of a burst of writes, and never reads a file an editor writes and renames into place half-written', async () => {
    const changes: CorpusChange[] = [];
    const watched = memoryLog();
    live.close();
    const opened = await LiveLibrary.open(dir, { ...watched, info: (message, fields) => (watched.info(message, fields), changes.push(fields as unknown as CorpusChange)) });
    if (!opened.success) throw new Error(opened.reason);
    live = opened.live.watch({ debounceMs: 50, pollMs: 0 });

    const text = await readFile('corpus/press-tv-2021-03-15.txt', 'utf8');
    // Written in pieces to a temporary name, then renamed: only the whole file is ever seen.
    const temp = join(dir, '.letter.txt.swp');
    await writeFile(temp, text.slice(0, 200));
    await writeFile(temp, text, { flag: 'w' });
    await rename(temp, join(dir, 'letter.txt'));
    await copyFile('corpus/mehr-news-agency-2023-03-25.txt', join(dir, 'mehr.txt'));
    await eventually(() => live.current().articles.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ problems: 0, analysed: 2 });
    expect(watched.lines.filter((l) => l.level === 'warn')).toEqual([]);

    await unlink(join(dir, 'mehr.txt'));
    await eventually(() => live.current().articles.length === 2);
  });

  it('opened from the saved index, reloads reusing the saved per-article data of the files left unchanged', async () => {
    live.close();
    await copyFile('corpus/press-tv-2021-03-15.txt', join(dir, 'letter.txt'));
    const cacheDir = join(dir, '.cache');
    const first = await LiveLibrary.open(dir, log, { cacheDir });
    if (!first.success) throw new Error(first.reason);
    first.live.close();
    expect(first.report).toMatchObject({ outcome: 'built', derived: 2 });

    const opened = await LiveLibrary.open(dir, log, { cacheDir });
    if (!opened.success) throw new Error(opened.reason);
    live = opened.live;
    expect(opened.report).toMatchObject({ outcome: 'loaded', derived: 0 });
    const saved = live.current().articleIndex('press-tv-2023-11-10');
    expect(answerLine(live.current(), '/quote Takht-Ravanchi').type).toBe('results');

    const text = await readFile(join(dir, 'letter.txt'), 'utf8');
    await writeFile(join(dir, 'letter.txt'), text.replace('categorically denied', 'flatly denied'));
    expect(await live.reload()).toMatchObject({ changed: [join(dir, 'letter.txt')], analysed: 1, articles: 2 });
    expect(live.current().articleIndex('press-tv-2023-11-10')).toEqual(saved);
    expect(live.current().searchSentences('flatly denied')).toHaveLength(1);
    expect(live.current().searchSentences('categorically denied')).toHaveLength(0);
  });
});
