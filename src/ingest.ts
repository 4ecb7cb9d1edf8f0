/**
 * `npm run ingest -- <file>… [--outlet …] [--published …] [--url …] [--title …] [--byline …] [--id …] [--corpus DIR] [--replace]`:
 * turns saved web pages (`.html`) or saved text into corpus files, with the page's chrome removed
 * and its captions and standfirst kept apart from the body. A page's own metadata gives the facts;
 * flags override them or supply what the page lacks.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Article } from './corpus/article.ts';
import { formatArticle, parseArticle } from './corpus/format.ts';
import { loadCorpus } from './corpus/load.ts';
import { decodePage, isHtml } from './corpus/page.ts';
import { ingestMessage, prepareArticle, type PreparedArticle } from './corpus/prepare.ts';
import { configOrExit } from './setup.ts';

const USAGE = `Usage: npm run ingest -- <page.html or saved.txt>… [--outlet "Press TV"] [--published YYYY-MM-DD] [--url https://…] [--title "…"] [--byline "…"] [--id ID] [--corpus DIR] [--replace]`;

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
const corpusDir = values.corpus ?? configOrExit().CORPUS_DIR;
await mkdir(corpusDir, { recursive: true });
const loaded = await loadCorpus(corpusDir);
if (!loaded.success) {
  console.error(loaded.reason);
  process.exit(1);
}
// Files that do not parse are not articles; they cannot be duplicated, and `npm start` names them.
const corpus: Article[] = [...loaded.articles];

/**
 * Writes a corpus file whole or not at all: to a temporary name the bot does not read, then
 * renamed into place, so the running bot never sees it half-written.
 */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = join(corpusDir, `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temporary, text);
  await rename(temporary, file);
}

function report(source: string, target: string, article: PreparedArticle, replaced: boolean): void {
  const { facts, sources } = article;
  console.log(`${replaced ? 'Updated' : 'Wrote'} ${target} from ${basename(source)}: ${article.body.split('\n\n').length} paragraphs.`);
  for (const key of ['title', 'outlet', 'byline', 'published', 'url'] as const) {
    const value = facts[key];
    console.log(`  ${key}: ${value === undefined ? '(not stated on the page; left out)' : `${value} (${sources[key] === 'flag' ? `from --${key}` : 'from the page'})`}`);
  }
  if (article.standfirst) console.log(`  standfirst kept apart: ${article.standfirst}`);
  for (const caption of article.captions) console.log(`  caption kept apart: ${caption}`);
  for (const { line, reason } of article.dropped) console.log(`  dropped (${reason}): ${line}`);
}

let failed = 0;
for (const source of positionals) {
  let bytes: Buffer;
  try {
    bytes = await readFile(source);
  } catch (error) {
    console.error(`Cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    failed++;
    continue;
  }
  const page = /\.x?html?$/iu.test(source) || isHtml(bytes.toString('utf8', 0, 2048));
  const text = page ? decodePage(bytes) : bytes.toString('utf8');
  const prepared = prepareArticle(text, page, values, corpus, values.replace);
  if (!prepared.success) {
    console.error(ingestMessage(prepared.problem, source));
    failed++;
    continue;
  }
  const { article } = prepared;
  const target = join(corpusDir, article.name);
  const formatted = formatArticle(article.facts, article.body);
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
}
if (failed > 0) process.exit(1);
