/**
 * Reads a corpus folder: every `.txt`, `.md` or saved web page (`.html`, `.htm`) in it is one
 * article (see `kinds.ts`); any other file is skipped with its reason. A scan remembers what it read,
 * so the next scan of the same folder reads again only the files that changed on disk, and it
 * gives each file's content hash, by which the saved index keeps what was derived from it.
 */
import { createHash } from 'node:crypto';
import { constants, statSync } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article, ArticleFacts } from './article.ts';
import { articleBody, type ParseResult } from './format.ts';
import { isListed, kindOf, loadPageReader, NOT_AN_ARTICLE_FILE, pageIdOf } from './kinds.ts';
import { isFolder, notRegular, type FileStat, type FolderListing } from './listing.ts';
import { DEFAULT_MAX_ARTICLE_BYTES } from '../config.ts';

/** A corpus file that could not be used, and why. */
export interface CorpusProblem {
  file: string;
  reason: string;
}

/**
 * The usable articles of a corpus folder and the files that were skipped, or why the folder cannot
 * be read. `hashes` gives each article's content hash (SHA-256 of its file), by article id.
 */
export type Corpus = { success: true; articles: Article[]; problems: CorpusProblem[]; hashes: Map<string, string> } | { success: false; reason: string };

/** One file of a corpus folder as a scan read it. */
export interface CorpusFile {
  /** Its path (the folder joined with its name), as messages name it. */
  file: string;
  /** Its content hash (see `contentHash`): two scans saw the same file when their hashes agree. */
  hash: string;
  parsed: ParseResult;
  /** What `stat` said when it was read, so an untouched file need not be read again. */
  size: number;
  mtimeMs: number;
  ino: number;
  /** When it was read (ms since the epoch). */
  readAt: number;
}

/** Every file of a folder by name (but hidden files and editors' backups), or why the folder cannot be read. */
export type CorpusScan = { success: true; files: Map<string, CorpusFile> } | { success: false; reason: string };

/** What the saved index holds for a file's content: the article's facts, and its body, read from the index when asked for. */
export interface KnownArticle {
  facts: ArticleFacts;
  body(): string;
}

/**
 * The article of a file already read, by its content hash (the saved index keeps it), so that it
 * is not parsed, nor a saved page extracted, again; undefined for a file not seen before.
 */
export type KnownFacts = (hash: string) => KnownArticle | undefined;

/** How a folder is scanned. */
export interface ScanOptions {
  /** A file larger than this many bytes is skipped unread (`MAX_ARTICLE_BYTES`; default `DEFAULT_MAX_ARTICLE_BYTES`). */
  maxArticleBytes?: number;
  /** The folder's entries and their `stat`s, already being taken (see `listFolderOffThread`); when it gives null, the scan takes them. */
  listing?: Promise<FolderListing | null>;
}

/** Files read at once. */
const READ_BATCH = 64;

/**
 * Files looked at (`stat`) between two turns of the event loop. Synchronously: an asynchronous
 * `stat` costs more in going to the thread pool and back than the call itself, four times the
 * time over ten thousand files; in batches, a running bot still answers between them.
 */
const STAT_BATCH = 500;

/**
 * A file modified this close to the moment it was read may have been written again within the same
 * clock tick, unseen by its modification time (git's "racily clean" files): it is read again.
 */
const RACY_MS = 1_000;

/** Whether a file modified at `mtimeMs` and read at `readAt` may have changed unseen since (see `RACY_MS`). */
export function isRacy(mtimeMs: number, readAt: number): boolean {
  return readAt - mtimeMs <= RACY_MS;
}

/** The content hash of a corpus file, as the saved index keys it: SHA-256 of its bytes. */
export function contentHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Reads every article file of a folder, a batch at a time. With the previous scan of the same
 * folder (or what the saved index recorded), a file whose size, inode and modification time are
 * unchanged (and were not racy) is taken from it unread. `known` spares parsing a file the saved
 * index already holds. A file of no known kind is not read: it is listed with the reason it is
 * skipped. Hidden files (an editor's `.swp` files, `ingest`'s temporary files) and `~` backups are ignored.
 */
