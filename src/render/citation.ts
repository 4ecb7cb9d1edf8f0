/** The fixed labels of an answer: how it names its source (outlet, date, headline), a quotation's kind and who is named as its speaker, a count. */
import type { ArticleRef } from '../corpus/article.ts';
import { MONTHS } from '../analysis/lexicon/calendar.ts';
import { PLAIN_QUALIFIERS } from '../analysis/lexicon/figures.ts';

/** `Press TV, 2021-03-15, “Iran denies …”`; an article without a headline by the words of its address (see `headlineOf`). */
export function citationLabel(article: ArticleRef): string {
  const headline = headlineOf(article);
  if (!headline) return `${article.outlet}, ${article.published}`;
  return headline.fromAddress ? `${article.outlet}, ${article.published}, ${headline.text} ${FROM_ADDRESS}` : `${article.outlet}, ${article.published}, “${headline.text}”`;
}

/** Labels words taken from an article's address rather than printed as its headline. */
export const FROM_ADDRESS = '(from its address: no headline)';

/**
 * An article's headline, or, for one without, the words of its address's last part (its slug:
 * `…/719131/Iran-United-Nations-Iraq-Syria` → `Iran United Nations Iraq Syria`), marked as such;
 * null when the address has no words either.
 */
export function headlineOf(article: { title?: string | null | undefined; url: string }): { text: string; fromAddress: boolean } | null {
  if (article.title) return { text: article.title, fromAddress: false };
  let path: string;
  try {
    path = new URL(article.url).pathname;
  } catch {
    return null;
  }
  const last = path.split('/').filter(Boolean).reverse().find((part) => /\p{L}{3}/u.test(safeDecode(part)));
  if (!last) return null;
  const words = safeDecode(last)
    .replace(/\.[a-z0-9]{2,5}$/iu, '')
    .split(/[-_+\s.]+/u)
    .filter((w) => w && !/^\d+$/u.test(w));
  return words.length > 0 ? { text: words.join(' '), fromAddress: true } : null;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Months as a date is shown: the calendar lexicon's names, cut to three letters (`Nov`). */
const SHORT_MONTHS = MONTHS.map((month) => month.slice(0, 3));

/** `2023-11-08` → `8 Nov 2023`: short, and read the same way everywhere. */
export function shortDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const name = SHORT_MONTHS[(month ?? 1) - 1];
  return name && day && year ? `${day} ${name} ${year}` : date;
}

/** `8 Nov 2023 – 30 Jan 2024`, or one date when the dates are all the same. */
export function dateSpan(dates: readonly string[]): string {
  const sorted = [...dates].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return '';
  return first === last ? shortDate(first) : `${shortDate(first)} – ${shortDate(last)}`;
}

/** A figure's number as a reader compares it: `at least 10,818`, `120–150`; its own words when it states no number. */
export function figureNumber(figure: { value: number | null; upper: number | null; qualifier: string | null; text: string }): string {
  if (figure.value === null) return figure.text;
  const value = figure.value.toLocaleString('en-US');
  const range = figure.upper !== null ? `${value}–${figure.upper.toLocaleString('en-US')}` : value;
  const qualifier = figure.qualifier?.toLowerCase();
  return qualifier && !PLAIN_QUALIFIERS.includes(qualifier) ? `${qualifier} ${range}` : range;
}

/**
 * A group's figures over time: `46 (8 Nov 2023) → 56 (10 Nov 2023)`; figures of one date are
 * joined by ` / ` (they are two reports of one day, not a change).
 */
export function timeline(results: readonly { value: number | null; upper: number | null; qualifier: string | null; text: string; article: { published: string } }[]): string {
  let out = '';
  let previous: string | null = null;
  for (const r of results) {
    if (previous !== null) out += r.article.published === previous ? ' / ' : ' → ';
    out += `${figureNumber(r)} (${shortDate(r.article.published)})`;
    previous = r.article.published;
  }
  return out;
}

/** A label for a quotation's kind, shown beside the speaker. */
export const KIND_LABELS = {
  statement: 'statement',
  phrase: 'quoted phrase',
  reported: 'reported speech, not a direct quotation',
  scare: 'words in quotation marks, nobody’s statement',
} as const;

/**
 * How an answer shows the words that name a quotation's speaker: `named by: “the Iranian envoy
 * added”`, the label followed by the body's own words in quotation marks; or, for a quotation
 * whose article does not say who spoke, the label followed by `none`.
 */
export const NAMED_BY = {
  label: 'named by',
  none: 'nothing (the article does not say who spoke)',
} as const;

/** `1 result`, `2 results`: a count with its noun. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A quotation shown as reported speech is labelled so beside the speaker's name: `Sabrina Singh — reported, not quoted`. */
export const REPORTED_LABEL = 'reported, not quoted';

/** How a group of figures reads, by what its figures show: a count over time, reports that differ, or reports that agree. */
export const GROUP_NOTES = {
  timeline: 'the count as reported over time, oldest first',
  differ: 'reports of the same date give different figures',
  agree: 'the reports give the same figure',
} as const;

/** Which note a group of figures gets: `differ` only for different figures of one date; a running total over several dates is a timeline. */
export function groupNote(group: { differ: boolean; dates: number }): keyof typeof GROUP_NOTES {
  return group.differ ? 'differ' : group.dates > 1 ? 'timeline' : 'agree';
}
