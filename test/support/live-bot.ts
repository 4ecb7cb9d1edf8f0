/**
 * A running bot on a watched corpus folder, for the end-to-end tests of what lands in that folder:
 * the real discord.js client against the local Discord emulator, its commands registered, its log
 * lines kept, answering from a temporary folder that starts with one seed article.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type Bot } from '../../src/discord/bot.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import type { OpenOptions } from '../../src/index/open.ts';
import { LiveLibrary } from '../../src/live-library.ts';
import { createLogger, messageLog } from '../../src/log.ts';
import { DiscordEmulator } from './discord-emulator.ts';

/** The bot, what it runs on, and the lines it logged. */
export interface LiveBot {
  emulator: DiscordEmulator;
  bot: Bot;
  live: LiveLibrary;
  dir: string;
  lines: Record<string, unknown>[];
  /** The first line logged after the first `from` lines that passes `match`, waiting for it at most `timeoutMs`. */
  logged(match: (line: Record<string, unknown>) => boolean, from: number, timeoutMs: number): Promise<Record<string, unknown>>;
  /** Stops the bot, the watch and the emulator, and removes the folder. */
  stop(): Promise<void>;
}

/** The first of `lines` after the first `from` that passes `match`, waiting for it (as lines are logged) at most `timeoutMs`. */
export async function loggedLine(lines: readonly Record<string, unknown>[], match: (line: Record<string, unknown>) => boolean, from: number, timeoutMs: number): Promise<Record<string, unknown>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = lines.slice(from).find(match);
    if (found) return found;
    if (Date.now() > until) throw new Error(`test: no such line logged:\n${lines.map((l) => JSON.stringify(l)).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts a bot on a new folder (named after `prefix`) holding one seed article; `options` open its library. */
export async function startLiveBot(prefix: string, options: OpenOptions = {}): Promise<LiveBot> {
  const emulator = await new DiscordEmulator().start();
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await copyFile('corpus/press-tv-2023-11-10.txt', join(dir, 'press-tv-2023-11-10.txt'));
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ secrets: [emulator.token], destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
  const opened = await LiveLibrary.open(dir, messageLog(logger), options);
  if (!opened.success) throw new Error(opened.reason);
  // A short quiet time, so the tests do not wait the half second a person never notices.
  const live = opened.live.watch({ debounceMs: 30, pollMs: 0 });
  await deployCommands({ token: emulator.token, clientId: emulator.applicationId, guildId: emulator.guildId, apiUrl: emulator.apiUrl });
  const bot = await startBot({ token: emulator.token, library: live, apiUrl: emulator.apiUrl, logger });
  await emulator.waitForSession();
  return {
    emulator,
    bot,
    live,
    dir,
    lines,
    logged: (match, from, timeoutMs) => loggedLine(lines, match, from, timeoutMs),
    async stop() {
      live.close();
      await bot.client.destroy();
      await emulator.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
