/**
 * SHARDS: the bot as two shard processes under discord.js's ShardingManager (`node dist/main.js`
 * as a service manager runs it), against the local Discord emulator: each shard identifies with its
 * own shard id, interactions delivered on either connection are answered, and SIGTERM stops them all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordEmulator } from '../support/discord-emulator.ts';

/** The JSON log lines a process has written to standard error so far. */
function logOf(child: ChildProcess): () => Record<string, unknown>[] {
  let raw = '';
  child.stderr!.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
  return () =>
    raw
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Resolves to what `check` returns once it is truthy (polling), or fails after `timeoutMs`. */
async function until<T>(check: () => T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the bot as shards', () => {
  let emulator: DiscordEmulator;
  let dir: string;

  beforeAll(async () => {
    // Two shards recommended (for SHARDS=auto), and up to 16 may identify at once, so the shards need not wait 5 s apart.
    emulator = await new DiscordEmulator({ recommendedShards: 2, maxConcurrency: 16 }).start();
    dir = await mkdtemp(join(tmpdir(), 'verbatim-shards-'));
    await copyFile('corpus/press-tv-2023-11-10.txt', join(dir, 'press-tv-2023-11-10.txt'));
  });

  afterAll(async () => {
    await emulator?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs SHARDS=auto as the two shards Discord recommends, each answering what arrives on its connection; SIGTERM stops them all with exit 0', async () => {
    const env = { ...process.env, DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl, CORPUS_DIR: join(dir), CACHE_DIR: join(dir, '.cache'), SHARDS: 'auto', LOG_LEVEL: 'info' };
    const child = spawn(process.execPath, ['dist/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const log = logOf(child);
    try {
      await emulator.waitForShards(2, 25_000);
      expect(emulator.liveShards()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      for (const shard of [0, 1]) {
        const answer = await emulator.sendCommand('quote', { query: 'Iravani' }, { shard }).response;
        expect(answer.data?.embeds?.[0]?.author?.name).toBe('Amir Saeid Iravani');
      }
      // Each shard logged its own answer, and says which shard it is.
      // (A line is written once its reply is sent, so it may come just after the reply arrives.)
      const answered = await until(() => {
        const lines = log().filter((l) => l.msg === 'answered');
        return lines.length === 2 ? lines : null;
      });
      expect(answered).not.toBeNull();
      expect(answered!.map((l) => l.shard).sort()).toEqual([0, 1]);
      // The index was built once, by the manager, before the shards loaded it.
      expect(log().filter((l) => typeof l.msg === 'string' && l.msg.startsWith('Index built'))).toHaveLength(1);

      const stopAsked = Date.now();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(Date.now() - stopAsked).toBeLessThan(10_000);
      expect(log().filter((l) => l.msg === 'logged out of Discord').map((l) => l.shard).sort()).toEqual([0, 1]);
      expect(emulator.liveShards()).toEqual([]);
      expect(JSON.stringify(log())).not.toContain(emulator.token);
    } finally {
      child.kill('SIGKILL');
    }
  }, 40_000);

  it('exits 1 when a shard dies by itself, after stopping the other, so the service manager restarts the whole bot', async () => {
    const env = { ...process.env, DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl, CORPUS_DIR: dir, CACHE_DIR: join(dir, '.cache'), SHARDS: '2', LOG_LEVEL: 'info' };
    const child = spawn(process.execPath, ['dist/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const log = logOf(child);
    try {
      await emulator.waitForShards(2, 25_000);
      const pid = await until(() => log().find((l) => l.shard === 1 && l.role === undefined && typeof l.pid === 'number')?.pid as number | undefined);
      expect(pid).toBeTypeOf('number');
      process.kill(pid!, 'SIGKILL');
      expect(await exited).toBe(1);
      expect(log().find((l) => l.msg === 'stopping every shard')?.reason).toMatch(/shard 1 stopped/u);
      expect(log().some((l) => l.msg === 'logged out of Discord' && l.shard === 0)).toBe(true);
    } finally {
      child.kill('SIGKILL');
    }
  }, 40_000);

  it('exits 1 with one clear line when Discord refuses the token, before starting any shard', async () => {
    const wrong = `${emulator.token.slice(0, -4)}AAAA`;
    const env = { ...process.env, DISCORD_TOKEN: wrong, DISCORD_API_URL: emulator.apiUrl, CORPUS_DIR: dir, CACHE_DIR: join(dir, '.cache'), SHARDS: '2', LOG_LEVEL: 'info' };
    const child = spawn(process.execPath, ['dist/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const log = logOf(child);
    expect(await exited).toBe(1);
    expect(log().find((l) => l.level === 60)?.msg).toMatch(/^Discord refused the token/u);
    expect(log().some((l) => l.msg === 'shard starting')).toBe(false);
    expect(JSON.stringify(log())).not.toContain(wrong);
  }, 20_000);
});
