/**
 * Answers as Discord messages, made to be read at a glance on a phone in a busy channel: the words
 * first. Results are shown as cards (embeds), one per speaker and article (or per article): the
 * speaker once as author, the citation once as title with the date early, the results numbered in
 * the description, each number linking to its sentence. Figures on one thing from several
 * articles are one card, a timeline when their dates differ. One select menu shows a result's
 * context privately; paging buttons with a page indicator stay the asker's.
 *
 * Every message passes `enforceLimits` on its way out: Discord's limits hold at one place for
 * every reply, whatever the articles hold. Corpus text is escaped so it shows exactly as printed,
 * and nothing pings.
 */
import { ButtonStyle, ComponentType, MessageFlags, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField, type APISelectMenuOption, type APIStringSelectComponent } from 'discord.js';
import type { ArticleRef } from '../corpus/article.ts';
import type { Answer, ArticleSummary, FigureGroupResult, FigureResult, QuotationResult, Result, SentenceResult } from '../commands/answer.ts';
import { referenceOf, type Context } from '../commands/context.ts';
import { countedClass, countedLabel } from '../commands/figure-groups.ts';
import { describeProblem } from '../commands/problems.ts';
import type { Problem } from '../commands/answer.ts';
import { citationLabel, count, dateSpan, GROUP_NOTES, groupNote, NAMED_BY, REPORTED_LABEL, shortDate, timeline } from './citation.ts';
import { linkToSentence } from './fragment.ts';

/** Discord's limits on a message (characters are counted as UTF-16 units here, never fewer than Discord counts). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** Title, description, field names and values, footer and author of all embeds together. */
  embedTotal: 6000,
  /** An embed's `url`, and an image's. */
  url: 2048,
  rows: 5,
  rowComponents: 5,
  buttonLabel: 80,
  customId: 100,
  buttonUrl: 512,
  selectOptions: 25,
  /** A select option's label, description and value. */
  optionText: 100,
  placeholder: 150,
} as const;

/** Results a page shows: five quotations fit a phone screen with the buttons (see the README's screenshot). */
export const RESULTS_PER_PAGE = 5;
/**
 * Figures of one group from several articles shown as one card (a field each): they are read
 * together. A page holds at most `RESULTS_PER_PAGE` results in all.
 */
export const GROUP_BLOCK = 5;
/** Articles a page of `/source` lists. */
export const ARTICLES_PER_PAGE = 10;
/** Photo captions `/source article:` shows, each a field. */
export const MAX_CAPTIONS = 5;
/** How much of a query is echoed back in a heading or a message. */
export const MAX_ECHO = 100;
/** Marks corpus text cut to fit a limit: the text before it is still verbatim. */
export const CUT_MARK = ' […]';
/** Marks a shown span that starts in the middle of a sentence. */
export const MID_MARK = '…';
/**
 * A link to a sentence longer than this is shortened to the article's address, and an address
 * longer than this is not linked: a percent-encoded slug of 3,000 characters would take half an
 * embed's room for one result.
 */
export const MAX_LINK = 512;
/** A headline in a card's title is cut to this, so the title takes at most two lines on a phone. */
export const TITLE_HEADLINE = 60;
/**
 * Characters of corpus text a result shows in a list: a phone screen holds five such. The whole
 * result and the sentences around it are one "Show context for…" away.
 */
export const MAX_SHOWN = 180;

/** Card colours: the kind of a card shows at a glance; a timeline is neutral, only reports of one date that differ are red. */
const COLOURS = { statement: 0x5865f2, phrase: 0x5865f2, reported: 0xe67e22, scare: 0x99aab5, figure: 0x2ecc71, timeline: 0x99aab5, agree: 0x2ecc71, differ: 0xe74c3c, sentence: 0x3498db, article: 0x95a5a6 } as const;

/** A component of an answer: turn to a page, the page indicator (pressing it shows the page again), or the context menu. */
export type ButtonAction = { type: 'page'; page: number } | { type: 'here'; page: number } | { type: 'context' };

/** What the renderer needs beyond the answer. */
export interface View {
  /** The page to show, from 0; clamped to the pages there are. */
  page: number;
  /** The custom id of a component; without it the message has no components. */
  buttonId?: ((action: ButtonAction) => string) | undefined;
}

type Row = APIActionRowComponent<APIButtonComponent | APIStringSelectComponent>;

/** A chart the edge draws and attaches: `name` is the file name the card's image refers to (`attachment://name`). */
export interface ChartRequest {
  name: string;
  group: FigureGroupResult;
}

/** A message as discord.js sends it: a reply, or (without `flags`) an update of an answer. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: Row[];
  allowedMentions: { parse: [] };
  /** `MessageFlags.Ephemeral` for what only the asker should see; `SuppressEmbeds` where user text could unfurl a link. */
  flags?: number;
  /** Charts to draw and attach as files (see `render/chart.ts`); each is some card's image. */
  charts?: ChartRequest[];
}

// ---------------------------------------------------------------------------------------------
// Text

