/**
 * What `npm run ingest` decides before it writes anything: the article's facts (from the page,
 * overridden or supplied by flags), its body, and the corpus file it goes to, or why it cannot be
 * added. Pure: the corpus is given as articles, and nothing is read or written here.
 */
import { basename } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import * as z from 'zod';
import { slug } from '../slug.ts';
import { ArticleFactsSchema, type Article, type ArticleFacts } from './article.ts';
import { extractArticle } from './extract.ts';
import { extractPage, MAX_PAGE_DEPTH, pageDepth, type ExtractedPage, type PageFacts } from './page.ts';

/** Facts given on the command line; each overrides what the page states. */
export interface IngestFlags {
  title?: string | undefined;
  outlet?: string | undefined;
  published?: string | undefined;
  url?: string | undefined;
  byline?: string | undefined;
  id?: string | undefined;
}

/** The facts a corpus file must state, with the flag that gives each. */
const REQUIRED = [
  ['outlet', '--outlet "Outlet name"', 'outlet'],
  ['published', '--published YYYY-MM-DD', 'publication date'],
  ['url', '--url https://…', 'address'],
] as const;

/** Why a saved page or text cannot be added. Each has one message, in `ingestMessage`. */
export type IngestProblem =
  | { code: 'missing-facts'; missing: (typeof REQUIRED)[number][0][] }
  | { code: 'invalid-facts'; details: string }
  | { code: 'empty-body' }
  | { code: 'too-deep'; depth: number }
  | { code: 'duplicate'; file: string; by: 'address' | 'text' }
  | { code: 'id-taken'; id: string; file: string };

/** Where each fact came from, for the report: the page, a flag, or where the page was fetched from (`/add`). */
export type FactSource = 'page' | 'flag' | 'fetched';

/** What `/add` knows beyond the page: where it was fetched from, and a faster way to find an article of the same text. */
export interface FetchedFacts {
  /** Used when the page does not state them: the address it came from, and its site as the outlet. */
  url?: string;
  outlet?: string;
  /** The corpus article whose body has this `textKey`, in place of comparing every body (which reads each from the saved index). */
  sameText?: (key: string) => Article | undefined;
}

/** An article ready to be written. */
export interface PreparedArticle {
  facts: ArticleFacts;
  body: string;
  /** Where each fact stated came from. */
  sources: Partial<Record<keyof PageFacts, FactSource>>;
  standfirst?: string;
  captions: string[];
  dropped: { line: string; reason: string }[];
  /** Control characters dropped from the page's text and facts (see `dropControlCharacters`). */
  controlCharacters: number;
  /** The corpus file name to write, `<id>.txt`. */
  name: string;
  /** With `--replace`: the corpus file of the same article, when it has another name (it is removed). */
  replaces?: string;
}

export type PrepareResult = { success: true; article: PreparedArticle } | { success: false; problem: IngestProblem };

/** Saved text, as a page without metadata: only its headline, when it shows one, is a fact. */
function fromText(text: string): ExtractedPage {
  const { title, standfirst, captions, body, dropped } = extractArticle(text);
  return { facts: title ? { title } : {}, captions, body, dropped, ...(standfirst ? { standfirst } : {}) };
}

/** The longest id ingest gives an article: it names the file (`<id>.txt`), and file systems allow 255 bytes. */
export const MAX_ID_LENGTH = 100;

/** Control characters but the line break and the tab, which a terminal would act on when the text is printed. */
const CONTROL_CHARACTER = /(?![\n\t])\p{Cc}/gu;

/**
 * Text free of terminal control sequences (`\x1b[2J`, `\x1b]0;title\x07`, removed whole) and of
 * every other control character but the line break and the tab, with how many characters went.
 */
export function dropControlCharacters(text: string): { text: string; dropped: number } {
  const cleaned = stripVTControlCharacters(text.replace(/\r\n/gu, '\n')).replace(CONTROL_CHARACTER, '');
  return { text: cleaned, dropped: text.replace(/\r\n/gu, '\n').length - cleaned.length };
}

/** The page with control characters dropped from its body and every fact, and how many were. */
function withoutControlCharacters(page: ExtractedPage): { page: ExtractedPage; dropped: number } {
  let dropped = 0;
  const clean = (text: string): string => {
    const result = dropControlCharacters(text);
    dropped += result.dropped;
    return result.text;
  };
  const facts = Object.fromEntries(Object.entries(page.facts).map(([key, value]) => [key, typeof value === 'string' ? clean(value) : value])) as PageFacts;
  const cleaned: ExtractedPage = { ...page, facts, body: clean(page.body), captions: page.captions.map(clean) };
  if (page.standfirst !== undefined) cleaned.standfirst = clean(page.standfirst);
  return { page: cleaned, dropped };
}

/** An address as compared for duplicates: no fragment, no tracking parameters, no trailing slash. */
export function addressKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    for (const key of [...parsed.searchParams.keys()]) if (/^(?:utm_|fbclid$|gclid$|ocid$|cmpid$)/u.test(key)) parsed.searchParams.delete(key);
    return `${parsed.protocol}//${parsed.host.replace(/^www\./u, '')}${parsed.pathname.replace(/\/+$/u, '')}${parsed.search}`;
  } catch {
    return url;
  }
}

/** A body as compared for duplicates: the same words in the same order. */
export function textKey(body: string): string {
  return body.replace(/\s+/gu, ' ').trim();
}

/**
 * Prepares one saved page (`html`) or saved text for the corpus. `corpus` is every article already
 * there (with their files); `replace` lets an article update the one it duplicates; `fetched`
 * supplies what the page does not state, when it was fetched rather than saved.
 */
