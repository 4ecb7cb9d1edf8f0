/**
 * A synthetic corpus of any size for the benchmark and the scale tests, stitched from the seed
 * articles' paragraphs: every person's name swapped for a generated one (so the seeds' speakers
 * stay theirs), numbers swapped for others of the same size (so figures keep a realistic density
 * but differ), and some words swapped for generated ones, new words arriving with every article as
 * they do in real news (the vocabulary keeps growing: about 50,000 distinct words at 10,000
 * articles). Deterministic: the same seeds and size give the same corpus.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../src/corpus/article.ts';
import { formatArticle } from '../src/corpus/format.ts';
import type { Library } from '../src/index/library.ts';
import { findQuotations } from '../src/analysis/quotes/quotations.ts';
import { splitSentences } from '../src/analysis/text/sentences.ts';

/** A small, fast, seeded random number generator (mulberry32): the same corpus on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'sh', 'kh', 'br', 'tr'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou'];

/** A made-up word for a number: `kalomi`. Three syllables at least, so no English word and no seed name. */
function wordFor(n: number): string {
  const base = ONSETS.length * VOWELS.length;
  let word = '';
  for (let rest = n + base * base; rest > 0; rest = Math.floor(rest / base)) word += ONSETS[rest % ONSETS.length]! + VOWELS[Math.floor(rest / ONSETS.length) % VOWELS.length]!;
  return `${word}n`;
}

const capitalise = (word: string): string => word[0]!.toUpperCase() + word.slice(1);

/** Words never swapped: they carry the attribution and figure rules (`said`, `killed`), which must keep their density. */
const KEPT = /^(?:said|says|say|told|added|noted|stated|stressed|according|claimed|denied|killed|injured|wounded|missing|attacks?|rockets?|troops|people|deployed|statement|spokes\w+)$/iu;

/** How many new words each article brings, and the share of other words swapped for earlier new ones. */
const NEW_WORDS_PER_ARTICLE = 10;
const SWAP_SHARE = 0.04;
/** Distinct generated surnames and given names: enough that people rarely share a name across articles. */
const SURNAMES = 4000;
const GIVEN_NAMES = 400;
const OUTLETS = ['Daily Ledger', 'Evening Courier', 'Morning Herald', 'Regional Dispatch', 'Capital Wire', 'Frontier Times', 'Harbour Gazette', 'Valley Chronicle'];

/** The person names (every word of them) the seed articles use, longest first: what the generator swaps. */
function personNames(seeds: readonly Article[]): string[] {
  const names = new Set<string>();
  for (const article of seeds) {
    const { people } = findQuotations(article.body, splitSentences(article.body));
    for (const person of people.persons) if (person.kind === 'person') for (const word of person.name.split(/\s+/u)) if (/^\p{Lu}/u.test(word) && word.length > 2) names.add(word);
  }
  return [...names].sort((a, b) => b.length - a.length);
}

/** `n` articles stitched from the seeds' paragraphs; ids `gen-00001`…, dates spread over 2019–2024 around the seeds'. */
export function generateArticles(seeds: readonly Article[], n: number, seed = 1): Article[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const paragraphs = seeds.flatMap((a) => a.body.split(/\n\n+/u));
  const titles = seeds.map((a) => a.title ?? a.body.split(/(?<=\.)\s/u)[0]!);
  const names = personNames(seeds);
  const namePattern = names.length > 0 ? new RegExp(`\\b(?:${names.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'gu') : null;
  let vocabulary = 0;
  const articles: Article[] = [];
  const start = Date.parse('2019-01-01');
  for (let i = 0; i < n; i++) {
    const fresh = Array.from({ length: NEW_WORDS_PER_ARTICLE }, () => wordFor(vocabulary++));
    // Earlier words come back with a frequency that falls with their rank, as real words do.
    const swapWord = (): string => (next() < 0.5 ? pick(fresh) : wordFor(Math.floor(Math.exp(next() * Math.log(vocabulary)))));
    // Each seed name word stands for the same generated name throughout one article.
    const nameMap = new Map<string, string>();
    const swap = (text: string): string => {
      let out = namePattern
        ? text.replace(namePattern, (word) => {
            let name = nameMap.get(word);
            if (!name) {
              name = capitalise(names.indexOf(word) % 3 === 0 ? wordFor(1_000_000 + Math.floor(next() * GIVEN_NAMES)) : wordFor(2_000_000 + Math.floor(next() * SURNAMES)));
              nameMap.set(word, name);
            }
            return name;
          })
        : text;
      out = out.replace(/\b\d{1,3}(?:,\d{3})*\b|\b\d+\b/gu, (number) => {
        const digits = number.replace(/,/g, '');
        // Years stay years, so dates still read as dates.
        if (/^(?:19|20)\d\d$/u.test(digits)) return number;
        const low = 10 ** (digits.length - 1);
        const value = Math.max(1, Math.floor(low + next() * (low * 9)));
        return number.includes(',') ? value.toLocaleString('en-US') : String(value);
      });
      return out.replace(/\b[a-z]{6,}\b/gu, (word) => (!KEPT.test(word) && next() < SWAP_SHARE ? swapWord() : word));
    };
    const count = 14 + Math.floor(next() * 13);
    const body = Array.from({ length: count }, () => swap(pick(paragraphs))).join('\n\n');
    const published = new Date(start + Math.floor((i / Math.max(1, n)) * 2000) * 86_400_000).toISOString().slice(0, 10);
    const id = `gen-${String(i + 1).padStart(5, '0')}`;
    articles.push({ id, title: swap(pick(titles)), outlet: pick(OUTLETS), published, url: `https://example.org/news/${id}`, body, file: `${id}.txt` });
  }
  return articles;
}

/** Writes the seeds and `n` generated articles as corpus files into `dir` (emptied first). */
export async function writeCorpus(dir: string, seeds: readonly Article[], n: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const all = [...seeds, ...generateArticles(seeds, n)];
  for (const article of all) {
    const { body, file: _file, ...facts } = article;
    await writeFile(join(dir, `${article.id}.txt`), formatArticle(facts, body));
  }
}

/** The quotations (each with its speaker's name) and figures of some articles, as plain data: what must not change when other articles join them. */
export function findingsOf(library: Library, ids: readonly string[]): unknown[] {
  return ids.map((id) => ({
    quotations: library.quotationsOf(id).map((q) => ({ ...q, speakerId: undefined, speaker: q.speakerId ? library.speaker(q.speakerId)!.name : null })),
    figures: library.figuresOf(id),
  }));
}
