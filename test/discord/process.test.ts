/**
 * The bot as a process, as a service manager runs it (`node dist/main.js`), against a
 * local Discord: start-up with a broken corpus file, SIGTERM with an answer in flight, a refused
 * token; and `deploy-commands` registering in a guild and globally.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordEmulator } from '../support/discord-emulator.ts';
import { loadProbe } from '../support/loaded-modules.ts';
import { longArticle } from '../support/long-article.ts';

const run = promisify(execFile);

const EPHEMERAL = 64;

/** A child's standard error, parsed as log lines as they arrive. */
function logLines(child: ChildProcess): { lines: Record<string, unknown>[]; raw: () => string; waitFor(msg: string, timeoutMs?: number): Promise<Record<string, unknown>> } {
  let raw = '';
  const lines: Record<string, unknown>[] = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    raw += chunk.toString('utf8');
    const complete = raw.split('\n').slice(0, -1);
    lines.length = 0;
    for (const line of complete) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  return {
    lines,
    raw: () => raw,
    waitFor: (msg, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`test: no log line "${msg}" in ${timeoutMs} ms:\n${raw}`)), timeoutMs);
        const check = (): void => {
          const found = lines.find((l) => l.msg === msg);
          if (!found) return void setTimeout(check, 20);
          clearTimeout(timer);
          resolve(found);
        };
        check();
      }),
  };
}

