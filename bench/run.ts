/**
 * `npm run bench`: how long loading the corpus and building the index take, and the median and
 * p99 time per answer for each command over a mix of queries. Prints figures; asserts nothing,
 * since these machines are shared and timings are noisy.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { answerLine } from '../src/answer-line.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { Library } from '../src/index/library.ts';

const { values } = parseArgs({ options: { corpus: { type: 'string', default: 'corpus' }, rounds: { type: 'string', default: '200' } } });
const rounds = Number(values.rounds);

/** What people type, per command: names, misspellings, topics, phrases, common words, misses. */
const QUERIES: Record<string, string[]> = {
  quote: ['/quote Iravani', '/quote Irvani', '/quote Takht-Ravanchi', '/quote Khosravi', '/quote Biden', '/quote baseless', '/quote Iran', '/quote self-defense', '/quote nobody here'],
  figures: ['/figures casualties', '/figures attacks', '/figures troops', '/figures rockets', '/figures Gaza', '/figures killed Syria'],
  source: ['/source', '/source query:Ain al-Asad', '/source query:Iran', '/source query:said', '/source query:letter Guterres', '/source article:press-tv-2021-03-15'],
  help: ['/help'],
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const t0 = performance.now();
const corpus = await loadCorpus(values.corpus);
if (!corpus.success) throw new Error(`bench: ${corpus.reason}`);
const t1 = performance.now();
const library = new Library(corpus.articles);
const t2 = performance.now();
const sentences = corpus.articles.reduce((n, a) => n + library.sentencesOf(a.id).length, 0);
console.log(`corpus: ${corpus.articles.length} articles, ${sentences} sentences, ${library.quotations.length} quotations, ${library.figures.length} figures`);
console.log(`load corpus: ${(t1 - t0).toFixed(1)} ms`);
console.log(`build index: ${(t2 - t1).toFixed(1)} ms`);
console.log(`rss: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);

// Warm up the JIT so the figures describe a running bot, not a cold start.
for (const lines of Object.values(QUERIES)) for (const line of lines) answerLine(library, line);

console.log(`\nper answer over ${rounds} rounds of each query (ms):`);
console.log('command   queries   median     p99     max');
for (const [command, lines] of Object.entries(QUERIES)) {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const line of lines) {
      const start = performance.now();
      answerLine(library, line);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  console.log(`${command.padEnd(9)} ${String(lines.length).padStart(7)} ${percentile(times, 50).toFixed(3).padStart(8)} ${percentile(times, 99).toFixed(3).padStart(7)} ${times[times.length - 1]!.toFixed(3).padStart(7)}`);
}
