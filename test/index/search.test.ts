/** The capped text index: a common word's postings stop at the cap, and no match that its text holds is lost. */
import { describe, expect, it } from 'vitest';
import { queryTerms, TextIndex } from '../../src/index/search.ts';

const documents = ['alpha beta', 'alpha', 'beta alpha', 'gamma alpha beta'];
const holdsWord = (id: number, word: string): boolean => queryTerms(documents[id]!).includes(word);

describe('a text index with common words capped', () => {
  const index = new TextIndex({ fields: ['text'], cap: 2 });
  index.addAll(documents.map((text, id) => ({ id, text })));

  it('finds a document past the cap through a rarer word, checking the capped word in the document', () => {
    // alpha is posted for documents 0 and 1 only; gamma finds 3, which holds alpha too.
    expect(index.search('gamma alpha', { holds: holdsWord }).map((h) => h.id)).toEqual([3]);
  });

  it('looks further when the documents the capped postings share are all turned down', () => {
    // alpha and beta are both posted for document 0 alone. Turned down (as an article none of whose
    // sentences holds both words), beta's postings are read instead, and document 2 holds alpha.
    const hits = index.search('alpha beta', { holds: holdsWord, matches: (id) => id !== 0 });
    expect(hits.map((h) => h.id)).toEqual([2]);
    expect(index.search('alpha beta', { holds: holdsWord }).map((h) => h.id)).toEqual([0]);
  });

  it('saved and loaded when first searched, answers the same', () => {
    const saved = index.toJSON();
    let reads = 0;
    const loaded = new TextIndex({ fields: ['text'], cap: 2 }, () => {
      reads += 1;
      return structuredClone(saved);
    });
    expect(reads).toBe(0);
    expect(loaded.search('gamma alpha', { holds: holdsWord })).toEqual(index.search('gamma alpha', { holds: holdsWord }));
    expect(loaded.search('alpha beta', { holds: holdsWord, matches: (id) => id !== 0 })).toEqual(index.search('alpha beta', { holds: holdsWord, matches: (id) => id !== 0 }));
    expect(reads).toBe(1);
  });
});
