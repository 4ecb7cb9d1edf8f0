/** Registers the slash commands with Discord, in one server or globally. */
import { REST, Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { addCommand } from '../commands/add.ts';
import { COMMANDS } from '../commands/registry.ts';
import { slashCommandOf } from './slash.ts';

/** Where and as whom to register. */
export interface DeployOptions {
  token: string;
  clientId: string;
  /** One server (commands appear at once) rather than every server (can take up to an hour). */
  guildId?: string | undefined;
  apiUrl?: string | undefined;
}

/** What `deploy-commands` registers: the answering commands, then /add (which writes rather than answers, so is not a `Command`). */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [...COMMANDS.map(slashCommandOf), addCommand.toJSON()];
}

/** Registers every command, replacing what was registered before; resolves to how many Discord holds. */
export async function deployCommands({ token, clientId, guildId, apiUrl }: DeployOptions): Promise<number> {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const route = guildId ? Routes.applicationGuildCommands(clientId, guildId) : Routes.applicationCommands(clientId);
  const registered = (await rest.put(route, { body: commandDefinitions() })) as unknown[];
  return registered.length;
}