export async function scanCorpus(dir: string, previous?: ReadonlyMap<string, CorpusFile>, known?: KnownFacts, { maxArticleBytes = DEFAULT_MAX_ARTICLE_BYTES, listing: listed }: ScanOptions = {}): Promise<CorpusScan> {
  const listing = listed ? await listed : null;
  let names: string[];
  try {
    names = (listing?.names ?? (await readdir(dir))).filter(isListed).sort();
  } catch (error) {
    return { success: false, reason: `The corpus folder ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).` };
  }
  // A folder that holds saved pages needs the page reader, which a folder of .txt files never loads.
  if (names.some((name) => kindOf(name)?.extracted)) await loadPageReader();
  const files = new Map<string, CorpusFile>();
  // The folder's path once: `join` normalises the whole path each time, a third of a scan of 10,000 unchanged files.
  const folder = join(dir, '/');
  for (let first = 0; first < names.length; first += STAT_BATCH) {
    if (first > 0) await new Promise((resolve) => setImmediate(resolve));
    const toRead: { name: string; info: FileStat }[] = [];
    for (const name of names.slice(first, first + STAT_BATCH)) {
      const file = folder + name;
      const info = listing ? listing.stat(name) : statOf(file);
      if ('code' in info) {
        const failure = failed(file, info);
        if (failure) files.set(name, failure);
        continue;
      }
      const before = previous?.get(name);
      if (before && unchanged(before, info)) files.set(name, before);
      else toRead.push({ name, info });
    }
    // A batch at a time: one file after another leaves the disk idle between reads.
    for (let i = 0; i < toRead.length; i += READ_BATCH) {
      const batch = toRead.slice(i, i + READ_BATCH);
      const read = await Promise.all(batch.map(({ name, info }) => readCorpusFile(folder + name, info, previous?.get(name), known, maxArticleBytes)));
      batch.forEach(({ name }, k) => {
        if (read[k]) files.set(name, read[k]);
      });
    }
  }
  return { success: true, files };
}

/** What `stat` says of a file, or the error code it gives. */
function statOf(file: string): FileStat | { code: string } {
  try {
    return statSync(file);
  } catch (error) {
    return { code: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
}

/** Whether a file is still what an earlier scan read: same size, inode and modification time, and not modified within `RACY_MS` of that read. */
function unchanged(before: CorpusFile, info: FileStat): boolean {
  return before.size === info.size && before.mtimeMs === info.mtimeMs && before.ino === info.ino && !isRacy(before.mtimeMs, before.readAt) && !before.hash.startsWith('unreadable:');
}

/** A file that cannot be read, as a scan reports it; undefined when it vanished meanwhile. */
function failed(file: string, error: unknown, info?: FileStat): CorpusFile | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return undefined;
  return skipped(file, `cannot be read (${code ?? (error as Error).message})`, info);
}

/** A file not used, and why. Its hash is the reason, so that a scan finding it the same is no change, yet it is looked at again each time. */
function skipped(file: string, reason: string, info?: FileStat): CorpusFile {
  return { file, hash: `unreadable:${reason}`, parsed: { success: false, reason }, size: info?.size ?? 0, mtimeMs: info?.mtimeMs ?? 0, ino: info?.ino ?? 0, readAt: Date.now() };
}

/** How a size is shown in messages: `3.1 MB`. */
function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A file skipped for not being a regular file (`kind` says what it is). */
function notRegularFile(file: string, kind: string, info: FileStat): CorpusFile {
  return skipped(file, `is ${kind}, not a regular file: only regular files are read`, info);
}

/** A file skipped for holding `size` bytes, over `maxBytes`. */
function tooLarge(file: string, size: number, maxBytes: number, info: FileStat): CorpusFile {
  return skipped(file, `is ${megabytes(size)}, over the limit of ${megabytes(maxBytes)} (MAX_ARTICLE_BYTES): not read`, info);
}

/**
 * One file, read now; undefined when it vanished meanwhile. Only a regular file no larger than
 * `maxBytes` is read: a pipe would block the read for ever, a device (`/dev/zero`) never ends, and
 * an article's derivation takes time in proportion to its length. The file is opened without
 * blocking and checked through its own descriptor, so one swapped for a pipe after the folder's
 * `stat` is still never read.
 */
async function readCorpusFile(file: string, info: FileStat, before: CorpusFile | undefined, known: KnownFacts | undefined, maxBytes: number): Promise<CorpusFile | undefined> {
  const readAt = Date.now();
  if (!kindOf(file)) {
    // The folder of images a browser saves beside a page ("Web Page, complete") is nothing to report.
    if (isFolder(info)) return undefined;
    return { file, hash: `skipped:${NOT_AN_ARTICLE_FILE}`, parsed: { success: false, reason: NOT_AN_ARTICLE_FILE }, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, readAt };
  }
  const kind = notRegular(info);
  if (kind) return notRegularFile(file, kind, info);
  if (info.size > maxBytes) return tooLarge(file, info.size, maxBytes, info);
  let bytes: Buffer;
  try {
    const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const opened = await handle.stat();
      const openedKind = notRegular(opened);
      if (openedKind) return notRegularFile(file, openedKind, opened);
      if (opened.size > maxBytes) return tooLarge(file, opened.size, maxBytes, opened);
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    return failed(file, error, info);
  }
  // Grown past the limit between the `stat` and the read.
  if (bytes.length > maxBytes) return tooLarge(file, bytes.length, maxBytes, info);
  const hash = contentHash(bytes);
  return { file, hash, parsed: parsedOf(file, bytes, hash, before, known), size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, readAt };
}

/** UTF-8's byte-order mark. */
const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);

