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
import { COUNTED_CLASSES } from '../analysis/lexicon/figures.ts';

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
  /** Whether the figures give more than one number (vague quantities aside). */
  differ: boolean;
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
      current.group.figures.push(figure);
      current.last = date;
      continue;
    }
    const group: FigureGroup = { category: figure.category, counted: countedClass(figure), figures: [figure], articles: 0, differ: false };
    open.set(key, { group, last: date });
    groups.push(group);
  }
  for (const group of groups) {
    group.articles = new Set(group.figures.map((f) => f.articleId)).size;
    group.differ = new Set(group.figures.map((f) => f.value).filter((v) => v !== null)).size > 1;
  }
  return [...groups.filter((g) => g.articles > 1), ...groups.filter((g) => g.articles <= 1)];
}

/** Whole days from one `YYYY-MM-DD` date to another, either way round. */
function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(b) - Date.parse(a)) / 86_400_000;
}
