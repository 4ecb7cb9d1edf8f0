/**
 * The kinds of file a corpus folder holds, as data: each extension, how a file of it is read into
 * an article, and why anything else is skipped. A `.txt` or `.md` file is a corpus file (front
 * matter, then the body); a saved web page (`.html`, `.htm`) is extracted on load by the rules of
 * `npm run ingest` (`page.ts`), so a folder of pages saved from a browser is a corpus as it is.
 *
 * Extraction is the slow part of reading a page; the saved index keeps each page's article by the
 * content hash of its file (see `KnownFacts` in `load.ts`), so an unchanged page is extracted once.
 * When the extraction rules change what a page gives, bump `CORPUS_FORMAT` (`format.ts`).
 */
import { basename, extname } from 'node:path';
import { slug } from '../slug.ts';
import { parseArticle, articleBody, type ParseResult } from './format.ts';
import type * as Page from './page.ts';
import type * as Prepare from './prepare.ts';
import type { IngestProblem } from './prepare.ts';

/**
 * The page reader (`page.ts` and `prepare.ts`, which require linkedom and Readability, a quarter of
 * a second to load, when they first read a page), imported by `loadPageReader` once a folder is
 * seen to hold saved pages: a corpus of `.txt` files, and so the terminal's start, never pays for it.
 */
let pageReader: { page: typeof Page; prepare: typeof Prepare } | null = null;

/** Loads the page reader, once; `scanCorpus` calls it before reading a folder that holds saved pages. */
export async function loadPageReader(): Promise<void> {
  pageReader ??= { page: await import('./page.ts'), prepare: await import('./prepare.ts') };
}

/** The page reader, which must have been loaded. */
function reader(): { page: typeof Page; prepare: typeof Prepare } {
  if (!pageReader) throw new Error('kinds: the page reader is not loaded (call loadPageReader first)');
  return pageReader;
}

/** How the files of one kind are read. */
export interface FileKind {
  /** The kind's name, for messages. */
  name: string;
  /** Its extensions, lower case, with the dot. */
  extensions: readonly string[];
  /** Whether its body is cut out of the page (slow) rather than read after the front matter. */
  extracted: boolean;
  /** The article a file of this kind holds, or why it cannot be used. */
  read(bytes: Buffer, file: string): ParseResult;
}

/** Longest id made from a page's file name: ids travel in button ids, which Discord caps at 100 characters. */
const MAX_PAGE_ID = 60;

/** The kinds read, in the order messages list them. */
export const FILE_KINDS: readonly FileKind[] = [
  { name: 'corpus file', extensions: ['.txt'], extracted: false, read: (bytes, file) => parseArticle(bytes.toString('utf8'), file) },
  // Front matter and body, as a `.txt`: the body is quoted as written, Markdown marks included.
  { name: 'Markdown file', extensions: ['.md'], extracted: false, read: (bytes, file) => parseArticle(bytes.toString('utf8'), file) },
  { name: 'saved web page', extensions: ['.html', '.htm'], extracted: true, read: readPage },
];

/** The kind of a file, by its extension; undefined for a file that is not an article. */
export function kindOf(name: string): FileKind | undefined {
  const extension = extname(name).toLowerCase();
  return FILE_KINDS.find((kind) => kind.extensions.includes(extension));
}

/** Why a file of no known kind is skipped. */
export const NOT_AN_ARTICLE_FILE = `not an article file: only ${FILE_KINDS.flatMap((k) => k.extensions).join(', ')} files are read`;

/**
 * Whether a name in the folder is looked at at all: hidden files (`ingest`'s and `/add`'s
 * temporary files among them) and editors' backups (`notes.txt~`) are not, silently.
 */
export function isListed(name: string): boolean {
  return !name.startsWith('.') && !name.endsWith('~');
}

/** The body of an article file already known to be valid (its facts come from the saved index); extracted again for a page. */
export function knownBody(name: string, bytes: Buffer): string {
  const kind = kindOf(name);
  if (kind?.extracted) {
    const read = kind.read(bytes, name);
    return read.success ? read.article.body : '';
  }
  return articleBody(bytes.toString('utf8').replace(/^\uFEFF/u, ''));
}

/**
 * A saved page's article: facts from the page itself, body extracted as `npm run ingest` does. Its
 * id is made from the file name (unique in the folder, and stable while the page is re-saved).
 */
function readPage(bytes: Buffer, file: string): ParseResult {
  const fromName = pageIdOf(file);
  const { page, prepare } = reader();
  const prepared = prepare.prepareArticle(page.decodePage(bytes), true, fromName ? { id: fromName } : {}, [], false);
  if (!prepared.success) return { success: false, reason: pageProblem(prepared.problem) };
  const { facts, body } = prepared.article;
  return { success: true, article: { ...facts, body, file } };
}

/** A saved page's id, from its file name; empty when the name has no letter or digit to make one of (the page's outlet and date are used then). */
export function pageIdOf(file: string): string {
  return slug(basename(file, extname(file))).slice(0, MAX_PAGE_ID).replace(/-+$/u, '');
}

/** Why a saved page in the folder cannot be served, and what to do. */
function pageProblem(problem: IngestProblem): string {
  switch (problem.code) {
    case 'missing-facts':
      return `the page does not state its ${reader().prepare.missingFactsText(problem.missing)}; put it through npm run ingest, which lets you give them`;
    case 'invalid-facts':
      return `the page's facts are not usable (${problem.details.replace(/\n\s*/gu, '; ')}); put it through npm run ingest to give them`;
    case 'empty-body':
      return 'no article text was found in the page';
    case 'too-deep':
      return `the page nests elements ${problem.depth} deep, past what can be read safely`;
    case 'duplicate':
    case 'id-taken':
      // Pages are read one at a time, against no other article: neither can happen here.
      return `it repeats ${problem.file}`;
  }
}
