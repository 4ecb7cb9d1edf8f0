/**
 * A large corpus folder's `stat`s, taken on a worker thread while the main thread reads the saved
 * index. Knowing that ten thousand files are unchanged takes ten thousand `stat` calls, some 50 ms
 * of one core, and the main thread has a hundred milliseconds of its own work (the saved index's
 * parts) before it needs them: on a second core they cost the main thread about 5 ms.
 *
 * The worker runs a few lines of plain JavaScript given as text rather than a module of the bundle,
 * which would load the library's code (tens of milliseconds) before its first `stat`. A worker that
 * fails for any reason gives `null`, and the scan then takes the `stat`s itself.
 */
import { constants } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** What a scan needs of a `stat`: `fs.Stats` has all of it. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ino: number;
  /** The file's type and permission bits (`st_mode`). */
  mode: number;
}

/** A folder's entries and what `stat` said of each, or the error code it gave. */
export interface FolderListing {
  names: string[];
  stat(name: string): FileStat | { code: string };
}

/**
 * Folders with at least this many articles in the saved index are listed off the main thread. A
 * worker takes about 30 ms to start, on the other core: below a few thousand files the main thread
 * would wait for it longer than it would take the `stat`s itself.
 */
export const LIST_OFF_THREAD_FROM = 4_000;

/** Numbers a worker gives per entry: size, modification time, inode, mode. */
const FIELDS = 4;

/** What the worker posts back. */
interface Reply {
  names: string[];
  numbers: Float64Array;
  /** The error code of each entry whose `stat` failed, by position; empty when none did. */
  errors: Record<number, string>;
}

/** The worker's code: `readdir`, then a `stat` of each entry, posted back as one array of numbers. */
const WORKER_CODE = `
const { parentPort, workerData: dir } = require('node:worker_threads');
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const folder = join(dir, '/');
const names = readdirSync(dir);
const numbers = new Float64Array(names.length * ${FIELDS});
const errors = {};
names.forEach((name, i) => {
  try {
    const info = statSync(folder + name);
    numbers.set([info.size, info.mtimeMs, info.ino, info.mode], i * ${FIELDS});
  } catch (error) {
    errors[i] = error.code || String(error);
  }
});
parentPort.postMessage({ names, numbers, errors }, [numbers.buffer]);
`;

/** The entries of `dir` and their `stat`s, taken on a worker thread; null when the worker fails. */
export function listFolderOffThread(dir: string): Promise<FolderListing | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_CODE, { eval: true, workerData: dir });
    } catch {
      resolve(null);
      return;
    }
    worker.once('message', ({ names, numbers, errors }: Reply) => resolve(listingOf(names, numbers, errors)));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}

function listingOf(names: string[], numbers: Float64Array, errors: Record<number, string>): FolderListing {
  const position = new Map(names.map((name, i) => [name, i]));
  return {
    names,
    stat(name) {
      const i = position.get(name);
      if (i === undefined) return { code: 'ENOENT' };
      const code = errors[i];
      if (code !== undefined) return { code };
      const at = i * FIELDS;
      return { size: numbers[at]!, mtimeMs: numbers[at + 1]!, ino: numbers[at + 2]!, mode: numbers[at + 3]! };
    },
  };
}

/** What a file that is not a regular file is, for messages, from its mode bits; null for a regular file. */
export function notRegular({ mode }: FileStat): string | null {
  switch (mode & constants.S_IFMT) {
    case constants.S_IFREG:
      return null;
    case constants.S_IFDIR:
      return 'a folder';
    case constants.S_IFIFO:
      return 'a named pipe (FIFO)';
    case constants.S_IFCHR:
      return 'a character device';
    case constants.S_IFBLK:
      return 'a block device';
    case constants.S_IFSOCK:
      return 'a socket';
    default:
      return 'not a regular file';
  }
}

/** Whether an entry is a folder. */
export function isFolder({ mode }: FileStat): boolean {
  return (mode & constants.S_IFMT) === constants.S_IFDIR;
}
