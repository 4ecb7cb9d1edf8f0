/**
 * `npm run eval`: precision and recall of quotations and figures, and speaker accuracy, on the
 * labelled seeds and on the articles written for the evaluation, printed side by side; then the
 * real news labelled by hand (`../shared/realnews/`, when it is there).
 * `--mistakes` lists every mistake as well; `--set <name>` (or several, comma-separated) scores
 * only those sets; `--json` prints the scores as JSON instead of tables, to compare runs.
 */
import { parseArgs } from 'node:util';
import { printRealNews, printRealNewsMistakes, notFoundLine, realNewsDir, REALNEWS_SETS, scoreRealNewsSets, type RealNewsResults, type RealNewsSet } from './realnews.ts';
import { MEASURES, TARGET, type Scores } from './score.ts';
import { SETS, scoreSets } from './sets.ts';

const ALL_SETS: readonly string[] = [...SETS.map((s) => s.name), ...REALNEWS_SETS];

const { values } = parseArgs({
  options: { mistakes: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, set: { type: 'string', multiple: true } },
});
const wanted = new Set((values.set ?? ALL_SETS).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean));
const unknown = [...wanted].filter((s) => !ALL_SETS.includes(s));
if (unknown.length > 0) {
  console.error(`eval: no set named ${unknown.join(', ')}; the sets are ${ALL_SETS.join(', ')}.`);
  process.exit(1);
}
const showMistakes = values.mistakes;

// `scoreSets` scores both labelled sets at once; a set left out is dropped afterwards (they take a second).
const results: { name: string; scores: Scores }[] = SETS.some((s) => wanted.has(s.name)) ? (await scoreSets()).filter((r) => wanted.has(r.name)) : [];
const realNewsWanted = REALNEWS_SETS.filter((s) => wanted.has(s));
const realNews: RealNewsResults | null = realNewsWanted.length > 0 ? await scoreRealNewsSets(realNewsDir(), realNewsWanted as RealNewsSet[]) : null;

if (values.json) {
  // Mistakes only with `--mistakes`: without them the output is small enough to keep and compare.
  const strip = <T extends { mistakes: unknown[] }>(scores: T) => (showMistakes ? scores : { ...scores, mistakes: scores.mistakes.length });
  const json = {
    ...Object.fromEntries(results.map((r) => [r.name, strip(r.scores)])),
    ...(realNews?.found ? Object.fromEntries(realNews.sets.map((r) => [r.name, strip(r.scores)])) : {}),
    ...(realNews && !realNews.found ? { realNewsNotFound: realNews.dir } : {}),
  };
  console.log(JSON.stringify(json, null, 2));
} else {
  if (results.length > 0) {
    const column = (text: string) => text.padStart(22);
    console.log(`${''.padEnd(22)}${results.map((r) => column(`${r.name} (${r.scores.articles} articles)`)).join('')}`);
    for (const [label, key] of MEASURES) {
      const cells = results.map(({ scores }) => {
        const r = scores[key] as { hits: number; total: number; value: number };
        return column(`${r.value.toFixed(3)} (${r.hits}/${r.total})${r.value < TARGET ? ' !' : ''}`);
      });
      console.log(`${label.padEnd(22)}${cells.join('')}`);
    }
    console.log(`\nTarget: ${TARGET} or better for every measure on both sets (! marks a shortfall).`);
  }
  if (realNews?.found) printRealNews(realNews.sets);
  else if (realNews) console.log(`\n${notFoundLine(realNews.dir)}`);

  const mistakes = results.reduce((n, r) => n + r.scores.mistakes.length, 0) + (realNews?.found ? realNews.sets.reduce((n, r) => n + r.scores.mistakes.length, 0) : 0);
  if (showMistakes) {
    for (const { name, scores } of results) {
      if (scores.mistakes.length === 0) continue;
      console.log(`\n${name}:`);
      for (const m of scores.mistakes) console.log(`  ${m.article}: ${m.what}: ${m.text}`);
    }
    if (realNews?.found) printRealNewsMistakes(realNews.sets);
  } else if (mistakes > 0) console.log(`\n${mistakes} mistakes; \`npm run eval -- --mistakes\` lists them.`);
}
