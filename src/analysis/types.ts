/** A sentence of an article body; `start`/`end` are offsets into the body, so `body.slice(start, end) === text`. */
export interface Sentence {
  /** Position of the sentence within its article, from 0. */
  index: number;
  start: number;
  end: number;
  text: string;
  /** Position of the paragraph the sentence belongs to, from 0. */
  paragraph: number;
}

/** How a quotation is used in the text. */
export type QuotationKind =
  /** A whole statement in the speaker's words: `"…," he noted.` */
  | 'statement'
  /** A few of the speaker's words inside the reporter's sentence: `rejected as "baseless claims"`. */
  | 'phrase'
  /** Words held at a distance, nobody's statement: `the so-called "militia groups"`. */
  | 'scare'
  /** A sentence that reports what someone said without quote marks: `…, he said.`; the whole sentence is shown. */
  | 'reported';

/**
 * The words of a body that settle who spoke a quotation (`Cotton said`, `the Norlandic envoy added`,
 * `according to the Kremlin`): `text === body.slice(start, end)`.
 */
export interface Evidence {
  text: string;
  start: number;
  end: number;
}

/** A quoted span of an article body. `start`/`end` cover the words inside the quote marks. */
export interface Quotation {
  articleId: string;
  start: number;
  end: number;
  text: string;
  kind: QuotationKind;
  /** Canonical speaker key (see `Speaker.id`), or null when the article does not say who spoke. */
  speakerId: string | null;
  /** Index of the first sentence the quotation touches. */
  sentence: number;
  /** The name of the attribution rule that chose the speaker, or that declined to (see `src/analysis/quotes/`). */
  rule: string;
  /** The words naming the speaker, or null when none do (no speaker, or one carried over from before). */
  evidence: Evidence | null;
}

/** A person or organisation that speaks in the corpus, one entry however many spellings the articles use. */
export interface Speaker {
  id: string;
  /** An organisation or state speaks as one (`Kremlin`, `Norland’s permanent mission to the UN`, `Norland`). */
  /** `unnamed`: a source described, not named (`a senior official`), never merged across articles. */
  kind: 'person' | 'organisation' | 'unnamed';
  /** The fullest, most used spelling. */
  name: string;
  /** Other spellings of the name (`Ilyas Yusef Darvesh`). */
  aliases: string[];
}

/** What a figure counts happening. */
export type FigureCategory = 'killed' | 'injured' | 'missing' | 'attacks' | 'rockets' | 'deployed' | 'other';

/** A numeric figure in an article body: `at least 10,818 people` killed. */
export interface Figure {
  articleId: string;
  /** Offsets of the figure's words (qualifier, number, counted noun) in the body. */
  start: number;
  end: number;
  text: string;
  /** The number stated (the low end of a range), or null for a vague quantity such as `dozens of`. */
  value: number | null;
  /** The high end of a range (`between 35 and 50 rockets`, `20-30 houses`), or null for a single number. */
  upper: number | null;
  /** `at least`, `more than`, `a total of`, … as written, or null. */
  qualifier: string | null;
  /** What is counted (`people`, `US troops`), as written; empty when the text leaves it out. */
  counted: string;
  category: FigureCategory;
  /** Index of the sentence that holds it. */
  sentence: number;
  /** The name of the rule that gave its category (see `CATEGORY_RULES` in `src/analysis/figures/`). */
  rule: string;
}
