/** The saved index: loaded when the corpus and the code are unchanged, rebuilt (in part or whole) when not, never fatal. */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateArticles, writeCorpus } from '../../bench/generate.ts';
import { ANALYSIS_DATA, ANALYSIS_VERSION, versionOf } from '../../src/analysis/version.ts';
import { formatArticle } from '../../src/corpus/format.ts';
import { cacheFileOf, INDEX_VERSION } from '../../src/index/cache.ts';
import { openLibrary } from '../../src/index/open.ts';
import type { Library } from '../../src/index/library.ts';
import { pack, unpack } from '../../src/index/pack.ts';
import { seedArticles } from '../support/seed-library.ts';

let root: string;
let corpus: string;
let cache: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'verbatim-cache-'));
  corpus = join(root, 'corpus');
  cache = join(root, 'cache');
  await writeCorpus(corpus, await seedArticles(), 20);
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function open() {
  const opened = await openLibrary(corpus, { cacheDir: cache });
  if (!opened.success) throw new Error(opened.reason);
  return opened;
}

/** What a library answers from, as plain data to compare. */
function contents(library: Library) {
  return {
    articles: library.articles.map((a) => a.id),
    quotations: library.quotations,
    speakers: library.speakers,
    figures: library.figures,
    sentences: library.articles.map((a) => library.sentencesOf(a.id)),
    searches: ['Iravani', 'Irvani', 'said', 'Iran attack', 'baseless', 'Mehr rockets', 'troops Syria'].map((q) => ({
      sentences: library.searchSentences(q).map((r) => `${r.article.id}#${r.sentence.index}`),
      quotations: library.searchQuotations(q).map((x) => `${x.articleId}@${x.start}`),
      speakers: library.findSpeakers(q).map((s) => s.id),
    })),
  };
}

