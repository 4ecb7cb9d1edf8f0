import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/analysis/text/sentences.ts';

describe('splitSentences', () => {
  it('keeps "Gen. Qassem Soleimani" inside one sentence', () => {
    const body = 'The drone strike killed top Iranian commander, Gen. Qassem Soleimani. Tensions rose.';
    expect(splitSentences(body).map((s) => s.text)).toEqual([
      'The drone strike killed top Iranian commander, Gen. Qassem Soleimani.',
      'Tensions rose.',
    ]);
  });

  it('leaves a wire dateline such as "TEHRAN, Mar. 25 (MNA) –" out of the sentence it opens, without splitting at "Mar."', () => {
    const body = 'TEHRAN, Mar. 25 (MNA) – An Iranian security official has reacted to the claims. He spoke later.';
    expect(splitSentences(body).map((s) => s.text)).toEqual(['An Iranian security official has reacted to the claims.', 'He spoke later.']);
    for (const dateline of ['MANILA (GWS) - ', 'UNITED NATIONS (CPA) — ', 'BISHKEK, April 17 (EWA) – ', 'Nairobi (ACP) – ']) {
      expect(splitSentences(`${dateline}Typhoon Dalisay killed 58 people.`)[0]!.text).toBe('Typhoon Dalisay killed 58 people.');
    }
    // A sentence that merely opens with capitals is not a dateline.
    expect(splitSentences('NATO - the alliance - met. Then.')[0]!.text).toBe('NATO - the alliance - met.');
  });

  it('does not end a sentence at "U.S." followed by a noun', () => {
    const body = 'The U.S. State Department said nothing. Officials declined to comment.';
    expect(splitSentences(body)).toHaveLength(2);
    expect(splitSentences(body)[0]!.text).toBe('The U.S. State Department said nothing.');
  });

  it('splits after an ellipsis that ends a sentence inside a quotation, but not at a mid-sentence one', () => {
    const body = 'He said, "...the actions are illegal and violate the UN Charter.... Consequently, the letter ... lacks a legal foundation."';
    const texts = splitSentences(body).map((s) => s.text);
    expect(texts).toEqual(['He said, "...the actions are illegal and violate the UN Charter....', 'Consequently, the letter ... lacks a legal foundation."']);
  });

  it('ends a sentence at a closing quotation mark followed by its attribution in the next sentence', () => {
    const body = '"Therefore, we deny any claim in Iraq. Such allegations are totally baseless, invalid, and false," the Iranian envoy added.';
    expect(splitSentences(body).map((s) => s.text)).toEqual([
      '"Therefore, we deny any claim in Iraq.',
      'Such allegations are totally baseless, invalid, and false," the Iranian envoy added.',
    ]);
  });

  it('gives offsets such that body.slice(start, end) is the sentence, with non-breaking spaces kept', () => {
    const body = 'First paragraph here.\n\nThe attack\u00a0killed\u00a0one and wounded four others. Observers compared it.\n\nLast one';
    const sentences = splitSentences(body);
    for (const s of sentences) expect(body.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2]);
    expect(sentences[1]!.text).toBe('The attack\u00a0killed\u00a0one and wounded four others.');
  });

  it('treats each paragraph end as a sentence end, even without a full stop', () => {
    const body = 'Calling on Washington to withdraw its troops\n\nReferring to US presence, he spoke.';
    expect(splitSentences(body).map((s) => s.text)).toEqual(['Calling on Washington to withdraw its troops', 'Referring to US presence, he spoke.']);
  });
});

describe('splitSentences on long text', () => {
  it('splits a 40 KB paragraph, segmented in pieces, into the sentences of the same text broken into paragraphs', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const dir = 'test/fixtures/eval/articles';
    const paragraphs: string[] = [];
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort()) {
      const text = await readFile(`${dir}/${name}`, 'utf8');
      paragraphs.push(...text.slice(text.indexOf('\n---\n') + 5).trim().split(/\n\n+/u).filter((p) => /[.!?]["”’]?$/u.test(p)));
    }
    const chosen = paragraphs.slice(0, 400);
    const oneLine = chosen.join(' ');
    expect(oneLine.length).toBeGreaterThan(40_000);
    expect(splitSentences(oneLine).map((s) => s.text)).toEqual(splitSentences(chosen.join('\n\n')).map((s) => s.text));
  });

  it('cuts a 20,000-character run with no full stop at spaces, never within a word, losing nothing', () => {
    const words = Array.from({ length: 3_000 }, (_, i) => `word${i}`).join(' ');
    const sentences = splitSentences(words);
    expect(sentences.length).toBeGreaterThan(1);
    expect(sentences.map((s) => s.text).join(' ')).toBe(words);
    for (const s of sentences) expect(s.text).toMatch(/^word\d+(?: word\d+)*$/u);
  });
});
