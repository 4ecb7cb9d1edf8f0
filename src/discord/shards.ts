/**
 * `npm start` with DISCORD_TOKEN and SHARDS set: the bot as several shards, one process each,
 * under discord.js's ShardingManager. Discord requires sharding from 2,500 servers: each shard's
 * gateway connection carries the events of its share of them.
 *
 * The saved index is built (or brought up to date) once, before any shard starts, so that each
 * shard loads it as it stands instead of every shard deriving the same articles at once. That is
 * done in a process of its own (`PREPARE_INDEX`), so that the manager, which answers nothing, does
 * not keep the library's memory (some 200 MB at 10,000 articles). Each shard then watches the
 * corpus folder itself, as a single bot does.
 */
import { fork } from 'node:child_process';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import type { Config } from '../config.ts';
import { createLogger, exitOnUnexpectedErrors } from '../log.ts';
import { STOP_GRACE_MS, TOKEN_REFUSED } from './bot.ts';
import { PREPARE_INDEX } from '../setup.ts';

/** Discord lets one shard of a rate-limit bucket identify every 5 s; discord.js waits 5.5 s between spawns by default. */
const IDENTIFY_INTERVAL_MS = 5_500;

/** How long a shard has to connect and become ready before start-up is abandoned. */
const SHARD_READY_TIMEOUT_MS = 60_000;

/** What GET /gateway/bot says of this bot: the shards Discord recommends, and how many may identify at once. */
interface GatewayFacts {
  shards: number;
  maxConcurrency: number;
}

async function gatewayFacts(token: string, apiUrl: string | undefined): Promise<GatewayFacts> {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const body = (await rest.get(Routes.gatewayBot())) as { shards: number; session_start_limit: { max_concurrency: number } };
  return { shards: body.shards, maxConcurrency: body.session_start_limit.max_concurrency };
}

/** Runs every shard until a stop signal; exits the process itself: 0 for a requested stop, 1 when a shard cannot start or stops by itself. */
export async function runShards(config: Config & { DISCORD_TOKEN: string; SHARDS: 'auto' | number }): Promise<void> {
  const token = config.DISCORD_TOKEN;
  const logger = createLogger({ secrets: [token], level: config.LOG_LEVEL }).child({ role: 'shard-manager' });
  exitOnUnexpectedErrors(logger);
  let manager: ShardingManager | null = null;
  let stopping: Promise<never> | null = null;
  /** Asks every shard to stop (each finishes its interactions in flight and logs out), then exits with `code`. */
  const stopAll = (code: number, why: string): Promise<never> => {
    stopping ??= (async () => {
      logger.info({ reason: why }, 'stopping every shard');
      const shards = manager ? [...manager.shards.values()] : [];
      await Promise.all(shards.map((shard) => stopShard(shard)));
      process.exit(code);
    })();
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll(0, `${signal} received`));

  const prepared = await buildIndexFirst();
  // The process has logged why (an unreadable corpus folder): nothing to start shards with.
  if (prepared !== 0) process.exit(1);

  let facts: GatewayFacts;
  try {
    facts = await gatewayFacts(token, config.DISCORD_API_URL);
  } catch (error) {
    if ((error as { status?: number }).status === 401) logger.fatal(TOKEN_REFUSED);
    else logger.fatal({ err: error }, 'Could not ask Discord how to shard');
    process.exit(1);
  }
  const total = config.SHARDS === 'auto' ? facts.shards : config.SHARDS;
  // The shards run this same entry point (dist/main.js, or src/main.ts through tsx for `npm run dev`).
  manager = new ShardingManager(process.argv[1]!, { token, totalShards: total, mode: 'process', respawn: false, execArgv: process.execArgv });
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, of: total }, 'shard starting');
    // A shard that stops by itself (a revoked token, a fatal error) is not restarted here: the
    // whole bot exits 1, so that the service manager restarts it and the failure is seen.
    shard.on('death', (child) => {
      if (!stopping) void stopAll(1, `shard ${shard.id} stopped (exit code ${'exitCode' in child ? child.exitCode : 'unknown'})`);
    });
  });
  try {
    // Shards of different rate-limit buckets may identify together: Discord's max_concurrency of them per interval.
    await manager.spawn({ amount: total, delay: Math.ceil(IDENTIFY_INTERVAL_MS / Math.max(1, facts.maxConcurrency)), timeout: SHARD_READY_TIMEOUT_MS });
    logger.info({ shards: total }, 'every shard connected');
  } catch (error) {
    if (!stopping) {
      logger.fatal({ err: error }, 'A shard could not start');
      await stopAll(1, 'a shard could not start');
    }
  }
}

/** Sends the shard's process SIGTERM and waits for it to exit: at most the bot's own grace for answers in flight, then it is killed. */
function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Builds or updates the saved index in a child process (this entry point again, with `PREPARE_INDEX` set); resolves to its exit code. */
function buildIndexFirst(): Promise<number | null> {
  const child = fork(process.argv[1]!, [], { env: { ...process.env, [PREPARE_INDEX]: '1' }, execArgv: process.execArgv, stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
