/**
 * What a library knows of every article, in columns of numbers rather than millions of objects:
 * each sentence, quotation and figure is a row of typed arrays, and its texts are spans of the
 * article body. At 10,000 articles (250,000 sentences) objects took most of the memory and most of
 * the time to load; typed arrays are saved and loaded as they are. Objects are made (`sentencesOf`,
 * `quotationsOf`, `figuresOf`) only for the articles an answer shows.
 */
import type { ArticleIndex, ArticlePerson } from '../analysis/analyse.ts';
import type { Figure, FigureCategory, Quotation, QuotationKind, Sentence } from '../analysis/types.ts';
import { Vocabulary, VocabularyBuilder, type TermLists } from './vocabulary.ts';

/** Quotation kinds and figure categories as the columns number them. */
const KINDS: readonly QuotationKind[] = ['statement', 'phrase', 'scare', 'reported'];
const CATEGORIES: readonly FigureCategory[] = ['killed', 'injured', 'missing', 'attacks', 'rockets', 'deployed', 'other'];

/**
 * The columns and the type of each. Articles are numbered in library order; `sentenceFrom[a]` to
 * `sentenceFrom[a + 1]` are article `a`'s sentence rows (likewise quotations and figures).
 * `quotationSpeaker` is a position in the library's speakers and `quotationPerson` one in the
 * article's own persons (-1: nobody); `figureQualifier` and `figureCounted` are positions in
 * `StoreTexts.strings` (-1: no qualifier); a figure's NaN value or upper end is null. Term lists
 * hold each row's word ids (see `vocabulary.ts`): a sentence's words and its speakers' names, a
 * quotation's words and its speaker's name, an article's outlet and headline. `personsFrom[a]` to
 * `personsFrom[a + 1]` are the bytes of article `a`'s persons in `Store.persons`.
 */
const COLUMN_TYPES = {
  sentenceFrom: Int32Array,
  quotationFrom: Int32Array,
  figureFrom: Int32Array,
  words: Int32Array,
  sentenceStart: Int32Array,
  sentenceEnd: Int32Array,
  sentenceParagraph: Int32Array,
  quotationStart: Int32Array,
  quotationEnd: Int32Array,
  quotationSentence: Int32Array,
  quotationKind: Uint8Array,
  quotationSpeaker: Int32Array,
  quotationPerson: Int32Array,
  quotationRule: Int32Array,
  quotationEvidenceStart: Int32Array,
  quotationEvidenceEnd: Int32Array,
  figureStart: Int32Array,
  figureEnd: Int32Array,
  figureSentence: Int32Array,
  figureCategory: Uint8Array,
  figureValue: Float64Array,
  figureUpper: Float64Array,
  figureQualifier: Int32Array,
  figureCounted: Int32Array,
  figureRule: Int32Array,
  sentenceTermFrom: Int32Array,
  sentenceTermIds: Int32Array,
  quotationTermFrom: Int32Array,
  quotationTermIds: Int32Array,
  articleTermFrom: Int32Array,
  articleTermIds: Int32Array,
  personsFrom: Int32Array,
} as const;

export type Columns = { [K in keyof typeof COLUMN_TYPES]: InstanceType<(typeof COLUMN_TYPES)[K]> };

/** The names of the columns. */
export const COLUMN_NAMES = Object.keys(COLUMN_TYPES) as readonly (keyof Columns)[];

/**
 * The columns a saved store may read when first used rather than at start: the word ids of
 * sentences and quotations, 25 of the 36 MB of columns at 10,000 articles, which only a search
 * inside articles reads (never `/quote` of a name, the first answer people ask for).
 */
export const DEFERRED_COLUMNS = ['sentenceTermIds', 'quotationTermIds'] as const;

/** A column read when first used: its length (known from the file) and how to read it. */
export interface DeferredColumn {
  length: number;
  read: () => Int32Array;
}

/** The lengths of the deferred columns of a set of columns, so that checking them does not read them. */
const deferredLengths = new WeakMap<Columns, Map<string, number>>();

/** A column's length, without reading a deferred column. */
function lengthOf(columns: Columns, name: keyof Columns): number {
  return deferredLengths.get(columns)?.get(name) ?? columns[name].length;
}

/**
 * The columns among some values (a loaded file's parts), or null when one is missing or of another
 * type. A column of `DEFERRED_COLUMNS` given in `deferred` instead is read when first used, once.
 */
