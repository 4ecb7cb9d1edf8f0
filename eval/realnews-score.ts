/**
 * Scores a library against the hand-labelled real news of `../shared/realnews/` exactly as its
 * README says: quotations found, speaker right / wrong / silent, `/quote <surname>` lists, and
 * `/figures` recall and precision per category. Pure: a built library, its articles and the gold
 * labels in; counts and the individual mistakes out. Reading the files is `realnews.ts`'s job.
 */
import { z } from 'zod';
import type { Article } from '../src/corpus/article.ts';
import type { Library } from '../src/index/library.ts';
import type { Figure, FigureCategory, Quotation } from '../src/analysis/types.ts';
import { folded, MAX_RESULTS, resultsOf, type Answer, type Result } from '../src/commands/answer.ts';
import { answerFigures } from '../src/commands/figures.ts';
import { answerQuote } from '../src/commands/quote.ts';
import type { Ratio } from './score.ts';

const GoldQuoteSchema = z.object({
  /** The quoted words (or a long part of them), an exact substring of the body. */
  text: z.string().min(1),
  /** Full name, organisation or descriptor of an unnamed source; null when nobody is said to have said it. */
  speaker: z.string().min(1).nullable(),
  /** The one word (or particle name, `Ten Hag`) a person would type to find the speaker; null for unnamed sources. */
  surname: z.string().min(1).nullable(),
  kind: z.enum(['statement', 'phrase', 'scare']),
  /** How a reader knows the speaker (`name`, `pronoun`, `continued`, …): shown with a mistake, not scored. */
  how: z.string(),
});

const GoldFigureSchema = z.object({
  value: z.number(),
  value_max: z.number().nullable(),
  /** An exact substring of the body around the figure. */
  text: z.string().min(1),
  category: z.enum(['killed', 'injured', 'missing', 'attacks', 'rockets', 'deployed', 'other']),
  counted: z.string(),
});

const GoldArticleSchema = z.object({
  /** The corpus file's name (`world-….txt`). */
  file: z.string().min(1),
  quotes: z.array(GoldQuoteSchema),
  figures: z.array(GoldFigureSchema),
  /** Numbers that count nothing (years, ages, times): not scored, shown with an extra figure. */
  not_figures: z.array(z.number()).default([]),
});

/** A gold file (`gold-mideast.json`): one entry per article. Other fields (`qa_turns`) are not scored and are dropped. */
export const GoldSetSchema = z.object({
  about: z.string().optional(),
  articles: z.array(GoldArticleSchema),
});

export type GoldSet = z.infer<typeof GoldSetSchema>;
export type GoldArticle = z.infer<typeof GoldArticleSchema>;
export type GoldQuote = z.infer<typeof GoldQuoteSchema>;
export type GoldFigure = z.infer<typeof GoldFigureSchema>;

/**
 * The `/figures` queries scored, and the labelled categories each answers. The README's own
 * definition ("`attacks` with rockets"), kept here rather than read from the command's `TOPICS`: a
 * change to the command must show in the score, not move the measure with it.
 */
export const FIGURE_QUERIES = {
  killed: ['killed'],
  injured: ['injured'],
  missing: ['missing'],
  attacks: ['attacks', 'rockets'],
  deployed: ['deployed'],
} as const satisfies Record<string, readonly FigureCategory[]>;

export type FigureQuery = keyof typeof FIGURE_QUERIES;

/** Share of the shorter text's words two texts must share for a labelled quotation to count as found. */
const WORD_OVERLAP = 0.7;

/** What kind of mistake, as `--mistakes` groups them. */
export type RealNewsMistakeType =
  | 'missed quotation'
  | 'wrong speaker'
  | 'silent speaker'
  | 'scare quote given a speaker'
  | 'missing from /quote'
  | 'figure missed'
  | 'figure extra';

/** One mistake, for reading: where, what, what the program chose, what the label says, and the rule that decided. */
export interface RealNewsMistake {
  file: string;
  type: RealNewsMistakeType;
  /** The figure query, for a figure mistake. */
  query?: FigureQuery;
  /** The labelled quotation (shortened), or the figure's words. */
  text: string;
  chosen: string;
  label: string;
  /** The name of the rule that made the choice, `?` when the library does not say. */
  rule: string;
}

