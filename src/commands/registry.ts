/** Every command, by name. */
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { addCommand } from './add.ts';
import type { Command } from './answer.ts';
import { figures } from './figures.ts';
import { help } from './help.ts';
import { quote } from './quote.ts';
import { source } from './source.ts';

/** The commands, in the order `/help` and registration list them. */
export const COMMANDS: readonly Command[] = [quote, figures, source, help];

/** The command with this name, if there is one. */
export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.data.name === name);
}

/** What `deploy-commands` registers: the answering commands, then /add (which writes rather than answers, so is not a `Command`). */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [...COMMANDS.map((c) => c.data.toJSON()), addCommand.toJSON()];
}
