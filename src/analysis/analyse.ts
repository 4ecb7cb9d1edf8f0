/**
 * What the index derives from one article on its own: sentences, quotations with the article's
 * own people, and figures. This is the costly part (the attribution rules); it depends on nothing
 * but the article, so it is kept per article in the cache and only redone for an article whose
 * file changed. Plain data throughout, so it saves as JSON.
 */
import type { Article } from '../corpus/article.ts';
import { findFigures } from './figures/figures.ts';
import type { LocalPerson } from './people/people.ts';
import { findQuotations } from './quotes/quotations.ts';
import { splitSentences } from './text/sentences.ts';
import type { Figure, QuotationKind, Sentence } from './types.ts';

/** A person or organisation of one article, as speaker merging across articles needs them. */
export interface ArticlePerson {
  kind: LocalPerson['kind'];
  name: string;
  surname: string;
  given: string[];
  descriptors: string[];
  /** Another name readers look an organisation up by: its acronym (`HRC`), or the state a capital speaks for (`Ottawa` → `Canada`). */
  alias?: string;
  /** How many quotations the article gives them. */
  quotations: number;
}

/** A quotation of one article; `person` is its speaker's position in `ArticleIndex.persons`. */
export interface ArticleQuotation {
  start: number;
  end: number;
  text: string;
  kind: QuotationKind;
  sentence: number;
  person: number | null;
  /** The attribution rule that decided (see `Quotation.rule`). */
  rule: string;
  /** Offsets of the words that name the speaker (see `Quotation.evidence`), or null. */
  evidence: { start: number; end: number } | null;
}

/** Everything derived from one article alone. */
export interface ArticleIndex {
  sentences: Sentence[];
  quotations: ArticleQuotation[];
  persons: ArticlePerson[];
  figures: Figure[];
  /** Words in the body, as `/source` reports an article's size. */
  words: number;
}

/** An article with what is derived from it. */
export interface IndexedArticle {
  article: Article;
  index: ArticleIndex;
}

/** Derives an article's sentences, quotations, people and figures. */
export function indexArticle(article: Article): ArticleIndex {
  const sentences = splitSentences(article.body);
  const found = findQuotations(article.body, sentences);
  const position = new Map<LocalPerson, number>(found.people.persons.map((p, i) => [p, i]));
  const counts = new Map<LocalPerson, number>();
  for (const q of found.quotations) if (q.speaker) counts.set(q.speaker, (counts.get(q.speaker) ?? 0) + 1);
  return {
    sentences,
    quotations: found.quotations.map((q) => ({
      start: q.start,
      end: q.end,
      text: q.text,
      kind: q.kind,
      sentence: q.sentence,
      person: q.speaker ? (position.get(q.speaker) ?? null) : null,
      rule: q.rule,
      evidence: q.evidence,
    })),
    persons: found.people.persons.map((p) => ({
      kind: p.kind,
      name: p.name,
      surname: p.surname,
      given: [...p.given],
      descriptors: [...p.descriptors],
      ...(p.alias ? { alias: p.alias } : {}),
      quotations: counts.get(p) ?? 0,
    })),
    figures: findFigures(article.id, article.body, sentences),
    words: article.body.split(/\s+/u).filter(Boolean).length,
  };
}