export function columnsOf(values: Readonly<Record<string, unknown>>, deferred: Partial<Record<(typeof DEFERRED_COLUMNS)[number], DeferredColumn>> = {}): Columns | null {
  const columns: Record<string, unknown> = {};
  const lengths = new Map<string, number>();
  for (const [name, type] of Object.entries(COLUMN_TYPES)) {
    const later = deferred[name as (typeof DEFERRED_COLUMNS)[number]];
    if (later) {
      let held: Int32Array | null = null;
      Object.defineProperty(columns, name, { enumerable: true, get: () => (held ??= later.read()) });
      lengths.set(name, later.length);
      continue;
    }
    if (!(values[name] instanceof type)) return null;
    columns[name] = values[name];
  }
  deferredLengths.set(columns as Columns, lengths);
  return columns as Columns;
}

/**
 * Whether `from` is the offsets of `rows` stretches laid end to end: one more than there are
 * rows, from 0, never going back, ending at `end` when given.
 */
export function offsetsFit(from: Int32Array, rows: number, end?: number): boolean {
  if (from.length !== rows + 1 || from[0] !== 0 || (end !== undefined && from[rows] !== end)) return false;
  for (let i = 0; i < rows; i++) if (from[i + 1]! < from[i]!) return false;
  return true;
}

/** Throws unless every column has the length its offsets say and every position points at something. */
function checkColumns(c: Columns, texts: StoreTexts): void {
  const fail = (what: string): never => {
    throw new Error(`the saved columns do not fit together (${what})`);
  };
  const offsets = (from: Int32Array, rows: number, name: string): number => (offsetsFit(from, rows) ? from[rows]! : fail(name));
  const sized = (length: number, name: string, ...columns: { length: number }[]): void => {
    if (columns.some((column) => column.length !== length)) fail(name);
  };
  const within = (values: ArrayLike<number>, low: number, high: number, name: string): void => {
    for (let i = 0; i < values.length; i++) if (values[i]! < low || values[i]! >= high) fail(name);
  };
  const articles = c.words.length;
  offsets(c.personsFrom, articles, 'persons');
  const sentences = offsets(c.sentenceFrom, articles, 'sentences');
  const quotations = offsets(c.quotationFrom, articles, 'quotations');
  const figures = offsets(c.figureFrom, articles, 'figures');
  sized(sentences, 'sentences', c.sentenceStart, c.sentenceEnd, c.sentenceParagraph);
  sized(quotations, 'quotations', c.quotationStart, c.quotationEnd, c.quotationSentence, c.quotationKind, c.quotationSpeaker, c.quotationPerson, c.quotationRule, c.quotationEvidenceStart, c.quotationEvidenceEnd);
  sized(figures, 'figures', c.figureStart, c.figureEnd, c.figureSentence, c.figureCategory, c.figureValue, c.figureUpper, c.figureQualifier, c.figureCounted, c.figureRule);
  // Offsets in order within each article, and every quotation and figure in one of its article's sentences.
  // (The columns are taken into locals first: the loops below run over every row, and at 10,000
  // articles looking each column up on \`c\` at every row took most of the 30 ms this check took.)
  const { sentenceFrom, sentenceStart, sentenceEnd, quotationFrom, quotationSentence, quotationStart, quotationEnd, quotationEvidenceStart, quotationEvidenceEnd, figureFrom, figureSentence, figureStart, figureEnd } = c;
  for (let a = 0; a < articles; a++) {
    let end = 0;
    for (let row = sentenceFrom[a]!; row < sentenceFrom[a + 1]!; row++) {
      if (sentenceStart[row]! < end || sentenceEnd[row]! < sentenceStart[row]!) fail('sentence offsets');
      end = sentenceEnd[row]!;
    }
    const count = sentenceFrom[a + 1]! - sentenceFrom[a]!;
    for (let row = quotationFrom[a]!; row < quotationFrom[a + 1]!; row++) {
      if (quotationSentence[row]! < 0 || quotationSentence[row]! >= count || quotationEnd[row]! < quotationStart[row]! || quotationStart[row]! < 0) fail('quotations');
      if (quotationEvidenceEnd[row]! < quotationEvidenceStart[row]! || quotationEvidenceStart[row]! < -1) fail('quotation evidence');
    }
    for (let row = figureFrom[a]!; row < figureFrom[a + 1]!; row++) {
      if (figureSentence[row]! < 0 || figureSentence[row]! >= count || figureEnd[row]! < figureStart[row]! || figureStart[row]! < 0) fail('figures');
    }
  }
  within(c.quotationKind, 0, KINDS.length, 'quotation kinds');
  within(c.figureCategory, 0, CATEGORIES.length, 'figure categories');
  within(c.figureQualifier, -1, texts.strings.length, 'figure qualifiers');
  within(c.figureCounted, 0, texts.strings.length, 'figure nouns');
  within(c.quotationRule, 0, texts.strings.length, 'quotation rules');
  within(c.figureRule, 0, texts.strings.length, 'figure rules');
  for (const [from, ids, rows, name] of [
    [c.sentenceTermFrom, 'sentenceTermIds', sentences, 'sentence words'],
    [c.quotationTermFrom, 'quotationTermIds', quotations, 'quotation words'],
    [c.articleTermFrom, 'articleTermIds', articles, 'article words'],
  ] as const) {
    // Word ids themselves are not checked, for time: a wrong one can only make a search miss, never show wrong text.
    sized(offsets(from, rows, name), name, { length: lengthOf(c, ids) });
  }
}

