/**
 * Adding an article to the corpus from its address, for `/add` and for the feeds: fetch the page
 * safely (`fetch.ts`), extract it by the rules of `npm run ingest` (`prepare.ts`), write it into
 * the corpus folder as a `.txt` corpus file, and have the live library serve it. Additions run one
 * at a time, so two people adding the same link cannot both write it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { access, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { refOf, type Article, type ArticleRef } from '../corpus/article.ts';
import { formatArticle } from '../corpus/format.ts';
import { decodePage } from '../corpus/page.ts';
import { addressKey, prepareArticle, textKey, type IngestProblem } from '../corpus/prepare.ts';
import type { Library } from '../index/library.ts';
import { safeFetch, type FetchPolicy, type FetchProblem } from './fetch.ts';

/** The library an adder writes for: the one in force, and a reload that serves the folder's new files. */
export interface GrowingLibrary {
  current(): Library;
  reload(): Promise<unknown>;
}

/** How an adder fetches and where it writes. */
export interface AdderOptions extends FetchPolicy {
  /** The corpus folder. */
  dir: string;
  library: GrowingLibrary;
}

/** An article added, with what the library found in it. */
export interface AddedArticle {
  article: ArticleRef;
  /** The corpus file written. */
  file: string;
  sentences: number;
  /** Statements and quoted phrases, as `/source` counts them. */
  quotations: number;
  figures: number;
}

/** Why an address was not added. */
export type AddProblem =
  | { code: 'fetch'; problem: FetchProblem }
  | { code: 'duplicate'; article: ArticleRef }
  | { code: 'not-an-article'; problem: IngestProblem }
  | { code: 'not-written'; detail: string };

/** What adding an address did. */
export type AddOutcome = { success: true; added: AddedArticle } | { success: false; problem: AddProblem };

/** How one address is added. */
export interface AddOptions {
  /**
   * Have the library serve it before resolving (default true), as `/add` does. The feeds add a
   * poll's items first and then call `serve` once: on a large corpus a reload takes long enough
   * that one per item would hold the next items up.
   */
  serve?: boolean;
}