/** Characters that format wherever they stand: bold, italics, underline, strikethrough, spoilers, code, links, quotes, mentions. */
const INLINE_MARKDOWN = /[\\*_~`|<>[\]]/gu;
/** What formats only at the start of a line: headings, subtext (`-#`), lists (`-`, `+`, `1.`). */
const LINE_START_MARKDOWN = /^([^\S\n]*)([#+-]|\d+(?=\.))/gmu;

/**
 * Text from the corpus or a user, escaped so Discord shows it as written: no formatting, no
 * links, no mentions. Discord shows `\x` as `x` for any punctuation `x`, so escaping is safe
 * wherever it is not needed. Written here rather than with discord.js's `escapeMarkdown`, which
 * takes about 50 ms on a 5,000-character quotation and grows faster than the text.
 */
export function escapeText(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(INLINE_MARKDOWN, (c) => `\\${c}`)
    .replace(LINE_START_MARKDOWN, (_, space: string, mark: string) => (/\d/u.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`))
    .replace(/@/gu, '@\u200b'); // never a mention or @everyone, even where allowedMentions would already stop the ping
}

/** Control characters (but tab and newline) and the direction overrides and isolates that could reorder the text around them. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Text for a place Discord shows as plain text (an embed's author or footer): one line, no control characters, within `max`. */
export function plainText(text: string, max: number): string {
  const line = text.replace(CONTROL, '').replace(/\s+/gu, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/u, '')}…`;
}

/**
 * A query echoed back: one line, clipped, and isolated (FSI … PDI) so right-to-left text
 * cannot reorder the words around it.
 */
export function echoQuery(query: string): string {
  return `\u2068${plainText(query, MAX_ECHO)}\u2069`;
}

/** Corpus text, or our own markdown around it. A span is escaped when shown and may be cut at a word to fit. */
type Piece = string | { span: string; bold?: boolean };

function renderPiece(piece: Piece): string {
  if (typeof piece === 'string') return piece;
  if (!piece.span) return '';
  const escaped = escapeText(piece.span);
  return piece.bold ? `**${escaped}**` : escaped;
}

/** The longest start of `text`, ending at a word, whose escaped form fits in `room`. */
function cutSpan(text: string, room: number): string {
  let end = Math.min(text.length, Math.max(0, room));
  while (end > 0) {
    const atWordEnd = /\s/u.test(text[end] ?? ' ');
    let candidate = (atWordEnd ? text.slice(0, end) : text.slice(0, end).replace(/\S*$/u, '')).trimEnd();
    // One word longer than the room: cut inside it rather than show nothing.
    if (!candidate) candidate = text.slice(0, end).replace(/[\uD800-\uDBFF]$/u, '');
    const over = escapeText(candidate).length - room;
    if (over <= 0) return candidate;
    end = Math.min(end - 1, candidate.length - over);
  }
  return '';
}

/** The pieces as markdown within `max` characters; spans that do not fit are cut at a word and marked `[…]`. */
function fitPieces(pieces: readonly Piece[], max: number): string {
  const whole = pieces.map(renderPiece).join('');
  if (whole.length <= max) return whole;
  // Not even the cut mark fits: nothing, rather than a mark that would break the limit.
  if (max < CUT_MARK.length) return '';
  let out = '';
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const rendered = renderPiece(piece);
    const reserve = i === pieces.length - 1 ? 0 : CUT_MARK.length;
    if (out.length + rendered.length + reserve <= max) {
      out += rendered;
      continue;
    }
    if (typeof piece !== 'string' && piece.span) {
      const room = max - out.length - CUT_MARK.length - (piece.bold ? 4 : 0);
      const cut = cutSpan(piece.span, room);
      if (cut) out += renderPiece({ ...piece, span: cut });
    }
    return `${out.trimEnd()}${CUT_MARK}`;
  }
  return out;
}

/** A label built from corpus facts (a headline), escaped, within `max`. */
function escapedLabel(text: string, max: number): string {
  const escaped = escapeText(text);
  return escaped.length <= max ? escaped : `${escapeText(cutSpan(text, max - 1))}…`;
}

/** An address safe inside a markdown link: the characters that would end the link are percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(/[<>()\s]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

// ---------------------------------------------------------------------------------------------
// Cards

/** An embed before its description is fitted: the description is its entries, one a line (or several). */
interface Draft {
  embed: Omit<APIEmbed, 'description'>;
  entries: Piece[][];
}

/** Characters of an embed that count towards Discord's 6,000. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Shares `room` characters among texts that want `wanted` each: short ones get all they want, the long ones an equal share of the rest. */
function shareRoom(wanted: readonly number[], room: number): number[] {
  const budget: number[] = new Array<number>(wanted.length).fill(0);
  const shortestFirst = wanted.map((_, i) => i).sort((a, b) => wanted[a]! - wanted[b]!);
  shortestFirst.forEach((i, n) => {
    budget[i] = Math.max(0, Math.min(wanted[i]!, Math.floor(room / (wanted.length - n))));
    room -= budget[i]!;
  });
  return budget;
}

/**
 * The link to a result's sentence, shortened when it is long: the sentence's text fragment, else
 * the article's address, else none (an address longer than `MAX_LINK`).
 */
export function citationLink(result: Pick<Result, 'article' | 'sentence'>): string | null {
  const sentence = linkToSentence(result.article.url, result.sentence);
  if (sentence.length <= MAX_LINK) return sentence;
  return result.article.url.length <= MAX_LINK ? result.article.url : null;
}

/** An embed's `url`: the article's address, when Discord takes one that long. */
function embedUrl(url: string): { url: string } | Record<string, never> {
  return url.length <= LIMITS.url ? { url } : {};
}

/** Plain text cut at a word to `max` characters, marked `…` when cut. */
function clipWords(text: string, max: number): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1).replace(/\s+\S*$/u, '').replace(/[\uD800-\uDBFF]$/u, '');
  return `${cut || line.slice(0, max - 1)}…`;
}

/**
 * A card's title: the date first and short, the outlet, the headline cut to fit one line or two on
 * a phone (`10 Nov 2023 · Press TV · Iran rejects…`). An article without a headline is titled by
 * date and outlet alone; `/source` names it by its address.
 */
function cardTitle(article: ArticleRef): string {
  const head = `${shortDate(article.published)} · ${article.outlet}`;
  return escapedLabel(article.title ? `${head} · ${clipWords(article.title, TITLE_HEADLINE)}` : head, LIMITS.title);
}

/** The number of a result in a card, linking to its sentence when there is a link: `[**3**](…) `; with a fixed label (`people killed`) after it. */
function numberPiece(n: number, link: string | null, label?: string): string {
  const text = label ? `**${n}** · ${label}` : `**${n}**`;
  return link ? `[${text}](${linkTarget(link)}) ` : `${text} `;
}

/**
 * A sentence as pieces with `span` in bold. A sentence much longer than `max` is shown from a
 * little before the span (marked `…`), so the span is never cut away.
 */
function spanInSentence(sentence: string, span: string, max = MAX_SHOWN): Piece[] {
  const at = sentence.indexOf(span);
  if (at < 0) return [{ span: sentence }];
  let from = 0;
  const lead = Math.floor(max / 3);
  if (sentence.length > max && at > lead) {
    const space = sentence.slice(at - lead, at).search(/\s\S/u);
    from = space < 0 ? at : at - lead + space + 1;
  }
  return [from > 0 ? MID_MARK : '', { span: sentence.slice(from, at) }, { span, bold: true }, { span: sentence.slice(at + span.length) }];
}

/** The speaker as a card's author; reported speech says so beside the name. */
function speakerName(result: QuotationResult): string {
  const name = result.speaker ?? 'Speaker not named in the article';
  return result.quotationKind === 'reported' ? `${name} — ${REPORTED_LABEL}` : name;
}

/** What a single figure counts, in words (`people killed`), never its own words again. */
function figureLabel(result: FigureResult): string {
  return countedLabel({ category: result.category, counted: countedClass(result) });
}

/**
 * A result as an entry of a card: its number linking to its sentence, then the words. A statement
 * in “ ” (after `…` when it starts mid-sentence); a phrase inside its sentence, in bold; reported
 * speech as written; a figure in its sentence, in bold, after what it counts; a sentence in bold
 * between its neighbours, a paragraph break shown as one.
 */
function entryOf(result: Result, n: number): Piece[] {
  switch (result.kind) {
    case 'quotation': {
      const prefix = numberPiece(n, citationLink(result));
      if (result.quotationKind === 'phrase') return [prefix, ...spanInSentence(result.sentence, result.text)];
      if (result.quotationKind === 'reported') return [prefix, { span: result.text }];
      const mid = /^\p{Ll}/u.test(result.text) ? MID_MARK : '';
      return [prefix, `“${mid}`, { span: result.text }, '”'];
    }
    case 'figure':
      return [numberPiece(n, citationLink(result), figureLabel(result)), ...spanInSentence(result.sentence, result.text)];
    case 'sentence': {
      const pieces: Piece[] = [numberPiece(n, citationLink(result))];
      if (result.before) pieces.push(result.beforeCut ? MID_MARK : '', { span: result.before }, result.paragraphBefore ? '\n\n' : '\n');
      pieces.push({ span: result.text, bold: true });
      if (result.after) pieces.push(result.paragraphAfter ? '\n\n' : '\n', { span: result.after });
      return pieces;
    }
  }
}

/** How long an entry may be in a list: its number and link, and `MAX_SHOWN` characters of words (twice that for a sentence with its neighbours). */
function entryCap(entry: readonly Piece[], result: Result): number {
  const head = typeof entry[0] === 'string' ? entry[0].length : 0;
  // Room for the escapes and quotation marks around the words, which Discord does not show.
  return head + (result.kind === 'sentence' ? 2 * MAX_SHOWN : MAX_SHOWN) + 12;
}

/** Which results share a card: a speaker's in one article (reported speech apart), or one article's figures or sentences. */
function cardKey(result: Result): string {
  switch (result.kind) {
    case 'quotation':
      return `q\u0000${result.speaker ?? ''}\u0000${result.article.id}\u0000${result.quotationKind === 'reported'}`;
    case 'figure':
      return `f\u0000${result.article.id}`;
    case 'sentence':
      return `s\u0000${result.article.id}`;
  }
}

/** A card of results that share a key: the speaker once as author, the citation once as title, the results numbered. */
function singleCard(items: readonly Item[]): Draft {
  const first = items[0]!.result;
  const author = first.kind === 'quotation' ? { author: { name: plainText(speakerName(first), LIMITS.author) } } : {};
  const color = first.kind === 'quotation' ? COLOURS[first.quotationKind] : COLOURS[first.kind];
  return {
    embed: { ...author, title: cardTitle(first.article), ...embedUrl(first.article.url), color },
    entries: items.map(({ result, index }) => entryOf(result, index + 1)),
  };
}

/** A field of a group: `8 Nov 2023 · Gerçek News` as name; the sentence, figure in bold, and a short link as value. */
interface GroupField {
  name: string;
  pieces: Piece[];
  link: string;
}

/**
 * Figures on one thing from several articles as one card: what they count as author, the
 * figures over time as description (`46 (8 Nov 2023) → 56 (10 Nov 2023)`), each figure a field,
 * a note saying how to read them, and the chart as image when they span several dates.
 */
function groupCard(block: Block, chart: string | null): { embed: APIEmbed; fields: GroupField[] } {
  const group = block.group!;
  const note = groupNote(group);
  const part = block.items.length < group.results.length ? ` · figures ${block.first + 1}–${block.first + block.items.length}` : '';
  const fields = block.items.map(({ result, index }): GroupField => {
    if (result.kind !== 'figure') throw new Error(`render: a ${result.kind} result in a group of figures`);
    const link = citationLink(result);
    return {
      // A field's name renders markdown: the outlet is escaped there, so it can neither format nor mention.
      name: escapedLabel(plainText(`${index + 1} · ${shortDate(result.article.published)} · ${result.article.outlet}`, LIMITS.fieldName), LIMITS.fieldName),
      pieces: spanInSentence(result.sentence, result.text),
      link: link ? `[source](${linkTarget(link)})` : '',
    };
  });
  const embed: APIEmbed = {
    author: { name: plainText(countedLabel(group), LIMITS.author) },
    description: `**${escapedLabel(timeline(group.results), 1000)}**`,
    color: COLOURS[note],
    footer: { text: `${GROUP_NOTES[note]}${part}` },
    ...(chart ? { image: { url: `attachment://${chart}` } } : {}),
  };
  return { embed, fields };
}

// ---------------------------------------------------------------------------------------------
// Components

function button(customId: string, label: string, disabled = false): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId, label: label.slice(0, LIMITS.buttonLabel), disabled };
}