export function prepareArticle(text: string, html: boolean, given: IngestFlags, corpus: readonly Article[], replace: boolean, fetched: FetchedFacts = {}): PrepareResult {
  if (html) {
    const depth = pageDepth(text);
    if (depth > MAX_PAGE_DEPTH) return { success: false, problem: { code: 'too-deep', depth } };
  }
  // Stored text is free of control characters: printed later, they would act on the terminal.
  const { page: extracted, dropped: fromPage } = withoutControlCharacters(html ? extractPage(text) : fromText(text));
  let controlCharacters = fromPage;
  const flags = Object.fromEntries(
    Object.entries(given).map(([key, value]) => {
      if (typeof value !== 'string') return [key, value];
      const cleaned = dropControlCharacters(value);
      controlCharacters += cleaned.dropped;
      return [key, cleaned.text];
    }),
  ) as IngestFlags;

  const sources: PreparedArticle['sources'] = {};
  const fact = (key: keyof PageFacts): string | undefined => {
    const flag = flags[key];
    if (flag) {
      sources[key] = 'flag';
      return flag;
    }
    const found = extracted.facts[key];
    if (found) sources[key] = 'page';
    const known = key === 'url' || key === 'outlet' ? fetched[key] : undefined;
    if (!found && known) sources[key] = 'fetched';
    return found ?? known;
  };
  const title = fact('title');
  const outlet = fact('outlet');
  const published = fact('published');
  const url = fact('url');
  const byline = fact('byline');
  const required = { outlet, published, url };
  const missing = REQUIRED.map(([key]) => key).filter((key) => !required[key]);
  if (missing.length > 0) return { success: false, problem: { code: 'missing-facts', missing } };
  if (extracted.body.trim().length === 0) return { success: false, problem: { code: 'empty-body' } };

  const sameAddress = corpus.find((a) => addressKey(a.url) === addressKey(url!));
  const key = textKey(extracted.body);
  const same = sameAddress ?? (fetched.sameText ? fetched.sameText(key) : corpus.find((a) => textKey(a.body) === key));
  if (same && !replace) return { success: false, problem: { code: 'duplicate', file: same.file, by: sameAddress ? 'address' : 'text' } };

  let id: string;
  if (flags.id) {
    id = flags.id;
    const holder = corpus.find((a) => a.id === id && a !== same);
    if (holder && !replace) return { success: false, problem: { code: 'id-taken', id, file: holder.file } };
  } else if (same) {
    // An update keeps its id, so the buttons of answers already posted still find it.
    id = same.id;
  } else {
    // Outlet and date, and -2, -3 … for an outlet's next article of the day.
    const base = slug(`${outlet} ${published}`);
    const taken = new Set(corpus.map((a) => a.id));
    id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  }

  if (id.length > MAX_ID_LENGTH) return { success: false, problem: { code: 'invalid-facts', details: `✖ the id is ${id.length} characters long; at most ${MAX_ID_LENGTH}, as it names the file\n  → at id` } };

  const checked = ArticleFactsSchema.safeParse({
    id,
    title,
    outlet,
    byline,
    published,
    url,
    standfirst: extracted.standfirst,
    captions: extracted.captions.length > 0 ? extracted.captions : undefined,
  });
  if (!checked.success) return { success: false, problem: { code: 'invalid-facts', details: z.prettifyError(checked.error) } };

  const name = `${id}.txt`;
  const article: PreparedArticle = { facts: checked.data, body: extracted.body, sources, captions: extracted.captions, dropped: extracted.dropped, controlCharacters, name };
  if (extracted.standfirst) article.standfirst = extracted.standfirst;
  if (same && basename(same.file) !== name) article.replaces = same.file;
  return { success: true, article };
}

/** The facts missing, in words: `publication date`, `outlet or address`. */
export function missingFactsText(missing: readonly (typeof REQUIRED)[number][0][]): string {
  const what = REQUIRED.filter(([key]) => missing.includes(key)).map(([, , label]) => label);
  return what.length > 1 ? `${what.slice(0, -1).join(', ')} or ${what[what.length - 1]}` : (what[0] ?? '');
}

/** What to tell the person ingesting `source` about a problem; each message says what to do. */
export function ingestMessage(problem: IngestProblem, source: string): string {
  switch (problem.code) {
    case 'missing-facts': {
      const missing = REQUIRED.filter(([key]) => problem.missing.includes(key));
      return `Cannot ingest ${source}: it does not state its ${missingFactsText(problem.missing)}. Give ${missing.map(([, flag]) => flag).join(' ')}. Nothing was written.`;
    }
    case 'invalid-facts':
      return `Cannot ingest ${source}; give or correct these (the flags are --outlet, --published, --url, --title, --byline, --id):\n${problem.details}\nNothing was written.`;
    case 'empty-body':
      return `Cannot ingest ${source}: no article text was found in it. Nothing was written.`;
    case 'too-deep':
      return `Cannot ingest ${source}: its elements are nested ${problem.depth} deep, more than the ${MAX_PAGE_DEPTH} a page can have to be read (a news page has some tens). Nothing was written.`;
    case 'duplicate':
      return `${source} is already in the corpus as ${problem.file} (the same ${problem.by}). Give --replace to update that file with it.`;
    case 'id-taken':
      return `Cannot ingest ${source}: the id "${problem.id}" is already used by ${problem.file}, another article. Give another --id, or --replace to overwrite it.`;
  }
}
