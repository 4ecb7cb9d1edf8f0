/**
 * Pulls the article out of a web page saved from a browser (`.html`): its facts from the page's
 * own metadata, and its text with Mozilla's Readability (the engine of Firefox's Reader View) on
 * linkedom, a server-side DOM.
 *
 * Facts are read, never guessed: the headline, outlet, publication date, address and byline come
 * from JSON-LD (`NewsArticle` and its kin), Open Graph and `article:` tags, other standard meta tags,
 * the canonical link and the address a browser notes when it saves a page; a fact the page does not
 * state is left out. The body keeps the page's words exactly, with entities decoded and runs of
 * white space made one space; the standfirst and photo captions are kept apart, and the page's
 * chrome (navigation, cookie banners, share bars, related links, comments, footers) is dropped,
 * every dropped piece reported with its reason.
 */
import { whenFirstUsed } from '../when-first-used.ts';
import { chromeReason, sectionHeading } from './extract.ts';

/**
 * linkedom and Readability, required when a page is first read: some 150 files, which the bot (whose
 * /add and feeds import this module) would otherwise load at every start, to read no page at all.
 */
const linkedom = whenFirstUsed<typeof import('linkedom')>('linkedom');
const readability = whenFirstUsed<typeof import('@mozilla/readability')>('@mozilla/readability');

/** The facts a page states about its article; each is absent when the page does not say. */
export interface PageFacts {
  title?: string;
  outlet?: string;
  /** The publication date as the page gives it, `YYYY-MM-DD` (the date in the page's own time zone). */
  published?: string;
  url?: string;
  byline?: string;
}

/** An article taken out of a saved page. */
export interface ExtractedPage {
  facts: PageFacts;
  standfirst?: string;
  captions: string[];
  /** Paragraphs of article text, joined by "\n\n". */
  body: string;
  /** Every piece of the page dropped as chrome, with the reason, for the ingest command to report. */
  dropped: { line: string; reason: string }[];
}

/** Whether a file's text is a web page rather than plain text saved from one. */
export function isHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])/iu.test(text.replace(/^\uFEFF/u, ''));
}

/**
 * A saved page's bytes as text, in the encoding the page declares (a byte-order mark, the
 * `charset` its server sent, or `<meta charset>`, in that order, as browsers read them); UTF-8 when
 * it declares none, or one Node does not know.
 */
export function decodePage(bytes: Uint8Array, charset?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // The declaration is ASCII and, by the HTML standard, within the first 1,024 bytes.
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  const declared = charset ?? /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(head)?.[1];
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
}

/** Windows-1252's characters for the bytes 0x80 to 0x9F (the rest are Latin-1's); U+FFFD where it has none. */
const WINDOWS_1252_HIGH = '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ';

/**
 * Windows-1252, which the HTML standard also uses for pages labelled Latin-1 or ASCII. Done here
 * because Node 20's own decoder drops the bytes 0x80 to 0x9F: the curly quotes and dashes.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Text

/** HTML's own white space, plus the no-break and other Unicode spaces a page uses as spaces. */
const SPACE = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/gu;

function normalise(text: string): string {
  return text.replace(SPACE, ' ').trim();
}

function textOf(element: Element): string {
  return normalise(element.textContent ?? '');
}

