/**
 * Scores what the library finds against the labels: quotations (span and kind), speakers, figures.
 * Pure: a built library and labels in, counts and the individual mistakes out.
 */
import type { Article } from '../src/corpus/article.ts';
import type { Library } from '../src/index/library.ts';
import { explainNumbers, type NumberReading } from '../src/analysis/figures/figures.ts';
import type { Figure, Quotation } from '../src/analysis/types.ts';
import { locateLabels, type LabelFile } from './labels.ts';

/** A ratio with what it was computed from. */
export interface Ratio {
  hits: number;
  total: number;
  /** hits / total, or 1 when there is nothing to count. */
  value: number;
}

/** One mistake, for reading: which article, what was expected, what was found. */
export interface Mistake {
  article: string;
  what: string;
  text: string;
}

/** The scores of one set of articles. */
export interface Scores {
  articles: number;
  /** Found quotations whose span and kind match a label. */
  quotationPrecision: Ratio;
  /** Labelled quotations found with the right span and kind. */
  quotationRecall: Ratio;
  /** Labelled quotations (not scare quotes) found with the right span, whose speaker is right (null included). */
  speakerAccuracy: Ratio;
  /** Found figures that cover a number labelled as a figure. */
  figurePrecision: Ratio;
  /** Numbers labelled as figures that a found figure covers. */
  figureRecall: Ratio;
  /** Covered labelled figures whose category is right. */
  figureCategory: Ratio;
  mistakes: Mistake[];
}

function ratio(hits: number, total: number): Ratio {
  return { hits, total, value: total === 0 ? 1 : hits / total };
}

/** Quote marks, spaces and punctuation at either end do not decide whether two spans are the same quotation. */
const EDGE = /[\s,.;:!?…"“”‘’'()—–-]/u;

/** A span's offsets with the edge characters trimmed off, as a comparable key. */
function spanKey(body: string, start: number, end: number): string {
  while (start < end && EDGE.test(body[start]!)) start++;
  while (end > start && EDGE.test(body[end - 1]!)) end--;
  return `${start}:${end}`;
}

/** Names compared without case, curly apostrophes, a leading `the` or spacing differences. */
function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’‘]/gu, "'")
    .replace(/^the\s+/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/gu, ' ');
  return flat.length > 110 ? `${flat.slice(0, 107)}…` : flat;
}