/** Recall and precision of one `/figures` query. */
export interface FigureScore {
  recall: Ratio;
  precision: Ratio;
  /**
   * Where the returned figures come from: the command's answer, or, when the command stopped at
   * its `MAX_RESULTS` and left some out, every figure of the query's categories (see `returnedFigures`).
   */
  source: 'command' | 'all figures';
  /** How many figures the command's answer held, and how many figures of its categories the library has. */
  commandShowed: number;
  inLibrary: number;
}

/** The scores of one real-news set. */
export interface RealNewsScores {
  articles: number;
  /** Labelled quotations (not scare quotes) found as a statement or phrase. */
  quotationsFound: Ratio;
  /** Over the speakers judged (see `scoreRealNews`): shown speaker names the labelled one, or rightly none. */
  speakerRight: Ratio;
  speakerWrong: Ratio;
  speakerSilent: Ratio;
  /** Labelled quotations of a speaker with a surname that `/quote <surname>` shows with that speaker. */
  quoteLists: Ratio;
  figureRecall: Ratio;
  figurePrecision: Ratio;
  figures: Record<FigureQuery, FigureScore>;
  mistakes: RealNewsMistake[];
}

/** The least each measure must reach (`max` for one that must stay low), from the issue that set them. */
export const FLOORS = {
  quotationsFound: { min: 0.97 },
  speakerRight: { min: 0.93 },
  speakerWrong: { max: 0.02 },
  quoteLists: { min: 0.9 },
  figureRecall: { min: 0.9 },
  figurePrecision: { min: 0.95 },
} as const satisfies Partial<Record<keyof RealNewsScores, { min: number } | { max: number }>>;

/** Whether a ratio falls short of its floor. */
export function fallsShort(value: number, floor: { min: number } | { max: number }): boolean {
  return 'min' in floor ? value < floor.min : value > floor.max;
}

function ratio(hits: number, total: number): Ratio {
  return { hits, total, value: total === 0 ? 1 : hits / total };
}

// The refactor under way gives every quotation and figure the `rule` that decided it, and each
// quotation its `evidence`; read through these so the scorer compiles and runs with or without them.
function ruleOf(decided: Quotation | Figure): string {
  return (decided as { rule?: string }).rule ?? '?';
}

function evidenceOf(quotation: Quotation): string | null {
  return (quotation as { evidence?: { text: string } | null }).evidence?.text ?? null;
}

/**
 * The fields the scorer reads from a command's result. The refactor is also turning `Result` from
 * one type with optional fields into a union by `kind` (`QuotationResult | FigureResult | …`); read
 * through this view, the scorer compiles against either.
 */
interface ResultFields {
  speaker?: string | null;
  value?: number | null;
  category?: FigureCategory;
}

function fieldsOf(result: Result): ResultFields {
  return result as ResultFields;
}

