/** `npm run ask -- "/quote Iravani" [--json] [--corpus DIR]`: answers one command and exits. */
import { parseArgs } from 'node:util';
import { answerLine } from './answer-line.ts';
import { renderJson } from './render/json.ts';
import { renderText } from './render/text.ts';
import { configOrExit, openLibraryOrExit } from './setup.ts';

const USAGE = 'Usage: npm run ask -- "/quote Iravani" [--json] [--corpus DIR]';

let args;
try {
  args = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false }, corpus: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.values.help || args.positionals.length === 0) {
  console.error(USAGE);
  process.exit(args.values.help ? 0 : 2);
}
// Only what answering reads: a token or client id, however malformed, is no concern of `ask`.
const config = configOrExit(['CORPUS_DIR', 'CACHE_DIR', 'MAX_ARTICLE_BYTES']);
const library = await openLibraryOrExit(args.values.corpus ?? config.CORPUS_DIR, undefined, config.CACHE_DIR, config.MAX_ARTICLE_BYTES);
const answer = answerLine(library, args.positionals.join(' '));
console.log(args.values.json ? JSON.stringify(renderJson(answer), null, 2) : renderText(answer));
// Asking works, even when nothing matches; only an unknown command is the caller's mistake.
process.exitCode = answer.type === 'problem' && answer.problem.code === 'unknown-command' ? 2 : 0;