/** What the columns cannot hold: strings, as plain data. */
export interface StoreTexts {
  vocabulary: string[];
  /** Figures' qualifiers and counted nouns, and the names of rules, each once. */
  strings: string[];
  /** The few quotation and figure texts that are not exactly their body span, by row. */
  quotationTexts: [number, string][];
  figureTexts: [number, string][];
}

/** The rows of every article, and what is needed to turn them back into objects. */
export class Store {
  readonly columns: Columns;
  readonly texts: StoreTexts;
  readonly vocabulary: Vocabulary;
  readonly sentenceTerms: TermLists;
  readonly quotationTerms: TermLists;
  readonly articleTerms: TermLists;
  readonly #quotationTexts: Map<number, string>;
  readonly #figureTexts: Map<number, string>;
  /**
   * Each article's persons (`ArticleIndex.persons`) as UTF-8 JSON, one after another (see
   * `personsFrom`). Only a rebuild needs them, so a loaded store reads them from the saved file
   * then, and parses an article's when it is reused.
   */
  readonly persons: () => Buffer;

  /** Throws when the columns do not fit together: a damaged saved index is rebuilt, not served. */
  constructor(columns: Columns, texts: StoreTexts, persons: () => Buffer) {
    checkColumns(columns, texts);
    this.columns = columns;
    this.texts = texts;
    this.persons = persons;
    this.vocabulary = new Vocabulary(texts.vocabulary);
    // Their ids are asked of the columns when used, so that a deferred column is read then, not now.
    this.sentenceTerms = { from: columns.sentenceTermFrom, get ids() { return columns.sentenceTermIds; } };
    this.quotationTerms = { from: columns.quotationTermFrom, get ids() { return columns.quotationTermIds; } };
    this.articleTerms = { from: columns.articleTermFrom, ids: columns.articleTermIds };
    this.#quotationTexts = new Map(texts.quotationTexts);
    this.#figureTexts = new Map(texts.figureTexts);
  }

  get articles(): number {
    return this.columns.words.length;
  }

  /** The sentences of article `a`, whose body is `body`. */
  sentences(a: number, body: string): Sentence[] {
    const c = this.columns;
    const sentences: Sentence[] = [];
    for (let row = c.sentenceFrom[a]!, index = 0; row < c.sentenceFrom[a + 1]!; row++, index++) {
      const start = c.sentenceStart[row]!;
      const end = c.sentenceEnd[row]!;
      sentences.push({ index, start, end, text: body.slice(start, end), paragraph: c.sentenceParagraph[row]! });
    }
    return sentences;
  }

  figureCategory(row: number): FigureCategory {
    return CATEGORIES[this.columns.figureCategory[row]!]!;
  }

  quotationKind(row: number): QuotationKind {
    return KINDS[this.columns.quotationKind[row]!]!;
  }

