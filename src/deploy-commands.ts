/** `npm run deploy-commands`: registers the slash commands for DISCORD_CLIENT_ID (in DISCORD_GUILD_ID when set). */
import { requireVariables } from './config.ts';
import { deployCommands } from './discord/deploy.ts';
import { configOrExit } from './setup.ts';

const config = configOrExit();
const missing = requireVariables(config, ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID']);
if (missing) {
  console.error(missing);
  process.exit(1);
}
try {
  const count = await deployCommands({ token: config.DISCORD_TOKEN!, clientId: config.DISCORD_CLIENT_ID!, guildId: config.DISCORD_GUILD_ID, apiUrl: config.DISCORD_API_URL });
  console.log(`Registered ${count} commands ${config.DISCORD_GUILD_ID ? `in server ${config.DISCORD_GUILD_ID}` : 'globally (they can take up to an hour to appear)'}.`);
} catch (error) {
  // discord.js errors name the route and status, never the token.
  console.error(`Could not register the commands: ${(error as Error).message}`);
  process.exit(1);
}