describe('the saved index', () => {
  it('is built on first start and loaded, with identical contents, on the next', async () => {
    const first = await open();
    expect(first.report.outcome).toBe('built');
    expect(first.report.derived).toBe(25);
    const second = await open();
    expect(second.report).toEqual({ outcome: 'loaded', derived: 0, reason: null });
    expect(contents(second.library)).toEqual(contents(first.library));
  });

  it('derives again only an edited article, and the result equals a build from nothing', async () => {
    await open();
    const file = join(corpus, 'gen-00003.txt');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\n\n/u, '\n\nThe minister said the talks would resume on Monday.\n\n'));
    const updated = await open();
    expect(updated.report).toMatchObject({ outcome: 'updated', derived: 1 });
    expect(updated.library.sentencesOf('gen-00003').some((s) => s.text.startsWith('The minister said the talks'))).toBe(true);
    await rm(cache, { recursive: true });
    expect(contents(updated.library)).toEqual(contents((await open()).library));
  });

  it('derives only an added article, and drops a removed one', async () => {
    await open();
    const [extra] = generateArticles(await seedArticles(), 1, 99).map((a) => ({ ...a, id: 'added-article' }));
    const { body, file: _file, ...facts } = extra!;
    await writeFile(join(corpus, 'added-article.txt'), formatArticle(facts, body));
    const added = await open();
    expect(added.report).toMatchObject({ outcome: 'updated', derived: 1 });
    expect(added.library.article('added-article')).toBeDefined();
    await unlink(join(corpus, 'gen-00001.txt'));
    const removed = await open();
    expect(removed.report).toMatchObject({ outcome: 'updated', derived: 0 });
    expect(removed.library.article('gen-00001')).toBeUndefined();
    expect(removed.library.quotations.some((q) => q.articleId === 'gen-00001')).toBe(false);
  });

  it('rebuilds a corrupt cache file instead of failing', async () => {
    const built = contents((await open()).library);
    const path = cacheFileOf(cache, corpus);
    const whole = await readFile(path);
    await writeFile(path, whole.subarray(0, 5000));
    const truncated = await open();
    expect(truncated.report).toMatchObject({ outcome: 'built', reason: 'the saved index is corrupt' });
    expect(contents(truncated.library)).toEqual(built);
    // A file of the right version whose contents are damaged: a column missing, then one cut short.
    const { sentenceEnd: _dropped, ...rest } = unpack(await readFile(path));
    await writeFile(path, Buffer.concat(pack(rest)));
    const missing = await open();
    expect(missing.report).toMatchObject({ outcome: 'built', reason: 'the saved index is corrupt' });
    expect(contents(missing.library)).toEqual(built);
    const parts = unpack(await readFile(path));
    await writeFile(path, Buffer.concat(pack({ ...parts, sentenceStart: (parts['sentenceStart'] as Int32Array).subarray(0, 10) })));
    const damaged = await open();
    expect(damaged.report.outcome).toBe('built');
    expect(contents(damaged.library)).toEqual(built);
  });

  it('reads the word ids of sentences when a search first needs them, and a damaged copy of them is deleted, never searched', async () => {
    const built = contents((await open()).library);
    const path = cacheFileOf(cache, corpus);
    // Damage the middle of the sentences' word ids in place, as a disk would: the part keeps its length, not its hash.
    const whole = await readFile(path);
    const headerLength = whole.readUInt32LE(16);
    const table = JSON.parse(whole.subarray(20, 20 + headerLength).toString('utf8')) as [string, string, number, string][];
    let offset = 20 + headerLength;
    offset += (8 - (offset % 8)) % 8;
    for (const [name, , length] of table) {
      if (name === 'sentenceTermIds') break;
      offset += length + ((8 - (length % 8)) % 8);
    }
    const [, , length] = table.find(([name]) => name === 'sentenceTermIds')!;
    whole.writeInt32LE(whole.readInt32LE(offset + length / 2) ^ 0x55, offset + length / 2);
    await writeFile(path, whole);
    // Opened as sound (nothing at start reads them), with the speakers' answers the same.
    const opened = await open();
    expect(opened.report.outcome).toBe('loaded');
    expect(opened.library.findSpeakers('Iravani').map((s) => s.id)).toEqual(built.searches[0]!.speakers);
    expect(() => opened.library.searchSentences('said')).toThrow(/is damaged .*deleted and is rebuilt from the corpus at the next start/u);
    await expect(readFile(path)).rejects.toThrow(/ENOENT/u);
    const rebuilt = await open();
    expect(rebuilt.report.outcome).toBe('built');
    expect(contents(rebuilt.library)).toEqual(built);
  });

  it('never serves a damaged copy of an article: the file is read instead, or everything is read again', async () => {
    const built = contents((await open()).library);
    const path = cacheFileOf(cache, corpus);
    // Files unchanged for a while, so that their copies in the saved index are what a start reads.
    const old = new Date(Date.now() - 3_600_000);
    for (const name of await readdir(corpus)) await utimes(join(corpus, name), old, old);
    await rm(cache, { recursive: true });
    await open();
    const parts = unpack(await readFile(path));
    const bodies = parts['bodies'] as Buffer;
    const damaged = Buffer.from(bodies.toString('latin1').replace('Iravani', 'Irakani'), 'latin1');
    expect(damaged.equals(bodies)).toBe(false);
    await writeFile(path, Buffer.concat(pack({ ...parts, bodies: damaged })));
    const reopened = await open();
    expect(reopened.report.outcome).toBe('loaded');
    expect(JSON.stringify(contents(reopened.library))).not.toContain('Irakani');
    expect(contents(reopened.library)).toEqual(built);
    // Offsets that cut across two articles: each copy fails its hash and the files are read instead.
    const bodyFrom = Int32Array.from(parts['bodyFrom'] as Int32Array);
    bodyFrom[1]! -= 10;
    await writeFile(path, Buffer.concat(pack({ ...parts, bodyFrom })));
    expect(contents((await open()).library)).toEqual(built);
    // Offsets out of order: refused whole.
    bodyFrom[1] = bodyFrom[2]! + 5;
    await writeFile(path, Buffer.concat(pack({ ...parts, bodyFrom })));
    const shifted = await open();
    expect(shifted.report).toMatchObject({ outcome: 'built', reason: 'the saved index is corrupt' });
    expect(contents(shifted.library)).toEqual(built);
  });

  it('refuses a file whose bytes were changed inside a part', async () => {
    const built = contents((await open()).library);
    const path = cacheFileOf(cache, corpus);
    const bytes = await readFile(path);
    // A byte near the end of the file: in the last part, one of the columns.
    bytes[bytes.length - 20]! ^= 0xff;
    await writeFile(path, bytes);
    const reopened = await open();
    expect(reopened.report).toMatchObject({ outcome: 'built', reason: 'the saved index is corrupt' });
    expect(contents(reopened.library)).toEqual(built);
  });

  it('never trusts a cache from another version of the code', async () => {
    await open();
    const path = cacheFileOf(cache, corpus);
    const parts = unpack(await readFile(path));
    await writeFile(path, Buffer.concat(pack({ ...parts, meta: { ...(parts['meta'] as object), version: 'another-version' } })));
    const reopened = await open();
    expect(reopened.report).toMatchObject({ outcome: 'built', derived: 25, reason: 'the saved index is from another version of Verbatim' });
  });

  it('keeps one file per corpus folder and leaves no temporary file behind', async () => {
    await open();
    expect(await readdir(cache)).toEqual([cacheFileOf(cache, corpus).split('/').pop()]);
  });
});

