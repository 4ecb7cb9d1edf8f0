/**
 * The last part of `npm run bench`: a restart from the saved index (load, log in, first answer),
 * then the bot under load: the real
 * discord.js client against the local Discord emulator (127.0.0.1 only), 1,000 interactions sent
 * 200 at a time, with how many were answered within Discord's 3 seconds and the p50 and p99 from
 * interaction to reply. Prints figures; asserts nothing, since these machines are shared and
 * timings are noisy.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { startBot } from '../src/discord/bot.ts';
import { deployCommands } from '../src/discord/deploy.ts';
import { LiveLibrary } from '../src/live-library.ts';
import { createLogger } from '../src/log.ts';
import { DiscordEmulator, type EmulatedInteraction } from '../test/support/discord-emulator.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'corpus' },
    cache: { type: 'string', default: '.cache' },
    interactions: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '200' },
  },
});
const total = Number(values.interactions);
const concurrency = Number(values.concurrency);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

// A restart as the bot makes one: the saved index loaded and the folder watched, then the bot logged in, then its first answer.
const opened = await LiveLibrary.open(values.corpus, { info: () => undefined, warn: (message) => console.error(message) }, { cacheDir: values.cache });
if (!opened.success) throw new Error(`bench: ${opened.reason}`);
const live = opened.live.watch();
const library = live.current();
const loaded = performance.now();

// ---------------------------------------------------------------------------------------------
// The bot under load, against the local Discord emulator.

const emulator = await new DiscordEmulator().start();
await deployCommands({ token: emulator.token, clientId: emulator.applicationId, guildId: emulator.guildId, apiUrl: emulator.apiUrl });
// Log lines are written (their cost is part of answering) but go nowhere.
const logger = createLogger({ secrets: [emulator.token], destination: { write: () => undefined } });
const loginStarted = performance.now();
const bot = await startBot({ token: emulator.token, library: live, apiUrl: emulator.apiUrl, logger });
await emulator.waitForSession();
const loggedIn = performance.now();
const firstAsked = emulator.sendCommand('quote', { query: 'Iravani' }, { userId: '1499999999999999999' });
await firstAsked.response;
const firstAnswered = performance.now();
console.log(`restart with ${library.articles.length} articles: index loaded ${loaded.toFixed(0)} ms after the process started (${opened.report?.outcome}); logged in ${(loggedIn - loginStarted).toFixed(0)} ms later; first interaction answered ${(firstAnswered - loggedIn).toFixed(0)} ms after login`);

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
live.close();
await emulator.stop();

console.log(`\nthe bot under load: ${total} interactions, ${concurrency} at a time, against the local Discord emulator`);
console.log(`answered: ${answered} of ${total} (${total - answered} lost) in ${seconds.toFixed(1)} s`);
console.log('kind           count     p50     p99     max   (ms from interaction to reply)');
for (const [kind, times] of Object.entries(latencies)) {
  if (times.length === 0) continue;
  times.sort((a, b) => a - b);
  console.log(`${kind.padEnd(12)} ${String(times.length).padStart(7)} ${String(percentile(times, 50)).padStart(7)} ${String(percentile(times, 99)).padStart(7)} ${String(times[times.length - 1]).padStart(7)}`);
}