/** Scores one set: the library built from `articles`, against each article's labels. Articles without labels are skipped. */
export function scoreSet(library: Library, articles: readonly Article[], labels: ReadonlyMap<string, LabelFile>): Scores {
  const mistakes: Mistake[] = [];
  let found = 0;
  let foundRight = 0;
  let labelled = 0;
  let labelledFound = 0;
  let speakerTotal = 0;
  let speakerRight = 0;
  let figuresFound = 0;
  let figuresFoundRight = 0;
  let figuresLabelled = 0;
  let figuresLabelledFound = 0;
  let categoryRight = 0;
  let scored = 0;

  for (const article of articles) {
    const file = labels.get(article.id);
    if (!file) continue;
    scored++;
    const body = article.body;
    const located = locateLabels(article, file);
    const speakerNames = new Map((file.speakers ?? []).map((s) => [s.name, new Set([s.name, ...(s.also ?? [])].map(normaliseName))]));

    // Quotations: matched on the span; a match counts for precision and recall only with the right kind.
    // Reported speech is a whole sentence, and where a sentence starts is not what is measured: a
    // labelled sentence matches a reported quotation that holds it or lies inside it.
    const system = new Map<string, Quotation>();
    const reported = library.quotationsOf(article.id).filter((q) => q.kind === 'reported');
    for (const q of library.quotationsOf(article.id)) system.set(spanKey(body, q.start, q.end), q);
    /** The key a label is matched on: its span, or for reported speech the reported quotation around or inside it. */
    const labelKey = ({ label, start, end }: (typeof located.quotations)[number]): string => {
      const around = label.kind === 'reported' ? reported.find((q) => (q.start <= start && q.end >= end) || (q.start >= start && q.end <= end)) : undefined;
      return around ? spanKey(body, around.start, around.end) : spanKey(body, start, end);
    };
    const labelKinds = new Map(located.quotations.map((l) => [labelKey(l), l.label.kind]));
    for (const entry of located.quotations) {
      const { label } = entry;
      const key = labelKey(entry);
      labelled++;
      const q = system.get(key);
      if (!q) {
        mistakes.push({ article: article.id, what: `missed ${label.kind}`, text: shorten(label.text) });
        continue;
      }
      if (q.kind === label.kind) labelledFound++;
      else mistakes.push({ article: article.id, what: `${label.kind} read as ${q.kind} (rule ${q.rule})`, text: shorten(label.text) });
      if (label.kind === 'scare') continue;
      speakerTotal++;
      const speaker = q.speakerId ? library.speaker(q.speakerId) : undefined;
      const names = speaker ? [speaker.name, ...speaker.aliases].map(normaliseName) : [];
      const expected = label.speaker === null ? null : (speakerNames.get(label.speaker) ?? new Set([normaliseName(label.speaker)]));
      const right = expected === null ? names.length === 0 : names.some((n) => expected.has(n));
      if (right) speakerRight++;
      else mistakes.push({ article: article.id, what: `speaker ${label.speaker ?? 'null'} given as ${speaker?.name ?? 'null'} (rule ${q.rule}${q.evidence ? `, from "${q.evidence.text}"` : ''})`, text: shorten(label.text) });
    }
    for (const [key, q] of system) {
      found++;
      if (labelKinds.get(key) === q.kind) foundRight++;
      else if (!labelKinds.has(key)) mistakes.push({ article: article.id, what: `extra ${q.kind} (rule ${q.rule})`, text: shorten(q.text) });
    }

    // Figures: a found figure is right when it covers a number labelled as a figure (a range covers two).
    const figureLabels = located.numbers.filter((n) => n.label.figure);
    const notFigures = located.numbers.filter((n) => !n.label.figure);
    const covers = (f: Figure, n: { start: number; end: number }) => n.start >= f.start && n.end <= f.end;
    const figures = library.figuresOf(article.id);
    for (const f of figures) {
      figuresFound++;
      if (figureLabels.some((n) => covers(f, n))) figuresFoundRight++;
      else {
        const why = notFigures.find((n) => covers(f, n))?.label.why;
        mistakes.push({ article: article.id, what: `extra figure${why ? ` (labelled ${why})` : ''} (rule ${f.rule})`, text: shorten(`${f.text} | ${library.sentencesOf(article.id)[f.sentence]?.text ?? ''}`) });
      }
    }
    let readings: NumberReading[] | undefined;
    for (const n of figureLabels) {
      figuresLabelled++;
      const f = figures.find((x) => covers(x, n));
      if (!f) {
        // Why it was missed: the rule that turned the number down, or none when it was never read as one.
        readings ??= explainNumbers(article.id, article.body, library.sentencesOf(article.id));
        const turnedDown = readings.find((r) => r.figure === null && n.start >= r.start && n.end <= r.end);
        mistakes.push({ article: article.id, what: `missed figure (rule ${turnedDown?.rule ?? 'not read as a number'})`, text: shorten(`${n.label.text} ${n.label.counted ?? ''} [${n.label.category ?? '?'}]`) });
        continue;
      }
      figuresLabelledFound++;
      if (!n.label.category || n.label.category === f.category) categoryRight++;
      else mistakes.push({ article: article.id, what: `figure ${n.label.category} read as ${f.category} (rule ${f.rule})`, text: shorten(f.text) });
    }
  }

  return {
    articles: scored,
    quotationPrecision: ratio(foundRight, found),
    quotationRecall: ratio(labelledFound, labelled),
    speakerAccuracy: ratio(speakerRight, speakerTotal),
    figurePrecision: ratio(figuresFoundRight, figuresFound),
    figureRecall: ratio(figuresLabelledFound, figuresLabelled),
    figureCategory: ratio(categoryRight, figuresLabelledFound),
    mistakes,
  };
}

/** The score every measure must reach on both sets; `test/eval.test.ts` holds it. */
export const TARGET = 0.95;

/** The measures that must reach the target, by name, in the order they are printed. */
export const MEASURES = [
  ['quotation precision', 'quotationPrecision'],
  ['quotation recall', 'quotationRecall'],
  ['speaker accuracy', 'speakerAccuracy'],
  ['figure precision', 'figurePrecision'],
  ['figure recall', 'figureRecall'],
  ['figure category', 'figureCategory'],
] as const satisfies readonly (readonly [string, keyof Scores])[];
