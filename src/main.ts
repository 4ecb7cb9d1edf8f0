/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set (under a shard manager when SHARDS is
 * set), otherwise a console in the terminal. Each part is imported only when it runs, so the
 * terminal starts without loading discord.js.
 */
import { configOrExit, PREPARE_INDEX } from './setup.ts';

const config = configOrExit();

if (!config.DISCORD_TOKEN) {
  const { runConsole } = await import('./console.ts');
  await runConsole(config);
} else if (process.env[PREPARE_INDEX]) {
  // Started by the shard manager: build or update the saved index, then exit.
  const { prepareIndex } = await import('./discord/prepare-index.ts');
  await prepareIndex({ ...config, DISCORD_TOKEN: config.DISCORD_TOKEN });
} else if (config.SHARDS !== undefined) {
  const { runShards } = await import('./discord/shards.ts');
  await runShards({ ...config, DISCORD_TOKEN: config.DISCORD_TOKEN, SHARDS: config.SHARDS });
} else {
  const { runBot } = await import('./discord/run.ts');
  // In a shard's process (started by runShards), every log line says which shard it is.
  await runBot({ ...config, DISCORD_TOKEN: config.DISCORD_TOKEN }, process.env['SHARDING_MANAGER'] ? { shard: Number(process.env['SHARDS']) } : {});
}
