/**
 * `npm run ask -- "/quote Iravani" [--json] [--corpus DIR] [--chart FILE.png]`: answers one command and exits.
 * `npm run ask -- --json -` (a dash for standard input): answers one command per line, with the
 * library loaded once, writing one answer per line (JSON Lines with `--json`) for scripts and
 * evaluation.
 */
import { writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { answerLine } from './answer-line.ts';
import type { Answer } from './commands/answer.ts';
import type { Library } from './index/library.ts';
import { renderJson } from './render/json.ts';
import { renderText } from './render/text.ts';
import { configOrExit, openLibraryOrExit } from './setup.ts';

const USAGE = 'Usage: npm run ask -- "/quote Iravani" [--json] [--corpus DIR] [--chart FILE.png]\n       npm run ask -- --json -   (one command per line on standard input, one JSON answer per line out)';

/** The dash that stands for standard input, as in many Unix tools. */
const STDIN = '-';

let args;
try {
  args = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false }, corpus: { type: 'string' }, chart: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.values.help || args.positionals.length === 0) {
  console.error(USAGE);
  process.exit(args.values.help ? 0 : 2);
}
const batch = args.positionals.length === 1 && args.positionals[0] === STDIN;
// Only what answering reads: a token or client id, however malformed, is no concern of `ask`.
const config = configOrExit(['CORPUS_DIR', 'CACHE_DIR', 'MAX_ARTICLE_BYTES']);
const library = await openLibraryOrExit(args.values.corpus ?? config.CORPUS_DIR, undefined, config.CACHE_DIR, config.MAX_ARTICLE_BYTES);
const json = args.values.json;

if (batch) await answerEachLine(library);
else {
  const answer = answerLine(library, args.positionals.join(' '));
  console.log(json ? JSON.stringify(renderJson(answer), null, 2) : renderText(answer));
  if (args.values.chart) await writeCharts(answer, args.values.chart);
  // Asking works, even when nothing matches; only an unknown command is the caller's mistake.
  process.exitCode = answer.type === 'problem' && answer.problem.code === 'unknown-command' ? 2 : 0;
}

/**
 * One answer per non-blank input line, in order: with `--json` each on one line (JSON Lines, the
 * same shape as `--json`), else as the terminal shows it with a blank line between. A line that is
 * not a command gets its `problem` answer and the batch goes on; the exit code is 0 once every line
 * is answered.
 */
async function answerEachLine(library: Library): Promise<void> {
  const write = (answer: Answer): boolean => process.stdout.write(json ? `${JSON.stringify(renderJson(answer))}\n` : `${renderText(answer)}\n\n`);
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    // Waiting when the pipe is full keeps a long batch from piling up in memory.
    if (!write(answerLine(library, line))) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

/**
 * `--chart out.png`: the chart Discord attaches to each group of figures over several dates, the
 * first as `out.png`, the next as `out-2.png` and so on; a note on standard error when there is none.
 */
async function writeCharts(answer: Answer, file: string): Promise<void> {
  const groups = answer.type === 'figures' ? answer.groups.filter((g) => g.dates > 1) : [];
  if (groups.length === 0) {
    console.error('No chart: the answer has no figures on one thing from two dates or more.');
    return;
  }
  // Loaded only here: the charting libraries take a moment to load, which no other answer needs.
  const { drawChart } = await import('./render/chart.ts');
  for (const [i, group] of groups.entries()) {
    const path = i === 0 ? file : file.replace(/(\.png)?$/iu, `-${i + 1}$1`);
    await writeFile(path, await drawChart(group));
    console.error(`Chart written to ${path}`);
  }
}