describe('the version a saved index is trusted from', () => {
  const { lexicon, rules } = ANALYSIS_DATA;

  it('is a hash of data, the same whichever loader runs the code (tsx here, vitest in this test)', () => {
    expect(versionOf(ANALYSIS_DATA)).toBe(ANALYSIS_VERSION);
    expect(INDEX_VERSION).toMatch(/^[0-9a-f]{16}$/u);
    const script = "const { INDEX_VERSION } = await import('./src/index/cache.ts'); console.log(INDEX_VERSION);";
    const fromTsx = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' }).trim();
    expect(fromTsx).toBe(INDEX_VERSION);
  });

  it('is the same in the built bundle (dist/), which saves the index the bot and the terminal load', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-bundle-'));
    const corpus = join(dir, 'corpus');
    const cache = join(dir, 'cache');
    await writeCorpus(corpus, await seedArticles(), 0);
    // Written long enough ago that the files are not read again as possibly still changing.
    const past = new Date(Date.now() - 60_000);
    for (const name of await readdir(corpus)) await utimes(join(corpus, name), past, past);
    const env = { ...process.env, CACHE_DIR: cache, DISCORD_TOKEN: '' };
    execFileSync(process.execPath, ['dist/ask.js', '/help', '--corpus', corpus], { env, encoding: 'utf8' });
    const opened = await openLibrary(corpus, { cacheDir: cache });
    expect(opened.success && opened.report.outcome).toBe('loaded');
    await rm(dir, { recursive: true, force: true });
  });

  it('changes when a speech verb form is added to the lexicon', () => {
    const plain = lexicon.speech['PLAIN_SPEECH_FORMS'] as readonly string[];
    const added = { ...ANALYSIS_DATA, lexicon: { ...lexicon, speech: { ...lexicon.speech, PLAIN_SPEECH_FORMS: [...plain, 'quipped'] } } };
    expect(versionOf(added)).not.toBe(ANALYSIS_VERSION);
  });

  it('changes when a word is added to a lexicon set, whose members JSON alone would drop', () => {
    const words = lexicon.names['NOT_PERSON_WORDS'] as ReadonlySet<string>;
    expect(words).toBeInstanceOf(Set);
    const added = { ...ANALYSIS_DATA, lexicon: { ...lexicon, names: { ...lexicon.names, NOT_PERSON_WORDS: new Set([...words, 'zeppelin']) } } };
    expect(versionOf(added)).not.toBe(ANALYSIS_VERSION);
  });

  it('changes when rules are reordered, and with the format number', () => {
    const reordered = { ...ANALYSIS_DATA, rules: { ...rules, quote: [...rules.quote].reverse() } };
    expect(versionOf(reordered)).not.toBe(ANALYSIS_VERSION);
    expect(versionOf({ ...ANALYSIS_DATA, format: ANALYSIS_DATA.format + 1 })).not.toBe(ANALYSIS_VERSION);
  });
});
