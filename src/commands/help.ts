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

/** Answers /help. */
export function answerHelp(): Answer {
  return { type: 'help', command: 'help', entries: [quote.help, figures.help, source.help, HELP_ENTRY] };
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
