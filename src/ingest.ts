/**
 * `npm run ingest -- <file>… [--outlet …] [--published …] [--url …] [--title …] [--byline …] [--id …] [--corpus DIR] [--replace]`:
 * turns saved web pages (`.html`) or saved text into corpus files, with the page's chrome removed
 * and its captions and standfirst kept apart from the body. A page's own metadata gives the facts;
 * flags override them or supply what the page lacks.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Article } from './corpus/article.ts';
import { formatArticle, parseArticle } from './corpus/format.ts';
import { loadCorpus } from './corpus/load.ts';
import { decodePage, isHtml } from './corpus/page.ts';
import { ingestMessage, prepareArticle, type PreparedArticle } from './corpus/prepare.ts';
import { showControlCharacters } from './render/text.ts';
import { configOrExit } from './setup.ts';

/** A line for the terminal: whatever a page held, its control characters are shown, not acted on. */
const say = (line: string): void => console.log(showControlCharacters(line));
const complain = (line: string): void => console.error(showControlCharacters(line));

/** Ends the run with one line and status 1: what went wrong, never a stack trace. */
function fail(line: string): never {
  complain(line);
  process.exit(1);
}

/** An error as people read it: its code (`ENOSPC: no space left on device`) or its message. */
function describe(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (error instanceof RangeError && /call stack/u.test(message)) return 'it is nested too deeply to read (Maximum call stack size exceeded)';
  return code ? `${code}: ${ERRNO_WORDS[code] ?? message}` : message;
}

/** The file system's errors a person ingesting may meet, in words. */
const ERRNO_WORDS: Record<string, string> = {
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is larger than this system lets it be',
  EROFS: 'the folder is on a read-only file system',
  EACCES: 'permission denied',
  ENAMETOOLONG: 'the file name is too long',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file is in the way',
};

const USAGE = `Usage: npm run ingest -- <page.html or saved.txt>… [--outlet "Press TV"] [--published YYYY-MM-DD] [--url https://…] [--title "…"] [--byline "…"] [--id ID] [--corpus DIR] [--replace]`;

/** How many times larger than its article a saved page may be: markup, scripts and styles around the text. */
const PAGE_MARKUP_FACTOR = 10;

/** Flags that name one article's own facts, so they cannot apply to several files at once. */
const ONE_ARTICLE_FLAGS = ['url', 'title', 'byline', 'id'] as const;

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      outlet: { type: 'string' },
      url: { type: 'string' },
      published: { type: 'string' },
      title: { type: 'string' },
      byline: { type: 'string' },
      id: { type: 'string' },
      corpus: { type: 'string' },
      replace: { type: 'boolean', default: false },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = args;
if (positionals.length === 0) {
  console.error(`Give the saved pages or text files to ingest.\n${USAGE}`);
  process.exit(2);
}
const perArticle = ONE_ARTICLE_FLAGS.filter((flag) => values[flag] !== undefined);
if (positionals.length > 1 && perArticle.length > 0) {
  console.error(`${perArticle.map((flag) => `--${flag}`).join(', ')} name one article's facts: give one file with them.\n${USAGE}`);
  process.exit(2);
}
// Only what ingesting reads: a malformed token it never uses does not stop it.
const config = configOrExit(['CORPUS_DIR', 'MAX_ARTICLE_BYTES']);
const corpusDir = values.corpus ?? config.CORPUS_DIR;
const isFolder = await stat(corpusDir).then((info) => info.isDirectory(), () => null);
if (isFolder === false) fail(`The corpus folder ${corpusDir} is a file, not a folder: give --corpus a folder (or set CORPUS_DIR). Nothing was written.`);
if (isFolder === null) await mkdir(corpusDir, { recursive: true }).catch((error: unknown) => fail(`Cannot create the corpus folder ${corpusDir} (${describe(error)}). Nothing was written.`));
const loaded = await loadCorpus(corpusDir, undefined, { maxArticleBytes: config.MAX_ARTICLE_BYTES });
if (!loaded.success) fail(loaded.reason);
// Files that do not parse are not articles; they cannot be duplicated, and `npm start` names them.
const corpus: Article[] = [...loaded.articles];

