/**
 * The hot reload measured: the seed corpus plus generated articles in a temporary folder, then
 * an article added, changed and removed, each followed by a reload. Prints, per kind of change,
 * the time from reading the folder to the new library serving, the longest stretch the reload
 * kept the event loop busy (what an interaction arriving meanwhile could wait at most, measured by
 * Node's event-loop delay monitor), and, for comparison, a build of the whole library from scratch.
 */
import { mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { formatArticle, parseArticle } from '../src/corpus/format.ts';
import type { Article } from '../src/corpus/article.ts';
import { buildLibrary } from '../src/index/assemble.ts';
import { LiveLibrary, type CorpusChange } from '../src/live-library.ts';

/** Articles to draw from: the seeds and the articles written for the evaluation. */
async function sourceArticles(): Promise<Article[]> {
  const articles: Article[] = [];
  for (const dir of ['corpus', 'test/fixtures/eval/articles']) {
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort()) {
      const parsed = parseArticle(await readFile(join(dir, name), 'utf8'), name);
      if (parsed.success) articles.push(parsed.article);
    }
  }
  return articles;
}

/** The i-th generated article: a source article's paragraphs rotated, under a new id, date and address. */
function generated(sources: readonly Article[], i: number): { name: string; text: string } {
  const source = sources[i % sources.length]!;
  const paragraphs = source.body.split('\n\n');
  const shift = Math.floor(i / sources.length) % paragraphs.length;
  const body = [...paragraphs.slice(shift), ...paragraphs.slice(0, shift)].join('\n\n');
  const id = `generated-${String(i).padStart(4, '0')}`;
  const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  const facts = { id, title: source.title, outlet: source.outlet, published: day, url: `https://generated.example/${id}` };
  return { name: `${id}.txt`, text: formatArticle(facts, body) };
}

/** Runs `work` and reports its result with the longest event-loop delay seen while it ran. */
async function withLoopDelay<T>(work: () => Promise<T>): Promise<{ result: T; maxDelayMs: number }> {
  const monitor = monitorEventLoopDelay({ resolution: 5 });
  monitor.enable();
  const result = await work();
  // The monitor records a delay when its timer fires late, so let it fire once after the work.
  await new Promise((resolve) => setTimeout(resolve, 20));
  monitor.disable();
  // The histogram is in nanoseconds and includes the 5 ms resolution itself.
  return { result, maxDelayMs: Math.max(0, monitor.max / 1e6 - 5) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Prints the reload figures for the seeds plus `count` generated articles. */
export async function benchReload(count: number, rounds = 5): Promise<void> {
  const sources = await sourceArticles();
  const dir = await mkdtemp(join(tmpdir(), 'verbatim-bench-reload-'));
  try {
    for (const name of (await readdir('corpus')).filter((n) => n.endsWith('.txt'))) await writeFile(join(dir, name), await readFile(join('corpus', name)));
    for (let i = 0; i < count; i++) {
      const { name, text } = generated(sources, i);
      await writeFile(join(dir, name), text);
    }
    const quiet = { info: () => undefined, warn: (message: string) => console.error(message) };
    const t0 = performance.now();
    const opened = await LiveLibrary.open(dir, quiet);
    if (!opened.success) throw new Error(`bench: ${opened.reason}`);
    const live = opened.live;
    const openMs = performance.now() - t0;
    const articles = live.current().articles;
    const t1 = performance.now();
    buildLibrary(articles);
    const fullMs = performance.now() - t1;

    const figures: Record<'added' | 'changed' | 'removed', { ms: number[]; blocked: number[]; delay: number[] }> = {
      added: { ms: [], blocked: [], delay: [] },
      changed: { ms: [], blocked: [], delay: [] },
      removed: { ms: [], blocked: [], delay: [] },
    };
    const record = (kind: keyof typeof figures, change: CorpusChange | null, delay: number): void => {
      if (!change) throw new Error(`bench: the ${kind} article was not noticed`);
      figures[kind].ms.push(change.ms);
      figures[kind].blocked.push(change.blockedMs);
      figures[kind].delay.push(delay);
    };
    for (let r = 0; r < rounds; r++) {
      const { name, text } = generated(sources, count + r);
      await writeFile(join(dir, name), text);
      const added = await withLoopDelay(() => live.reload());
      record('added', added.result, added.maxDelayMs);
      await writeFile(join(dir, name), text.replace(/\n$/u, '\n\nA paragraph added by an update of the article.\n'));
      const changed = await withLoopDelay(() => live.reload());
      record('changed', changed.result, changed.maxDelayMs);
      await unlink(join(dir, name));
      const removed = await withLoopDelay(() => live.reload());
      record('removed', removed.result, removed.maxDelayMs);
    }
    live.close();

    console.log(`\nhot reload: ${articles.length} articles (the seeds and ${count} generated), ${rounds} rounds; medians (max) in ms`);
    console.log(`first load of the folder: ${openMs.toFixed(0)} ms; a whole library built from scratch: ${fullMs.toFixed(0)} ms`);
    console.log('change     to serving     longest busy stretch     longest wait of the event loop');
    for (const [kind, f] of Object.entries(figures)) {
      const cell = (values: number[]): string => `${median(values).toFixed(0)} (${Math.max(...values).toFixed(0)})`;
      console.log(`${kind.padEnd(10)} ${cell(f.ms).padStart(11)} ${cell(f.blocked).padStart(24)} ${cell(f.delay).padStart(34)}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