/** Previous, the page indicator, and next, when there is more than one page. */
function pagingRow(view: View, page: number, pages: number): Row | null {
  if (!view.buttonId || pages <= 1) return null;
  return {
    type: ComponentType.ActionRow,
    // Disabled at the ends, where they point at the page shown: custom ids stay valid and distinct.
    components: [
      button(view.buttonId({ type: 'page', page: Math.max(0, page - 1) }), '◀ Previous', page === 0),
      button(view.buttonId({ type: 'here', page }), `${page + 1} / ${pages}`, true),
      button(view.buttonId({ type: 'page', page: Math.min(pages - 1, page + 1) }), 'Next ▶', page >= pages - 1),
    ],
  };
}

/** The label of a result in the context menu: its number and its first words (`1 · We have said very clearly…`). */
function optionLabel(result: Result, n: number): string {
  const words = result.kind === 'figure' ? `${result.text} (${shortDate(result.article.published)})` : result.text;
  return plainText(`${n} · ${words}`, LIMITS.optionText);
}

/** One select menu, `Show context for…`, an option per result on the page; its value is the result's stable reference. */
function contextRow(view: View, items: readonly Item[]): Row | null {
  if (!view.buttonId || items.length === 0) return null;
  const options: APISelectMenuOption[] = items
    .map(({ result, index }) => ({
      label: optionLabel(result, index + 1),
      value: referenceOf(result),
      description: plainText(`${result.kind === 'quotation' && result.speaker ? `${result.speaker} · ` : ''}${result.article.outlet}, ${shortDate(result.article.published)}`, LIMITS.optionText),
    }))
    .slice(0, LIMITS.selectOptions);
  return { type: ComponentType.ActionRow, components: [{ type: ComponentType.StringSelect, custom_id: view.buttonId({ type: 'context' }), placeholder: 'Show context for…', options }] };
}