  /** Quotation `row` of article `articleId`; `speakerId` names its speaker's position. */
  quotation(row: number, articleId: string, body: string, speakerId: (position: number) => string): Quotation {
    const c = this.columns;
    const start = c.quotationStart[row]!;
    const end = c.quotationEnd[row]!;
    const speaker = c.quotationSpeaker[row]!;
    const evidenceStart = c.quotationEvidenceStart[row]!;
    const evidenceEnd = c.quotationEvidenceEnd[row]!;
    return {
      articleId,
      start,
      end,
      text: this.#quotationTexts.get(row) ?? body.slice(start, end),
      kind: this.quotationKind(row),
      speakerId: speaker < 0 ? null : speakerId(speaker),
      sentence: c.quotationSentence[row]!,
      rule: this.texts.strings[c.quotationRule[row]!]!,
      evidence: evidenceStart < 0 ? null : { text: body.slice(evidenceStart, evidenceEnd), start: evidenceStart, end: evidenceEnd },
    };
  }

  figure(row: number, articleId: string, body: string): Figure {
    const c = this.columns;
    const start = c.figureStart[row]!;
    const end = c.figureEnd[row]!;
    const orNull = (n: number): number | null => (Number.isNaN(n) ? null : n);
    const qualifier = c.figureQualifier[row]!;
    return {
      articleId,
      start,
      end,
      text: this.#figureTexts.get(row) ?? body.slice(start, end),
      value: orNull(c.figureValue[row]!),
      upper: orNull(c.figureUpper[row]!),
      qualifier: qualifier < 0 ? null : this.texts.strings[qualifier]!,
      counted: this.texts.strings[c.figureCounted[row]!]!,
      category: this.figureCategory(row),
      sentence: c.figureSentence[row]!,
      rule: this.texts.strings[c.figureRule[row]!]!,
    };
  }

  /** Article `a`'s own derived data, as `indexArticle` gave it: what a rebuild reuses. */
  articleIndex(a: number, articleId: string, body: string): ArticleIndex {
    const c = this.columns;
    const persons = JSON.parse(this.persons().toString('utf8', c.personsFrom[a], c.personsFrom[a + 1])) as ArticlePerson[];
    const quotations = [];
    for (let row = c.quotationFrom[a]!; row < c.quotationFrom[a + 1]!; row++) {
      const { start, end, text, kind, sentence, rule, evidence } = this.quotation(row, articleId, body, () => '');
      const person = c.quotationPerson[row]!;
      quotations.push({ start, end, text, kind, sentence, person: person < 0 ? null : person, rule, evidence: evidence && { start: evidence.start, end: evidence.end } });
    }
    const figures = [];
    for (let row = c.figureFrom[a]!; row < c.figureFrom[a + 1]!; row++) figures.push(this.figure(row, articleId, body));
    if (!Array.isArray(persons)) throw new Error(`the saved index has no persons for article ${a}`);
    return { sentences: this.sentences(a, body), quotations, persons, figures, words: c.words[a]! };
  }
}

/** An article as the store is built from: its derived data, and the texts its words are read from. */
export interface StoreInput {
  index: ArticleIndex;
  body: string;
  /** The outlet and headline, found like the article's words. */
  facts: string;
  /** The name of each quotation's speaker, or ''; their positions in the library's speakers. */
  speakerNames: readonly string[];
  speakerPositions: readonly number[];
}