/** Adds articles from their addresses, one at a time. */
export class ArticleAdder {
  readonly #options: AdderOptions;
  /** The addresses added or found already in the corpus while running, by `addressKey`, to the article's id: they are not fetched again. */
  readonly #fetched = new Map<string, string>();
  /** Articles written but not yet served, by id: later additions are checked against them too. */
  readonly #pending = new Map<string, Article>();
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: AdderOptions) {
    this.#options = options;
  }

  /** The article of the corpus at this address (its own, or one it was added from), if there is one. */
  known(address: string): Article | undefined {
    const library = this.#options.library.current();
    const key = addressKey(address);
    const id = this.#fetched.get(key);
    if (id !== undefined) return library.article(id) ?? this.#pending.get(id);
    return addressesOf(library).get(key) ?? [...this.#pending.values()].find((a) => addressKey(a.url) === key);
  }

  /** Fetches the page at `address` and adds its article, after any addition under way. */
  add(address: string, options: AddOptions = {}): Promise<AddOutcome> {
    return this.#queued(() => this.#addNow(address, options.serve ?? true));
  }

  /** Has the library serve the articles written so far (after any addition under way). */
  serve(): Promise<void> {
    return this.#queued(async () => {
      if (this.#pending.size === 0) return;
      await this.#options.library.reload();
      const served = this.#options.library.current();
      for (const id of [...this.#pending.keys()]) if (served.article(id)) this.#pending.delete(id);
    });
  }

  #queued<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #addNow(address: string, serve: boolean): Promise<AddOutcome> {
    const already = this.known(address);
    if (already) return { success: false, problem: { code: 'duplicate', article: refOf(already) } };
    const { dir, library, allowHosts, limits, resolve } = this.#options;
    const fetched = await safeFetch(address, { kind: 'page', allowHosts, limits, resolve });
    if (!fetched.success) return { success: false, problem: { code: 'fetch', problem: fetched.problem } };
    if (fetched.notModified) throw new Error('add: a page fetched without validators came back "not modified"');
    const current = library.current();
    const pending = [...this.#pending.values()].filter((a) => !current.article(a.id));
    const articles = pending.length === 0 ? current.articles : [...current.articles, ...pending];
    const texts = await textsOf(current);
    const sameText = (key: string): Article | undefined => texts.get(fingerprint(key)) ?? pending.find((a) => fingerprints.get(a) === fingerprint(key));
    const charset = /;\s*charset\s*=\s*"?([\w.:-]+)/iu.exec(fetched.contentType)?.[1];
    const prepared = prepareArticle(decodePage(fetched.body, charset), true, {}, articles, false, { url: fetched.url, outlet: new URL(fetched.url).hostname.replace(/^www\./u, ''), sameText });
    if (!prepared.success) {
      const { problem } = prepared;
      if (problem.code === 'duplicate') {
        const same = articles.find((a) => a.file === problem.file);
        if (same) {
          this.#fetched.set(addressKey(address), same.id);
          return { success: false, problem: { code: 'duplicate', article: refOf(same) } };
        }
      }
      return { success: false, problem: { code: 'not-an-article', problem } };
    }
    const { body } = prepared.article;
    let { facts } = prepared.article;
    let file: string;
    // A file already there under the article's name (one the corpus skips, say) is never written
    // over: the article takes the outlet's next number of the day instead, as a second article would.
    for (let n = 2; ; n++) {
      file = join(dir, `${facts.id}.txt`);
      try {
        await writeNew(file, formatArticle(facts, body));
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EEXIST' || n > MAX_NAME_TRIES) return { success: false, problem: { code: 'not-written', detail: code ?? (error as Error).message } };
        // Past the ids articles already have, whatever their files are called.
        while (articles.some((a) => a.id === `${prepared.article.facts.id}-${n}`)) n++;
        facts = { ...facts, id: `${prepared.article.facts.id}-${n}` };
      }
    }
    const article: Article = { ...facts, body, file };
    fingerprints.set(article, fingerprint(textKey(body)));
    this.#pending.set(facts.id, article);
    this.#fetched.set(addressKey(address), facts.id);
    this.#fetched.set(addressKey(fetched.url), facts.id);
    // What the library will find in it, worked out here so that the answer does not wait on the library to say.
    // The analysis is imported when first needed: the bot starts without it (see src/index/derive.ts).
    const { indexArticle } = await import('../analysis/analyse.ts');
    const { sentences, quotations, figures } = indexArticle(article);
    if (serve) {
      await library.reload();
      if (library.current().article(facts.id)) this.#pending.delete(facts.id);
    }
    return {
      success: true,
      added: {
        article: refOf(article),
        file,
        sentences: sentences.length,
        quotations: quotations.filter((q) => q.kind === 'statement' || q.kind === 'phrase').length,
        figures: figures.length,
      },
    };
  }
}

/** Each library's articles by address (`addressKey`), worked out once per library: a feed asks about every item at every poll. */
const addresses = new WeakMap<Library, Map<string, Article>>();

function addressesOf(library: Library): Map<string, Article> {
  let byAddress = addresses.get(library);
  if (!byAddress) {
    byAddress = new Map();
    for (const article of library.articles) if (!byAddress.has(addressKey(article.url))) byAddress.set(addressKey(article.url), article);
    addresses.set(library, byAddress);
  }
  return byAddress;
}

/** A body's `textKey` as a short hash: what is kept per article to find one of the same text. */
function fingerprint(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

/** Each article's fingerprint, kept while the article object lives: a reload keeps the objects of unchanged files, so only new articles are read. */
const fingerprints = new WeakMap<Article, string>();

/** Each library's articles by fingerprint, worked out once per library. */
const texts = new WeakMap<Library, Map<string, Article>>();

/** Articles fingerprinted between two turns of the event loop: reading bodies from the saved index is the cost, and answers go on in between. */
const FINGERPRINT_SLICE = 200;

/** A library's articles by the fingerprint of their text, for the duplicate check of `prepareArticle`. */
async function textsOf(library: Library): Promise<Map<string, Article>> {
  const known = texts.get(library);
  if (known) return known;
  const byText = new Map<string, Article>();
  let fresh = 0;
  for (const article of library.articles) {
    let print = fingerprints.get(article);
    if (print === undefined) {
      print = fingerprint(textKey(article.body));
      fingerprints.set(article, print);
      if (++fresh % FINGERPRINT_SLICE === 0) await nextTurn();
    }
    if (!byText.has(print)) byText.set(print, article);
  }
  texts.set(library, byText);
  return byText;
}

/** How many names `/add` tries when files already hold the ones it would take. */
const MAX_NAME_TRIES = 20;

/**
 * Writes a new corpus file whole or not at all (a hidden temporary file renamed into place, so the
 * watching library never reads it half-written), and never over a file already there.
 */
async function writeNew(file: string, text: string): Promise<void> {
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists) throw Object.assign(new Error(`${file} already exists`), { code: 'EEXIST' });
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