function wordCount(text: string): number {
  return text.split(' ').filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Clips a dropped piece for the report. */
function clip(text: string): string {
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

// ---------------------------------------------------------------------------------------------
// Facts

/** Schema.org types of an article page's main entity. */
const ARTICLE_TYPES = /^(?:NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReviewNewsArticle|Article|BlogPosting|LiveBlogPosting|Report)$/u;

type Json = Record<string, unknown>;

/** Every object in the page's JSON-LD blocks, `@graph`s opened. A block that is not valid JSON is skipped. */
function jsonLdObjects(document: Document): Json[] {
  const found: Json[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    found.push(value as Json);
    if ('@graph' in value) visit((value as Json)['@graph']);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // Some sites emit broken JSON-LD; the other sources of facts still apply.
    }
  }
  return found;
}

function typesOf(object: Json): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** A JSON-LD value as text: a string, or the `name` (or `@id`/`url`) of an object. */
function ldText(value: unknown, key: 'name' | 'url' = 'name'): string | undefined {
  if (typeof value === 'string') return normalise(value) || undefined;
  if (Array.isArray(value)) return ldText(value[0], key);
  if (value && typeof value === 'object') {
    const object = value as Json;
    const inner = key === 'name' ? object['name'] : (object['url'] ?? object['@id']);
    return typeof inner === 'string' ? normalise(inner) || undefined : undefined;
  }
  return undefined;
}

/** Authors' names, "A", "A and B", "A, B and C". */
function joinNames(names: string[]): string | undefined {
  const unique = [...new Set(names.filter(Boolean))];
  if (unique.length <= 1) return unique[0];
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

/** `2024-05-14` from a date as pages write it; the date part as written, so a late-evening story keeps its own day. */
function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/u.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

/** An absolute http(s) address, resolving a relative one against `base` when there is one. */
function absoluteUrl(value: string | undefined, base?: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A headline without the outlet's name that pages append to it (`Headline | Outlet`, `Headline – Outlet`). */
function withoutOutlet(title: string, outlet: string | undefined): string {
  if (!outlet) return title;
  const escaped = outlet.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return title.replace(new RegExp(`\\s+[|–—·:-]\\s+${escaped}$`, 'iu'), '').trim() || title;
}

function readFacts(document: Document, html: string): PageFacts {
  const meta = new Map<string, string>();
  for (const tag of document.querySelectorAll('meta')) {
    const key = (tag.getAttribute('property') ?? tag.getAttribute('name') ?? tag.getAttribute('itemprop') ?? '').toLowerCase();
    const content = normalise(tag.getAttribute('content') ?? '');
    if (key && content && !meta.has(key)) meta.set(key, content);
  }
  const objects = jsonLdObjects(document);
  const ld = objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t))) ?? {};
  const site = objects.find((o) => typesOf(o).includes('WebSite'));

  const outlet = meta.get('og:site_name') ?? ldText(ld['publisher']) ?? ldText(site?.['name']) ?? meta.get('application-name');

  // Browsers note where a page was saved from in a comment at its top.
  const savedFrom = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/iu.exec(html.slice(0, 2048))?.[1];
  const ogUrl = absoluteUrl(meta.get('og:url'));
  const base = ogUrl ?? absoluteUrl(savedFrom);
  const url =
    absoluteUrl(document.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? undefined, base) ??
    ogUrl ??
    absoluteUrl(ldText(ld['url'], 'url')) ??
    absoluteUrl(ldText(ld['mainEntityOfPage'], 'url')) ??
    absoluteUrl(savedFrom);

  const published = isoDate(
    ldText(ld['datePublished']) ??
      meta.get('article:published_time') ??
      meta.get('datepublished') ??
      meta.get('publish-date') ??
      meta.get('pubdate') ??
      meta.get('dc.date.issued') ??
      meta.get('dc.date') ??
      document.querySelector('time[itemprop="datePublished"], time[pubdate], time.published')?.getAttribute('datetime') ??
      undefined,
  );

  const authors = Array.isArray(ld['author']) ? (ld['author'] as unknown[]).map((a) => ldText(a) ?? '') : [ldText(ld['author']) ?? ''];
  const metaAuthor = meta.get('author') ?? meta.get('article:author');
  const relAuthors = [...document.querySelectorAll('[rel~="author"]')].map(textOf);
  const byline = (joinNames(authors) ?? (metaAuthor && !/^https?:/u.test(metaAuthor) ? metaAuthor : undefined) ?? joinNames(relAuthors))?.replace(/^by\s+/iu, '');

  const h1 = document.querySelector('article h1, main h1, h1');
  const titleTag = document.querySelector('title');
  const rawTitle = ldText(ld['headline']) ?? meta.get('og:title') ?? meta.get('twitter:title') ?? (h1 ? textOf(h1) : undefined) ?? (titleTag ? textOf(titleTag) : undefined);
  const title = rawTitle ? withoutOutlet(rawTitle, outlet) : undefined;

  const facts: PageFacts = {};
  if (title) facts.title = title;
  if (outlet) facts.outlet = outlet;
  if (published) facts.published = published;
  if (url) facts.url = url;
  if (byline) facts.byline = byline;
  return facts;
}

// ---------------------------------------------------------------------------------------------
// Chrome

/** Elements that never hold article text. */
const NEVER_TEXT = 'script, style, noscript, template, iframe, svg, canvas, button, select, input, textarea, link, meta, object, embed';

/** What a piece of chrome is, by its tag or ARIA role. */
const CHROME_BY_ROLE: [string, string][] = [
  ['nav, [role="navigation"], [role="menu"], [role="menubar"]', 'navigation'],
  ['[role="banner"]', 'site header'],
  ['footer, [role="contentinfo"]', 'footer'],
  ['aside, [role="complementary"]', 'sidebar'],
  ['[role="search"], form', 'form'],
  ['dialog, [role="dialog"], [role="alertdialog"]', 'pop-up'],
  ['[hidden], [aria-hidden="true"]', 'hidden'],
];

