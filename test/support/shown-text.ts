/**
 * What Discord shows for the markdown the bot sends, and checks that every piece of corpus text in
 * an embed is shown exactly as its article prints it.
 */
import type { Library } from '../../src/index/library.ts';
import { NAMED_BY } from '../../src/render/citation.ts';
import { CUT_MARK, MID_MARK, NAMED_BY_FIELD } from '../../src/render/discord.ts';

/** The text Discord displays for markdown made of escaped text and `**bold**` markers: escapes and markers removed. */
export function shownText(markdown: string): string {
  let out = '';
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown[i]!;
    if (c === '\\' && i + 1 < markdown.length) out += markdown[++i]!;
    else if (c === '*' && markdown[i + 1] === '*') i++;
    else if (c === '\u200b' && out.endsWith('@')) continue;
    else out += c;
  }
  return out;
}

/** The start and end terms of a URL's text fragment, decoded, or null without one. */
export function fragmentOf(url: string): { start: string; end: string | null } | null {
  const directive = /:~:text=([^&]*)/u.exec(url)?.[1];
  if (directive === undefined) return null;
  const [start, end] = directive.split(',').map(decodeURIComponent);
  return { start: start ?? '', end: end ?? null };
}

interface EmbedLike {
  url?: string;
  description?: string;
  fields?: { name: string; value: string }[];
}

/** A markdown link's address, as the renderer writes a citation: `[label](address)`. */
const LINK = /^\[(?:\\.|[^\]\\])*\]\((?<url>[^)]*)\)$/u;

/**
 * Every way a group of figures breaks the verbatim rule: each field holds corpus lines, then the
 * citation linking to its article; every line before the citation must be in that article.
 */
function fieldViolations(embed: EmbedLike, library: Library): string[] {
  const out: string[] = [];
  for (const field of embed.fields ?? []) {
    const lines = field.value.split('\n');
    const url = LINK.exec(lines[lines.length - 1] ?? '')?.groups?.['url'];
    const article = url && library.articles.find((a) => url === a.url || url.startsWith(`${a.url}#`));
    if (!article) {
      out.push(`a field without a link to an article: ${field.value.slice(0, 80)}`);
      continue;
    }
    for (const raw of lines.slice(0, -1)) {
      const line = corpusPart(raw).text;
      if (line && !article.body.includes(line)) out.push(`not in ${article.id}: ${JSON.stringify(line)}`);
    }
  }
  return out;
}

/**
 * Field values that are fixed labels, not corpus text, by field name. Keep this list short: every
 * entry is text the product writes itself.
 */
const FIXED_FIELD_VALUES: Readonly<Record<string, readonly string[]>> = { [NAMED_BY_FIELD]: [NAMED_BY.none] };

/** A field value made of corpus words in quotation marks, `“he noted”`, or cut to fit, `“he noted […]`. */
const QUOTED = /^“(?<span>.*?)(?:”| \[…\])$/su;

/**
 * Every way the "Named by" field of a quotation's context breaks the verbatim rule: its value is
 * neither a fixed label nor words of the article in quotation marks. An article's other labelled
 * fields (byline, standfirst, captions) are not body text and are not checked here.
 */
function namedByViolations(embed: EmbedLike, body: string, id: string): string[] {
  const out: string[] = [];
  for (const field of (embed.fields ?? []).filter((f) => f.name === NAMED_BY_FIELD)) {
    if (FIXED_FIELD_VALUES[field.name]?.includes(field.value)) continue;
    const span = QUOTED.exec(field.value)?.groups?.['span'];
    if (span === undefined) out.push(`neither a fixed label nor quoted words: ${field.name}: ${field.value}`);
    else if (!body.includes(shownText(span))) out.push(`not in ${id}: ${field.name}: ${JSON.stringify(shownText(span))}`);
  }
  return out;
}

/** The number that starts an entry of a card, linking to its sentence or not: `[**3**](url) `, `[**3** · people killed](url) `, `**3** `. */
const ENTRY_NUMBER = /^(?:\[\*\*\d+\*\*(?: · [^\]]*)?\]\((?<url>[^)]*)\)|\*\*\d+\*\*(?: · [a-z ]+)?) /u;

/**
 * The corpus text of a line of a card as Discord shows it, without what the renderer adds around
 * it: the entry's number and link, the “ ” around a statement, the `…` of a mid-sentence start,
 * the mark of a cut.
 */
export function corpusPart(raw: string): { text: string; url: string | null } {
  const number = ENTRY_NUMBER.exec(raw);
  let line = number ? raw.slice(number[0].length) : raw;
  if (line.endsWith(CUT_MARK)) line = line.slice(0, -CUT_MARK.length);
  let text = shownText(line);
  if (number && text.startsWith('“')) text = text.slice(1);
  if (text.startsWith(MID_MARK)) text = text.slice(MID_MARK.length);
  if (text.endsWith('”')) text = text.slice(0, -1);
  return { text, url: number?.groups?.['url'] ?? null };
}

/**
 * Every way an embed of a message breaks the verbatim rule: a line of its description that, as
 * shown, is not in its article's body, a "Named by" field that is neither a fixed label nor the
 * article's words, or a text fragment whose terms are not there in order. Embeds without a link
 * to an article (the list of articles) hold no corpus text and are skipped.
 */
export function verbatimViolations(body: unknown, library: Library): string[] {
  const all = (body as { embeds?: EmbedLike[] } | undefined)?.embeds ?? [];
  const embeds = all.filter((e) => e.url);
  const out: string[] = all.filter((e) => !e.url && e.fields?.some((f) => LINK.test(f.value.split('\n').pop() ?? ''))).flatMap((e) => fieldViolations(e, library));
  for (const embed of embeds) {
    const url = embed.url!;
    const article = library.articles.find((a) => url === a.url || url.startsWith(`${a.url}#`));
    if (!article) {
      out.push(`no article has the address ${url}`);
      continue;
    }
    const links = [url];
    for (const raw of (embed.description ?? '').split('\n')) {
      const { text: line, url: link } = corpusPart(raw);
      if (link) links.push(link);
      if (line && !article.body.includes(line)) out.push(`not in ${article.id}: ${JSON.stringify(line)}`);
    }
    out.push(...namedByViolations(embed, article.body, article.id));
    for (const link of links) {
      if (link !== article.url && !link.startsWith(`${article.url}#`)) out.push(`a link to another article than the card's: ${link}`);
      const fragment = fragmentOf(link);
      if (!fragment) continue;
      const at = article.body.indexOf(fragment.start);
      if (at < 0) out.push(`fragment start not in ${article.id}: ${fragment.start}`);
      if (fragment.end !== null && article.body.indexOf(fragment.end, at) < 0) out.push(`fragment end not after its start in ${article.id}: ${fragment.end}`);
    }
  }
  return out;
}
