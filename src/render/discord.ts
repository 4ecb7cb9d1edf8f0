/**
 * Answers as Discord messages: one embed per result (the verbatim text, the speaker as author,
 * the citation as a title linking to the sentence), paged with buttons, within Discord's limits
 * at any corpus size, with corpus text escaped so it shows exactly as printed, and never pinging.
 *
 * Each answer type has its own renderer in `RENDERERS`, and each kind of result its own embed in
 * `RESULT_EMBEDS`: a new answer shape or kind of result is one more entry, checked by the compiler.
 */
import { ButtonStyle, ComponentType, MessageFlags, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Answer, ArticleSummary, FigureGroupResult, FigureResult, QuotationResult, Result, SentenceResult } from '../commands/answer.ts';
import type { Context } from '../commands/context.ts';
import { describeProblem } from '../commands/problems.ts';
import type { Problem } from '../commands/answer.ts';
import { citationLabel, count, groupLabel, KIND_LABELS, NAMED_BY } from './citation.ts';
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
  buttonLabel: 80,
  customId: 100,
  buttonUrl: 512,
} as const;

/** Results a page shows: three quotations fit a phone screen with their citations. */
export const RESULTS_PER_PAGE = 3;
/**
 * Figures of one group from several articles shown as one block (one embed, a field each): they
 * are read together. A page holds at most this many results in all, one row of context buttons.
 */
export const GROUP_BLOCK = 5;
/** Articles a page of `/source` lists. */
export const ARTICLES_PER_PAGE = 10;
/** Photo captions `/source article:` shows, each a field. */
export const MAX_CAPTIONS = 5;
/** How much of a query is echoed back in a footer or a message. */
export const MAX_ECHO = 100;
/** Marks corpus text cut to fit a limit: the text before it is still verbatim. */
export const CUT_MARK = ' […]';

/** Embed colours, so the kind of a result shows at a glance. */
const COLOURS = { statement: 0x5865f2, phrase: 0x99aab5, reported: 0xe67e22, scare: 0x99aab5, figure: 0x2ecc71, differ: 0xe74c3c, sentence: 0x3498db, article: 0x95a5a6 } as const;

/** A button of an answer: turn to a page, or show the sentences around one of the results. */
export type ButtonAction = { type: 'page'; page: number } | { type: 'context'; index: number };

/** What the renderer needs beyond the answer. */
export interface View {
  /** The page to show, from 0; clamped to the pages there are. */
  page: number;
  /** The custom id of a button; without it the message has no buttons. */
  buttonId?: ((action: ButtonAction) => string) | undefined;
}

/** A message as discord.js sends it: a reply, or (without `flags`) an update of an answer. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: { parse: [] };
  /** `MessageFlags.Ephemeral` for what only the asker should see; `SuppressEmbeds` where user text could unfurl a link. */
  flags?: number;
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
// Embeds

