import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, ArticleSummary, FigureResult, QuotationResult, Result, SentenceResult } from '../../src/commands/answer.ts';
import { NAMED_BY } from '../../src/render/citation.ts';
import { echoQuery, enforceLimits, escapeText, LIMITS, NAMED_BY_FIELD, renderContext, renderDiscord, RESULTS_PER_PAGE, type ButtonAction, type DiscordMessage } from '../../src/render/discord.ts';
import { checkMessageLimits } from '../support/discord-emulator.ts';
import { shownText } from '../support/shown-text.ts';

const EPHEMERAL = 64;
const SUPPRESS_EMBEDS = 4;
const article = { id: 'x-2024-01-01', title: 'A headline', outlet: 'Some Outlet', published: '2024-01-01', url: 'https://example.org/a' };
const buttonId = (action: ButtonAction): string => (action.type === 'context' ? 'context' : `${action.type}:${action.page}`);

/** A quotation result by 'A Person', its sentence being its words. */
function result(text: string, extra: Partial<QuotationResult> = {}): QuotationResult {
  return { kind: 'quotation', text, sentence: text, start: 0, end: text.length, article, speaker: 'A Person', quotationKind: 'statement', rule: 'before-verb/name', evidence: null, ...extra };
}

/** A sentence result, alone in its article. */
function sentenceResult(text: string): SentenceResult {
  return { kind: 'sentence', text, sentence: text, start: 0, end: text.length, article, before: null, after: null, beforeCut: false, paragraphBefore: false, paragraphAfter: false };
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

/** The custom ids of a message's components, row by row. */
function idsOf(message: DiscordMessage): string[][] {
  return message.components.map((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
}

/** The options of the message's context menu. */
function optionsOf(message: DiscordMessage): { label: string; value: string; description?: string }[] {
  const select = message.components.flatMap((row) => row.components).find((c) => c.type === 3);
  return select && 'options' in select ? select.options : [];
}

describe('renderDiscord: results as cards', () => {
  it('shows a speaker’s quotations from one article as one card: the speaker once, the citation once with the date first, each quotation numbered and linking to its sentence', () => {
    const reply = renderDiscord(results('quote', [result('We have said it - clearly, & firmly.', { speaker: 'Amir Saeid Iravani' }), result('Second words.', { speaker: 'Amir Saeid Iravani', start: 40, end: 53 })]));
    expect(reply.allowedMentions).toEqual({ parse: [] });
    expect(reply.flags).toBeUndefined();
    expect(reply.embeds).toHaveLength(1);
    const [embed] = reply.embeds;
    expect(embed?.author?.name).toBe('Amir Saeid Iravani');
    expect(embed?.title).toBe('1 Jan 2024 · Some Outlet · A headline');
    expect(embed?.url).toBe('https://example.org/a');
    const lines = embed?.description?.split('\n') ?? [];
    expect(lines[0]).toBe('[**1**](https://example.org/a#:~:text=We%20have%20said%20it%20%2D%20clearly%2C%20%26%20firmly%2E) “We have said it - clearly, & firmly.”');
    expect(lines[1]).toBe('[**2**](https://example.org/a#:~:text=Second%20words%2E) “Second words.”');
  });

  it('starts a statement that begins mid-sentence with …, shows a phrase in bold inside its sentence, and labels reported speech in the author line', () => {
    const reply = renderDiscord(
      results('quote', [
        result('an occupying entity is not entitled', { speaker: 'A Person' }),
        result('baseless claims', { quotationKind: 'phrase', sentence: 'He rejected the “baseless claims” of the US.', speaker: 'A Person' }),
        result('Singh said the strikes were lawful.', { quotationKind: 'reported', speaker: 'Sabrina Singh' }),
      ]),
    );
    expect(reply.embeds).toHaveLength(2);
    const [quoted, reported] = reply.embeds;
    expect(quoted?.description?.split('\n').map((l) => l.replace(/^\[\*\*\d\*\*\]\([^)]*\) /u, ''))).toEqual(['“…an occupying entity is not entitled”', 'He rejected the “**baseless claims**” of the US.']);
    expect(reported?.author?.name).toBe('Sabrina Singh — reported, not quoted');
    expect(reported?.description).toMatch(/\) Singh said the strikes were lawful\.$/u);
  });

  it('names the speaker once: a card going on with the speaker of the card above, from another article, leaves the name out', () => {
    const other = { ...article, id: 'y', url: 'https://example.org/y' };
    const reply = renderDiscord(results('quote', [result('One.'), result('Two.', { article: other }), result('Three.', { article: other, speaker: 'Someone Else' })]));
    expect(reply.embeds.map((e) => e.author?.name)).toEqual(['A Person', undefined, 'Someone Else']);
  });

  it('says when the article does not name the speaker', () => {
    const reply = renderDiscord(results('quote', [result('Words.', { speaker: null })]));
    expect(reply.embeds[0]?.author?.name).toBe('Speaker not named in the article');
  });

  it('shows each result by its kind, whatever the command that gave it: a figure after what it counts, in bold in its sentence', () => {
    const reply = renderDiscord(results('quote', [figureResult('four others', { sentence: 'It wounded four others.', counted: 'others' }), sentenceResult('A sentence.'), result('Words.')]));
    expect(reply.embeds).toHaveLength(3);
    expect(reply.embeds[0]?.description).toBe('[**1** · people injured](https://example.org/a#:~:text=It%20wounded%20four%20others%2E) It wounded **four others**.');
    expect(reply.embeds[1]?.description).toBe('[**2**](https://example.org/a#:~:text=A%20sentence%2E) **A sentence.**');
    expect(reply.embeds[2]?.author?.name).toBe('A Person');
  });

  it('shows a matching sentence between its neighbours, a paragraph break as one, and a neighbour that opens inside a quotation after …', () => {
    const reply = renderDiscord(results('source', [{ ...sentenceResult('The match.'), before: 'the end of a quotation.”', beforeCut: true, paragraphBefore: false, after: 'Next paragraph.', paragraphAfter: true }]));
    expect(reply.embeds[0]?.description).toBe('[**1**](https://example.org/a#:~:text=The%20match%2E) …the end of a quotation.”\n**The match.**\n\nNext paragraph.');
  });

  it('pages results five at a time, with a context menu of the page’s results and a page indicator between previous and next', () => {
    const answer = results('quote', Array.from({ length: 12 }, (_, i) => result(`Statement number ${i + 1}.`, { start: i * 100, end: i * 100 + 20 })));
    expect(RESULTS_PER_PAGE).toBe(5);
    const second = renderDiscord(answer, { page: 1, buttonId });
    expect(second.embeds).toHaveLength(1);
    expect(second.embeds[0]?.description?.split('\n').map((l) => shownText(l.replace(/^\[[^\]]*\]\([^)]*\) /u, '')))).toEqual(['“Statement number 6.”', '“Statement number 7.”', '“Statement number 8.”', '“Statement number 9.”', '“Statement number 10.”']);
    expect(second.content).toBe('**\u2068q\u2069** · 12 quotations in 1 article, 1 Jan 2024');
    const [menu, paging] = second.components;
    expect(idsOf(second)).toEqual([['context'], ['page:0', 'here:1', 'page:2']]);
    expect(paging?.components.map((c) => ('label' in c ? c.label : ''))).toEqual(['◀ Previous', '2 / 3', 'Next ▶']);
    expect(paging?.components.map((c) => ('disabled' in c ? c.disabled : ''))).toEqual([false, true, false]);
    expect(menu?.components[0]).toMatchObject({ type: 3, placeholder: 'Show context for…' });
    expect(optionsOf(second).map((o) => o.label)).toEqual(['6 · Statement number 6.', '7 · Statement number 7.', '8 · Statement number 8.', '9 · Statement number 9.', '10 · Statement number 10.']);
    expect(optionsOf(second)[0]?.value).toMatch(/^q\.500\.520\.[\w-]{8}\.x-2024-01-01$/u);
    const last = renderDiscord(answer, { page: 2, buttonId });
    expect(last.embeds[0]?.description?.split('\n')).toHaveLength(2);
    expect(last.components[1]?.components.map((b) => ('disabled' in b ? b.disabled : ''))).toEqual([false, true, true]);
    expect(checkMessageLimits(last)).toEqual([]);
  });

  it('shows the last page when asked for a page past the end, and no paging buttons for one page', () => {
    const answer = results('quote', [result('Only one.')]);
    const reply = renderDiscord(answer, { page: 9, buttonId });
    expect(shownText(reply.embeds[0]?.description ?? '')).toMatch(/“Only one\.”$/u);
    expect(idsOf(reply)).toEqual([['context']]); // the context menu alone
  });

  it('keeps five very long results within 6,000 characters, each cut at a word and marked', () => {
    const long = (n: number) => `Word${n} `.repeat(900).trim();
    const reply = renderDiscord(results('quote', [1, 2, 3, 4, 5].map((n) => result(long(n), { start: n, end: n + 1 }))), { page: 0, buttonId });
    expect(checkMessageLimits(reply)).toEqual([]);
    const lines = reply.embeds[0]?.description?.split('\n') ?? [];
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line).toMatch(/^\[\*\*\d\*\*\]\([^)]*\) “Word\d( Word\d)* \[…\]$/u);
  });

  it('heads the answer with what was matched: the speaker, how many quotations in how many articles and when, and the correction of the name', () => {
    const other = { ...article, id: 'y', published: '2023-11-08', url: 'https://example.org/y' };
    const answer: Answer = { type: 'results', command: 'quote', query: 'Irvani', results: [result('One.'), result('Two.', { article: other })], speaker: { name: 'Amir Saeid Iravani', corrected: true } };
    expect(renderDiscord(answer).content).toBe('**\u2068Amir Saeid Iravani\u2069** · 2 quotations in 2 articles, 8 Nov 2023 – 1 Jan 2024 (matched “\u2068Irvani\u2069”)');
  });

  it('keeps a hostile query of 6,000 characters in the heading plain, clipped and isolated from right-to-left text', () => {
    const query = `@everyone <@123> **x** \`y\` \u202e\u0007שלום https://example.org ${'z'.repeat(6000)}`;
    const reply = renderDiscord(results('quote', [result('Words.')], query));
    const content = reply.content ?? '';
    expect(content.length).toBeLessThan(400);
    expect(content).not.toContain('@everyone');
    expect(content).not.toMatch(/[\u202e\u0007]/u);
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
    expect(third.components[0]?.components.map((c) => ('label' in c ? c.label : ''))).toEqual(['◀ Previous', '3 / 3', 'Next ▶']);
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
  it('shows the result in bold among its sentences, privately, with a link that opens the article at the sentence', () => {
    const body = 'One before. The quoted words here. One after.';
    const res = result('quoted words', { sentence: 'The quoted words here.', start: 16, end: 28 });
    const reply = renderContext({ article, text: body, start: 0, end: body.length, highlightStart: 16, highlightEnd: 28 }, res);
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.embeds[0]?.description).toBe('One before. The **quoted words** here. One after.');
    const [link] = reply.components[0]?.components ?? [];
    expect(link && 'url' in link && link.url).toBe('https://example.org/a#:~:text=The%20quoted%20words%20here%2E');
  });

  const body = '“We deny it,” the Iranian envoy added. He left.';
  const contextOf = { article, text: body, start: 0, end: body.length, highlightStart: 1, highlightEnd: 11 };
  const said = (extra: Partial<QuotationResult>): QuotationResult => result('We deny it', { sentence: '“We deny it,” the Iranian envoy added.', start: 1, end: 11, ...extra });

  it('names the speaker as author and shows the words of the article that name them: Named by “the Iranian envoy added”', () => {
    const reply = renderContext(contextOf, said({ speaker: 'Majid Takht-Ravanchi', evidence: { text: 'the Iranian envoy added', start: 14, end: 37 } }));
    const [embed] = reply.embeds;
    expect(embed?.author?.name).toBe('Majid Takht-Ravanchi');
    expect(embed?.fields).toEqual([{ name: NAMED_BY_FIELD, value: '“the Iranian envoy added”' }]);
    expect(NAMED_BY_FIELD).toBe('Named by');
    expect(checkMessageLimits(reply)).toEqual([]);
  });

  it('says, with a fixed label, that the article does not say who spoke when the speaker is null', () => {
    const reply = renderContext(contextOf, said({ speaker: null, rule: 'no-attribution', evidence: null }));
    expect(reply.embeds[0]?.author?.name).toBe('Speaker not named in the article');
    expect(reply.embeds[0]?.fields).toEqual([{ name: NAMED_BY_FIELD, value: NAMED_BY.none }]);
  });

  it('shows no named-by field for a speaker found without words to show, nor for a figure or a sentence', () => {
    expect(renderContext(contextOf, said({ rule: 'before-verb/name', evidence: null })).embeds[0]?.fields).toBeUndefined();
    const figure = renderContext(contextOf, figureResult('deny it', { start: 4, end: 11 })).embeds[0];
    expect(figure?.fields).toBeUndefined();
    expect(figure?.author).toBeUndefined();
    expect(renderContext(contextOf, sentenceResult('He left.')).embeds[0]?.fields).toBeUndefined();
  });

  it('escapes the evidence and cuts a very long one at a word to fit a field, within every limit', () => {
    const words = `**said** \`x\` @everyone ${'word '.repeat(400)}`.trim();
    const long = `${words} ${'z'.repeat(4000)}`;
    const reply = renderContext({ ...contextOf, text: long, end: long.length }, said({ evidence: { text: long, start: 0, end: long.length } }));
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
  const same = { ...article, id: 'z-2024-01-01', outlet: 'Third Outlet', url: 'https://example.org/c' };
  const figure = (text: string, value: number, art = article): FigureResult => figureResult(text, { sentence: `Officials said ${text} were hurt.`, article: art, value });
  const groupOf = (list: FigureResult[], differ = false, dates = 2) => ({ category: 'injured' as const, counted: 'troops', articles: 2, dates, differ, results: list });

  it('shows figures of different dates as a timeline in a neutral colour: what is counted, the numbers by date, each figure labelled date · outlet with its sentence and a short link, and the chart', () => {
    const answer: Answer = { type: 'figures', command: 'figures', query: 'casualties', groups: [groupOf([figure('46 US troops', 46), figure('56 troops', 56, other)])] };
    const reply = renderDiscord(answer, { page: 0, buttonId });
    expect(reply.embeds).toHaveLength(1);
    const [embed] = reply.embeds;
    expect(embed?.author?.name).toBe('troops injured');
    expect(embed?.description).toBe('**46 (1 Jan 2024) → 56 (1 Feb 2024)**');
    expect(embed?.color).toBe(0x99aab5);
    expect(embed?.footer?.text).toBe('the count as reported over time, oldest first');
    expect(embed?.fields?.map((f) => f.name)).toEqual(['1 · 1 Jan 2024 · Some Outlet', '2 · 1 Feb 2024 · Other Outlet']);
    expect(embed?.fields?.map((f) => f.value.split('\n')[0])).toEqual(['Officials said **46 US troops** were hurt.', 'Officials said **56 troops** were hurt.']);
    expect(embed?.fields?.[1]?.value.split('\n')[1]).toMatch(/^\[source\]\(https:\/\/example\.org\/b#:~:text=/u);
    expect(embed?.image?.url).toBe('attachment://figures-1.png');
    expect(reply.charts?.map((c) => c.name)).toEqual(['figures-1.png']);
    expect(optionsOf(reply).map((o) => o.label)).toEqual(['1 · 46 US troops (1 Jan 2024)', '2 · 56 troops (1 Feb 2024)']);
  });

  it('shows red only different figures of the same date, and draws no chart for one date', () => {
    const answer: Answer = { type: 'figures', command: 'figures', query: 'casualties', groups: [groupOf([figure('46 US troops', 46), figure('50 troops', 50, same)], true, 1)] };
    const reply = renderDiscord(answer, { page: 0, buttonId });
    expect(reply.embeds[0]?.color).toBe(0xe74c3c);
    expect(reply.embeds[0]?.description).toBe('**46 (1 Jan 2024) / 50 (1 Jan 2024)**');
    expect(reply.embeds[0]?.footer?.text).toBe('reports of the same date give different figures');
    expect(reply.embeds[0]?.image).toBeUndefined();
    expect(reply.charts).toBeUndefined();
  });

  it('splits a large group into blocks of five, draws its chart once, and keeps every page within the limits', () => {
    const many = Array.from({ length: 12 }, (_, i) => figure(`${i + 10} troops ${'word '.repeat(150)}`, i + 10, i % 2 ? other : article));
    const answer: Answer = { type: 'figures', command: 'figures', query: 'casualties', groups: [groupOf(many)] };
    const first = renderDiscord(answer, { page: 0, buttonId });
    expect(first.components[1]?.components.map((c) => ('label' in c ? c.label : ''))).toContain('1 / 3');
    expect(first.embeds[0]?.fields).toHaveLength(5);
    expect(first.charts).toHaveLength(1);
    expect(renderDiscord(answer, { page: 1, buttonId }).charts).toBeUndefined();
    for (let page = 0; page < 3; page++) expect(checkMessageLimits(renderDiscord(answer, { page, buttonId }))).toEqual([]);
  });
});

describe('enforceLimits', () => {
  it('brings any message within every Discord limit: texts, the 6,000 in all, addresses, menu options and custom ids', () => {
    const long = (n: number): string => 'x'.repeat(n);
    const over: DiscordMessage = {
      content: long(3000),
      embeds: Array.from({ length: 12 }, () => ({
        title: long(300),
        url: `https://example.org/${long(3000)}`,
        author: { name: long(300) },
        description: `\\*${long(5000)}`,
        fields: Array.from({ length: 30 }, () => ({ name: long(300), value: long(2000) })),
        footer: { text: long(3000) },
        image: { url: `https://example.org/${long(3000)}` },
      })),
      components: [
        { type: 1, components: [{ type: 3, custom_id: 'menu', placeholder: long(200), options: Array.from({ length: 30 }, (_, i) => ({ label: `${i}${long(150)}`, value: `${i}`, description: long(150) })) }] },
        { type: 1, components: [{ type: 2, style: 2, custom_id: long(101), label: 'Too long an id' }, { type: 2, style: 2, custom_id: 'ok', label: long(100) }, { type: 2, style: 5, url: `https://example.org/${long(600)}`, label: 'Too long a link' }] },
      ],
      allowedMentions: { parse: [] },
    };
    const fitted = enforceLimits(over);
    expect(checkMessageLimits(fitted)).toEqual([]);
    expect(fitted.embeds).toHaveLength(10);
    expect(fitted.embeds[0]?.url).toBeUndefined();
    expect(fitted.components[1]?.components.map((c) => ('custom_id' in c ? c.custom_id : ''))).toEqual(['ok']);
    // A cut never leaves an escape's backslash alone at the end, where it would escape the mark.
    for (const embed of fitted.embeds) expect(embed.description ?? '').not.toMatch(/(?<!\\)\\…$/u);
  });
});
