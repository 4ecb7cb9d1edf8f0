/** /help: what each command does, with an example. */
import type { Answer, Command, HelpEntry } from './answer.ts';
import { figures } from './figures.ts';
import { quote } from './quote.ts';
import { source } from './source.ts';

const HELP_ENTRY: HelpEntry = {
  usage: '/help',
  description: 'This list. Every answer is the articles’ own words, with outlet, date and link.',
  example: '/help',
};

/**
 * /add's line (the command itself is `add.ts`, which imports discord.js: the terminal has no /add).
 * Discord shows /add only to members it lets use it, so the line says who that is.
 */
const ADD_ENTRY: HelpEntry = {
  usage: '/add url:<link>',
  description: 'Adds a news article to the corpus from its link; its sentences answer at once. For members who can manage messages, unless the server’s admins chose others.',
  example: '/add url:https://www.example.com/news/2024/05/14/story',
  discordOnly: true,
};

/** Answers /help. */
export function answerHelp(): Answer {
  return { type: 'help', command: 'help', entries: [quote.help, figures.help, source.help, ADD_ENTRY, HELP_ENTRY] };
}

/** The /help command. */
export const help: Command = {
  name: 'help',
  description: 'What Verbatim can answer, with examples',
  options: [],
  defaultOption: null,
  help: HELP_ENTRY,
  answer: answerHelp,
};