/**
 * Writes a corpus file whole or not at all: to a temporary name the bot does not read, then
 * renamed into place, so the running bot never sees it half-written.
 */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = join(corpusDir, `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, file);
  } catch (error) {
    // A full disk leaves a part-written temporary file: it goes, so the folder holds nothing of this run.
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

function report(source: string, target: string, article: PreparedArticle, replaced: boolean): void {
  const { facts, sources } = article;
  say(`${replaced ? 'Updated' : 'Wrote'} ${target} from ${basename(source)}: ${article.body.split('\n\n').length} paragraphs.`);
  for (const key of ['title', 'outlet', 'byline', 'published', 'url'] as const) {
    const value = facts[key];
    say(`  ${key}: ${value === undefined ? '(not stated on the page; left out)' : `${value} (${sources[key] === 'flag' ? `from --${key}` : 'from the page'})`}`);
  }
  if (article.standfirst) say(`  standfirst kept apart: ${article.standfirst}`);
  for (const caption of article.captions) say(`  caption kept apart: ${caption}`);
  for (const { line, reason } of article.dropped) say(`  dropped (${reason}): ${line}`);
  if (article.controlCharacters > 0) say(`  dropped ${article.controlCharacters} control characters (terminal escape codes and the like): the stored text has none`);
}

let failed = 0;
for (const source of positionals) {
  try {
    if (!(await ingest(source))) failed++;
  } catch (error) {
    complain(`Cannot ingest ${source}: ${describe(error)}. Nothing was written for it.`);
    failed++;
  }
}
if (failed > 0) process.exit(1);

/** Ingests one file; false when it was refused (the reason printed). */
async function ingest(source: string): Promise<boolean> {
  let bytes: Buffer;
  try {
    // Not read at all when it is past any article's size: a saved text becomes the article almost as it is, a page's markup is some times its text.
    const info = await stat(source);
    if (!info.isFile()) {
      complain(`Cannot ingest ${source}: it is not a regular file (a folder, a pipe or a device). Nothing was written.`);
      return false;
    }
    const { size } = info;
    const limit = config.MAX_ARTICLE_BYTES * (/\.x?html?$/iu.test(source) ? PAGE_MARKUP_FACTOR : 1);
    if (size > limit) {
      complain(`Cannot ingest ${source}: it is ${size} bytes, more than ${limit} (MAX_ARTICLE_BYTES${limit === config.MAX_ARTICLE_BYTES ? '' : ` × ${PAGE_MARKUP_FACTOR} for a page's markup`}). Nothing was written.`);
      return false;
    }
    bytes = await readFile(source);
  } catch (error) {
    complain(`Cannot read ${source}: ${describe(error)}`);
    return false;
  }
  const page = /\.x?html?$/iu.test(source) || isHtml(bytes.toString('utf8', 0, 2048));
  const text = page ? decodePage(bytes) : bytes.toString('utf8');
  const prepared = prepareArticle(text, page, values, corpus, values.replace);
  if (!prepared.success) {
    complain(ingestMessage(prepared.problem, source));
    return false;
  }
  const { article } = prepared;
  const target = join(corpusDir, article.name);
  const formatted = formatArticle(article.facts, article.body);
  const size = Buffer.byteLength(formatted);
  if (size > config.MAX_ARTICLE_BYTES) {
    complain(`Cannot ingest ${source}: the article would be ${size} bytes, over MAX_ARTICLE_BYTES (${config.MAX_ARTICLE_BYTES}); the bot would skip it. Nothing was written.`);
    return false;
  }
  await writeAtomically(target, formatted);
  if (article.replaces) await unlink(article.replaces).catch(() => undefined);
  const replaced = corpus.some((a) => a.id === article.facts.id) || article.replaces !== undefined;
  report(source, target, article, replaced);
  // Later files of this run are checked against this one too.
  const parsed = parseArticle(formatted, target);
  if (parsed.success) {
    const stale = new Set([target, article.replaces]);
    corpus.splice(0, corpus.length, ...corpus.filter((a) => !stale.has(a.file) && a.id !== article.facts.id), parsed.article);
  }
  return true;
}