/** An embed before its description is fitted to the room left on its page. */
interface Draft {
  embed: Omit<APIEmbed, 'description'>;
  pieces: Piece[];
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
 * Fits the descriptions of a page's embeds into what is left of the 6,000 characters: short
 * ones are shown whole and the long ones share the rest equally, each cut at a word if need be.
 */
function finishEmbeds(drafts: readonly Draft[], taken = 0): APIEmbed[] {
  const room = LIMITS.embedTotal - taken - drafts.reduce((n, d) => n + embedLength(d.embed), 0);
  const budget = shareRoom(
    drafts.map((d) => fitPieces(d.pieces, LIMITS.description).length),
    room,
  );
  return drafts.map((d, i) => {
    const description = fitPieces(d.pieces, budget[i]!);
    return description ? { ...d.embed, description } : { ...d.embed };
  });
}

/** The title and link of a result's citation: outlet, date and headline, opening the article at the sentence. */
function citation(result: Result): Pick<APIEmbed, 'title' | 'url'> {
  return { title: escapedLabel(citationLabel(result.article), LIMITS.title), url: linkToSentence(result.article.url, result.sentence) };
}

/** The speaker as an embed's author: the name, or a fixed label when the article does not say. */
function speakerAuthor(result: QuotationResult): NonNullable<APIEmbed['author']> {
  return { name: plainText(result.speaker ?? 'Speaker not named in the article', LIMITS.author) };
}

/** A quotation: the speaker as author, the words as description. */
function quoteEmbed(result: QuotationResult): Draft {
  const kind = result.quotationKind;
  return {
    embed: { author: speakerAuthor(result), ...citation(result), color: COLOURS[kind], footer: { text: KIND_LABELS[kind] } },
    pieces: [{ span: result.text }],
  };
}

/** A figure and what it counts (`four others · injured`): an embed's author, or a field's name in a group. */
function figureLabel(result: FigureResult, max: number): string {
  return plainText(`${result.text} · ${result.category}`, max);
}

/** A figure: what it counts as author, its sentence with the figure in bold. */
function figureEmbed(result: FigureResult): Draft {
  return {
    embed: { author: { name: figureLabel(result, LIMITS.author) }, ...citation(result), color: COLOURS.figure, footer: { text: 'figure' } },
    pieces: figurePieces(result),
  };
}

/** A matching sentence in bold, with the sentences before and after it on their own lines. */
function sentenceEmbed(result: SentenceResult): Draft {
  const pieces: Piece[] = [];
  if (result.before) pieces.push({ span: result.before }, '\n');
  pieces.push({ span: result.text, bold: true });
  if (result.after) pieces.push('\n', { span: result.after });
  return { embed: { ...citation(result), color: COLOURS.sentence, footer: { text: 'sentence' } }, pieces };
}

/** How each kind of result becomes an embed. */
const RESULT_EMBEDS: { readonly [K in Result['kind']]: (result: Extract<Result, { kind: K }>) => Draft } = { quotation: quoteEmbed, figure: figureEmbed, sentence: sentenceEmbed };

/** The embed of a result, by its kind. */
function resultEmbed(result: Result): Draft {
  return (RESULT_EMBEDS[result.kind] as (result: Result) => Draft)(result);
}

// ---------------------------------------------------------------------------------------------
// Buttons

type Row = APIActionRowComponent<APIButtonComponent>;

function button(customId: string, label: string, disabled = false): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId, label: label.slice(0, LIMITS.buttonLabel), disabled };
}

/** Previous and next, when there is more than one page. */
function pagingRow(view: View, page: number, pages: number): Row | null {
  if (!view.buttonId || pages <= 1) return null;
  return {
    type: ComponentType.ActionRow,
    // Disabled at the ends, where they point at the page shown: custom ids stay valid and distinct.
    components: [
      button(view.buttonId({ type: 'page', page: Math.max(0, page - 1) }), '◀ Previous', page === 0),
      button(view.buttonId({ type: 'page', page: Math.min(pages - 1, page + 1) }), 'Next ▶', page >= pages - 1),
    ],
  };
}

/** One "Context" button per result on the page, numbered as the results are. */
function contextRow(view: View, first: number, shown: number): Row | null {
  if (!view.buttonId || shown === 0) return null;
  const buttonId = view.buttonId;
  return {
    type: ComponentType.ActionRow,
    components: Array.from({ length: shown }, (_, i) => button(buttonId({ type: 'context', index: first + i }), `Context ${first + i + 1}`)),
  };
}

// ---------------------------------------------------------------------------------------------
// Messages

function message(parts: Partial<DiscordMessage>): DiscordMessage {
  return { embeds: [], components: [], ...parts, allowedMentions: { parse: [] } };
}

/** A private note (a problem, help, a refused button): only the asker sees it, and no link in it unfurls. */
export function privateNote(content: string): DiscordMessage {
  return message({ content: content.slice(0, LIMITS.content), flags: MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds });
}

/** The page to show of `pages`, whatever page was asked for. */
function clampPage(page: number, pages: number): number {
  return Math.min(Math.max(0, Math.trunc(page) || 0), Math.max(0, pages - 1));
}

/** `page 2 of 7`, or nothing for a single page. */
function pageLabel(page: number, pages: number): string {
  return pages > 1 ? ` · page ${page + 1} of ${pages}` : '';
}