/** Apostrophes and quote-like marks a house style may use for `'` inside a word. */
const APOSTROPHES = /[’‘ʼ′`´]/gu;

/**
 * The words of a text as compared: lower case, accents folded, every apostrophe straight, runs of
 * letters and digits (with apostrophes inside a word: `don't`, `Israel's`).
 */
export function wordsOf(text: string): string[] {
  return folded(text).replace(APOSTROPHES, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];
}

/** How many words two word lists share, each word counted as often as both hold it. */
function sharedWords(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(w, n - 1);
    }
  }
  return shared;
}

/** Whether the word list `inner` runs, word for word, inside `outer`. */
function containsRun(outer: readonly string[], inner: readonly string[]): boolean {
  if (inner.length === 0 || inner.length > outer.length) return false;
  return ` ${outer.join(' ')} `.includes(` ${inner.join(' ')} `);
}

/**
 * The README's rule for a returned quotation matching a labelled one: either holds the other, or
 * they share at least 70% of the shorter one's words. Compared word by word, so quote marks,
 * punctuation, spacing and apostrophe styles do not decide it.
 */
export function quotationsMatch(labelText: string, foundText: string): boolean {
  const label = wordsOf(labelText);
  const found = wordsOf(foundText);
  if (label.length === 0 || found.length === 0) return false;
  if (containsRun(found, label) || containsRun(label, found)) return true;
  return sharedWords(label, found) >= WORD_OVERLAP * Math.min(label.length, found.length);
}

/** Offsets of a stretch of an article body. */
interface Place {
  start: number;
  end: number;
}

/** A returned quotation or result: its text and where it stands. */
interface Span extends Place {
  text: string;
}

/** Where a text stands in a body, each time it does. */
function occurrences(body: string, text: string): Place[] {
  const at: Place[] = [];
  for (let i = body.indexOf(text); i >= 0; i = body.indexOf(text, i + 1)) at.push({ start: i, end: i + text.length });
  return at;
}

/**
 * Where each labelled quotation stands in its body. The gold gives text, not offsets, and a few
 * words may stand there more than once (a headline phrase repeated in a later quotation,
 * `smuggled fuel` quoted from two sources): the gold lists quotations in reading order, so each
 * takes the first place after the one before it, or its first place when the order breaks.
 */
function placeLabels(body: string, quotes: readonly GoldQuote[]): Map<GoldQuote, Place> {
  const places = new Map<GoldQuote, Place>();
  let after = -1;
  for (const label of quotes) {
    const at = occurrences(body, label.text);
    const place = at.find((p) => p.start > after) ?? at[0];
    if (!place) continue;
    places.set(label, place);
    after = place.start;
  }
  return places;
}

/**
 * Of the returned spans that match a labelled text, the one the label means: first one that
 * overlaps the label's place in the body, then one no other label has taken, then the one sharing
 * most of its words, then the one with fewest other words, then the first.
 */
function bestMatch<T extends Span>(labelText: string, place: Place | undefined, candidates: readonly T[], taken: ReadonlySet<T> = new Set()): T | undefined {
  const label = wordsOf(labelText);
  let best: { c: T; key: number[] } | undefined;
  for (const c of candidates) {
    if (!quotationsMatch(labelText, c.text)) continue;
    const words = wordsOf(c.text);
    const shared = sharedWords(label, words);
    const key = [place && overlaps(c, place) ? 1 : 0, taken.has(c) ? 0 : 1, shared, -(words.length - shared)];
    if (!best || isGreater(key, best.key)) best = { c, key };
  }
  return best?.c;
}

function overlaps(a: Place, b: Place): boolean {
  return a.start < b.end && a.end > b.start;
}

/** Lexical comparison of two equally long keys. */
function isGreater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

/** Words a name is compared on: folded, apostrophes straight, hyphens and punctuation as spaces. */
function nameWords(name: string): string {
  return wordsOf(name).join(' ');
}

/**
 * Whether the speaker shown names the labelled speaker (the README: it contains the `surname`, or
 * is part of the full `speaker`). Both by whole words (`Ten Hag`, `Thomas-Greenfield`); a leading
 * `the` of the shown name is left out, so `the Islamic Resistance in Iraq` is part of
 * `Islamic Resistance in Iraq`. A possessive is its own word boundary: `Pakistan` is part of
 * `Pakistan's Foreign Ministry`.
 */
export function namesSpeaker(shown: string, label: Pick<GoldQuote, 'speaker' | 'surname'>): boolean {
  const within = (outer: string, inner: string): boolean => inner.length > 0 && new RegExp(`(?:^|[^\\p{L}\\p{N}])${escape(inner)}(?:$|[^\\p{L}\\p{N}])`, 'u').test(outer);
  const name = nameWords(shown).replace(/^the /u, '');
  if (label.surname !== null && within(nameWords(shown), nameWords(label.surname))) return true;
  return label.speaker !== null && within(nameWords(label.speaker), name);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function shorten(text: string, length = 90): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}

/** How a returned quotation reads in a mistake: its speaker, kind, and the words naming the speaker. */
function describeQuotation(library: Library, q: Quotation): string {
  const evidence = evidenceOf(q);
  return `${speakerShown(library, q) ?? 'null'} (${q.kind}${evidence ? `, from "${shorten(evidence, 50)}"` : ''})`;
}

function describeLabel(label: GoldQuote): string {
  return `${label.speaker ?? 'null'} (${label.kind}, ${label.how})`;
}

function speakerShown(library: Library, q: Quotation): string | null {
  return q.speakerId ? (library.speaker(q.speakerId)?.name ?? null) : null;
}

/** The article each gold entry labels, found by its file name; a label without its article is a bug in the set: it throws. */
function articlesByFile(articles: readonly Article[], gold: readonly GoldArticle[]): Map<string, Article> {
  const byName = new Map<string, Article>();
  for (const a of articles) {
    byName.set(a.file.split(/[\\/]/u).pop()!, a);
    byName.set(`${a.id}.txt`, a);
  }
  const found = new Map<string, Article>();
  for (const g of gold) {
    const article = byName.get(g.file);
    if (!article) throw new Error(`realnews: no article for the gold entry ${g.file}`);
    found.set(g.file, article);
  }
  return found;
}

/**
 * The figures a `/figures <query>` returns. The command's answer when it holds every figure of the
 * query's categories; when it stopped at `MAX_RESULTS` (60: it keeps the newest articles'), every
 * figure of those categories instead, so that a figure cut for room does not read as a rule's
 * miss. The score says which (`FigureScore.source`); on these 25-article sets the command is
 * rarely cut.
 */
function returnedFigures(library: Library, query: FigureQuery): { figures: { articleId: string; value: number | null; text: string; category: FigureCategory; rule: string }[]; source: FigureScore['source']; commandShowed: number; inLibrary: number } {
  const categories: readonly FigureCategory[] = FIGURE_QUERIES[query];
  // What /figures shows: figures that state a number (a vague `dozens of` is left out).
  const all = library.articles.flatMap((a) => library.figuresOf(a.id).filter((f) => categories.includes(f.category) && f.value !== null));
  const shown = resultsOf(answerFigures(library, { topic: query }));
  const describe = (f: Figure) => ({ articleId: f.articleId, value: f.value, text: f.text, category: f.category, rule: ruleOf(f) });
  if (shown.length >= MAX_RESULTS && shown.length < all.length) return { figures: all.map(describe), source: 'all figures', commandShowed: shown.length, inLibrary: all.length };
  // The rule is read from the figure at the same place: a result may not carry it.
  const ruleAt = (r: Result): string => {
    const f = all.find((x) => x.articleId === r.article.id && x.start === r.start && x.end === r.end);
    return f ? ruleOf(f) : '?';
  };
  const figures = shown.map((r) => ({ articleId: r.article.id, value: fieldsOf(r).value ?? null, text: r.text, category: fieldsOf(r).category ?? 'other', rule: ruleAt(r) }));
  return { figures, source: 'command', commandShowed: shown.length, inLibrary: all.length };
}

/**
 * Scores one set: `library` built from that set's articles only, against its gold labels.
 *
 * How the README's rules are read where it leaves room:
 * - A quotation's words (see `wordsOf`, `quotationsMatch`) decide whether it is found, as the README
 *   says, wherever in the article the returned one stands. Of several that match, the one at the
 *   label's place decides the speaker (see `placeLabels`, `bestMatch`): a returned quotation is
 *   matched to each label once where it can be.
 * - Speakers are judged on every labelled quotation found (a null-speaker one included: right when
 *   shown without a speaker, wrong with one), and on every scare quote the program shows as a
 *   statement or phrase with a speaker (wrong: "a scare quote … shown with a speaker is wrong").
 *   A scare quote shown without a speaker, or not shown, is not judged: scare quotes are not
 *   "found" and their silence is not a quotation of anyone's. So right + wrong + silent is the
 *   number judged, which is the number found plus the scare quotes given a speaker. A returned
 *   quotation is taken for the scare quote only when no other label took it (a statement that
 *   merely holds the scare term belongs to its own label).
 * - `/quote <surname>` shows a labelled quotation when a result from the same article matches it
 *   (same rule as found; at the label's place, when a matching result stands there) and its
 *   speaker names the labelled speaker. Every kind the command shows
 *   counts, reported speech included: the README asks what the answer shows. The command returns
 *   at most `MAX_RESULTS` (60) and has no further pages; none of these sets' speakers comes near.
 * - Figures: a labelled figure is returned when a returned figure of the same article has the same
 *   value (its `value_max` is not compared: the README says "same value"), whichever category the
 *   returned one has within the query. Several labels may be returned by one figure. A vague
 *   figure (`dozens of`, no value) is returned but can hold no labelled value: it costs precision.
 *   Which figures count as returned: see `returnedFigures`.
 */
export function scoreRealNews(library: Library, articles: readonly Article[], gold: readonly GoldArticle[]): RealNewsScores {
  const mistakes: RealNewsMistake[] = [];
  const byFile = articlesByFile(articles, gold);
  let labelled = 0;
  let found = 0;
  let right = 0;
  let wrong = 0;
  let silent = 0;

  for (const entry of gold) {
    const article = byFile.get(entry.file)!;
    const all = library.quotationsOf(article.id);
    const quotations = all.filter((q) => q.kind === 'statement' || q.kind === 'phrase');
    /** The returned quotations labels have been matched to, so that a text quoted twice is matched to each place once. */
    const taken = new Set<Quotation>();
    const places = placeLabels(article.body, entry.quotes);
    for (const label of entry.quotes) {
      if (label.kind === 'scare') continue;
      labelled++;
      const q = bestMatch(label.text, places.get(label), quotations, taken);
      if (!q) {
        const other = bestMatch(label.text, places.get(label), all);
        mistakes.push({ file: entry.file, type: 'missed quotation', text: shorten(label.text), chosen: other ? `read as ${other.kind}: ${describeQuotation(library, other)}` : 'not returned', label: describeLabel(label), rule: other ? ruleOf(other) : '-' });
        continue;
      }
      found++;
      taken.add(q);
      const shown = speakerShown(library, q);
      const mistake = { file: entry.file, text: shorten(label.text), chosen: describeQuotation(library, q), label: describeLabel(label), rule: ruleOf(q) };
      if (label.speaker === null ? shown === null : shown !== null && namesSpeaker(shown, label)) right++;
      else if (shown === null) {
        silent++;
        mistakes.push({ ...mistake, type: 'silent speaker' });
      } else {
        wrong++;
        mistakes.push({ ...mistake, type: 'wrong speaker' });
      }
    }
    // A scare quote given a speaker: a returned statement or phrase that matches it and that no other label took
    // (a statement that merely holds the scare term belongs to its own label).
    for (const label of entry.quotes) {
      if (label.kind !== 'scare') continue;
      const q = bestMatch(label.text, places.get(label), quotations, taken);
      if (!q || taken.has(q) || speakerShown(library, q) === null) continue;
      wrong++;
      mistakes.push({ file: entry.file, type: 'scare quote given a speaker', text: shorten(label.text), chosen: describeQuotation(library, q), label: describeLabel(label), rule: ruleOf(q) });
    }
  }

  // `/quote <surname>`: one answer per surname, every labelled quotation of a speaker with that surname.
  const answers = new Map<string, Answer>();
  let listed = 0;
  let inLists = 0;
  for (const entry of gold) {
    const article = byFile.get(entry.file)!;
    const places = placeLabels(article.body, entry.quotes);
    for (const label of entry.quotes) {
      if (label.kind === 'scare' || label.surname === null || label.speaker === null) continue;
      listed++;
      let answer = answers.get(label.surname);
      if (!answer) {
        answer = answerQuote(library, { query: label.surname });
        answers.set(label.surname, answer);
      }
      const shown = resultsOf(answer);
      const speakerOf = (r: Result): string | null => fieldsOf(r).speaker ?? null;
      const results = shown.filter((r) => r.article.id === article.id);
      // Results where the labelled text stands, when there are any: the same words may be quoted elsewhere from someone else.
      const matching = results.filter((r) => quotationsMatch(label.text, r.text));
      const place = places.get(label);
      const placed = place ? matching.filter((r) => overlaps(r, place)) : [];
      const shownWith = placed.length > 0 ? placed : matching;
      if (shownWith.some((r) => namesSpeaker(speakerOf(r) ?? '', label))) {
        inLists++;
        continue;
      }
      const others = shownWith.map((r) => speakerOf(r) ?? 'null');
      const chosen =
        answer.type === 'problem'
          ? `/quote ${label.surname}: ${answer.problem.code}`
          : others.length > 0
            ? `/quote ${label.surname} shows it with ${[...new Set(others)].join(', ')}`
            : `/quote ${label.surname}: not among its ${shown.length}${shown.length >= MAX_RESULTS ? ' (the most it shows)' : ''} results (speakers: ${[...new Set(shown.map((r) => speakerOf(r) ?? 'null'))].slice(0, 4).join(', ')})`;
      const q = bestMatch(label.text, places.get(label), library.quotationsOf(article.id));
      mistakes.push({ file: entry.file, type: 'missing from /quote', text: shorten(label.text), chosen, label: describeLabel(label), rule: q ? ruleOf(q) : '-' });
    }
  }

  // Figures, one query at a time.
  const fileOf = new Map([...byFile].map(([file, a]) => [a.id, file]));
  const goldById = new Map(gold.map((g) => [byFile.get(g.file)!.id, g]));
  const figures = {} as Record<FigureQuery, FigureScore>;
  let recallHits = 0;
  let recallTotal = 0;
  let precisionHits = 0;
  let precisionTotal = 0;
  for (const query of Object.keys(FIGURE_QUERIES) as FigureQuery[]) {
    const categories: readonly string[] = FIGURE_QUERIES[query];
    const returned = returnedFigures(library, query);
    let recalled = 0;
    let wanted = 0;
    for (const entry of gold) {
      const id = byFile.get(entry.file)!.id;
      for (const label of entry.figures) {
        if (!categories.includes(label.category)) continue;
        wanted++;
        if (returned.figures.some((f) => f.articleId === id && f.value !== null && sameValue(f.value, label.value))) {
          recalled++;
          continue;
        }
        // What the program made of the number instead, when it found it under another category.
        const elsewhere = library.figuresOf(id).filter((f) => f.value !== null && sameValue(f.value, label.value));
        mistakes.push({
          file: entry.file,
          type: 'figure missed',
          query,
          text: shorten(label.text),
          chosen: elsewhere.length > 0 ? elsewhere.map((f) => `"${shorten(f.text, 40)}" as ${f.category}`).join('; ') : 'not a figure',
          label: `${label.value}${label.value_max !== null ? `–${label.value_max}` : ''} ${label.category}: ${label.counted}`,
          rule: elsewhere.length > 0 ? elsewhere.map(ruleOf).join('; ') : '-',
        });
      }
    }
    let precise = 0;
    for (const f of returned.figures) {
      const entry = goldById.get(f.articleId);
      // A figure from an article outside the gold cannot be judged; the sets are scored with their own articles only.
      if (!entry) continue;
      const holds = (l: GoldFigure) => f.value !== null && sameValue(f.value, l.value);
      if (entry.figures.some((l) => holds(l) && categories.includes(l.category))) precise++;
      else {
        const labels = entry.figures.filter(holds);
        mistakes.push({
          file: fileOf.get(f.articleId)!,
          type: 'figure extra',
          query,
          text: shorten(f.text),
          chosen: `${f.value ?? 'no value'} ${f.category}`,
          label: labels.length > 0 ? labels.map((l) => `${l.category}: ${l.counted}`).join('; ') : f.value !== null && entry.not_figures.some((n) => sameValue(n, f.value!)) ? 'not a figure (not_figures)' : 'no figure of that value',
          rule: f.rule,
        });
      }
      precisionTotal++;
    }
    figures[query] = { recall: ratio(recalled, wanted), precision: ratio(precise, returned.figures.filter((f) => goldById.has(f.articleId)).length), source: returned.source, commandShowed: returned.commandShowed, inLibrary: returned.inLibrary };
    recallHits += recalled;
    recallTotal += wanted;
    precisionHits += precise;
  }

  const judged = right + wrong + silent;
  return {
    articles: gold.length,
    quotationsFound: ratio(found, labelled),
    speakerRight: ratio(right, judged),
    speakerWrong: ratio(wrong, judged),
    speakerSilent: ratio(silent, judged),
    quoteLists: ratio(inLists, listed),
    figureRecall: ratio(recallHits, recallTotal),
    figurePrecision: ratio(precisionHits, precisionTotal),
    figures,
    mistakes,
  };
}
