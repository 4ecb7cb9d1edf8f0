/**
 * Figures on the same thing, put side by side: `46 US troops` injured (Gerçek News, 2023-11-08) and
 * `A total of 56 troops` injured (Press TV, 2023-11-10). A discussion needs to see that two reports
 * disagree, or how a toll moved, without anyone reading every article.
 *
 * Pure: figures and article dates in, groups out. Two figures are on the same thing when they count
 * the same event (`category`) of the same kind of thing (`countedClass`: `US troops`, `troops` and
 * `American servicemen` are all troops) within a running story: a group ends where its next figure
 * is more than `STORY_GAP_DAYS` after the one before, since a toll from years earlier is another event.
 */
import type { Figure } from '../analysis/types.ts';
import { COUNTED_CLASSES, COUNTED_LABELS, IRREGULAR_PLURALS } from '../analysis/lexicon/figures.ts';

/** Days between two reports past which the same count is taken to be about another event. */
export const STORY_GAP_DAYS = 183;


const CLASS_OF = new Map<string, string>(Object.entries(COUNTED_CLASSES).flatMap(([name, nouns]) => nouns.map((n) => [n, name] as const)));

/** The class of what a figure counts: `US troops` → troops; an elided noun (`22`) → the category's own class. */
export function countedClass(figure: Pick<Figure, 'counted' | 'category'>): string {
  const words = figure.counted.toLowerCase().split(/\s+/u).filter(Boolean);
  const lastTwo = words.slice(-2).join(' ');
  const last = words[words.length - 1];
  if (!last) return figure.category === 'attacks' || figure.category === 'rockets' ? figure.category : 'people';
  return CLASS_OF.get(lastTwo) ?? CLASS_OF.get(last) ?? (last.endsWith('s') && !last.endsWith('ss') ? last.slice(0, -1) : last);
}

/** Figures on one thing, oldest first. */
export interface FigureGroup {
  category: Figure['category'];
  /** The class of what they count (`troops`, `people`, `children`). */
  counted: string;
  figures: Figure[];
  /** How many articles the figures come from. */
  articles: number;
  /** How many publication dates they span: two or more make a timeline, a count as it moved. */
  dates: number;
  /** Whether two articles of the same date give different numbers: a disagreement, not a running total. */
  differ: boolean;
}

/** What a group counts, in words: `troops injured`, `people killed`, `attacks` (see `COUNTED_LABELS`). */
export function countedLabel(group: Pick<FigureGroup, 'category' | 'counted'>): string {
  const counted = group.counted.endsWith('s') || IRREGULAR_PLURALS.has(group.counted) ? group.counted : `${group.counted}s`;
  return COUNTED_LABELS[group.category].replace('{counted}', counted);
}

/**
 * Groups figures on the same thing. `dateOf` gives an article's publication date (`YYYY-MM-DD`);
 * figures keep the order they are given in within an article. Groups come in the order of their
 * first figure, those that compare two articles or more first.
 */
export function groupFigures(figures: readonly Figure[], dateOf: (articleId: string) => string): FigureGroup[] {
  const ordered = figures
    .map((figure, position) => ({ figure, position, date: dateOf(figure.articleId) }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.position - b.position);
  const open = new Map<string, { group: FigureGroup; last: string }>();
  const groups: FigureGroup[] = [];
  for (const { figure, date } of ordered) {
    const key = `${figure.category}:${countedClass(figure)}`;
    const current = open.get(key);
    if (current && daysBetween(current.last, date) <= STORY_GAP_DAYS) {
      // One article saying the same number twice (in its lead and again below) is one report.
      if (current.group.figures.some((f) => f.articleId === figure.articleId && f.value === figure.value && f.upper === figure.upper)) continue;
      current.group.figures.push(figure);
      current.last = date;
      continue;
    }
    const group: FigureGroup = { category: figure.category, counted: countedClass(figure), figures: [figure], articles: 0, dates: 0, differ: false };
    open.set(key, { group, last: date });
    groups.push(group);
  }
  for (const group of groups) {
    group.articles = new Set(group.figures.map((f) => f.articleId)).size;
    group.dates = new Set(group.figures.map((f) => dateOf(f.articleId))).size;
    // A toll that rose from one day to the next is a timeline; only two reports of one day can disagree.
    const byDate = new Map<string, Set<number>>();
    for (const f of group.figures) if (f.value !== null) byDate.set(dateOf(f.articleId), (byDate.get(dateOf(f.articleId)) ?? new Set()).add(f.value));
    group.differ = [...byDate.values()].some((values) => values.size > 1);
  }
  return [...groups.filter((g) => g.articles > 1), ...groups.filter((g) => g.articles <= 1)];
}

/** Whole days from one `YYYY-MM-DD` date to another, either way round. */
function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(b) - Date.parse(a)) / 86_400_000;
}
