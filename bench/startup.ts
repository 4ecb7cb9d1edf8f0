/**
 * Start-up of `npm run bench`, as whole processes started from outside, the way people start
 * Verbatim (medians of several runs, since these machines are shared and noisy):
 * - the terminal: `node dist/main.js` with `/quote Iravani` on its input, from spawning the
 *   process to the first byte of its answer;
 * - the bot: `node dist/main.js` with a token, against the local Discord emulator (127.0.0.1
 *   only), from spawning the process to its answer to the first interaction, sent as soon as
 *   the bot's gateway session is live;
 * - a one-shot `npm run ask` (npm's own start included) and the same `node dist/ask.js` alone.
 * Every run reads the saved index, which the caller has built first.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { DiscordEmulator } from '../test/support/discord-emulator.ts';

/** Milliseconds, medians over the runs. */
export interface StartupFigures {
  terminalFirstAnswer: number;
  botFirstAnswer: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** The environment of a run: no Discord variables from the shell or .env but those given. */
function envWith(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_') && k !== 'SHARDS'));
  return { ...base, LOG_LEVEL: 'warn', ...extra };
}

/** Spawn to the first byte on standard output, for the terminal with one command on its input. */
async function terminalOnce(corpus: string, cache: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], { env: envWith({ CORPUS_DIR: corpus, CACHE_DIR: cache }), stdio: ['pipe', 'pipe', 'ignore'] });
  child.stdin.end('/quote Iravani\n');
  const first = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', () => resolve(performance.now() - started));
    child.once('exit', (code) => reject(new Error(`bench: the terminal exited ${code} before answering`)));
  });
  await new Promise((resolve) => child.once('close', resolve));
  return first;
}

/** Spawn to the answer of the first interaction, for the bot against the emulator. */
async function botOnce(emulator: DiscordEmulator, corpus: string, cache: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: envWith({ CORPUS_DIR: corpus, CACHE_DIR: cache, DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl }),
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const identified = emulator.identifyCount;
  try {
    await emulator.waitForIdentify(identified + 1, 60_000);
    await emulator.sendCommand('quote', { query: 'Iravani' }).response;
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/** The terminal's and the bot's start-up on one corpus, medians of `runs` each. */
export async function startupFigures(corpus: string, cache: string, runs: number): Promise<StartupFigures> {
  const terminal: number[] = [];
  for (let i = 0; i < runs; i++) terminal.push(await terminalOnce(corpus, cache));
  const emulator = await new DiscordEmulator().start();
  const bot: number[] = [];
  try {
    for (let i = 0; i < runs; i++) bot.push(await botOnce(emulator, corpus, cache));
  } finally {
    await emulator.stop();
  }
  return { terminalFirstAnswer: median(terminal), botFirstAnswer: median(bot) };
}

/** A whole process's wall time, start to exit, median of `runs`. */
export async function processMs(command: string, args: string[], runs: number, env: Record<string, string> = {}): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const child = spawn(command, args, { env: envWith(env), stdio: ['ignore', 'ignore', 'ignore'] });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`bench: ${command} ${args.join(' ')} exited ${code}`);
    times.push(performance.now() - started);
  }
  return median(times);
}