/**
 * What a piece of chrome is, by the words of its class or id (`share-bar`, `cookie-banner`,
 * `jp-relatedposts`): each word of the class or id is tested, first match wins.
 */
const CHROME_BY_NAME: [RegExp, string][] = [
  [/^(?:cookies?|consent|gdpr|cmp)$/u, 'cookie notice'],
  [/^(?:share|sharing|sharebar|sharedaddy|social|socials|sd-sharing-enabled)$|^share-/u, 'share widget'],
  [/^(?:newsletters?|subscribe|subscription|signup|paywall|register)$/u, 'subscription widget'],
  [/^(?:related|relatedposts|jp-relatedposts|recommended|recommendations|more-stories|read-more|readmore|outbrain|taboola)$/u, 'related-stories list'],
  [/^(?:comments?|comments-area|comment-respond|respond|disqus|discussion)$/u, 'comment section'],
  [/^(?:ad|ads|advert|adverts|advertisement|ad-slot|sponsored|promo|dfp)$/u, 'advertisement'],
  [/^(?:breadcrumbs?|crumbs)$/u, 'breadcrumb'],
  [/^(?:byline|author|authors|entry-meta|posted-on|meta|dateline|timestamp)$/u, 'byline or date'],
  [/^(?:tags|tag-list|tags-links|cat-links|topics|keywords|entry-footer)$/u, 'tags'],
  [/^(?:sidebar|widget-area|widget|masthead|site-header|top-bar|toolbar|skip-link|menu|main-navigation)$/u, 'site furniture'],
];

/** Whether an element holds the article itself, and so must never be dropped as chrome whatever its name. */
function holdsArticle(element: Element, articleText: number): boolean {
  if (/^(?:HTML|BODY|MAIN|ARTICLE)$/u.test(element.tagName)) return true;
  if (element.matches('[itemprop="articleBody"]') || element.querySelector('article, main, [itemprop="articleBody"]')) return true;
  // A wrapper named after a widget it also holds (`<div class="page has-comments">`) keeps most of the page's paragraphs.
  const paragraphs = [...element.querySelectorAll('p')].reduce((n, p) => n + (p.textContent?.length ?? 0), 0);
  return articleText > 0 && paragraphs > articleText / 2;
}

function chromeName(element: Element): string | undefined {
  const words = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.toLowerCase().split(/\s+/u).filter(Boolean);
  for (const [pattern, reason] of CHROME_BY_NAME) if (words.some((word) => pattern.test(word))) return reason;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Captions and standfirst

/** Elements holding a photo caption. */
const CAPTION = 'figcaption, .wp-caption-text, .caption, .image-caption, .photo-caption, [itemprop="caption"]';

/** Elements holding the outlet's summary under the headline. */
const STANDFIRST =
  '.standfirst, .dek, .deck, .subtitle, .sub-title, .subheadline, .sub-headline, .strapline, .article-summary, .article__summary, .article-standfirst, .summary-lede, p[itemprop="description"], div[itemprop="description"]';

// ---------------------------------------------------------------------------------------------
// Paragraphs

/** Elements that start a new paragraph. */
const BLOCK = /^(?:P|DIV|SECTION|ARTICLE|MAIN|HEADER|FOOTER|ASIDE|H[1-6]|UL|OL|LI|DL|DT|DD|BLOCKQUOTE|PRE|TABLE|THEAD|TBODY|TR|TD|TH|FIGURE|FIGCAPTION|HR|BR|ADDRESS|DETAILS|SUMMARY)$/u;

interface Paragraph {
  text: string;
  /** Whether all its text is the text of links: a list entry pointing elsewhere. */
  allLink: boolean;
}

/** The paragraphs of an element's text: each block element starts one, and so does a line break. */
function paragraphsOf(root: Element): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let text = '';
  let linked = 0;
  const flush = (): void => {
    const normalised = normalise(text);
    if (normalised) paragraphs.push({ text: normalised, allLink: normalise(text).length > 0 && linked >= normalised.replace(/\s/gu, '').length });
    text = '';
    linked = 0;
  };
  const walk = (node: Node, inLink: boolean): void => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      text += value;
      if (inLink) linked += value.replace(SPACE, '').length;
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const block = BLOCK.test(element.tagName);
    if (block) flush();
    for (const child of element.childNodes) walk(child, inLink || element.tagName === 'A');
    if (block) flush();
  };
  walk(root, false);
  flush();
  return paragraphs;
}

