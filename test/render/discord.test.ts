import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, ArticleSummary, FigureResult, QuotationResult, Result, SentenceResult } from '../../src/commands/answer.ts';
import { NAMED_BY } from '../../src/render/citation.ts';
import { echoQuery, escapeText, LIMITS, NAMED_BY_FIELD, renderContext, renderDiscord, RESULTS_PER_PAGE, type ButtonAction } from '../../src/render/discord.ts';
import { checkMessageLimits } from '../support/discord-emulator.ts';
import { shownText } from '../support/shown-text.ts';

const EPHEMERAL = 64;
const SUPPRESS_EMBEDS = 4;
const article = { id: 'x-2024-01-01', title: 'A headline', outlet: 'Some Outlet', published: '2024-01-01', url: 'https://example.org/a' };
const buttonId = (action: ButtonAction): string => (action.type === 'page' ? `page:${action.page}` : `context:${action.index}`);

/** A quotation result by 'A Person', its sentence being its words. */
function result(text: string, extra: Partial<QuotationResult> = {}): QuotationResult {
  return { kind: 'quotation', text, sentence: text, start: 0, end: text.length, article, speaker: 'A Person', quotationKind: 'statement', rule: 'before-verb/name', evidence: null, ...extra };
}

/** A sentence result, alone in its article. */
function sentenceResult(text: string): SentenceResult {
  return { kind: 'sentence', text, sentence: text, start: 0, end: text.length, article, before: null, after: null };
}

/** A figure result. */
function figureResult(text: string, extra: Partial<FigureResult> = {}): FigureResult {
  return { kind: 'figure', text, sentence: text, start: 0, end: text.length, article, value: 1, upper: null, qualifier: null, counted: 'troops', category: 'injured', rule: 'injured-verb', ...extra };
}

function results(command: string, list: Result[], query = 'q'): Answer {
  return { type: 'results', command, query, results: list };
}

