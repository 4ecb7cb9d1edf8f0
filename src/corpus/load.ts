/**
 * Reads a corpus folder: every `.txt` file in it is one article. A scan remembers what it read,
 * so the next scan of the same folder reads again only the files that changed on disk.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from './article.ts';
import { parseArticle, type ParseResult } from './format.ts';

/** A corpus file that could not be used, and why. */
export interface CorpusProblem {
  file: string;
  reason: string;
}

/** The usable articles of a corpus folder and the files that were skipped, or why the folder cannot be read. */
export type Corpus = { success: true; articles: Article[]; problems: CorpusProblem[] } | { success: false; reason: string };

/** One `.txt` file of a corpus folder as a scan read it. */
export interface CorpusFile {
  /** Its path (the folder joined with its name), as messages name it. */
  file: string;
  /** A digest of its bytes: two scans saw the same file when their hashes agree. */
  hash: string;
  parsed: ParseResult;
  /** What `stat` said when it was read, so an untouched file need not be read again. */
  size: number;
  mtimeMs: number;
  ino: number;
  /** When it was read (ms since the epoch). */
  readAt: number;
}

/** Every `.txt` file of a folder by name, or why the folder cannot be read. */
export type CorpusScan = { success: true; files: Map<string, CorpusFile> } | { success: false; reason: string };

/**
 * A file modified this close to the moment it was read may have been written again within the same
 * clock tick, unseen by its modification time (git's "racily clean" files): it is read again.
 */
const RACY_MS = 1_000;

/**
 * Reads every `.txt` file of a folder. With the previous scan of the same folder, a file whose
 * size, inode and modification time are unchanged (and were not racy) is taken from it unread.
 * Other names (an editor's `.swp` or `~` files, `ingest`'s temporary files) are ignored.
 */
export async function scanCorpus(dir: string, previous?: ReadonlyMap<string, CorpusFile>): Promise<CorpusScan> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.txt') && !name.startsWith('.')).sort();
  } catch (error) {
    return { success: false, reason: `The corpus folder ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).` };
  }
  const files = new Map<string, CorpusFile>();
  for (const name of names) {
    const file = join(dir, name);
    const read = await readCorpusFile(file, previous?.get(name));
    if (read) files.set(name, read);
  }
  return { success: true, files };
}

/** One file, unread when `before` still describes it; undefined when it vanished meanwhile. */
async function readCorpusFile(file: string, before: CorpusFile | undefined): Promise<CorpusFile | undefined> {
  const failed = (error: unknown, size = 0, mtimeMs = 0, ino = 0): CorpusFile | undefined => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    const reason = `cannot be read (${code ?? (error as Error).message})`;
    return { file, hash: `unreadable:${reason}`, parsed: { success: false, reason }, size, mtimeMs, ino, readAt: Date.now() };
  };
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    return failed(error);
  }
  if (
    before &&
    before.size === info.size &&
    before.mtimeMs === info.mtimeMs &&
    before.ino === info.ino &&
    before.readAt - before.mtimeMs > RACY_MS &&
    !before.hash.startsWith('unreadable:')
  ) {
    return before;
  }
  const readAt = Date.now();
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return failed(error, info.size, info.mtimeMs, info.ino);
  }
  const hash = createHash('sha256').update(bytes).digest('hex');
  // The same bytes parse the same way: keep the earlier article object, so nothing downstream sees a change.
  const parsed = before && before.hash === hash ? before.parsed : parseArticle(bytes.toString('utf8'), file);
  return { file, hash, parsed, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, readAt };
}

/**
 * The articles of a scan, in file-name order, and the files that cannot be used: unparsable, or
 * repeating an id an earlier file (by name) already has.
 */
export function corpusOf(files: ReadonlyMap<string, CorpusFile>): { articles: Article[]; problems: CorpusProblem[] } {
  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  const ids = new Map<string, string>();
  for (const name of [...files.keys()].sort()) {
    const { file, parsed } = files.get(name)!;
    if (!parsed.success) {
      problems.push({ file, reason: parsed.reason });
      continue;
    }
    const earlier = ids.get(parsed.article.id);
    if (earlier) {
      problems.push({ file, reason: `id "${parsed.article.id}" is already used by ${earlier}` });
      continue;
    }
    ids.set(parsed.article.id, file);
    articles.push(parsed.article);
  }
  return { articles, problems };
}

/**
 * Loads every article of a folder. A file that cannot be read or parsed, or that repeats an id,
 * is reported and skipped: the rest of the corpus is still served.
 */
export async function loadCorpus(dir: string): Promise<Corpus> {
  const scan = await scanCorpus(dir);
  if (!scan.success) return scan;
  return { success: true, ...corpusOf(scan.files) };
}
