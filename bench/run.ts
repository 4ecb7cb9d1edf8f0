/**
 * `npm run bench [-- --articles 10000 --generated 300 --no-load-test --no-reload]`: for 5 articles (the seeds), 1,000 and the size asked for,
 * a generated corpus (see `generate.ts`) is indexed from nothing and then loaded from its saved
 * index in a fresh process, as a restart would; printed per size: build time, cache size, load
 * time, memory, whether the seeds' findings are unchanged, p50/p99 per command over a mix of what
 * people type, and grep over the same files as the baseline. Then a restart of the bot on the
 * largest corpus (load, log in, first answer) and the bot under load, against the local Discord
 * emulator; then the hot reload of the seeds plus `--generated` articles (see `reload.ts`), and a
 * 2 MB article added to the running bot under a stream of interactions (see `long-article.ts`).
 * Prints figures; asserts nothing, since these machines are shared and timings noisy.
 */
import { execFile } from 'node:child_process';
import { cp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify, parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/load.ts';
import { cacheFileOf } from '../src/index/cache.ts';
import { writeCorpus } from './generate.ts';
import { benchReload } from './reload.ts';
import { processMs, startupFigures } from './startup.ts';

const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    seeds: { type: 'string', default: 'corpus' },
    rounds: { type: 'string', default: '100' },
    'startup-runs': { type: 'string', default: '5' },
    'no-load-test': { type: 'boolean', default: false },
    generated: { type: 'string', default: '300' },
    'no-reload': { type: 'boolean', default: false },
  },
});
const largest = Number(values.articles);
const sizes = [...new Set([5, 1000, largest])].filter((n) => n <= Math.max(largest, 5)).sort((a, b) => a - b);
const WORK = '.cache/bench';

/** Words and phrases of the query mix, as grep is given them. */
const GREP_QUERIES = ['Iravani', 'Iran', 'said', 'attack', 'baseless claims', 'Ain al-Asad', 'casualties', 'troops', 'nobody here'];

// Start-up is timed on what `npm start` and `npm run ask` run: the build, made afresh.
await run(process.execPath, ['scripts/build.mjs']);
const startupRuns = Number(values['startup-runs']);

const seeds = await loadCorpus(values.seeds);
if (!seeds.success) throw new Error(`bench: ${seeds.reason}`);

interface Figures {
  articles: number; sentences: number; quotations: number; figures: number; speakers: number;
  outcome: string; ms: number; indexesMs: number; rss: number; peakRss: number; rssAfterQueries?: number; seedsUnchanged?: boolean;
  timings?: Record<string, { p50: number; p99: number; max: number }>;
}

async function child(phase: string, corpus: string, cache: string): Promise<Figures> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/size.ts', '--phase', phase, '--corpus', corpus, '--cache', cache, '--seeds', values.seeds, '--rounds', values.rounds], { maxBuffer: 1 << 24 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Figures;
}

async function grep(corpus: string): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const query of GREP_QUERIES) {
      const start = performance.now();
      await run('grep', ['-rilF', '--', query, corpus], { maxBuffer: 1 << 26 }).catch(() => undefined);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)]!, p99: times[times.length - 1]! };
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n.toFixed(0));

for (const size of sizes) {
  const corpus = join(WORK, `corpus-${size}`);
  const cache = join(WORK, `index-${size}`);
  const generating = performance.now();
  if (size <= seeds.articles.length) {
    await rm(corpus, { recursive: true, force: true });
    await cp(values.seeds, corpus, { recursive: true });
  } else await writeCorpus(corpus, seeds.articles, size - seeds.articles.length);
  const generated = performance.now() - generating;
  // A corpus is written before the bot reads it, not within the same second: a file read that soon
  // after it was written is read again at the next start (see `RACY_MS` in src/corpus/load.ts).
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  await rm(cache, { recursive: true, force: true });
  const build = await child('build', corpus, cache);
  const cacheSize = (await stat(cacheFileOf(cache, corpus))).size;
  const load = await child('load', corpus, cache);
  const baseline = await grep(corpus);
  console.log(`\n== ${build.articles} articles: ${build.sentences} sentences, ${build.quotations} quotations, ${build.figures} figures, ${build.speakers} speakers (corpus generated in ${ms(generated)} ms)`);
  console.log(`build ${ms(build.ms)} ms (${(build.ms / build.articles).toFixed(1)} ms an article; peak RSS ${mb(build.peakRss)}) · cache ${mb(cacheSize)} · load ${ms(load.ms)} ms (${load.outcome}; search indexes loaded in the background by ${ms(load.indexesMs)} ms) · RSS ${mb(load.rss)} loaded, ${mb(load.rssAfterQueries!)} after the queries · seeds' quotations, speakers and figures ${load.seedsUnchanged ? 'unchanged' : 'CHANGED'}`);
  console.log('command        p50 ms   p99 ms   max ms');
  let slowestP50 = 0;
  for (const [name, t] of Object.entries(load.timings!)) {
    slowestP50 = Math.max(slowestP50, t.p50);
    console.log(`${name.padEnd(12)} ${ms(t.p50).padStart(8)} ${ms(t.p99).padStart(8)} ${ms(t.max).padStart(8)}`);
  }
  console.log(`${'grep'.padEnd(12)} ${ms(baseline.p50).padStart(8)} ${ms(baseline.p99).padStart(8)}    (grep -rilF over the files, per query) → the slowest command's p50 is ${(baseline.p50 / slowestP50).toFixed(0)}× faster`);
  const startup = await startupFigures(corpus, cache, startupRuns);
  console.log(`start-up (whole processes from the saved index, medians of ${startupRuns}): terminal's first answer ${ms(startup.terminalFirstAnswer)} ms after the process started (target ≤ 500) · bot connected and answering ${ms(startup.botFirstAnswer)} ms after (target ≤ 1,000)`);
  if (size === sizes[0]) {
    const env = { CORPUS_DIR: corpus, CACHE_DIR: cache };
    const withNpm = await processMs('npm', ['run', '-s', 'ask', '--', '/quote Iravani'], startupRuns, env);
    const alone = await processMs(process.execPath, ['dist/ask.js', '/quote Iravani'], startupRuns, env);
    console.log(`one-shot npm run ask -- "/quote Iravani", start to exit: ${ms(withNpm)} ms with npm's own start (target ≤ 700) · ${ms(alone)} ms the process alone (target ≤ 300)`);
  }
}

if (!values['no-load-test']) {
  const corpus = join(WORK, `corpus-${largest}`);
  const cache = join(WORK, `index-${largest}`);
  console.log('');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/load-test.ts', '--corpus', corpus, '--cache', cache], { maxBuffer: 1 << 24 });
  process.stdout.write(stdout);
}

if (!values['no-reload']) {
  await benchReload(Number(values.generated));
  process.stdout.write((await run(process.execPath, ['--import', 'tsx', 'bench/long-article.ts'], { maxBuffer: 1 << 24 })).stdout);
}
