/**
 * The saved index: everything the library derives, kept in one file so that a restart loads it
 * instead of running the attribution rules over every article again.
 *
 * The file holds every article's facts and body, the library's columns and search indexes (see
 * `library.ts`), and the content hash of each article's file. It is trusted only from the same
 * version of the code (`CODE_VERSION`) and for the very corpus it was built from (`corpusHash`).
 * A file whose size, inode and modification time are those recorded is not read again, as git
 * does: that is what lets ten thousand articles load in well under a second. An edited, added or
 * removed article reuses every other article's data and rebuilds only the indexes across
 * articles; a missing, corrupt or foreign file is rebuilt, never fatal.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, ArticleFacts } from '../corpus/article.ts';
import { articleBody } from '../corpus/format.ts';
import { contentHash, corpusOf, isRacy, scanCorpus, type CorpusFile, type CorpusProblem } from '../corpus/load.ts';
import { indexArticle, type ArticleIndex } from '../analysis/analyse.ts';
import { Library, type SavedLibrary } from './library.ts';
import type { SavedTextIndex } from './search.ts';
import { pack, PackFile } from './pack.ts';
import { COLUMN_NAMES, columnsOf, offsetsFit, Store, type Columns } from './store.ts';

/** Bump when the file's layout changes (the source hash below changes with it anyway). */
const CACHE_FORMAT = 4;

/** The cache file of a corpus folder: one per folder (by its absolute path), so several corpora can share a cache folder. */
export function cacheFileOf(cacheDir: string, corpusDir: string): string {
  return join(cacheDir, `library-${createHash('sha256').update(resolve(corpusDir)).digest('hex').slice(0, 12)}.index`);
}

/**
 * The version of the code that derives what the cache holds: a hash of every source file of
 * `src/index/` and `src/corpus/`, of the MiniSearch release and of the Node.js release. Any change
 * of a rule, however small, gives another version, so a stale cache is never served.
 */
export const CODE_VERSION: string = (() => {
  const hash = createHash('sha256').update(`format ${CACHE_FORMAT}\nnode ${process.version}\n`);
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, join(here, '..', 'corpus'), ...['', 'text', 'quotes', 'people', 'figures'].map((d) => join(here, '..', 'analysis', d))]) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) hash.update(`${name}\n`).update(readFileSync(join(dir, name)));
  }
  hash.update(readFileSync(join(here, '..', '..', 'node_modules', 'minisearch', 'package.json')));
  return hash.digest('hex').slice(0, 16);
})();

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
  code: string;
  /** Which corpus the library was built from (see `corpusHash`). */
  corpus: string;
  /** The articles' files, in library order. */
  files: SavedFile[];
  library: Omit<SavedLibrary, 'columns' | 'persons' | 'articleIndex' | 'speakerIndex'>;
}

/** How a library was opened, for the log. */
export interface CacheReport {
  /** `loaded`: the whole index from the cache; `updated`: some articles derived again; `built`: everything derived. */
  outcome: 'loaded' | 'updated' | 'built';
  /** Articles whose data was derived now. */
  derived: number;
  /** Why the cache was not used in full, when it was not. */
  reason: string | null;
}

/** What `openCachedLibrary` reports while it works. */
export interface CacheProgress {
  /** Called as articles are derived: `done` of `total`. */
  deriving?(done: number, total: number): void;
}

/**
 * The library and its corpus's problems, or why the corpus folder cannot be read. `files` is the
 * scan of the folder, from which a `LiveLibrary` rereads only the files that change.
 */
export type CachedLibrary = (OpenedLibrary & { files: Map<string, CorpusFile> }) | { success: false; reason: string };

/** A library as the cache opened it. */
interface OpenedLibrary {
  success: true;
  library: Library;
  problems: CorpusProblem[];
  report: CacheReport;
}

/** The hash naming a whole corpus: its articles' ids and content hashes, and the code version. */
export function corpusHash(hashes: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256').update(CODE_VERSION);
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
    const body = articleBody(bytes.toString('utf8'));
    if (contentHash(bytes) !== saved.hash || bodyDigest(body) !== saved.body) throw new Error(`The saved index's copy of ${path} is damaged and the file has changed since; it is served again once the corpus is reloaded.`);
    return body;
  }

  /** An article whose body is read from here when used. */
  article(i: number, facts: ArticleFacts, file: string): Article {
    const bodies = this;
    return {
      ...facts,
      file,
      get body() {
        return bodies.body(i);
      },
    };
  }
}

/** What was read from a cache file, or why it cannot be used. */
type ReadCache =
  | { meta: SavedMeta; columns: Columns; persons: () => Buffer; articleIndex: () => SavedTextIndex; speakerIndex: () => SavedTextIndex; bodies: Bodies }
  | { meta: null; reason: string };

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
      value = JSON.parse(held.toString('utf8')) as T;
      held = null;
    }
    return value!;
  };
}

/**
 * The cache file, or why it cannot be used. Every part is checked against its hash here, except
 * the two left on disk: bodies (each checked when read, see `Bodies`) and persons (checked when a
 * rebuild reads them). The search indexes are parsed and loaded later (see `Library.loadIndexes`).
 */
