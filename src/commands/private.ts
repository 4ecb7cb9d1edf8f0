/** The `private` option that /quote, /figures and /source share: answers are public unless it is set. */
import type { SlashCommandBooleanOption } from 'discord.js';

/** The option's name, as the Discord edge reads it. */
export const PRIVATE_OPTION = 'private';

/** Adds `private: True` (show the answer only to the asker) to a command. */
export function addPrivateOption(option: SlashCommandBooleanOption): SlashCommandBooleanOption {
  return option.setName(PRIVATE_OPTION).setDescription('Show the answer only to you (answers are public by default)');
}