// ---------------------------------------------------------------------------------------------
// Messages

function message(parts: Partial<DiscordMessage>): DiscordMessage {
  return enforceLimits({ embeds: [], components: [], ...parts, allowedMentions: { parse: [] } });
}

/** A private note (a problem, help, a refused button): only the asker sees it, and no link in it unfurls. */
export function privateNote(content: string): DiscordMessage {
  return message({ content, flags: MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds });
}

/** The page to show of `pages`, whatever page was asked for. */
function clampPage(page: number, pages: number): number {
  return Math.min(Math.max(0, Math.trunc(page) || 0), Math.max(0, pages - 1));
}

/** `page 2 of 7`, or nothing for a single page. */
function pageLabel(page: number, pages: number): string {
  return pages > 1 ? ` · page ${page + 1} of ${pages}` : '';
}

/** A result to show, its position in the answer, and the group of figures from several articles it belongs to, if any. */
interface Item {
  result: Result;
  index: number;
  group?: FigureGroupResult | undefined;
}

/** Below this many characters a headline is not worth showing in a link: the line drops the link instead. */
const MIN_LINKED_LABEL = 40;

/** A line of the list of articles within `room` characters: id, citation linked to the article, size. */
function articleLine(summary: ArticleSummary, room: number): string {
  const head = `\`${summary.article.id}\` · `;
  const tail = ` · ${count(summary.words, 'word')}`;
  const label = citationLabel(summary.article);
  const target = linkTarget(summary.article.url);
  const linkedRoom = room - head.length - tail.length - target.length - '[]()'.length;
  if (linkedRoom >= Math.min(MIN_LINKED_LABEL, escapeText(label).length)) return `${head}[${escapedLabel(label, Math.min(200, linkedRoom))}](${target})${tail}`;
  // An address too long to link within the room: the citation alone (the article's own answer links to it).
  return `${head}${escapedLabel(label, Math.max(1, room - head.length - tail.length))}${tail}`;
}