function startsWithByteOrderMark(bytes: Buffer): boolean {
  return bytes.subarray(0, BYTE_ORDER_MARK.length).equals(BYTE_ORDER_MARK);
}

/** A file's article: the earlier one for the same bytes, from the saved facts, or parsed now. */
function parsedOf(file: string, bytes: Buffer, hash: string, before: CorpusFile | undefined, known: KnownFacts | undefined): ParseResult {
  // The same bytes parse the same way: keep the earlier article object, so nothing downstream sees a change.
  if (before && before.hash === hash) return before.parsed;
  const kind = kindOf(file)!;
  // A byte-order mark (some Windows editors write one) is not part of the text.
  const text = startsWithByteOrderMark(bytes) ? bytes.subarray(BYTE_ORDER_MARK.length) : bytes;
  // What the saved index holds for these very bytes spares the YAML and schema check, most of reading a large corpus, and a page's extraction.
  const saved = known?.(hash);
  if (!saved) return kind.read(text, file);
  // A page's body is the extracted one the index kept, read when used; a corpus file's is cut from its text at once, as cheaply.
  // Its id comes from its file name, which may not be the one the index saw these bytes under.
  if (kind.extracted) {
    const article: Article = {
      ...saved.facts,
      id: pageIdOf(file) || saved.facts.id,
      file,
      get body() {
        return saved.body();
      },
    };
    return { success: true, article };
  }
  return { success: true, article: { ...saved.facts, body: articleBody(text.toString('utf8')), file } };
}

/**
 * The articles of a scan, in file-name order, their content hashes by id, and the files that
 * cannot be used: unparsable, or repeating an id another file already has. Of two files with one
 * id, the one serving it (`serving`: article id to file, from the library in force) keeps it;
 * otherwise the older (by modification time, then name): a file added later never takes an
 * article's place, and the warning names it.
 */
export function corpusOf(
  files: ReadonlyMap<string, CorpusFile>,
  serving?: ReadonlyMap<string, string>,
): { articles: Article[]; problems: CorpusProblem[]; hashes: Map<string, string> } {
  const problems: CorpusProblem[] = [];
  const owners = new Map<string, CorpusFile>();
  const names = [...files.keys()].sort();
  const servingFirst = (f: CorpusFile): number => (f.parsed.success && serving?.get(f.parsed.article.id) === f.file ? 0 : 1);
  const byClaim = names.map((name) => files.get(name)!).sort((a, b) => servingFirst(a) - servingFirst(b) || a.mtimeMs - b.mtimeMs);
  const duplicates = new Set<CorpusFile>();
  for (const entry of byClaim) {
    if (!entry.parsed.success) continue;
    const owner = owners.get(entry.parsed.article.id);
    if (owner) duplicates.add(entry);
    else owners.set(entry.parsed.article.id, entry);
  }
  const articles: Article[] = [];
  const hashes = new Map<string, string>();
  for (const name of names) {
    const entry = files.get(name)!;
    const { file, parsed, hash } = entry;
    if (!parsed.success) {
      problems.push({ file, reason: parsed.reason });
      continue;
    }
    if (duplicates.has(entry)) {
      problems.push({ file, reason: `id "${parsed.article.id}" is already used by ${owners.get(parsed.article.id)!.file}` });
      continue;
    }
    hashes.set(parsed.article.id, hash);
    articles.push(parsed.article);
  }
  return { articles, problems, hashes };
}

/**
 * Loads every article of a folder. A file that cannot be read or parsed, or that repeats an id,
 * is reported and skipped: the rest of the corpus is still served. See `scanCorpus` for `known`.
 */
export async function loadCorpus(dir: string, known?: KnownFacts, options?: ScanOptions): Promise<Corpus> {
  const scan = await scanCorpus(dir, undefined, known, options);
  if (!scan.success) return scan;
  return { success: true, ...corpusOf(scan.files) };
}