/** Builds the store, yielding between articles so that a running bot can answer meanwhile. */
export function* buildStore(inputs: readonly StoreInput[]): Generator<void, Store> {
  const counts = { sentences: 0, quotations: 0, figures: 0 };
  for (const { index } of inputs) {
    counts.sentences += index.sentences.length;
    counts.quotations += index.quotations.length;
    counts.figures += index.figures.length;
  }
  const int = (n: number) => new Int32Array(n);
  const c = {
    sentenceFrom: int(inputs.length + 1),
    quotationFrom: int(inputs.length + 1),
    figureFrom: int(inputs.length + 1),
    words: int(inputs.length),
    sentenceStart: int(counts.sentences),
    sentenceEnd: int(counts.sentences),
    sentenceParagraph: int(counts.sentences),
    quotationStart: int(counts.quotations),
    quotationEnd: int(counts.quotations),
    quotationSentence: int(counts.quotations),
    quotationKind: new Uint8Array(counts.quotations),
    quotationSpeaker: int(counts.quotations),
    quotationPerson: int(counts.quotations),
    quotationRule: int(counts.quotations),
    quotationEvidenceStart: int(counts.quotations),
    quotationEvidenceEnd: int(counts.quotations),
    figureStart: int(counts.figures),
    figureEnd: int(counts.figures),
    figureSentence: int(counts.figures),
    figureCategory: new Uint8Array(counts.figures),
    figureValue: new Float64Array(counts.figures),
    figureUpper: new Float64Array(counts.figures),
    figureQualifier: int(counts.figures),
    figureCounted: int(counts.figures),
    figureRule: int(counts.figures),
    personsFrom: int(inputs.length + 1),
  };
  const personsJson: Buffer[] = [];
  const strings = new Map<string, number>();
  const stringId = (text: string): number => {
    let id = strings.get(text);
    if (id === undefined) strings.set(text, (id = strings.size));
    return id;
  };
  const texts = { quotationTexts: [] as [number, string][], figureTexts: [] as [number, string][] };
  const words = new VocabularyBuilder();
  const [sentenceGroup, quotationGroup, articleGroup] = [words.group(), words.group(), words.group()];
  let [s, q, f] = [0, 0, 0];
  for (const [a, { index, body, facts, speakerNames, speakerPositions }] of inputs.entries()) {
    c.words[a] = index.words;
    const sentenceSpeakers = index.sentences.map(() => new Set<string>());
    index.quotations.forEach((quotation, i) => {
      if (speakerNames[i]) sentenceSpeakers[quotation.sentence]?.add(speakerNames[i]);
      c.quotationStart[q] = quotation.start;
      c.quotationEnd[q] = quotation.end;
      c.quotationSentence[q] = quotation.sentence;
      c.quotationKind[q] = KINDS.indexOf(quotation.kind);
      c.quotationSpeaker[q] = speakerPositions[i]!;
      c.quotationPerson[q] = quotation.person ?? -1;
      c.quotationRule[q] = stringId(quotation.rule);
      c.quotationEvidenceStart[q] = quotation.evidence?.start ?? -1;
      c.quotationEvidenceEnd[q] = quotation.evidence?.end ?? -1;
      if (quotation.text !== body.slice(quotation.start, quotation.end)) texts.quotationTexts.push([q, quotation.text]);
      words.add(quotationGroup, `${quotation.text} ${speakerNames[i]}`);
      q++;
    });
    index.sentences.forEach((sentence, i) => {
      c.sentenceStart[s] = sentence.start;
      c.sentenceEnd[s] = sentence.end;
      c.sentenceParagraph[s] = sentence.paragraph;
      words.add(sentenceGroup, `${sentence.text} ${[...sentenceSpeakers[i]!].join(' ')}`);
      s++;
    });
    for (const figure of index.figures) {
      c.figureStart[f] = figure.start;
      c.figureEnd[f] = figure.end;
      c.figureSentence[f] = figure.sentence;
      c.figureCategory[f] = CATEGORIES.indexOf(figure.category);
      c.figureValue[f] = figure.value ?? Number.NaN;
      c.figureUpper[f] = figure.upper ?? Number.NaN;
      c.figureQualifier[f] = figure.qualifier === null ? -1 : stringId(figure.qualifier);
      c.figureCounted[f] = stringId(figure.counted);
      c.figureRule[f] = stringId(figure.rule);
      if (figure.text !== body.slice(figure.start, figure.end)) texts.figureTexts.push([f, figure.text]);
      f++;
    }
    words.add(articleGroup, facts);
    personsJson.push(Buffer.from(JSON.stringify(index.persons)));
    c.personsFrom[a + 1] = c.personsFrom[a]! + personsJson[a]!.length;
    c.sentenceFrom[a + 1] = s;
    c.quotationFrom[a + 1] = q;
    c.figureFrom[a + 1] = f;
    yield;
  }
  const { vocabulary, groups } = yield* words.finish();
  const [sentenceTerms, quotationTerms, articleTerms] = groups as [TermLists, TermLists, TermLists];
  const columns: Columns = {
    ...c,
    sentenceTermFrom: sentenceTerms.from,
    sentenceTermIds: sentenceTerms.ids,
    quotationTermFrom: quotationTerms.from,
    quotationTermIds: quotationTerms.ids,
    articleTermFrom: articleTerms.from,
    articleTermIds: articleTerms.ids,
  };
  const persons = Buffer.concat(personsJson);
  return new Store(columns, { vocabulary: [...vocabulary.terms], strings: [...strings.keys()], ...texts }, () => persons);
}