/**
 * A block of a page: one result, or up to `GROUP_BLOCK` figures of one group from several
 * articles (one card, a field each). `first` is the index of its first result among all.
 */
interface Block {
  items: readonly Item[];
  first: number;
  group?: FigureGroupResult | undefined;
}

/** Results as blocks: a group from several articles in blocks of `GROUP_BLOCK`, every other result alone. */
function blocksOf(items: readonly Item[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < items.length; ) {
    const group = items[i]!.group;
    let end = i + 1;
    if (group) while (end < items.length && end - i < GROUP_BLOCK && items[end]!.group === group) end++;
    blocks.push({ items: items.slice(i, end), first: i, group });
    i = end;
  }
  return blocks;
}

/** Blocks in pages of at most `RESULTS_PER_PAGE` results. */
function pagesOf(blocks: readonly Block[]): Block[][] {
  const pages: Block[][] = [];
  let page: Block[] = [];
  let results = 0;
  for (const block of blocks) {
    if (page.length > 0 && results + block.items.length > RESULTS_PER_PAGE) {
      pages.push(page);
      page = [];
      results = 0;
    }
    page.push(block);
    results += block.items.length;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** The items of an answer as the result pages show them; for any other answer, none. */
function itemsOf(answer: Answer): Item[] {
  if (answer.type === 'figures') {
    return answer.groups.flatMap((group) => group.results.map((result) => ({ result, group: group.articles > 1 ? group : undefined }))).map((item, index) => ({ ...item, index }));
  }
  if (answer.type === 'results') return answer.results.map((result, index) => ({ result, index }));
  return [];
}

/** How many pages of results an answer has (1 for any other answer). */
export function pageCount(answer: Answer): number {
  return Math.max(1, pagesOf(blocksOf(itemsOf(answer))).length);
}

/** The file name of a group's chart. */
export function chartName(groupIndex: number): string {
  return `figures-${groupIndex + 1}.png`;
}

/** What each command's results are called in the heading. */
const NOUNS: Readonly<Record<string, string>> = { quote: 'quotation', figures: 'figure', source: 'sentence' };

/**
 * The first line: what was matched, first. `**Amir Saeid Iravani** · 19 quotations in 3 articles,
 * 8 Nov 2023 – 30 Jan 2024 (matched “Irvani”)`; the query itself when it names no speaker.
 */
function heading(answer: Extract<Answer, { type: 'results' | 'figures' }>, items: readonly Item[]): string {
  const subject = answer.type === 'results' && answer.speaker ? escapeText(plainText(answer.speaker.name, MAX_ECHO)) : escapeText(plainText(answer.query, MAX_ECHO));
  const articles = new Set(items.map((i) => i.result.article.id)).size;
  const span = dateSpan(items.map((i) => i.result.article.published));
  const corrected = answer.type === 'results' && answer.speaker?.corrected ? ` (matched “${echoQuery(answer.query)}”)` : '';
  return `**\u2068${subject}\u2069** · ${count(items.length, NOUNS[answer.command] ?? 'result')} in ${count(articles, 'article')}, ${span}${corrected}`;
}

/** Results as a page of cards, with the context menu and the paging buttons. */
function resultPages(answer: Extract<Answer, { type: 'results' | 'figures' }>, view: View): DiscordMessage {
  const items = itemsOf(answer);
  const pages = pagesOf(blocksOf(items));
  const page = clampPage(view.page, pages.length);
  const blocks = pages[page] ?? [];
  const groupIndex = (group: FigureGroupResult): number => (answer.type === 'figures' ? answer.groups.indexOf(group) : -1);
  const charts: ChartRequest[] = [];

  // Consecutive single results that share a card are one card; a group's block is its own.
  type Slot = { kind: 'single'; items: Item[] } | { kind: 'group'; card: ReturnType<typeof groupCard> };
  const slots: Slot[] = [];
  for (const block of blocks) {
    if (block.group) {
      const group = block.group;
      const chart = group.dates > 1 && block.first === items.findIndex((i) => i.group === group) ? chartName(groupIndex(group)) : null;
      if (chart) charts.push({ name: chart, group });
      slots.push({ kind: 'group', card: groupCard(block, chart) });
      continue;
    }
    const item = block.items[0]!;
    const last = slots[slots.length - 1];
    if (last?.kind === 'single' && cardKey(last.items[0]!.result) === cardKey(item.result)) last.items.push(item);
    else slots.push({ kind: 'single', items: [item] });
  }
  const drafts = slots.map((slot) => (slot.kind === 'single' ? { slot, draft: singleCard(slot.items) } : { slot, draft: null }));
  // The speaker is named once: a card that goes on with the speaker of the card above it (another
  // article of theirs) leaves the name out, which also keeps five quotations on a phone screen.
  drafts.forEach(({ draft }, i) => {
    const above = drafts[i - 1]?.draft;
    if (draft?.embed.author && above?.embed.author?.name === draft.embed.author.name) delete draft.embed.author;
  });

  // Every text of the page wants its capped length; what the 6,000 leave after the labels is shared among them.
  const texts: { pieces: Piece[]; cap: number }[] = [];
  for (const { slot, draft } of drafts) {
    if (draft && slot.kind === 'single') draft.entries.forEach((entry, i) => texts.push({ pieces: entry, cap: entryCap(entry, slot.items[i]!.result) }));
    else if (slot.kind === 'group') for (const f of slot.card.fields) texts.push({ pieces: f.pieces, cap: Math.min(MAX_SHOWN + 12, LIMITS.fieldValue - f.link.length - 1) });
  }
  const labels =
    drafts.reduce((n, { slot, draft }) => n + (draft ? embedLength(draft.embed) + Math.max(0, draft.entries.length - 1) : slot.kind === 'group' ? embedLength(slot.card.embed) + slot.card.fields.reduce((m, f) => m + f.name.length + f.link.length + 1, 0) : 0), 0);
  const budgets = shareRoom(
    texts.map((t) => fitPieces(t.pieces, t.cap).length),
    LIMITS.embedTotal - labels,
  );
  let t = 0;
  const embeds = drafts.map(({ slot, draft }): APIEmbed => {
    if (draft) {
      // A card's own description has 4,096: its entries share that too.
      const own = shareRoom(draft.entries.map(() => budgets[t++]!), LIMITS.description - (draft.entries.length - 1));
      const description = draft.entries.map((entry, i) => fitPieces(entry, own[i]!)).join('\n');
      return description ? { ...draft.embed, description } : { ...draft.embed };
    }
    const card = (slot as Extract<Slot, { kind: 'group' }>).card;
    const fields = card.fields.map((f) => {
      const sentence = fitPieces(f.pieces, budgets[t++]!);
      return { name: f.name, value: [sentence, f.link].filter(Boolean).join('\n') || MID_MARK };
    });
    return { ...card.embed, fields };
  });
  const shown = blocks.flatMap((b) => b.items);
  return message({
    content: heading(answer, items),
    embeds,
    components: [contextRow(view, shown), pagingRow(view, page, pages.length)].filter((row): row is Row => row !== null),
    ...(charts.length > 0 ? { charts } : {}),
  });
}

type Renderers = { [K in Answer['type']]: (answer: Extract<Answer, { type: K }>, view: View) => DiscordMessage };

const RENDERERS: Renderers = {
  results(answer, view) {
    return resultPages(answer, view);
  },

  figures(answer, view) {
    return resultPages(answer, view);
  },

  articles(answer, view) {
    const pages = Math.max(1, Math.ceil(answer.articles.length / ARTICLES_PER_PAGE));
    const page = clampPage(view.page, pages);
    const shown = answer.articles.slice(page * ARTICLES_PER_PAGE, (page + 1) * ARTICLES_PER_PAGE);
    // Each line gets an equal share of the description, so ten long headlines and addresses still fit.
    const room = Math.floor((LIMITS.description - (shown.length - 1)) / Math.max(1, shown.length));
    const lines = shown.map((s) => articleLine(s, room));
    const embed: APIEmbed = {
      title: `${count(answer.articles.length, 'article')} in the corpus`,
      description: lines.join('\n') || 'The corpus is empty.',
      color: COLOURS.article,
      footer: { text: `/source article:<id> shows one article${pageLabel(page, pages)}` },
    };
    return message({ embeds: [embed], components: [pagingRow(view, page, pages)].filter((row): row is Row => row !== null) });
  },

  article(answer) {
    const { summary } = answer;
    const { article } = summary;
    const opening = answer.results.flatMap((r, i): Piece[] => (i === 0 ? [{ span: r.text }] : ['\n', { span: r.text }]));
    const extras = [
      ...(answer.byline ? [{ name: 'Byline', text: answer.byline }] : []),
      ...(answer.standfirst ? [{ name: 'Standfirst (the outlet’s summary, not article text)', text: answer.standfirst }] : []),
      ...answer.captions.slice(0, MAX_CAPTIONS).map((text) => ({ name: 'Photo caption', text })),
    ];
    const embed: APIEmbed = {
      title: escapedLabel(citationLabel(article), LIMITS.title),
      url: article.url,
      color: COLOURS.article,
      footer: { text: `${article.id} · ${count(summary.sentences, 'sentence')} · ${count(summary.words, 'word')} · ${count(summary.quotations, 'quotation')} · ${count(summary.figures, 'figure')} · the opening of the article above` },
    };
    // A standfirst and five captions of 1,024 characters each would pass 6,000 on their own: the opening and every field share what is left.
    const texts: { pieces: Piece[]; max: number }[] = [{ pieces: opening, max: LIMITS.description }, ...extras.map((e) => ({ pieces: [{ span: e.text }], max: LIMITS.fieldValue }))];
    const room = LIMITS.embedTotal - embedLength(embed) - extras.reduce((n, e) => n + e.name.length, 0);
    const budget = shareRoom(
      texts.map((t) => fitPieces(t.pieces, t.max).length),
      room,
    );
    const [description, ...values] = texts.map((t, i) => fitPieces(t.pieces, budget[i]!));
    const fields = extras.map((e, i) => ({ name: e.name, value: values[i]! })).filter((f) => f.value);
    return message({ embeds: [{ ...embed, ...(description ? { description } : {}), ...(fields.length > 0 ? { fields } : {}) }] });
  },

  help(answer) {
    return privateNote(answer.entries.map((e) => `**${e.usage}**\n${e.description}\nExample: \`${e.example}\``).join('\n\n'));
  },

  problem(answer) {
    return privateNote(problemText(answer.problem));
  },
};

/** The problem's message, escaped, with the user's own words in it clipped and isolated. */
function problemText(problem: Problem): string {
  // The user's words are swapped for private-use placeholders while the fixed text is escaped.
  const userText: string[] = [];
  const marked = { ...problem } as Record<string, unknown>;
  for (const key of ['query', 'id', 'name']) {
    if (typeof marked[key] === 'string') marked[key] = String.fromCharCode(0xe000 + userText.push(marked[key] as string) - 1);
  }
  return escapeText(describeProblem(marked as unknown as Problem)).replace(/[\ue000-\ue0ff]/gu, (c) => {
    const text = userText[c.charCodeAt(0) - 0xe000] ?? '';
    return `\u2068${escapeText(plainText(text, MAX_ECHO))}\u2069`;
  });
}

/** The message for an answer, at a page: public when it answers, private when it is a problem or help. */
export function renderDiscord(answer: Answer, view: View = { page: 0 }): DiscordMessage {
  return (RENDERERS[answer.type] as (answer: Answer, view: View) => DiscordMessage)(answer, view);
}

/** The name of the Context view's field that shows the words naming a quotation's speaker. */
export const NAMED_BY_FIELD = `${NAMED_BY.label.charAt(0).toUpperCase()}${NAMED_BY.label.slice(1)}`;

/**
 * The field `Named by: “the Iranian envoy added”`: the body's words that name the speaker, in
 * quotation marks, escaped and cut to a field's 1,024 characters; a fixed label when the article
 * does not say who spoke; none when the rule that found the speaker kept no such words.
 */
function namedByField(result: QuotationResult): APIEmbedField | null {
  if (result.evidence) return { name: NAMED_BY_FIELD, value: fitPieces(['“', { span: result.evidence.text }, '”'], LIMITS.fieldValue) };
  return result.speaker === null ? { name: NAMED_BY_FIELD, value: NAMED_BY.none } : null;
}

/**
 * The sentences around one result, privately for whoever asked: the result in bold, the speaker
 * as author with the words of the article that name them, the citation linking to the sentence,
 * and a button that opens the article there. `note` says why it is not quite what was asked (the
 * article changed since the answer).
 */
export function renderContext(context: Context, result: Result, note?: string): DiscordMessage {
  const { text, highlightStart, highlightEnd } = context;
  const pieces: Piece[] = [{ span: text.slice(0, highlightStart) }, { span: text.slice(highlightStart, highlightEnd), bold: true }, { span: text.slice(highlightEnd) }];
  const speaker = result.kind === 'quotation' ? speakerOf(result) : {};
  const link = citationLink(result);
  const embed: Omit<APIEmbed, 'description'> = {
    ...speaker,
    title: cardTitle(result.article),
    ...(link ? { url: link } : {}),
    color: COLOURS.sentence,
    footer: { text: 'the result in bold, with the sentences around it' },
  };
  const room = Math.min(LIMITS.description, LIMITS.embedTotal - embedLength(embed));
  const description = fitPieces(pieces, room);
  const components: APIButtonComponent[] = [];
  if (link && link.length <= LIMITS.buttonUrl) components.push({ type: ComponentType.Button, style: ButtonStyle.Link, url: link, label: 'Open the article here' });
  return message({
    ...(note ? { content: note } : {}),
    embeds: [description ? { ...embed, description } : embed],
    components: components.length > 0 ? [{ type: ComponentType.ActionRow, components }] : [],
    flags: MessageFlags.Ephemeral,
  });
}

/** Who spoke a quotation, for its context: the speaker as author (reported speech says so), and the "Named by" field. */
function speakerOf(result: QuotationResult): Pick<APIEmbed, 'author' | 'fields'> {
  const named = namedByField(result);
  return { author: { name: plainText(speakerName(result), LIMITS.author) }, ...(named ? { fields: [named] } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Limits

/** Text cut to `max` UTF-16 units: never a lone surrogate, never a trailing escape backslash, marked `…` when cut. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1)).replace(/[\uD800-\uDBFF]$/u, '');
  // An odd run of backslashes at the end would escape the mark after it.
  if (/(?<!\\)(\\\\)*\\$/u.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * The one place Discord's limits are enforced for every message the bot sends, whatever the
 * articles hold: each text within its limit, the embeds within 6,000 together, addresses within
 * theirs, components and their options within theirs. The renderers fit text with care (cut at a
 * word, marked); this is the net under them, so a bug there or hostile article metadata can never
 * make Discord refuse a reply.
 */
export function enforceLimits(msg: DiscordMessage): DiscordMessage {
  const embeds = msg.embeds.slice(0, LIMITS.embeds).map((embed): APIEmbed => {
    const out: APIEmbed = { ...embed };
    if (out.title !== undefined) out.title = clip(out.title, LIMITS.title);
    if (out.description !== undefined) out.description = clip(out.description, LIMITS.description);
    if (out.url !== undefined && out.url.length > LIMITS.url) delete out.url;
    if (out.author) out.author = { ...out.author, name: clip(out.author.name, LIMITS.author) };
    if (out.footer) out.footer = { ...out.footer, text: clip(out.footer.text, LIMITS.footer) };
    if (out.image && out.image.url.length > LIMITS.url) delete out.image;
    if (out.fields) out.fields = out.fields.slice(0, LIMITS.fields).map((f) => ({ ...f, name: clip(f.name, LIMITS.fieldName) || '\u200b', value: clip(f.value, LIMITS.fieldValue) || '\u200b' }));
    return out;
  });
  // Over 6,000 together: the longest texts give up the excess, longest first (descriptions and
  // field values before labels, which are short unless hostile).
  type Slot = { get: () => string; set: (text: string) => void };
  const slots: Slot[] = embeds.flatMap((e) => [
    ...(e.description !== undefined ? [{ get: () => e.description ?? '', set: (t: string) => (e.description = t) }] : []),
    ...(e.fields ?? []).flatMap((_, f) => [
      { get: () => e.fields![f]!.value, set: (t: string) => (e.fields![f] = { ...e.fields![f]!, value: t }) },
      { get: () => e.fields![f]!.name, set: (t: string) => (e.fields![f] = { ...e.fields![f]!, name: t }) },
    ]),
    ...(e.footer ? [{ get: () => e.footer!.text, set: (t: string) => (e.footer = { ...e.footer!, text: t }) }] : []),
    ...(e.title !== undefined ? [{ get: () => e.title ?? '', set: (t: string) => (e.title = t) }] : []),
    ...(e.author ? [{ get: () => e.author!.name, set: (t: string) => (e.author = { ...e.author!, name: t }) }] : []),
  ]);
  let excess = embeds.reduce((n, e) => n + embedLength(e), 0) - LIMITS.embedTotal;
  while (excess > 0) {
    const longest = slots.reduce<Slot | null>((best, slot) => (!best || slot.get().length > best.get().length ? slot : best), null);
    if (!longest || longest.get().length <= 1) break;
    const before = longest.get().length;
    longest.set(clip(longest.get(), Math.max(1, before - excess, Math.floor(before / 2))));
    excess -= before - longest.get().length;
  }
  const components = msg.components
    .slice(0, LIMITS.rows)
    .map((row): Row => ({
      ...row,
      components: row.components
        .filter((c) => (c.type === ComponentType.Button && c.style === ButtonStyle.Link ? c.url.length <= LIMITS.buttonUrl : 'custom_id' in c && c.custom_id.length <= LIMITS.customId))
        .map((c) => {
          if (c.type === ComponentType.StringSelect) {
            const options = c.options
              .filter((o) => o.value.length <= LIMITS.optionText)
              .slice(0, LIMITS.selectOptions)
              .map((o) => ({ ...o, label: clip(o.label, LIMITS.optionText), ...(o.description !== undefined ? { description: clip(o.description, LIMITS.optionText) } : {}) }));
            return { ...c, options, ...(c.placeholder !== undefined ? { placeholder: clip(c.placeholder, LIMITS.placeholder) } : {}) };
          }
          return 'label' in c && typeof c.label === 'string' ? { ...c, label: clip(c.label, LIMITS.buttonLabel) } : c;
        })
        .filter((c) => c.type !== ComponentType.StringSelect || c.options.length > 0)
        .slice(0, LIMITS.rowComponents),
    }))
    .filter((row) => row.components.length > 0);
  return { ...msg, ...(msg.content !== undefined ? { content: clip(msg.content, LIMITS.content) } : {}), embeds, components };
}