describe('the bot process against a local Discord', () => {
  let emulator: DiscordEmulator;
  let corpus: string;

  beforeAll(async () => {
    emulator = await new DiscordEmulator().start();
    corpus = await mkdtemp(join(tmpdir(), 'verbatim-corpus-'));
    await copyFile('corpus/press-tv-2023-11-10.txt', join(corpus, 'press-tv-2023-11-10.txt'));
    await writeFile(join(corpus, 'broken.txt'), 'no front matter here\n');
  });

  afterAll(async () => {
    await emulator?.stop();
    await rm(corpus, { recursive: true, force: true });
  });

  it('starts from the saved index without the analysis or the page reader, which only deriving and reading pages use', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'verbatim-cache-'));
    const env = { ...process.env, DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl, CORPUS_DIR: 'corpus', CACHE_DIR: cache, LOG_LEVEL: 'info' };
    // The first start builds and saves the index; the second loads it, as a restart does.
    for (const start of ['build', 'load']) {
      const probe = await loadProbe();
      const child = spawn(process.execPath, [...probe.nodeOptions, 'dist/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const log = logLines(child);
      try {
        await log.waitFor('logged in to Discord');
        await emulator.waitForSession();
        const answer = await emulator.sendCommand('quote', { query: 'Iravani' }).response;
        expect(answer.data?.embeds?.[0]?.author?.name).toBe('Amir Saeid Iravani');
        child.kill('SIGTERM');
        await exited;
      } finally {
        child.kill('SIGKILL');
      }
      const loaded = await probe.loaded();
      expect(loaded.discord, start).toBe(true);
      expect(loaded.analysis, start).toBe(start === 'build');
      expect(loaded.files.filter((f) => f.includes('/node_modules/linkedom/') || f.includes('/node_modules/@mozilla/readability/')), start).toEqual([]);
    }
  });

  it('starts with a broken corpus file named in a warning, serves an article copied in while it runs; on SIGTERM stops taking interactions, finishes the one in flight, logs out and exits 0', async () => {
    const env = { ...process.env, DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl, CORPUS_DIR: corpus, LOG_LEVEL: 'info' };
    const child = spawn(process.execPath, ['dist/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const log = logLines(child);
    try {
      await log.waitFor('logged in to Discord');
      const skipped = log.lines.find((l) => l.level === 40 && l.file === join(corpus, 'broken.txt'));
      expect(skipped?.msg, log.raw()).toContain('broken.txt');
      expect(skipped?.reason, log.raw()).toMatch(/front matter/u);
      expect(log.lines.find((l) => l.msg === 'corpus loaded')).toMatchObject({ articles: 1 });
      await emulator.waitForSession();

      // The folder is watched: an article copied in is served without a restart.
      await copyFile('corpus/press-tv-2021-03-15.txt', join(corpus, 'press-tv-2021-03-15.txt'));
      expect(await log.waitFor('corpus reloaded')).toMatchObject({ added: [join(corpus, 'press-tv-2021-03-15.txt')], articles: 2 });
      const added = await emulator.sendCommand('quote', { query: 'Takht-Ravanchi' }).response;
      expect(added.data?.embeds?.[0]?.author?.name).toBe('Majid Takht-Ravanchi');

      // The reply is held up by a 429 for a second, so it is in flight when SIGTERM arrives.
      emulator.rateLimitNextCallback(1);
      const inFlight = emulator.sendCommand('quote', { query: 'Iravani' });
      await inFlight.waitForEvent((e) => e.status === 429);
      child.kill('SIGTERM');
      await log.waitFor('stopping: no new interactions, finishing those in flight');
      const late = emulator.sendCommand('quote', { query: 'Iravani' });

      const answer = await inFlight.response;
      expect(answer.data?.embeds?.[0]?.author?.name).toBe('Amir Saeid Iravani');
      const refused = await late.response;
      expect((refused.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(refused.data?.content).toContain('restarting');

      expect(await exited).toBe(0);
      expect(log.lines.some((l) => l.msg === 'logged out of Discord')).toBe(true);
      // The refusal is logged like every other answer (it comes before the answer in flight, which is held up; after the answer about the article copied in).
      const answered = log.lines.filter((l) => l.msg === 'answered').map((l) => ({ interaction: l.interaction, command: l.command, refused: l.refused }));
      expect(answered).toEqual([
        { interaction: 'command', command: 'quote', refused: undefined },
        { interaction: 'command', command: 'quote', refused: 'stopping' },
        { interaction: 'command', command: 'quote', refused: undefined },
      ]);
      expect(emulator.connected).toBe(false);
      expect(log.raw()).not.toContain(emulator.token);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);

  it('answers a steady stream of interactions within Discord\'s 3 seconds while a 400 KB article copied into its folder is indexed', async () => {
    const env = { ...process.env, DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl, CORPUS_DIR: corpus, LOG_LEVEL: 'info' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = logLines(child);
    try {
      await log.waitFor('logged in to Discord');
      await emulator.waitForSession();
      await writeFile(join(corpus, 'long-read.txt'), await longArticle('long-read', 400_000));
      let done = false;
      const reloaded = log.waitFor('corpus reloaded', 60_000).finally(() => (done = true));
      const waits: Promise<number | null>[] = [];
      // The bot runs in its own process: an event loop it holds delays these answers, not their sending.
      for (let user = 1900000000000000000n; !done; user++) {
        const interaction = emulator.sendCommand('quote', { query: 'Iravani' }, { userId: String(user) });
        waits.push(interaction.response.then(() => interaction.events[0]!.elapsedMs, () => null));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await reloaded).toMatchObject({ added: [join(corpus, 'long-read.txt')], analysed: 1 });
      const answered = await Promise.all(waits);
      expect(answered.length).toBeGreaterThan(5);
      expect(answered.filter((ms) => ms === null || ms >= 3_000)).toEqual([]);
      // Derived on the worker thread, not in place after it failed.
      expect(log.lines.filter((l) => String(l.msg).includes('worker thread'))).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      await rm(join(corpus, 'long-read.txt'), { force: true });
    }
  }, 90_000);

  it('exits 0 at once on SIGTERM while still connecting to a Discord that does not answer', async () => {
    // A server that takes the connection and never replies: login hangs, as it does in an outage.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const env = { ...process.env, DISCORD_TOKEN: emulator.token, DISCORD_API_URL: `http://127.0.0.1:${port}/api`, CORPUS_DIR: corpus, LOG_LEVEL: 'info' };
    const child = spawn(process.execPath, ['dist/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const log = logLines(child);
    try {
      await log.waitFor('corpus loaded');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(log.lines.some((l) => l.msg === 'signal received while starting; exiting')).toBe(true);
      expect(log.raw()).not.toContain(emulator.token);
    } finally {
      child.kill('SIGKILL');
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('exits non-zero with a clear message when Discord refuses the token, without printing it', async () => {
    const token = `${'A'.repeat(24)}.${'B'.repeat(6)}.${'C'.repeat(27)}`;
    const env = { ...process.env, DISCORD_TOKEN: token, DISCORD_API_URL: emulator.apiUrl, CORPUS_DIR: 'corpus' };
    const failure = await run(process.execPath, ['dist/main.js'], { env }).catch((error: { code: number; stderr: string; stdout: string }) => error);
    expect('code' in failure && failure.code).toBe(1);
    const fatal = failure.stderr.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { level: number; msg: string }).find((l) => l.level === 60);
    expect(fatal?.msg).toContain('Discord refused the token in DISCORD_TOKEN');
    expect(failure.stderr + failure.stdout).not.toContain(token);
  });

  it('exits 1 with one clear line when Discord revokes the token while the bot runs (gateway close 4004)', async () => {
    const env = { ...process.env, DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl, CORPUS_DIR: corpus, LOG_LEVEL: 'INFO' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const log = logLines(child);
    try {
      await log.waitFor('logged in to Discord');
      await emulator.waitForSession();
      emulator.dropConnection(4004, 'Authentication failed.');
      expect(await exited).toBe(1);
      const fatal = log.lines.filter((l) => l.level === 60);
      expect(fatal).toHaveLength(1);
      expect(fatal[0]?.msg).toMatch(/^Discord refused the token in DISCORD_TOKEN/u);
      expect(log.raw()).not.toContain(emulator.token);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('exits 1 with one fatal line when the corpus folder is missing', async () => {
    const env = { ...process.env, DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl, CORPUS_DIR: join(corpus, 'no-such-folder') };
    const failure = await run(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failure && failure.code).toBe(1);
    const lines = failure.stderr.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(lines.filter((l) => l.level === 60).map((l) => l.msg)).toEqual([`The corpus folder ${join(corpus, 'no-such-folder')} does not exist. Set CORPUS_DIR (or --corpus) to a folder of article files.`]);
  });

  it('registers the commands through npm run deploy-commands, in a guild and globally', async () => {
    const base = { ...process.env, DISCORD_TOKEN: emulator.token, DISCORD_CLIENT_ID: emulator.applicationId, DISCORD_API_URL: emulator.apiUrl };
    const guild = await run(process.execPath, ['dist/deploy-commands.js'], { env: { ...base, DISCORD_GUILD_ID: emulator.guildId } });
    expect(guild.stdout).toContain(`Registered 5 commands in server ${emulator.guildId}`);
    expect(emulator.registeredCommands(emulator.guildId).map((c) => c.name).sort()).toEqual(['add', 'figures', 'help', 'quote', 'source']);
    const global = await run(process.execPath, ['dist/deploy-commands.js'], { env: { ...base, DISCORD_GUILD_ID: '' } });
    expect(global.stdout).toContain('Registered 5 commands globally');
    expect(emulator.registeredCommands().map((c) => c.name).sort()).toEqual(['add', 'figures', 'help', 'quote', 'source']);
  });
});
