/**
 * `npm run ingest -- <file>… --outlet … --url … --published … [--title …] [--id …] [--replace]`:
 * turns a saved article into a corpus file, with the page's chrome removed and its captions and
 * standfirst kept apart from the body.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ArticleFactsSchema } from './corpus/article.ts';
import { extractArticle } from './corpus/extract.ts';
import { formatArticle } from './corpus/format.ts';
import { configOrExit } from './setup.ts';
import { slug } from './slug.ts';

const USAGE = `Usage: npm run ingest -- <file> --outlet "Press TV" --url https://… --published YYYY-MM-DD [--title "…"] [--id ID] [--corpus DIR] [--replace]`;

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      outlet: { type: 'string' },
      url: { type: 'string' },
      published: { type: 'string' },
      title: { type: 'string' },
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
if (positionals.length !== 1) {
  console.error(`Give exactly one file to ingest.\n${USAGE}`);
  process.exit(2);
}
const missing = (['outlet', 'url', 'published'] as const).filter((flag) => !values[flag]);
if (missing.length > 0) {
  console.error(`Give ${missing.map((flag) => `--${flag}`).join(', ')}: a corpus article needs its outlet, address and publication date.\n${USAGE}`);
  process.exit(2);
}
const corpusDir = values.corpus ?? configOrExit().CORPUS_DIR;
const file = positionals[0]!;
let raw: string;
try {
  raw = await readFile(file, 'utf8');
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  process.exit(1);
}

const extracted = extractArticle(raw);
const title = values.title ?? extracted.title;
const id = values.id ?? slug(`${values.outlet} ${values.published}`);
const facts = ArticleFactsSchema.safeParse({
  id,
  title,
  outlet: values.outlet,
  published: values.published,
  url: values.url,
  standfirst: extracted.standfirst,
  captions: extracted.captions.length > 0 ? extracted.captions : undefined,
});
if (!facts.success) {
  console.error(`Cannot ingest ${file}; give or correct these (the flags are --outlet, --url, --published, --id):\n${z.prettifyError(facts.error)}`);
  process.exit(1);
}

const target = join(corpusDir, `${facts.data.id}.txt`);
if (existsSync(target) && !values.replace) {
  console.error(`${target} already exists. Give another --id, or --replace to overwrite it.`);
  process.exit(1);
}
await mkdir(corpusDir, { recursive: true });
await writeFile(target, formatArticle(facts.data, extracted.body));
console.log(`Wrote ${target} from ${basename(file)}: ${extracted.body.split('\n\n').length} paragraphs${title ? `, headline “${title}”` : ', no headline'}.`);
if (extracted.standfirst) console.log(`  standfirst kept apart: ${extracted.standfirst}`);
for (const caption of extracted.captions) console.log(`  caption kept apart: ${caption}`);
for (const { line, reason } of extracted.dropped) console.log(`  dropped (${reason}): ${line}`);
