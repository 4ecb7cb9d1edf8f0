/** `npm run ask -- "/quote Iravani" [--json] [--corpus DIR] [--chart FILE.png]`: answers one command and exits. */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { answerLine } from './answer-line.ts';
import { renderJson } from './render/json.ts';
import { renderText } from './render/text.ts';
import { configOrExit, openLibraryOrExit } from './setup.ts';

const USAGE = 'Usage: npm run ask -- "/quote Iravani" [--json] [--corpus DIR] [--chart FILE.png]';

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
const config = configOrExit();
const library = await openLibraryOrExit(args.values.corpus ?? config.CORPUS_DIR, undefined, config.CACHE_DIR);
const answer = answerLine(library, args.positionals.join(' '));
console.log(args.values.json ? JSON.stringify(renderJson(answer), null, 2) : renderText(answer));
if (args.values.chart) await writeCharts(args.values.chart);
// Asking works, even when nothing matches; only an unknown command is the caller's mistake.
process.exitCode = answer.type === 'problem' && answer.problem.code === 'unknown-command' ? 2 : 0;

/**
 * `--chart out.png`: the chart Discord attaches to each group of figures over several dates, the
 * first as `out.png`, the next as `out-2.png` and so on; a note on standard error when there is none.
 */
async function writeCharts(file: string): Promise<void> {
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
