/** Discord's definition of a command, built from the command's plain data (`Command` in src/commands/answer.ts). */
import { SlashCommandBuilder, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../commands/answer.ts';

/** The JSON that registering `command` sends to Discord. */
export function slashCommandOf(command: Command): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const builder = new SlashCommandBuilder().setName(command.name).setDescription(command.description);
  for (const spec of command.options) {
    if (spec.type === 'boolean') builder.addBooleanOption((o) => o.setName(spec.name).setDescription(spec.description).setRequired(spec.required ?? false));
    else
      builder.addStringOption((o) => {
        o.setName(spec.name).setDescription(spec.description).setRequired(spec.required ?? false);
        if (spec.autocomplete) o.setAutocomplete(true);
        if (spec.maxLength !== undefined) o.setMaxLength(spec.maxLength);
        return o;
      });
  }
  return builder.toJSON();
}
