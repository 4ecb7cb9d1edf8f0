/** Words as numbers: a query word matches one range of a sorted vocabulary, by the same rule as the text search. */
import { describe, expect, it } from 'vitest';
import { MIN_PREFIX_LENGTH, queryTerms } from '../../src/index/search.ts';
import { holds, Vocabulary, VocabularyBuilder } from '../../src/index/vocabulary.ts';

const texts = ['Iravani said the attacks were baseless.', 'Attackers struck Ain al-Asad; the US said so.', 'Iran’s mission attacked the claims.'];

/** The words of the vocabulary a query word matches, by the rule `SEARCH_OPTIONS` states. */
function matching(vocabulary: Vocabulary, word: string): string[] {
  const [from, to] = vocabulary.range(word);
  return vocabulary.terms.slice(from, to) as string[];
}

describe('the vocabulary', () => {
  const builder = new VocabularyBuilder();
  const group = builder.group();
  for (const text of texts) builder.add(group, text);
  const finishing = builder.finish();
  let step = finishing.next();
  while (!step.done) step = finishing.next();
  const { vocabulary, groups } = step.value;
  const [lists] = groups;

  it('holds every word of the texts once, sorted', () => {
    const words = [...new Set(texts.flatMap(queryTerms))].sort();
    expect(vocabulary.terms).toEqual(words);
    expect(vocabulary.has('iravani')).toBe(true);
    expect(vocabulary.has('guterres')).toBe(false);
  });

  it('matches a short word whole and a longer one as the start of words', () => {
    expect('us'.length).toBeLessThan(MIN_PREFIX_LENGTH);
    expect(matching(vocabulary, 'us')).toEqual(['us']);
    expect(matching(vocabulary, 'ira')).toEqual([]);
    expect(matching(vocabulary, 'attack')).toEqual(['attack', 'attacked', 'attackers', 'attacks'].filter((w) => vocabulary.has(w)));
    expect(matching(vocabulary, 'attacks')).toEqual(['attacks']);
    expect(matching(vocabulary, 'zzzz')).toEqual([]);
  });

  it('gives each text the ids of its own words, once each, so that a range check finds exactly the texts holding a word', () => {
    for (const [i, text] of texts.entries()) {
      const ids = [...lists!.ids.subarray(lists!.from[i], lists!.from[i + 1])];
      expect(ids.map((id) => vocabulary.terms[id])).toEqual([...new Set(queryTerms(text))]);
    }
    const holding = (word: string) => texts.filter((_, i) => holds(lists!, i, vocabulary.range(word)));
    expect(holding('attack')).toEqual(texts);
    expect(holding('said')).toEqual(texts.slice(0, 2));
    expect(holding('iran')).toEqual([texts[2]]);
    expect(holding('absent')).toEqual([]);
  });
});
