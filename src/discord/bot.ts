/** The Discord edge: a client that answers slash commands from the library. */
import { Client, Events, GatewayIntentBits, MessageFlags, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import type { CommandOptions } from '../commands/answer.ts';
import { findCommand } from '../commands/registry.ts';
import type { Library } from '../index/library.ts';
import { renderDiscord } from '../render/discord.ts';

/** What the bot needs to run. */
export interface BotOptions {
  token: string;
  library: Library;
  /** Another REST base (`http://127.0.0.1:PORT/api`); the gateway address is asked of REST. */
  apiUrl?: string | undefined;
  /** Where lines about the bot's life go; never given the token. */
  log?: (message: string) => void;
}

/** Logs in and answers interactions; resolves once connected. `login()` rejects with `TokenInvalid` for a bad token. */
export async function startBot({ token, library, apiUrl, log = console.error }: BotOptions): Promise<Client> {
  const client = new Client({
    // Slash commands need no privileged intents; Guilds lets interaction.guild resolve.
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(apiUrl ? { rest: { api: apiUrl } } : {}),
  });
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, library, log));
  client.once(Events.ClientReady, (ready) => log(`Logged in to Discord as ${ready.user.tag}, answering from ${library.articles.length} articles.`));
  client.on(Events.Error, (error) => log(`Discord client error: ${error.message}`));
  await client.login(token);
  return client;
}

/** The options of a slash command as plain strings, by name. */
function optionsOf(interaction: ChatInputCommandInteraction): CommandOptions {
  return Object.fromEntries(interaction.options.data.map((o) => [o.name, typeof o.value === 'string' ? o.value : undefined]));
}

/**
 * Answers one interaction. The search takes milliseconds, so the answer goes in the first
 * response rather than a deferred reply and an edit (much slower under load). One catch answers
 * privately when anything goes wrong.
 */
export async function handleInteraction(interaction: Interaction, library: Library, log: (message: string) => void): Promise<void> {
  if (!interaction.isChatInputCommand()) return;
  const command = findCommand(interaction.commandName);
  try {
    if (!command) throw new Error(`bot: no command named ${interaction.commandName}`);
    const answer = command.answer(library, optionsOf(interaction));
    await interaction.reply(renderDiscord(answer));
  } catch (error) {
    log(`Answering /${interaction.commandName} failed: ${(error as Error).message}`);
    if (interaction.replied || interaction.deferred) return;
    await interaction
      .reply({ content: 'Sorry, something went wrong while answering. Please try again.', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } })
      .catch((e: Error) => log(`Could not report the failure: ${e.message}`));
  }
}