/** A result to show, and the group of figures from several articles it belongs to, if any (then the result is one of its figures). */
interface Item {
  result: Result;
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
 * A block of a page: one result (one embed), or up to `GROUP_BLOCK` figures of one group from
 * several articles (one embed, a field each). `first` is the index of its first result among all.
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

/** Blocks in pages: up to `RESULTS_PER_PAGE` blocks and `GROUP_BLOCK` results a page. */
function pagesOf(blocks: readonly Block[]): Block[][] {
  const pages: Block[][] = [];
  let page: Block[] = [];
  let results = 0;
  for (const block of blocks) {
    if (page.length > 0 && (page.length >= RESULTS_PER_PAGE || results + block.items.length > GROUP_BLOCK)) {
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
  if (answer.type === 'figures') return answer.groups.flatMap((group) => group.results.map((result) => ({ result, group: group.articles > 1 ? group : undefined })));
  if (answer.type === 'results') return answer.results.map((result) => ({ result }));
  return [];
}

/** Which page of an answer holds the result at `index` (what a context's "Back" button returns to). */
export function pageOf(answer: Answer, index: number): number {
  const pages = pagesOf(blocksOf(itemsOf(answer)));
  const page = pages.findIndex((blocks) => blocks.some((b) => index >= b.first && index < b.first + b.items.length));
  return Math.max(0, page);
}

/** A figure's sentence as pieces, the figure in bold. */
function figurePieces(result: FigureResult): Piece[] {
  const at = result.sentence.indexOf(result.text);
  return at < 0
    ? [{ span: result.sentence }]
    : [{ span: result.sentence.slice(0, at) }, { span: result.text, bold: true }, { span: result.sentence.slice(at + result.text.length) }];
}

/**
 * Figures on one thing from several articles as one embed: the group as author, each figure a
 * field (the figure and what it counts as name; its sentence, figure in bold, and its citation
 * linking to the sentence as value), in date order. `room` is what the fields' values may take.
 */
function groupEmbed(block: Block, total: number, echo: string): { embed: APIEmbed; fit(perResult: number): APIEmbed } {
  const group = block.group!;
  const last = block.first + block.items.length;
  const part = block.items.length < group.results.length ? ` (these ${block.items.length})` : '';
  const frame = block.items.map(({ result }) => {
    if (result.kind !== 'figure') throw new Error(`render: a ${result.kind} result in a group of figures`);
    return {
      name: figureLabel(result, LIMITS.fieldName),
      link: `[${escapedLabel(citationLabel(result.article), 120)}](${linkTarget(linkToSentence(result.article.url, result.sentence))})`,
      result,
    };
  });
  const embed: APIEmbed = {
    author: { name: plainText(groupLabel(group), LIMITS.author) },
    color: group.differ ? COLOURS.differ : COLOURS.figure,
    fields: frame.map((f) => ({ name: f.name, value: '' })),
    footer: { text: `${block.first + 1}–${last} of ${total} · figures on one thing, side by side in date order${part}${echo}` },
  };
  /** The embed with each figure's sentence and citation in at most `perResult` characters (and a field's 1,024). */
  const fit = (perResult: number): APIEmbed => ({
    ...embed,
    fields: frame.map(({ name, link, result }) => {
      const room = Math.min(LIMITS.fieldValue, perResult) - link.length - 1;
      const sentence = fitPieces(figurePieces(result), Math.max(0, room));
      return { name, value: sentence ? `${sentence}\n${link}` : link };
    }),
  });
  return { embed, fit };
}

/** Results as pages of blocks: an embed each, with paging and a context button per result. */
function resultPages(command: string, query: string, items: readonly Item[], view: View): DiscordMessage {
  const pages = pagesOf(blocksOf(items));
  const page = clampPage(view.page, pages.length);
  const blocks = pages[page] ?? [];
  const shown = blocks.reduce((n, b) => n + b.items.length, 0);
  const first = blocks[0]?.first ?? 0;
  // The query is echoed in the page's last footer: plain text there, so it can neither ping, link nor format.
  const echoOf = (b: Block) => (b === blocks[blocks.length - 1] ? ` · /${command} ${echoQuery(query)}` : '');
  const frames = blocks.filter((b) => b.group).map((b) => groupEmbed(b, items.length, echoOf(b)));
  const drafts = blocks
    .filter((b) => !b.group)
    .map((b) => {
      const { result, group } = b.items[0]!;
      const draft = resultEmbed(result);
      const label = [`${b.first + 1} of ${items.length}`, draft.embed.footer?.text ?? '', group ? groupLabel(group) : ''].filter(Boolean).join(' · ');
      return { ...draft, embed: { ...draft.embed, footer: { text: `${plainText(label, LIMITS.footer - MAX_ECHO - 20)}${echoOf(b)}` } } };
    });
  // What the 6,000 leave after every label (names, authors, titles, footers) is shared equally by
  // the results on the page: the groups' sentences take their share first, the other embeds the rest.
  const labels = frames.reduce((n, f) => n + embedLength(f.embed), 0) + drafts.reduce((n, d) => n + embedLength(d.embed), 0);
  const perResult = Math.max(0, Math.floor((LIMITS.embedTotal - labels) / Math.max(1, shown)));
  const groups = frames.map((f) => f.fit(perResult));
  const singles = finishEmbeds(drafts, groups.reduce((n, e) => n + embedLength(e), 0));
  let g = 0;
  let d = 0;
  const embeds = blocks.map((b) => (b.group ? groups[g++]! : singles[d++]!));
  return message({
    content: `**/${command}** · ${count(items.length, 'result')}${pageLabel(page, pages.length)}`,
    embeds,
    components: [pagingRow(view, page, pages.length), contextRow(view, first, shown)].filter((row): row is Row => row !== null),
  });
}

type Renderers = { [K in Answer['type']]: (answer: Extract<Answer, { type: K }>, view: View) => DiscordMessage };

const RENDERERS: Renderers = {
  results(answer, view) {
    return resultPages(answer.command, answer.query, itemsOf(answer), view);
  },

  figures(answer, view) {
    // Figures on one thing from several articles are one block, in date order, under a heading that
    // says whether they differ; the rest are an embed each.
    return resultPages(answer.command, answer.query, itemsOf(answer), view);
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

/** Who spoke a quotation, for its context: the speaker as author, and the "Named by" field. */
function speakerOf(result: QuotationResult): Pick<APIEmbed, 'author' | 'fields'> {
  const named = namedByField(result);
  return { author: speakerAuthor(result), ...(named ? { fields: [named] } : {}) };
}

/**
 * The sentences around one result, the result in bold, with a button back to its page and a link
 * that opens the article at the sentence. A quotation's context also names its speaker (as author)
 * and shows the words of the article that name them.
 */
export function renderContext(context: Context, result: Result, position: { index: number; total: number; command: string; page: number }, view: View): DiscordMessage {
  const { text, highlightStart, highlightEnd } = context;
  const pieces: Piece[] = [{ span: text.slice(0, highlightStart) }, { span: text.slice(highlightStart, highlightEnd), bold: true }, { span: text.slice(highlightEnd) }];
  const speaker = result.kind === 'quotation' ? speakerOf(result) : {};
  const draft: Draft = {
    embed: { ...speaker, ...citation(result), color: COLOURS.sentence, footer: { text: `${position.index + 1} of ${position.total} · the result in bold, with the sentences around it` } },
    pieces,
  };
  const link = linkToSentence(result.article.url, result.sentence);
  const components: APIButtonComponent[] = [];
  if (view.buttonId) components.push(button(view.buttonId({ type: 'page', page: position.page }), '◀ Back to the results'));
  if (link.length <= LIMITS.buttonUrl) components.push({ type: ComponentType.Button, style: ButtonStyle.Link, url: link, label: 'Open the article here' });
  return message({
    content: `**/${position.command}** · the sentences around result ${position.index + 1} of ${position.total}`,
    embeds: finishEmbeds([draft]),
    components: components.length > 0 ? [{ type: ComponentType.ActionRow, components }] : [],
  });
}
