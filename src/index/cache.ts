/**
 * The saved index: everything the library derives, kept in one file so that a restart loads it
 * instead of running the attribution rules over every article again. This module is the file:
 * what it holds, reading it and writing it; when it is used is `open.ts`'s decision.
 *
 * The file holds every article's facts and body, the library's columns and search indexes (see
 * `library.ts`), and the content hash of each article's file. It is trusted only from the same
 * version (`INDEX_VERSION`) and for the very corpus it was built from (`corpusHash`). A file whose
 * size, inode and modification time are those recorded is not read again, as git does: that is
 * what lets ten thousand articles load in well under a second.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Article, ArticleFacts } from '../corpus/article.ts';
import { CORPUS_FORMAT } from '../corpus/format.ts';
import { knownBody } from '../corpus/kinds.ts';
import { contentHash, isRacy, type CorpusFile, type KnownArticle, type KnownFacts } from '../corpus/load.ts';
import type { ArticleIndex } from '../analysis/analyse.ts';
import { ANALYSIS_VERSION } from '../analysis/version.ts';
import { versionOf } from '../version-of.ts';
import { Library, type SavedLibrary } from './library.ts';
import { POSTINGS_CAP, STOPWORDS, type SavedTextIndex } from './search.ts';
import { pack, PackFile, parseJsonPart } from './pack.ts';
import { COLUMN_NAMES, columnsOf, DEFERRED_COLUMNS, offsetsFit, Store, type Columns, type DeferredColumn } from './store.ts';

/**
 * Bump when the file's layout changes, or when what `src/index/` derives and saves changes in a way
 * `INDEX_VERSION`'s data does not show: the columns, how speakers are merged, how text is cut into
 * search terms.
 */
const CACHE_FORMAT = 7;

/** The cache file of a corpus folder: one per folder (by its absolute path), so several corpora can share a cache folder. */
export function cacheFileOf(cacheDir: string, corpusDir: string): string {
  return join(cacheDir, `library-${createHash('sha256').update(resolve(corpusDir)).digest('hex').slice(0, 12)}.index`);
}

/**
 * The release of an installed package, from its `package.json`, found from its entry point upwards
 * (MiniSearch's `exports` do not list its `package.json`, so it cannot be imported).
 */
function releaseOf(name: string): string {
  for (let dir = dirname(createRequire(import.meta.url).resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const path = join(dir, 'package.json');
    if (!existsSync(path)) continue;
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
    if (manifest.name === name && manifest.version) return manifest.version;
  }
  throw new Error(`cache: no package.json found for ${name}`);
}

/**
 * The version of what the saved index holds, worked out from data, never from source files: the
 * file's layout (`CACHE_FORMAT`), the analysis (`ANALYSIS_VERSION`: its rules' data and format
 * number), the corpus format, the search's own word rules (stopwords and postings cap shape the
 * saved search indexes), the MiniSearch release (its JSON is loaded as saved) and the Node.js
 * major release (speakers are sorted with `localeCompare`, whose ICU data comes with Node.js).
 */
export const INDEX_VERSION: string = versionOf({
  cache: CACHE_FORMAT,
  analysis: ANALYSIS_VERSION,
  corpus: CORPUS_FORMAT,
  search: { stopwords: STOPWORDS, postingsCap: POSTINGS_CAP },
  minisearch: releaseOf('minisearch'),
  node: process.versions.node.split('.')[0],
});

/** An article's file as the cache recorded it: what `scanCorpus` needs to know it unchanged. */
interface SavedFile {
  name: string;
  hash: string;
  /** The body's hash (see `bodyDigest`). */
  body: string;
  size: number;
  mtimeMs: number;
  ino: number;
  readAt: number;
  facts: ArticleFacts;
}

/** The cache file's parts that are neither columns nor bodies. */
interface SavedMeta {
  format: number;
  /** `INDEX_VERSION` when the file was written. */
  version: string;
  /** Which corpus the library was built from (see `corpusHash`). */
  corpus: string;
  /** The articles' files, in library order. */
  files: SavedFile[];
  library: Omit<SavedLibrary, 'columns' | 'persons' | 'articleIndex' | 'speakerIndex'>;
}

/** The hash naming a whole corpus: its articles' ids and content hashes, and the index version. */
export function corpusHash(hashes: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256').update(INDEX_VERSION);
  for (const id of [...hashes.keys()].sort()) hash.update(`${id}\t${hashes.get(id)}\n`);
  return hash.digest('hex');
}

/** Decoded article bodies recently asked for: reading one again is cheap, keeping all ten thousand is not. */
const DECODED_BODIES = 1_000;

/** The hash of an article body as the cache records it, to know the copy it reads back is intact. */
function bodyDigest(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 32);
}