/** The fewest words a paragraph ending in sentence punctuation needs to be taken for article text, not a link list. */
const SENTENCE_END = /[.!?…](?:["'”’»)\]]+)?$/u;

// ---------------------------------------------------------------------------------------------

/**
 * The deepest nesting of elements a page may have to be read. A news page nests some tens deep;
 * Readability's cleaning walks each element's descendants, so its time grows with the square of
 * the depth (1,500 deep: 24 s; 50,000: never done).
 */
export const MAX_PAGE_DEPTH = 500;

/** How deep a page's elements nest (the root element is 1), counted without recursion. */
export function pageDepth(html: string): number {
  const { document } = linkedom().parseHTML(html);
  let deepest = 0;
  const stack: [Element, number][] = document.documentElement ? [[document.documentElement as unknown as Element, 1]] : [];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of element.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Takes the article out of a saved web page. Pure: the same page gives the same result. */
export function extractPage(html: string): ExtractedPage {
  const { document } = linkedom().parseHTML(html);
  const facts = readFacts(document, html);
  const dropped: { line: string; reason: string }[] = [];
  const drop = (element: Element, reason: string): void => {
    const text = paragraphsOf(element)
      .map((p) => p.text)
      .join(' | ');
    if (text) dropped.push({ line: clip(text), reason });
    element.remove();
  };

  for (const element of document.querySelectorAll(NEVER_TEXT)) element.remove();

  // Captions and the standfirst first, so that removing the chrome around them cannot take them too.
  const captions: string[] = [];
  for (const element of [...document.querySelectorAll(CAPTION)]) {
    if (element.closest('nav, aside, footer, form, [role="complementary"]') || !element.isConnected) continue;
    const text = textOf(element);
    if (text && !captions.includes(text)) captions.push(text);
    element.remove();
  }
  let standfirst: string | undefined;
  for (const element of document.querySelectorAll(STANDFIRST)) {
    if (element.closest('nav, aside, footer, form, [role="complementary"]')) continue;
    const text = textOf(element);
    if (wordCount(text) < 4 || wordCount(text) > 60) continue;
    standfirst = text;
    element.remove();
    break;
  }

  const articleText = [...document.querySelectorAll('p')].reduce((n, p) => n + (p.textContent?.length ?? 0), 0);
  for (const [selector, reason] of CHROME_BY_ROLE) {
    for (const element of [...document.querySelectorAll(selector)]) {
      if (element.isConnected && !holdsArticle(element, articleText)) drop(element, reason);
    }
  }
  for (const element of [...document.querySelectorAll('[class], [id]')]) {
    if (!element.isConnected) continue;
    const reason = chromeName(element);
    if (reason && !holdsArticle(element, articleText)) drop(element, reason);
  }

  // Readability finds the article among what is left and drops what scores as clutter.
  const found = new (readability().Readability)<Element>(document, { charThreshold: 200, serializer: (node) => node as Element }).parse();
  const content = found?.content ?? document.querySelector('[itemprop="articleBody"], article, main') ?? document.body;

  const paragraphs = content ? paragraphsOf(content) : [];
  const body: string[] = [];
  let cut: 'comments' | 'related' | undefined;
  for (const paragraph of paragraphs) {
    const { text } = paragraph;
    const heading = sectionHeading(text);
    if (heading === 'comments') cut = 'comments';
    if (cut === 'comments') {
      dropped.push({ line: clip(text), reason: 'comment section' });
      continue;
    }
    if (heading === 'related') {
      cut = 'related';
      dropped.push({ line: clip(text), reason: 'related-stories heading' });
      continue;
    }
    // Under a related-stories heading, the headlines of other stories, until article text resumes.
    if (cut === 'related' && paragraph.allLink && !SENTENCE_END.test(text)) {
      dropped.push({ line: clip(text), reason: 'related-stories list' });
      continue;
    }
    cut = undefined;
    let reason: string | undefined;
    if (text === facts.title || (found?.title && text === normalise(found.title))) reason = 'repeated headline';
    else if (text === standfirst) reason = 'standfirst, kept apart';
    else if (captions.includes(text)) reason = 'caption, kept apart';
    else if (paragraph.allLink && !SENTENCE_END.test(text) && wordCount(text) <= 20) reason = 'link to another page';
    else reason = chromeReason(text);
    if (reason) dropped.push({ line: clip(text), reason });
    else body.push(text);
  }

  const result: ExtractedPage = { facts, captions, body: body.join('\n\n'), dropped };
  if (standfirst) result.standfirst = standfirst;
  return result;
}
