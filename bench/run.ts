/**
 * `npm run bench`: how long loading the corpus and building the index take, the median and p99
 * time per answer for each command over a mix of queries, and then the bot under load: the real
 * discord.js client against the local Discord emulator (127.0.0.1 only), 1,000 interactions sent
 * 200 at a time, with how many were answered within Discord's 3 seconds and the p50 and p99 from
 * interaction to reply; and the hot reload of the seeds plus generated articles (see reload.ts). Prints figures; asserts nothing, since these machines are shared and
 * timings are noisy.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { answerLine } from '../src/answer-line.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { startBot } from '../src/discord/bot.ts';
import { deployCommands } from '../src/discord/deploy.ts';
import { Library } from '../src/index/library.ts';
import { fixedLibrary } from '../src/live-library.ts';
import { benchReload } from './reload.ts';
import { createLogger } from '../src/log.ts';
import { DiscordEmulator, type EmulatedInteraction } from '../test/support/discord-emulator.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'corpus' },
    rounds: { type: 'string', default: '200' },
    interactions: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '200' },
    generated: { type: 'string', default: '300' },
  },
});
const rounds = Number(values.rounds);
const total = Number(values.interactions);
const concurrency = Number(values.concurrency);

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

await benchReload(Number(values.generated));

// ---------------------------------------------------------------------------------------------
// The bot under load, against the local Discord emulator.

const emulator = await new DiscordEmulator().start();
await deployCommands({ token: emulator.token, clientId: emulator.applicationId, guildId: emulator.guildId, apiUrl: emulator.apiUrl });
// Log lines are written (their cost is part of answering) but go nowhere.
const logger = createLogger({ secrets: [emulator.token], destination: { write: () => undefined } });
const bot = await startBot({ token: emulator.token, library: fixedLibrary(library), apiUrl: emulator.apiUrl, logger });
await emulator.waitForSession();

/** One user per interaction, as in a busy server, so the per-user limit is not what is measured. */
let nextUser = 1500000000000000000n;
const user = (): { userId: string } => ({ userId: String(nextUser++) });

// Answers whose Next button the load presses, each by the user who asked (so within their limit).
const pageable = await Promise.all(
  Array.from({ length: 50 }, async () => {
    const who = user();
    const asked = emulator.sendCommand('quote', { query: 'Iravani' }, who);
    await asked.response;
    const next = (asked.original?.components?.[0] as { components: { custom_id?: string }[] } | undefined)?.components[1]?.custom_id ?? '';
    return { who, message: asked.original!, next };
  }),
);

const COMMANDS: [string, Record<string, string>][] = [
  ['quote', { query: 'Iravani' }],
  ['quote', { query: 'baseless claims' }],
  ['quote', { query: 'nobody here' }],
  ['figures', { topic: 'casualties' }],
  ['figures', { topic: 'attacks' }],
  ['source', {}],
  ['source', { query: 'Ain al-Asad' }],
  ['source', { article: 'press-tv-2021-03-15' }],
  ['help', {}],
];

/** The i-th interaction of the mix: mostly commands, one in ten autocomplete, one in ten a button press. */
function send(i: number): { kind: string; interaction: EmulatedInteraction } {
  if (i % 10 === 0) return { kind: 'autocomplete', interaction: emulator.sendAutocomplete('quote', { query: 'ira' }, 'query', user()) };
  if (i % 10 === 1) {
    const answer = pageable[Math.floor(i / 10) % pageable.length]!;
    return { kind: 'button', interaction: emulator.sendButton(answer.next, answer.message, answer.who) };
  }
  const [name, options] = COMMANDS[i % COMMANDS.length]!;
  return { kind: 'command', interaction: emulator.sendCommand(name, options, user()) };
}

const latencies: Record<string, number[]> = { all: [], command: [], autocomplete: [], button: [] };
let answered = 0;
const started = performance.now();
for (let first = 0; first < total; first += concurrency) {
  const batch = Array.from({ length: Math.min(concurrency, total - first) }, (_, j) => send(first + j));
  await Promise.all(
    batch.map(async ({ kind, interaction }) => {
      try {
        await interaction.response;
        const accepted = interaction.events.find((e) => e.kind === 'callback' && e.status < 300)!;
        answered++;
        latencies.all!.push(accepted.elapsedMs);
        latencies[kind]!.push(accepted.elapsedMs);
      } catch {
        // Not acknowledged within the 3 seconds: lost, as it would be on Discord.
      }
    }),
  );
}
const seconds = (performance.now() - started) / 1000;
await bot.stop();
await emulator.stop();

console.log(`\nthe bot under load: ${total} interactions, ${concurrency} at a time, against the local Discord emulator`);
console.log(`answered: ${answered} of ${total} (${total - answered} lost) in ${seconds.toFixed(1)} s`);
console.log('kind           count     p50     p99     max   (ms from interaction to reply)');
for (const [kind, times] of Object.entries(latencies)) {
  if (times.length === 0) continue;
  times.sort((a, b) => a - b);
  console.log(`${kind.padEnd(12)} ${String(times.length).padStart(7)} ${String(percentile(times, 50)).padStart(7)} ${String(percentile(times, 99)).padStart(7)} ${String(times[times.length - 1]).padStart(7)}`);
}
