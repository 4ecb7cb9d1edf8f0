/**
 * One corpus size of `npm run bench`, in a fresh process so that load time and memory are a
 * restart's: `--phase build` builds and saves the index from nothing; `--phase load` loads the
 * saved index, checks the seeds' findings, times every command on the query mix, and (with
 * `--login`) starts the bot against the local Discord emulator and times its first answer.
 * Prints one JSON line of figures.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { isDeepStrictEqual } from 'node:util';
import { answerLine } from '../src/answer-line.ts';
import { findCommand } from '../src/commands/registry.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { openLibrary } from '../src/index/open.ts';
import { buildLibrary } from '../src/index/assemble.ts';
import { findingsOf } from './generate.ts';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, cache: { type: 'string' }, seeds: { type: 'string', default: 'corpus' }, phase: { type: 'string' }, rounds: { type: 'string', default: '100' } } });

/** What people type, per command: speaker names, misspellings, topics, two-word phrases, common words, misses. */
export const QUERIES: Record<string, string[]> = {
  quote: ['/quote Iravani', '/quote Irvani', '/quote Takht-Ravanchi', '/quote Pentagon', '/quote baseless claims', '/quote Iran', '/quote attack', '/quote said', '/quote self-defense', '/quote nobody here'],
  figures: ['/figures casualties', '/figures attacks', '/figures troops', '/figures rockets', '/figures Gaza', '/figures killed Syria', '/figures Iran'],
  source: ['/source', '/source query:Ain al-Asad', '/source query:Iran', '/source query:said', '/source query:attack', '/source query:Iran attack', '/source query:letter Guterres', '/source query:Irvani', '/source article:press-tv-2021-03-15'],
  help: ['/help'],
};
/** Autocomplete as typed, a letter at a time. */
const TYPED: [string, string, string][] = [
  ['quote', 'query', 'i'], ['quote', 'query', 'ira'], ['quote', 'query', 'irvan'], ['figures', 'topic', 'cas'], ['source', 'article', 'press'], ['source', 'article', '2023'],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const started = performance.now();
const opened = await openLibrary(values.corpus!, { cacheDir: values.cache! });
if (!opened.success) throw new Error(`bench: ${opened.reason}`);
const ready = performance.now();
const { library } = opened;
// What is left to load after start-up, while a bot logs in: the search indexes.
await library.loadIndexes();
const indexed = performance.now();
const result: Record<string, unknown> = {
  phase: values.phase,
  ...library.size,
  outcome: opened.report.outcome,
  ms: ready - started,
  indexesMs: indexed - started,
  rss: process.memoryUsage().rss,
};

if (values.phase === 'load') {
  const seeds = await loadCorpus(values.seeds!);
  if (!seeds.success) throw new Error(`bench: ${seeds.reason}`);
  const ids = seeds.articles.map((a) => a.id);
  result['seedsUnchanged'] = isDeepStrictEqual(findingsOf(library, ids), findingsOf(buildLibrary(seeds.articles), ids));
  // Warm up the JIT so the figures describe a running bot, not a cold start.
  for (const lines of Object.values(QUERIES)) for (const line of lines) answerLine(library, line);
  const rounds = Number(values.rounds);
  const timings: Record<string, { p50: number; p99: number; max: number }> = {};
  const time = (name: string, run: () => void): void => {
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const start = performance.now();
      run();
      times.push(performance.now() - start);
    }
    const previous = (timings[name] as unknown as { all?: number[] } | undefined)?.all ?? [];
    const all = [...previous, ...times].sort((a, b) => a - b);
    timings[name] = Object.assign({ p50: percentile(all, 50), p99: percentile(all, 99), max: all[all.length - 1]! }, { all }) as never;
  };
  for (const [command, lines] of Object.entries(QUERIES)) for (const line of lines) time(command, () => answerLine(library, line));
  for (const [command, option, typed] of TYPED) time('autocomplete', () => findCommand(command)!.suggest!(library, option, typed));
  for (const t of Object.values(timings)) delete (t as { all?: number[] }).all;
  result['timings'] = timings;
  result['rssAfterQueries'] = process.memoryUsage().rss;
}
// The most memory the process held at any moment: for a build from nothing, what a machine must have room for.
result['peakRss'] = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify(result));