describe('escapeText', () => {
  it('keeps markdown characters from formatting: **bold**, `code`, _under_ show as typed', () => {
    const escaped = escapeText('a **bold** `code` _under_ ~~strike~~ ||spoiler||');
    expect(escaped).not.toMatch(/(?<!\\)\*\*/);
    expect(escaped).not.toMatch(/(?<!\\)`/);
    expect(shownText(escaped)).toBe('a **bold** `code` _under_ ~~strike~~ ||spoiler||');
  });

  it('escapes a link and a subtext line once, so they show as typed', () => {
    expect(escapeText('x [link](https://e.com) y')).toBe('x \\[link\\](https://e.com) y');
    expect(escapeText('-# small')).toBe('\\-# small');
  });

  it('breaks mentions and strips control and direction-override characters', () => {
    const escaped = escapeText('@everyone <@123> \u202eevil\u0007');
    expect(escaped).not.toContain('@everyone');
    expect(escaped).not.toContain('<@123>');
    expect(escaped).not.toMatch(/[\u202e\u0007]/);
  });

  it('shows any printable text exactly as written once Discord removes the escapes', () => {
    const printable = fc.string({ unit: fc.constantFrom(...'ab *_~`|>#-@[]()\\:1.\n'.split(''), 'é', '“', '”') });
    fc.assert(fc.property(printable, (text) => shownText(escapeText(text)) === text), { numRuns: 500 });
  });
});

describe('renderDiscord: results as embeds', () => {
  it('shows a quotation as an embed: the words, the speaker as author, the citation linking to the sentence', () => {
    const reply = renderDiscord(results('quote', [result('We have said it - clearly, & firmly.', { speaker: 'Amir Saeid Iravani' })]));
    expect(reply.allowedMentions).toEqual({ parse: [] });
    expect(reply.flags).toBeUndefined();
    const [embed] = reply.embeds;
    expect(embed?.author?.name).toBe('Amir Saeid Iravani');
    expect(shownText(embed?.description ?? '')).toBe('We have said it - clearly, & firmly.');
    expect(embed?.title).toBe('Some Outlet, 2024-01-01, “A headline”');
    expect(embed?.url).toBe('https://example.org/a#:~:text=We%20have%20said%20it%20%2D%20clearly%2C%20%26%20firmly%2E');
  });

  it('says when the article does not name the speaker', () => {
    const reply = renderDiscord(results('quote', [result('Words.', { speaker: null })]));
    expect(reply.embeds[0]?.author?.name).toBe('Speaker not named in the article');
  });

  it('shows each result by its kind, whatever the command that gave it', () => {
    const reply = renderDiscord(results('quote', [figureResult('four others', { sentence: 'It wounded four others.' }), sentenceResult('A sentence.'), result('Words.')]));
    expect(reply.embeds.map((e) => e.footer?.text.split(' · ')[1])).toEqual(['figure', 'sentence', 'statement']);
    expect(reply.embeds[0]?.description).toBe('It wounded **four others**.');
  });

  it('shows a figure in bold within its sentence, with what it counts as author', () => {
    const sentence = 'The attack killed one and wounded four others.';
    const reply = renderDiscord(results('figures', [figureResult('four others', { sentence, category: 'injured' })]));
    expect(reply.embeds[0]?.description).toBe('The attack killed one and wounded **four others**.');
    expect(reply.embeds[0]?.author?.name).toBe('four others · injured');
  });

  it('pages results three at a time with previous and next buttons, numbering them across pages', () => {
    const answer = results('quote', Array.from({ length: 8 }, (_, i) => result(`Statement number ${i + 1}.`)));
    const second = renderDiscord(answer, { page: 1, buttonId });
    expect(second.embeds.map((e) => shownText(e.description ?? ''))).toEqual(['Statement number 4.', 'Statement number 5.', 'Statement number 6.']);
    expect(second.content).toBe('**/quote** · 8 results · page 2 of 3');
    expect(second.embeds[0]?.footer?.text).toBe('4 of 8 · statement');
    const [paging, context] = second.components;
    expect(paging?.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual(['page:0', 'page:2']);
    expect(context?.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual(['context:3', 'context:4', 'context:5']);
    const last = renderDiscord(answer, { page: 2, buttonId });
    expect(last.embeds).toHaveLength(2);
    expect(last.components[0]?.components.map((b) => b.disabled)).toEqual([false, true]);
    expect(checkMessageLimits(last)).toEqual([]);
  });

  it('shows the last page when asked for a page past the end, and no paging buttons for one page', () => {
    const answer = results('quote', [result('Only one.')]);
    const reply = renderDiscord(answer, { page: 9, buttonId });
    expect(shownText(reply.embeds[0]?.description ?? '')).toBe('Only one.');
    expect(reply.components).toHaveLength(1); // the context button alone
  });

  it('keeps three very long results within 6,000 characters, each cut at a word and marked', () => {
    const long = (n: number) => `Word${n} `.repeat(900).trim();
    const reply = renderDiscord(results('quote', [result(long(1)), result(long(2)), result(long(3))]), { page: 0, buttonId });
    expect(checkMessageLimits(reply)).toEqual([]);
    for (const embed of reply.embeds) {
      expect(embed.description).toMatch(/^Word\d( Word\d)* \[…\]$/u);
      expect(embed.description!.length).toBeLessThanOrEqual(LIMITS.description);
    }
  });

  it('keeps a query of 6,000 characters echoed in a footer plain, clipped and isolated from right-to-left text', () => {
    const query = `@everyone <@123> **x** \`y\` \u202e\u0007שלום https://example.org ${'z'.repeat(6000)}`;
    const reply = renderDiscord(results('quote', [result('Words.')], query));
    const footer = reply.embeds[0]?.footer?.text ?? '';
    expect(footer.length).toBeLessThanOrEqual(LIMITS.footer);
    expect(footer).toContain(echoQuery(query));
    expect(echoQuery(query)).toMatch(/^\u2068@everyone <@123> \*\*x\*\* `y` שלום https:\/\/example\.org z+…\u2069$/u);
    expect(checkMessageLimits(reply)).toEqual([]);
  });
});

describe('renderDiscord: other answers', () => {
  const summary = (i: number): ArticleSummary => ({ article: { ...article, id: `a-${i}`, url: `https://example.org/${i}_(b)>c` }, sentences: 1, words: 3, quotations: 0, figures: 0 });

  it('lists the articles ten to a page, their links kept whole when the address holds ) or >', () => {
    const answer: Answer = { type: 'articles', command: 'source', articles: Array.from({ length: 25 }, (_, i) => summary(i)) };
    const third = renderDiscord(answer, { page: 2, buttonId });
    expect(third.embeds[0]?.description?.split('\n')).toHaveLength(5);
    expect(third.embeds[0]?.description).toContain('(https://example.org/20_%28b%29%3Ec)');
    expect(third.embeds[0]?.footer?.text).toContain('page 3 of 3');
    expect(third.components[0]?.components).toHaveLength(2);
  });

  it('keeps a page of ten articles with long headlines and addresses within 4,096 characters, linking those whose address fits', () => {
    const words = (n: number): string => Array.from({ length: n }, (_, i) => `Headline${i}`).join(' ');
    const long = (i: number, url: string): ArticleSummary => ({ ...summary(i), article: { ...article, id: `an-outlet-with-a-long-name-2024-01-${i}`, title: words(40), url } });
    const linked = renderDiscord({ type: 'articles', command: 'source', articles: Array.from({ length: 10 }, (_, i) => long(i, `https://example.org/${'seg/'.repeat(45)}${i}`)) });
    expect(checkMessageLimits(linked)).toEqual([]);
    expect(linked.embeds[0]?.description?.split('\n').every((line) => /\]\(https:\/\/example\.org\/(seg\/)+\d\) · 3 words$/u.test(line))).toBe(true);
    const unlinked = renderDiscord({ type: 'articles', command: 'source', articles: Array.from({ length: 10 }, (_, i) => long(i, `https://example.org/${'path-segment/'.repeat(30)}${i}`)) });
    expect(checkMessageLimits(unlinked)).toEqual([]);
    expect(unlinked.embeds[0]?.description?.split('\n')[0]).toMatch(/^`an-outlet-with-a-long-name-2024-01-0` · Some Outlet, 2024-01-01, “Headline0 .+ · 3 words$/u);
  });

  it('keeps an article with a long opening, byline, standfirst and five long captions within 6,000 characters, sharing the room', () => {
    const long = (word: string): string => `${word} `.repeat(300).trim();
    const reply = renderDiscord({
      type: 'article',
      command: 'source',
      summary: summary(1),
      byline: long('byline'),
      standfirst: long('summary'),
      captions: Array.from({ length: 5 }, (_, i) => long(`caption${i}`)),
      results: [sentenceResult(long('opening'))],
    });
    expect(checkMessageLimits(reply)).toEqual([]);
    const [embed] = reply.embeds;
    expect(embed?.fields).toHaveLength(7);
    expect(embed?.description).toMatch(/^opening( opening)* \[…\]$/u);
    for (const field of embed?.fields ?? []) expect(field.value).toMatch(/^(\w+)( \1)* \[…\]$/u);
  });

  it('shows an article’s byline, standfirst and captions as fields labelled as what they are', () => {
    const reply = renderDiscord({ type: 'article', command: 'source', summary: summary(1), byline: 'Jane Doe', standfirst: 'The summary.', captions: ['A photo (AP)'], results: [sentenceResult('First.'), sentenceResult('Second.')] });
    expect(reply.embeds[0]?.fields).toEqual([
      { name: 'Byline', value: 'Jane Doe' },
      { name: 'Standfirst (the outlet’s summary, not article text)', value: 'The summary.' },
      { name: 'Photo caption', value: 'A photo (AP)' },
    ]);
    expect(reply.embeds[0]?.description).toBe('First.\nSecond.');
  });

  it('answers a problem privately, with link previews suppressed and the query unable to ping or format', () => {
    const query = '@everyone <@123> **bold** `code` https://example.org \u202eevil';
    const reply = renderDiscord({ type: 'problem', command: 'quote', query, problem: { code: 'nothing-found', query } });
    expect(reply.flags).toBe(EPHEMERAL | SUPPRESS_EMBEDS);
    expect(reply.content).toContain('Nothing in the corpus matches');
    expect(reply.content).not.toContain('@everyone');
    expect(reply.content).not.toContain('<@123>');
    expect(reply.content).not.toContain('\u202e');
    expect(shownText(reply.content ?? '')).toContain(`\u2068${query.replace('\u202e', '')}\u2069`);
  });

  it('keeps a 6,000-character query echoed in a problem within the limit', () => {
    const query = '@everyone '.repeat(600);
    const reply = renderDiscord({ type: 'problem', command: 'quote', query, problem: { code: 'nothing-found', query } });
    expect(reply.content!.length).toBeLessThanOrEqual(200);
    expect(reply.content).not.toContain('@everyone');
  });

  it('answers /help privately', () => {
    const reply = renderDiscord({ type: 'help', command: 'help', entries: [{ usage: '/quote', description: 'd', example: '/quote Iravani' }] });
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  });
});

describe('renderContext', () => {
  it('shows the result in bold among its sentences, a button back to its page and a link to the sentence', () => {
    const body = 'One before. The quoted words here. One after.';
    const res = result('quoted words', { sentence: 'The quoted words here.', start: 16, end: 28 });
    const reply = renderContext({ article, text: body, start: 0, end: body.length, highlightStart: 16, highlightEnd: 28 }, res, { index: 4, total: 8, command: 'quote', page: 1 }, { page: 0, buttonId });
    expect(reply.embeds[0]?.description).toBe('One before. The **quoted words** here. One after.');
    const [back, link] = reply.components[0]?.components ?? [];
    expect(back && 'custom_id' in back && back.custom_id).toBe('page:1');
    expect(link && 'url' in link && link.url).toBe('https://example.org/a#:~:text=The%20quoted%20words%20here%2E');
  });

  const body = '“We deny it,” the Iranian envoy added. He left.';
  const contextOf = { article, text: body, start: 0, end: body.length, highlightStart: 1, highlightEnd: 11 };
  const position = { index: 0, total: 1, command: 'quote', page: 0 };
  const said = (extra: Partial<QuotationResult>): QuotationResult => result('We deny it', { sentence: '“We deny it,” the Iranian envoy added.', start: 1, end: 11, ...extra });

  it('names the speaker as author and shows the words of the article that name them: Named by “the Iranian envoy added”', () => {
    const reply = renderContext(contextOf, said({ speaker: 'Majid Takht-Ravanchi', evidence: { text: 'the Iranian envoy added', start: 14, end: 37 } }), position, { page: 0, buttonId });
    const [embed] = reply.embeds;
    expect(embed?.author?.name).toBe('Majid Takht-Ravanchi');
    expect(embed?.fields).toEqual([{ name: NAMED_BY_FIELD, value: '“the Iranian envoy added”' }]);
    expect(NAMED_BY_FIELD).toBe('Named by');
    expect(checkMessageLimits(reply)).toEqual([]);
  });

  it('says, with a fixed label, that the article does not say who spoke when the speaker is null', () => {
    const reply = renderContext(contextOf, said({ speaker: null, rule: 'no-attribution', evidence: null }), position, { page: 0 });
    expect(reply.embeds[0]?.author?.name).toBe('Speaker not named in the article');
    expect(reply.embeds[0]?.fields).toEqual([{ name: NAMED_BY_FIELD, value: NAMED_BY.none }]);
  });

  it('shows no named-by field for a speaker found without words to show, nor for a figure or a sentence', () => {
    expect(renderContext(contextOf, said({ rule: 'before-verb/name', evidence: null }), position, { page: 0 }).embeds[0]?.fields).toBeUndefined();
    const figure = renderContext(contextOf, figureResult('deny it', { start: 4, end: 11 }), { ...position, command: 'figures' }, { page: 0 }).embeds[0];
    expect(figure?.fields).toBeUndefined();
    expect(figure?.author).toBeUndefined();
    expect(renderContext(contextOf, sentenceResult('He left.'), { ...position, command: 'source' }, { page: 0 }).embeds[0]?.fields).toBeUndefined();
  });

  it('escapes the evidence and cuts a very long one at a word to fit a field, within every limit', () => {
    const words = `**said** \`x\` @everyone ${'word '.repeat(400)}`.trim();
    const long = `${words} ${'z'.repeat(4000)}`;
    const reply = renderContext({ ...contextOf, text: long, end: long.length }, said({ evidence: { text: long, start: 0, end: long.length } }), position, { page: 0 });
    const value = reply.embeds[0]?.fields?.[0]?.value ?? '';
    expect(value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(value).toMatch(/^“.* \[…\]$/su);
    expect(value).not.toContain('@everyone');
    expect(long.startsWith(shownText(value.slice(1, -' […]'.length)))).toBe(true);
    expect(checkMessageLimits(reply)).toEqual([]);
  });
});

describe('renderDiscord: figures on one thing from several articles', () => {
  const other = { ...article, id: 'y-2024-02-01', outlet: 'Other Outlet', published: '2024-02-01', url: 'https://example.org/b' };
  const figure = (text: string, value: number, art = article): FigureResult => figureResult(text, { sentence: `Officials said ${text} were hurt.`, article: art, value });
  const groupOf = (list: FigureResult[], differ = true) => ({ category: 'injured' as const, counted: 'troops', articles: 2, differ, results: list });

  it('shows a group as one block: its heading, then each figure verbatim in its sentence with its own citation, red when they differ', () => {
    const answer: Answer = { type: 'figures', command: 'figures', query: 'casualties', groups: [groupOf([figure('46 US troops', 46), figure('56 troops', 56, other)])] };
    const reply = renderDiscord(answer, { page: 0, buttonId });
    expect(reply.embeds).toHaveLength(1);
    const [embed] = reply.embeds;
    expect(embed?.author?.name).toBe('injured: troops · 2 figures from 2 articles, which differ');
    expect(embed?.color).toBe(0xe74c3c);
    expect(embed?.fields?.map((f) => f.name)).toEqual(['46 US troops · injured', '56 troops · injured']);
    expect(embed?.fields?.map((f) => shownText(f.value.split('\n')[0]!))).toEqual(['Officials said 46 US troops were hurt.', 'Officials said 56 troops were hurt.']);
    expect(embed?.fields?.[1]?.value.split('\n')[1]).toMatch(/^\[Other Outlet, 2024-02-01, “A headline”\]\(https:\/\/example\.org\/b#:~:text=/u);
    // One context button per figure, numbered as the figures are.
    expect(reply.components.at(-1)?.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual(['context:0', 'context:1']);
  });

  it('splits a large group into blocks of five and keeps every page within the limits', () => {
    const many = Array.from({ length: 12 }, (_, i) => figure(`${i + 10} troops ${'word '.repeat(150)}`, i + 10, i % 2 ? other : article));
    const answer: Answer = { type: 'figures', command: 'figures', query: 'casualties', groups: [groupOf(many)] };
    const first = renderDiscord(answer, { page: 0, buttonId });
    expect(first.content).toContain('page 1 of 3');
    expect(first.embeds[0]?.fields).toHaveLength(5);
    for (let page = 0; page < 3; page++) expect(checkMessageLimits(renderDiscord(answer, { page, buttonId }))).toEqual([]);
  });
});
