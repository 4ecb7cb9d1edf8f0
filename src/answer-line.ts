/** Answers a typed command line: the one path shared by the terminal console and `npm run ask`. */
import type { Answer } from './commands/answer.ts';
import { parseCommandLine } from './commands/parse.ts';
import type { Library } from './index/library.ts';

/** The answer to a line such as `/quote Iravani`. */
export function answerLine(library: Library, line: string): Answer {
  const parsed = parseCommandLine(line);
  if (!parsed.success) return { type: 'problem', command: parsed.name, query: '', problem: { code: 'unknown-command', name: parsed.name } };
  return parsed.command.answer(library, parsed.options);
}