/**
 * Every article body of the cache, read from the saved file one article at a time when asked
 * for. A start-up reads none of them, and only the articles being shown are held as strings:
 * held all at once they would be the largest part of the memory (news text has curly quotes,
 * which make a string two bytes a character). Each body read is checked against its recorded
 * hash; a damaged copy is replaced by the article's own file, if that is still the one indexed.
 */
class Bodies {
  readonly #file: PackFile;
  readonly #from: Int32Array;
  readonly #saved: readonly SavedFile[];
  readonly #dir: string;
  readonly #recent = new Map<number, string>();

  constructor(file: PackFile, from: Int32Array, saved: readonly SavedFile[], dir: string) {
    this.#file = file;
    this.#from = from;
    this.#saved = saved;
    this.#dir = dir;
  }

  body(i: number): string {
    let body = this.#recent.get(i);
    if (body === undefined) {
      body = this.#file.readRange('bodies', this.#from[i]!, this.#from[i + 1]!).toString('utf8');
      if (bodyDigest(body) !== this.#saved[i]!.body) body = this.#fromFile(i);
      this.#recent.set(i, body);
      if (this.#recent.size > DECODED_BODIES) this.#recent.delete(this.#recent.keys().next().value!);
    }
    return body;
  }

  /** The body of article `i` from its corpus file, which must still hold what was indexed. */
  #fromFile(i: number): string {
    const saved = this.#saved[i]!;
    const path = join(this.#dir, saved.name);
    const bytes = readFileSync(path);
    const body = knownBody(saved.name, bytes);
    if (contentHash(bytes) !== saved.hash || bodyDigest(body) !== saved.body) throw new Error(`The saved index's copy of ${path} is damaged and the file has changed since; it is served again once the corpus is reloaded.`);
    return body;
  }

  /** An article whose body is read from here when used. */
  article(i: number, facts: ArticleFacts, file: string): Article {
    return new SavedArticle(facts, file, this, i);
  }
}

// The facts' fields, which the constructor copies in.
interface SavedArticle extends ArticleFacts {}

/**
 * An article of the saved index: its facts as recorded, its body read from the index when used.
 * A class, its body a getter of the class rather than of each object: making ten thousand objects
 * with a getter of their own (`{ ...facts, get body() }`) took 25 ms of a start, these take 3.
 */
class SavedArticle implements Article {
  readonly file: string;
  readonly #bodies: Bodies;
  readonly #i: number;

  constructor(facts: ArticleFacts, file: string, bodies: Bodies, i: number) {
    Object.assign(this, facts);
    this.file = file;
    this.#bodies = bodies;
    this.#i = i;
  }

  get body(): string {
    return this.#bodies.body(this.#i);
  }
}

/** What was read from a cache file, or why it cannot be used. */
export type SavedIndex =
  | { meta: SavedMeta; columns: Columns; persons: () => Buffer; articleIndex: () => SavedTextIndex; speakerIndex: () => SavedTextIndex; bodies: Bodies }
  | { meta: null; reason: string };

/** A saved index that was read whole and is of this version. */
export type UsableIndex = Extract<SavedIndex, { meta: SavedMeta }>;

/** A cache file that is sound but not for this code. */
class Foreign extends Error {}

/** A part read when first wanted, and kept from then on. */
function onceRead(read: () => Buffer): () => Buffer {
  let held: Buffer | null = null;
  return () => (held ??= read());
}

/** A JSON part's bytes, parsed when first wanted and let go of then. */
function parsedLater<T>(bytes: Buffer): () => T {
  let held: Buffer | null = bytes;
  let value: T | undefined;
  return () => {
    if (held) {
      value = parseJsonPart(held) as T;
      held = null;
    }
    return value!;
  };
}

/**
 * The cache file, or why it cannot be used; `opened` hears how many article files it records as
 * soon as its table of parts is read, before the parts themselves. Every part is checked against its hash here, except
 * the two left on disk: bodies (each checked when read, see `Bodies`) and persons (checked when a
 * rebuild reads them). The search indexes are parsed and loaded later (see `Library.loadIndexes`).
 */
export function readSavedIndex(path: string, dir: string, opened?: (recorded: number) => void): SavedIndex {
  let file: PackFile;
  try {
    file = PackFile.open(path);
  } catch (error) {
    return { meta: null, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no saved index yet' : 'the saved index is corrupt' };
  }
  try {
    // How many article files it records (by the length of their bodies' offsets), before its parts are read.
    if (opened && file.has('bodyFrom')) opened(Math.max(0, file.lengthOf('bodyFrom') / 4 - 1));
    const meta = file.has('meta') ? (file.read('meta') as SavedMeta | null) : null;
    if (typeof meta !== 'object' || meta === null || !Array.isArray(meta.files)) throw new Foreign('the saved index is not a Verbatim index');
    if (meta.format !== CACHE_FORMAT || meta.version !== INDEX_VERSION) throw new Foreign('the saved index is from another version of Verbatim');
    const parts: Record<string, unknown> = {};
    const deferred: Partial<Record<(typeof DEFERRED_COLUMNS)[number], DeferredColumn>> = {};
    for (const name of COLUMN_NAMES) {
      if (!file.has(name)) continue;
      if ((DEFERRED_COLUMNS as readonly string[]).includes(name)) deferred[name as (typeof DEFERRED_COLUMNS)[number]] = { length: file.lengthOf(name) / 4, read: () => readDeferred(file, name, path) };
      else parts[name] = file.read(name);
    }
    const columns = columnsOf(parts, deferred);
    const bodyFrom = file.has('bodyFrom') ? file.read('bodyFrom') : null;
    if (!columns || !file.has('bodies') || !file.has('persons') || !(bodyFrom instanceof Int32Array) || !offsetsFit(bodyFrom, meta.files.length, file.lengthOf('bodies'))) throw new Error('incomplete');
    return {
      meta,
      columns,
      persons: onceRead(() => file.bytes('persons')),
      articleIndex: parsedLater(file.bytes('articleIndex')),
      speakerIndex: parsedLater(file.bytes('speakerIndex')),
      bodies: new Bodies(file, bodyFrom, meta.files, dir),
    };
  } catch (error) {
    file.close();
    return { meta: null, reason: error instanceof Foreign ? error.message : 'the saved index is corrupt' };
  }
}

/**
 * A column read when first used (see `DEFERRED_COLUMNS`), checked against its hash as every part is.
 * Damaged, it cannot be served: the saved index is deleted, so that the next start rebuilds it from
 * the corpus, and the answer that needed it fails with a message saying so.
 */
function readDeferred(file: PackFile, name: string, path: string): Int32Array {
  let value: unknown;
  try {
    value = file.read(name);
  } catch (error) {
    value = error;
  }
  if (value instanceof Int32Array) return value;
  rmSync(path, { force: true });
  throw new Error(`The saved index ${path} is damaged (${value instanceof Error ? value.message : `part ${name} is not a column`}); it has been deleted and is rebuilt from the corpus at the next start.`);
}

/**
 * When a file was read, as the cache records it. A file read within `RACY_MS` of its last change
 * is read again at every start (its modification time cannot prove it unchanged since), so one
 * that has stayed unchanged long enough since is read again now, while the cache is written, and
 * recorded as read now when its content is still the same.
 */
function settledReadAt(path: string, hash: string, mtimeMs: number, readAt: number): number {
  const now = Date.now();
  if (!isRacy(mtimeMs, readAt) || isRacy(mtimeMs, now)) return readAt;
  try {
    return statSync(path).mtimeMs === mtimeMs && contentHash(readFileSync(path)) === hash ? now : readAt;
  } catch {
    return readAt;
  }
}

/** Writes the cache file whole or not at all: a crash while writing leaves the previous one. `key` is the corpus's `corpusHash`. */
export async function writeSavedIndex(path: string, library: Library, files: ReadonlyMap<string, CorpusFile>, key: string): Promise<void> {
  const fileOf = new Map<Article, CorpusFile & { name: string }>();
  for (const [name, file] of files) if (file.parsed.success) fileOf.set(file.parsed.article, { ...file, name });
  const { columns, persons, articleIndex, speakerIndex, ...saved } = library.saved();
  const savedFiles: SavedFile[] = library.articles.map((article) => {
    const { name, hash, size, mtimeMs, ino, readAt, file } = fileOf.get(article)!;
    const { body: _body, file: _file, ...facts } = article;
    return { name, hash, body: bodyDigest(article.body), size, mtimeMs, ino, readAt: settledReadAt(file, hash, mtimeMs, readAt), facts };
  });
  const bodies = library.articles.map((a) => Buffer.from(a.body));
  const bodyFrom = new Int32Array(bodies.length + 1);
  bodies.forEach((b, i) => (bodyFrom[i + 1] = bodyFrom[i]! + b.length));
  const meta: SavedMeta = { format: CACHE_FORMAT, version: INDEX_VERSION, corpus: key, files: savedFiles, library: saved };
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const handle = await open(temporary, 'w');
    try {
      for (const chunk of pack({ meta, bodies: Buffer.concat(bodies), bodyFrom, persons: persons(), articleIndex: articleIndex(), speakerIndex: speakerIndex(), ...columns })) await handle.write(chunk);
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * The article files the saved index recorded, as a scan of the folder would find them (so that
 * those unchanged on disk are not read again), and the facts it recorded by content hash.
 */
export function recordedFiles(saved: UsableIndex, dir: string): { files: Map<string, CorpusFile>; facts: KnownFacts } {
  const files = new Map<string, CorpusFile>();
  const byHash = new Map<string, KnownArticle>();
  // The folder's path once: `join` normalises the whole path each time, which at 10,000 files was a tenth of loading.
  const folder = join(dir, '/');
  saved.meta.files.forEach((recorded, i) => {
    const file = folder + recorded.name;
    files.set(recorded.name, { file, hash: recorded.hash, parsed: { success: true, article: saved.bodies.article(i, recorded.facts, file) }, size: recorded.size, mtimeMs: recorded.mtimeMs, ino: recorded.ino, readAt: recorded.readAt });
    byHash.set(recorded.hash, { facts: recorded.facts, body: () => saved.bodies.body(i) });
  });
  return { files, facts: (hash) => byHash.get(hash) };
}

/**
 * The library the saved index holds whole, for these articles (`corpusHash` said they are the
 * ones it was built from). Its search indexes load when first searched, or, with `preload`, in the
 * background while the caller goes on (a bot logs in). Throws when the file does not hold what it
 * should.
 */
export function loadSavedLibrary(saved: UsableIndex, articles: readonly Article[], preload = false): Library {
  const { columns, persons, articleIndex, speakerIndex } = saved;
  const library = Library.load(articles, { ...saved.meta.library, columns, persons, articleIndex, speakerIndex });
  // The speakers' index only: the first answers (a name, autocomplete) search it, and the article
  // index (the larger by far) would hold up logging in; the bot loads it once connected (see `startBot`).
  // A failure here fails that first search too, which reports it: nothing is lost by not reporting it twice.
  if (preload) library.loadIndexes({ articles: false }).catch(() => undefined);
  return library;
}

/**
 * What the saved index derived from each article, by the content hash of its file (`hashes`, by
 * article id): for an article whose file it recorded with the same hash, and whose sentences are
 * still spans of the body. Throws, for an article, when its saved data cannot be read.
 */
export function savedArticleData(saved: UsableIndex, hashes: ReadonlyMap<string, string>): (article: Article) => ArticleIndex | undefined {
  const { meta, columns, persons, bodies } = saved;
  const byHash = new Map(meta.files.map((recorded, i) => [recorded.hash, i]));
  let store: Store;
  try {
    store = new Store(columns, meta.library.texts, persons);
  } catch {
    return () => undefined;
  }
  return (article) => {
    const i = byHash.get(hashes.get(article.id)!);
    if (i === undefined) return undefined;
    const index = store.articleIndex(i, article.id, bodies.body(i));
    return index.sentences.every((s) => s.text === article.body.slice(s.start, s.end)) ? index : undefined;
  };
}