function readCache(path: string, dir: string): ReadCache {
  let file: PackFile;
  try {
    file = PackFile.open(path);
  } catch (error) {
    return { meta: null, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no saved index yet' : 'the saved index is corrupt' };
  }
  try {
    const meta = file.has('meta') ? (file.read('meta') as SavedMeta | null) : null;
    if (typeof meta !== 'object' || meta === null || !Array.isArray(meta.files)) throw new Foreign('the saved index is not a Verbatim index');
    if (meta.format !== CACHE_FORMAT || meta.code !== CODE_VERSION) throw new Foreign('the saved index is from another version of Verbatim');
    const parts: Record<string, unknown> = {};
    for (const name of COLUMN_NAMES) if (file.has(name)) parts[name] = file.read(name);
    const columns = columnsOf(parts);
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

/** Writes the cache file whole or not at all: a crash while writing leaves the previous one. */
async function writeCache(path: string, library: Library, files: ReadonlyMap<string, CorpusFile>, key: string): Promise<void> {
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
  const meta: SavedMeta = { format: CACHE_FORMAT, code: CODE_VERSION, corpus: key, files: savedFiles, library: saved };
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
 * Loads the corpus folder and its library, from the cache in `cacheDir` where it is valid,
 * deriving what it lacks and saving the result. A cache that cannot be written is not an error
 * (the library is still served); its reason is in the report.
 */
export async function openCachedLibrary(dir: string, cacheDir: string, progress: CacheProgress = {}): Promise<CachedLibrary> {
  const path = cacheFileOf(cacheDir, dir);
  const cache = readCache(path, dir);
  // The files the cache recorded, as a scan of the folder would have found them: those unchanged on disk are not read again.
  const previous = new Map<string, CorpusFile>();
  const byHash = new Map<string, number>();
  if (cache.meta) {
    cache.meta.files.forEach((saved, i) => {
      const file = join(dir, saved.name);
      previous.set(saved.name, { file, hash: saved.hash, parsed: { success: true, article: cache.bodies.article(i, saved.facts, file) }, size: saved.size, mtimeMs: saved.mtimeMs, ino: saved.ino, readAt: saved.readAt });
      byHash.set(saved.hash, i);
    });
  }
  const scan = await scanCorpus(dir, previous, (hash) => (cache.meta ? cache.meta.files[byHash.get(hash) ?? -1]?.facts : undefined));
  if (!scan.success) return scan;
  const { articles, problems, hashes } = corpusOf(scan.files);
  const key = corpusHash(hashes);

  let opened: OpenedLibrary;
  if (cache.meta && cache.meta.corpus === key) {
    try {
      const { columns, persons, articleIndex, speakerIndex } = cache;
      const library = Library.load(articles, { ...cache.meta.library, columns, persons, articleIndex, speakerIndex });
      // The search indexes load in the background, while the caller goes on (a bot logs in); a search before that loads them at once.
      // A failure here fails that first search too, which reports it: nothing is lost by not reporting it twice.
      library.loadIndexes().catch(() => undefined);
      opened = { success: true, library, problems, report: { outcome: 'loaded', derived: 0, reason: null } };
    } catch {
      // A file that reads but does not hold what it should: nothing of it is trusted, the articles' texts included.
      return openAfresh(dir, path, progress);
    }
  } else {
    // Each article the cache holds under the same content hash keeps its derived data.
    let reuse: ((article: Article) => ArticleIndex | undefined) | null = null;
    if (cache.meta) {
      const { meta, columns, persons, bodies } = cache;
      try {
        const store = new Store(columns, meta.library.texts, persons);
        reuse = (article) => {
          const i = byHash.get(hashes.get(article.id)!);
          return i === undefined ? undefined : store.articleIndex(i, article.id, bodies.body(i));
        };
      } catch {
        reuse = null;
      }
    }
    opened = await build(articles, problems, hashes, key, reuse, cache.meta ? 'the corpus changed' : cache.reason, path, scan.files, progress);
  }
  return { ...opened, files: scan.files };
}

/** The corpus read again from its files alone and indexed from nothing, the saved index being corrupt. */
async function openAfresh(dir: string, path: string, progress: CacheProgress): Promise<CachedLibrary> {
  const scan = await scanCorpus(dir);
  if (!scan.success) return scan;
  const { articles, problems, hashes } = corpusOf(scan.files);
  const opened = await build(articles, problems, hashes, corpusHash(hashes), null, 'the saved index is corrupt', path, scan.files, progress);
  return { ...opened, files: scan.files };
}

async function build(
  articles: Article[],
  problems: CorpusProblem[],
  hashes: ReadonlyMap<string, string>,
  key: string,
  reuse: ((article: Article) => ArticleIndex | undefined) | null,
  reason: string,
  path: string,
  files: ReadonlyMap<string, CorpusFile>,
  progress: CacheProgress,
): Promise<OpenedLibrary> {
  const indexes = new Map<string, ArticleIndex>();
  const missing: Article[] = [];
  for (const article of articles) {
    let index: ArticleIndex | undefined;
    try {
      index = reuse?.(article);
    } catch {
      index = undefined;
    }
    if (index && index.sentences.every((s) => s.text === article.body.slice(s.start, s.end))) indexes.set(article.id, index);
    else missing.push(article);
  }
  missing.forEach((article, i) => {
    indexes.set(article.id, indexArticle(article));
    progress.deriving?.(i + 1, missing.length);
  });
  let library: Library;
  try {
    library = new Library(articles, { indexes });
  } catch (error) {
    if (missing.length === articles.length) throw error;
    // A cached article's data was damaged in a way only assembling shows: derive everything again.
    return build(articles, problems, hashes, key, null, 'the saved index is corrupt', path, files, progress);
  }
  let outcome: CacheReport['outcome'] = missing.length === articles.length ? 'built' : 'updated';
  let why = reason;
  try {
    await writeCache(path, library, files, key);
  } catch (error) {
    why = `${reason}; the index could not be saved to ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  if (articles.length === 0) outcome = 'built';
  return { success: true, library, problems, report: { outcome, derived: missing.length, reason: why } };
}
