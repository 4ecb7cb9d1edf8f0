/**
 * Building a library from articles: deriving each article that lacks its data (the analysis),
 * merging speakers, the columns and the search indexes. Kept apart from `library.ts`, which loads
 * and answers, so that a start from the saved index never loads the analysis: its modules, and the
 * rule tables they set up when imported, were a tenth of that start. `open.ts` imports this module
 * when it has something to build.
 */
import type { Article } from '../corpus/article.ts';
import { indexArticle, type ArticleIndex, type ArticlePerson } from '../analysis/analyse.ts';
import { ARTICLE_INDEX, Library, SPEAKER_INDEX, type LibraryParts } from './library.ts';
import { TextIndex } from './search.ts';
import { mergeSpeakers, type PersonInArticle } from './speakers.ts';
import { buildStore, type StoreInput } from './store.ts';

/** What a build can be given instead of working it out: each article's derived data, by article id, made from that very body. */
export interface PreparedLibrary {
  indexes?: ReadonlyMap<string, ArticleIndex>;
}

/** Articles added to the article index between two pauses of `buildLibraryInSlices`. */
const INDEX_SLICE = 10;
/** Speakers added to the speaker index between two pauses. */
const SPEAKER_SLICE = 1_000;

/** Sorts articles into library order: oldest first, then by id. */
function libraryOrder(articles: readonly Article[]): Article[] {
  return [...articles].sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));
}

/**
 * Builds the library of these articles, in any order. `prepared` spares work done before (see
 * `PreparedLibrary`); speakers and the search indexes are built afresh.
 */
export function buildLibrary(articles: readonly Article[], prepared?: PreparedLibrary): Library {
  const building = assemble(articles, prepared);
  for (let step = building.next(); ; step = building.next()) if (step.done) return new Library(step.value);
}

/**
 * Builds the library as `buildLibrary` does, but calls `pause` between slices of the work, so
 * that a running bot goes on answering from the library in force while this one is built.
 */
export async function buildLibraryInSlices(articles: readonly Article[], prepared: PreparedLibrary | undefined, pause: () => Promise<void>): Promise<Library> {
  const building = assemble(articles, prepared);
  for (let step = building.next(); ; step = building.next()) {
    if (step.done) return new Library(step.value);
    await pause();
  }
}

/**
 * Works out a library's parts, yielding between slices of the work: deriving each article that
 * lacks its data, merging speakers, the columns, and the search indexes.
 */
function* assemble(given: readonly Article[], prepared: PreparedLibrary | undefined): Generator<void, LibraryParts> {
  const articles = libraryOrder(given);
  const indexes: ArticleIndex[] = [];
  const seen = new Set<string>();
  for (const article of articles) {
    if (seen.has(article.id)) throw new Error(`Library: duplicate article id ${article.id}`);
    seen.add(article.id);
    const index = prepared?.indexes?.get(article.id);
    indexes.push(index ?? indexArticle(article));
    if (!index) yield;
  }
  const people: PersonInArticle<ArticlePerson>[] = indexes.flatMap((index) => index.persons.map((person) => ({ person, quotations: person.quotations })));
  const { speakers, speakerOf } = mergeSpeakers(people);
  yield;
  const positions = new Map(speakers.map((s, p) => [s, p]));
  const inputs: StoreInput[] = [];
  for (const [a, article] of articles.entries()) {
    const index = indexes[a]!;
    const speakerOfQuotation = index.quotations.map((q) => (q.person === null ? undefined : speakerOf.get(index.persons[q.person]!)));
    inputs.push({
      index,
      body: article.body,
      facts: `${article.outlet} ${article.title ?? ''}`,
      speakerNames: speakerOfQuotation.map((s) => s?.name ?? ''),
      speakerPositions: speakerOfQuotation.map((s) => (s ? positions.get(s)! : -1)),
    });
    // Each body may be read from the saved index on disk: a slice of articles at a time.
    if (a % INDEX_SLICE === INDEX_SLICE - 1) yield;
  }
  const store = yield* buildStore(inputs);

  // Newest first: where a common word's postings are capped, the newest articles keep theirs.
  const articleIndex = new TextIndex(ARTICLE_INDEX);
  for (let last = articles.length; last > 0; last -= INDEX_SLICE) {
    const documents = [];
    for (let a = last - 1; a >= Math.max(0, last - INDEX_SLICE); a--) {
      const { index, speakerNames } = inputs[a]!;
      const article = articles[a]!;
      documents.push({ id: a, text: index.sentences.map((s) => s.text).join('\n'), speakers: [...new Set(speakerNames)].join(' '), outlet: article.outlet, headline: article.title ?? '' });
    }
    articleIndex.addAll(documents);
    yield;
  }
  const speakerIndex = new TextIndex(SPEAKER_INDEX);
  for (let first = 0; first < speakers.length; first += SPEAKER_SLICE) {
    speakerIndex.addAll(speakers.slice(first, first + SPEAKER_SLICE).map((s, i) => ({ id: first + i, name: [s.name, ...s.aliases].join(' ') })));
    yield;
  }
  return { articles, store, speakers, articleIndex, speakerIndex };
}
