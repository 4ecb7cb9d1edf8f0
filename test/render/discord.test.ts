import { describe, expect, it } from 'vitest';
import type { Answer, Result } from '../../src/commands/answer.ts';
import { escapeText, MAX_CONTENT, renderDiscord } from '../../src/render/discord.ts';

const article = { id: 'x-2024-01-01', title: null, outlet: 'Some Outlet', published: '2024-01-01', url: 'https://example.org/a' };

function result(text: string): Result {
  return { text, sentence: text, start: 0, end: text.length, article, speaker: 'A Person', kind: 'statement' };
}

describe('escapeText', () => {
  it('keeps markdown characters from formatting: **bold**, `code`, _under_ show as typed', () => {
    const escaped = escapeText('a **bold** `code` _under_ ~~strike~~ ||spoiler||');
    expect(escaped).not.toMatch(/(?<!\\)\*\*/);
    expect(escaped).not.toMatch(/(?<!\\)`/);
    expect(escaped.replace(/\\/g, '')).toBe('a **bold** `code` _under_ ~~strike~~ ||spoiler||');
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
});

describe('renderDiscord', () => {
  it('allows no mentions and answers publicly', () => {
    const answer: Answer = { type: 'results', command: 'quote', query: 'q', results: [result('We have said it.')] };
    const reply = renderDiscord(answer);
    expect(reply.allowedMentions).toEqual({ parse: [] });
    expect(reply.flags).toBeUndefined();
    expect(reply.content).toContain('We have said it.');
    expect(reply.content).toContain('(<https://example.org/a>)');
  });

  it('keeps a link whole when the article address holds ) or >', () => {
    const odd = { ...article, url: 'https://example.org/a_(b)>c' };
    const reply = renderDiscord({ type: 'results', command: 'quote', query: 'q', results: [{ ...result('Text.'), article: odd }] });
    expect(reply.content).toContain('(<https://example.org/a_%28b%29%3Ec>)');
  });

  it('shows an article’s standfirst and captions, labelled as what they are', () => {
    const summary = { article, sentences: 1, words: 3, quotations: 0, figures: 0 };
    const reply = renderDiscord({ type: 'article', command: 'source', summary, standfirst: 'The summary.', captions: ['A photo (AP)'], results: [result('First.')] });
    expect(reply.content).toMatch(/> The summary\.\n\*the outlet’s standfirst/);
    expect(reply.content).toMatch(/> A photo \(AP\)\n\*a photo caption\*/);
    expect(reply.content).toContain('> First.');
  });

  it('answers a problem privately', () => {
    const reply = renderDiscord({ type: 'problem', command: 'quote', query: 'zz', problem: { code: 'nothing-found', query: 'zz' } });
    expect(reply.flags).toBeDefined();
    expect(reply.content).toContain('Nothing in the corpus matches');
  });

  it('stays within 2,000 characters however many results, and says how many were left out', () => {
    const results = Array.from({ length: 60 }, (_, i) => result(`Sentence number ${i} `.repeat(8).trim()));
    const reply = renderDiscord({ type: 'results', command: 'quote', query: 'q', results });
    expect(reply.content.length).toBeLessThanOrEqual(MAX_CONTENT);
    expect(reply.content).toMatch(/and \d+ more/);
  });

  it('keeps a 6,000-character query echoed back within the limit and unable to ping', () => {
    const query = '@everyone '.repeat(600);
    const reply = renderDiscord({ type: 'problem', command: 'quote', query, problem: { code: 'nothing-found', query } });
    expect(reply.content.length).toBeLessThanOrEqual(MAX_CONTENT);
    expect(reply.content).not.toContain('@everyone');
  });

  it('cuts a single result longer than a message at a word, marked as cut, within the limit', () => {
    const long = 'word '.repeat(900).trim();
    const reply = renderDiscord({ type: 'results', command: 'quote', query: 'q', results: [result(long), result('short')] });
    expect(reply.content.length).toBeLessThanOrEqual(MAX_CONTENT);
    expect(reply.content).toMatch(/word \[…\]\n— \*\*A Person\*\*/);
    expect(reply.content).toContain('(<https://example.org/a>)');
    expect(reply.content).toMatch(/and 1 more result/);
  });
});
