/**
 * The real news labelled by hand (`../shared/realnews/`, beside the project; never copied into
 * it): reading the two sets and printing their scores for `npm run eval`. The scoring itself is
 * `realnews-score.ts`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadCorpus } from '../src/corpus/load.ts';
import { buildLibrary } from '../src/index/assemble.ts';
import { FIGURE_QUERIES, FLOORS, GoldSetSchema, fallsShort, scoreRealNews, type FigureQuery, type RealNewsMistakeType, type RealNewsScores } from './realnews-score.ts';
import type { Ratio } from './score.ts';

/** The real-news sets, each scored with a library of its own 25 articles: `gold-<name>.json` labels them. */
export const REALNEWS_SETS = ['mideast', 'world'] as const;

export type RealNewsSet = (typeof REALNEWS_SETS)[number];

/** Where the sets are read from: `REALNEWS_DIR` (relative to the working folder), or `../shared/realnews` beside the project. */
export function realNewsDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env['REALNEWS_DIR']?.trim();
  if (override) return resolve(override);
  // From this file's place, not the working folder: `npm run eval` may be run from anywhere in the project.
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'realnews');
}

/** The scores of the sets asked for, or the folder that was looked in when they are not there. */
export type RealNewsResults = { found: true; dir: string; sets: { name: RealNewsSet; scores: RealNewsScores }[] } | { found: false; dir: string };

/** Reads the folder's articles once and scores each set asked for with a library built from its own articles only. */
export async function scoreRealNewsSets(dir: string, names: readonly RealNewsSet[] = REALNEWS_SETS): Promise<RealNewsResults> {
  const goldFiles = names.map((name) => ({ name, file: join(dir, `gold-${name}.json`) }));
  if (!existsSync(join(dir, 'corpus')) || goldFiles.some((g) => !existsSync(g.file))) return { found: false, dir };
  const corpus = await loadCorpus(join(dir, 'corpus'));
  if (!corpus.success) throw new Error(`eval: ${corpus.reason}`);
  if (corpus.problems.length > 0) throw new Error(`eval: ${corpus.problems.map((p) => `${p.file}: ${p.reason}`).join('; ')}`);
  const sets: { name: RealNewsSet; scores: RealNewsScores }[] = [];
  for (const { name, file } of goldFiles) {
    const parsed = GoldSetSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) throw new Error(`eval: ${file} does not fit the gold format:\n${z.prettifyError(parsed.error)}`);
    const gold = parsed.data.articles;
    const files = new Set(gold.map((g) => g.file));
    const articles = corpus.articles.filter((a) => files.has(a.file.split(/[\\/]/u).pop()!));
    sets.push({ name, scores: scoreRealNews(buildLibrary(articles), articles, gold) });
  }
  return { found: true, dir, sets };
}

/** The line `npm run eval` prints when the sets are not there. */
export function notFoundLine(dir: string): string {
  return `Real-news sets not found at ${dir} (REALNEWS_DIR sets another place); scored the other sets only.`;
}

const LABEL = 34;
const COLUMN = 26;

function cell(r: Ratio): string {
  return `${r.value.toFixed(3)} (${r.hits}/${r.total})`;
}

/** A cell with its floor: ` !` marks a shortfall. */
function floored(r: Ratio, key: keyof typeof FLOORS): string {
  return `${cell(r)}${fallsShort(r.value, FLOORS[key]) ? ' !' : ''}`;
}

function floorText(key: keyof typeof FLOORS): string {
  const floor: { min: number } | { max: number } = FLOORS[key];
  return 'min' in floor ? `≥ ${floor.min}` : `≤ ${floor.max}`;
}

/** The scores of the sets side by side, one set a column, floors beside each measure's name. */
export function printRealNews(sets: readonly { name: string; scores: RealNewsScores }[]): void {
  const row = (label: string, cells: (s: RealNewsScores) => string) => console.log(`${label.padEnd(LABEL)}${sets.map(({ scores }) => cells(scores).padStart(COLUMN)).join('')}`);
  console.log(`\nReal news, labelled by hand`);
  console.log(`${''.padEnd(LABEL)}${sets.map((s) => `${s.name} (${s.scores.articles} articles)`.padStart(COLUMN)).join('')}`);
  row(`quotations found (${floorText('quotationsFound')})`, (s) => floored(s.quotationsFound, 'quotationsFound'));
  row(`speaker right (${floorText('speakerRight')})`, (s) => floored(s.speakerRight, 'speakerRight'));
  row(`speaker wrong (${floorText('speakerWrong')})`, (s) => floored(s.speakerWrong, 'speakerWrong'));
  row('speaker silent', (s) => cell(s.speakerSilent));
  row(`/quote lists (${floorText('quoteLists')})`, (s) => floored(s.quoteLists, 'quoteLists'));
  row(`figure recall (${floorText('figureRecall')})`, (s) => floored(s.figureRecall, 'figureRecall'));
  row(`figure precision (${floorText('figurePrecision')})`, (s) => floored(s.figurePrecision, 'figurePrecision'));
  for (const query of Object.keys(FIGURE_QUERIES) as FigureQuery[]) {
    row(`  /figures ${query}: recall`, (s) => cell(s.figures[query].recall));
    row(`  /figures ${query}: precision`, (s) => cell(s.figures[query].precision));
  }
  console.log('Speaker ratios are of the quotations found plus the scare quotes given a speaker; ! marks a shortfall of a floor.');
  for (const { name, scores } of sets) {
    for (const [query, f] of Object.entries(scores.figures)) {
      if (f.source !== 'command') console.log(`${name}: /figures ${query} stops at ${f.commandShowed} of ${f.inLibrary} figures; scored on all ${f.inLibrary}.`);
    }
  }
}

/** The order mistakes are listed in, and counted by in the summary. */
const MISTAKE_ORDER: readonly RealNewsMistakeType[] = ['wrong speaker', 'scare quote given a speaker', 'silent speaker', 'missed quotation', 'missing from /quote', 'figure missed', 'figure extra'];

/** Every mistake of each set, grouped by type, each with what was chosen, what the label says, and the deciding rule. */
export function printRealNewsMistakes(sets: readonly { name: string; scores: RealNewsScores }[]): void {
  for (const { name, scores } of sets) {
    console.log(`\n${name}: ${MISTAKE_ORDER.map((t) => `${scores.mistakes.filter((m) => m.type === t).length} ${t}`).join(', ')}`);
    for (const type of MISTAKE_ORDER) {
      const mistakes = scores.mistakes.filter((m) => m.type === type);
      if (mistakes.length === 0) continue;
      console.log(`  ${type}:`);
      for (const m of mistakes) {
        console.log(`    ${m.file}${m.query ? ` [/figures ${m.query}]` : ''}: "${m.text}"`);
        console.log(`      chose ${m.chosen} | label ${m.label} | rule ${m.rule}`);
      }
    }
  }
}
