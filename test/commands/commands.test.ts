/** The commands on the seed corpus: what the "done means" asks of each, on the real articles. */
import { beforeAll, describe, expect, it } from 'vitest';
import { answerLine } from '../../src/answer-line.ts';
import { quotationOpening, type Answer, type FigureResult, type QuotationResult, type Result, type SentenceResult } from '../../src/commands/answer.ts';
import { seedLibrary } from '../support/seed-library.ts';
import { renderDiscord } from '../../src/render/discord.ts';
import { renderJson } from '../../src/render/json.ts';
import { renderText } from '../../src/render/text.ts';
import type { Library } from '../../src/index/library.ts';

let library: Library;
beforeAll(async () => {
  library = await seedLibrary();
});

/** An answer's results in the order shown; /figures groups are read one after another. */
function results(answer: Answer): Result[] {
  if (answer.type === 'figures') return answer.groups.flatMap((g) => g.results);
  if (answer.type !== 'results') throw new Error(`expected results, got ${answer.type}: ${JSON.stringify(answer)}`);
  return answer.results;
}

/** An answer's results, each checked to be of the kind the command gives. */
function resultsOfKind<K extends Result['kind']>(answer: Answer, kind: K): Extract<Result, { kind: K }>[] {
  const found = results(answer);
  for (const r of found) if (r.kind !== kind) throw new Error(`expected ${kind} results, got a ${r.kind}`);
  return found as Extract<Result, { kind: K }>[];
}

const quotations = (answer: Answer): QuotationResult[] => resultsOfKind(answer, 'quotation');
const figures = (answer: Answer): FigureResult[] => resultsOfKind(answer, 'figure');
const sentences = (answer: Answer): SentenceResult[] => resultsOfKind(answer, 'sentence');

/** The result whose sentence holds this fragment. */
function withSentence<R extends Result>(list: R[], fragment: string): R | undefined {
  return list.find((r) => r.sentence.includes(fragment));
}

describe('/quote', () => {
  it('gives Iravani his quotations from both articles that quote him, each attributed to him', () => {
    const found = quotations(answerLine(library, '/quote Iravani'));
    expect(new Set(found.map((r) => r.speaker))).toEqual(new Set(['Amir Saeid Iravani']));
    const direct = found.filter((r) => r.quotationKind === 'statement' || r.quotationKind === 'phrase');
    expect(new Set(direct.map((r) => r.article.published))).toEqual(new Set(['2023-11-10', '2024-01-30']));
  });

  it('includes the ones introduced by "he said", "the Iranian envoy to the United Nations said" and "Iran\'s UN ambassador added"', () => {
    const found = quotations(answerLine(library, '/quote Iravani'));
    expect(withSentence(found, ', he said, likening')).toBeDefined();
    // `said that Tehran “has never been …”`: the quoted words carry on the reporter's clause, so they are a phrase.
    expect(withSentence(found, 'the Iranian envoy to the United Nations said that Tehran')?.quotationKind).toBe('phrase');
    expect(withSentence(found, "Iran's UN ambassador added")?.text).toMatch(/^Therefore, the Islamic Republic of Iran is not responsible/);
  });

  it('puts full statements before short phrases, and reported speech last', () => {
    const kinds = quotations(answerLine(library, '/quote Iravani')).map((r) => r.quotationKind);
    const order = { statement: 0, phrase: 1, reported: 2, scare: 3 } as const;
    expect(kinds.map((k) => order[k])).toEqual([...kinds.map((k) => order[k])].sort((a, b) => a - b));
    expect(kinds[0]).toBe('statement');
  });

  it('finds Iravani from the misspelling "Irvani" too', () => {
    expect(quotations(answerLine(library, '/quote Irvani')).map((r) => r.text)).toEqual(quotations(answerLine(library, '/quote Iravani')).map((r) => r.text));
  });

  it('gives Takht-Ravanchi his three statements from the 2021 letter', () => {
    const statements = quotations(answerLine(library, '/quote Takht-Ravanchi')).filter((r) => r.quotationKind === 'statement');
    expect(statements).toHaveLength(3);
    expect(statements.every((r) => r.speaker === 'Majid Takht-Ravanchi' && r.article.published === '2021-03-15')).toBe(true);
  });

  it('gives Khosravi his statements', () => {
    const found = quotations(answerLine(library, '/quote Khosravi')).filter((r) => r.quotationKind === 'statement');
    expect(found.length).toBeGreaterThanOrEqual(3);
    expect(found.every((r) => r.speaker === 'Kayvan Khosravi')).toBe(true);
  });

  it('finds quotations by their words when the query names nobody, and never shows scare quotes as statements', () => {
    const found = quotations(answerLine(library, '/quote baseless claims'));
    expect(found[0]!.text).toBe('baseless claims');
    expect(found.every((r) => r.quotationKind !== 'scare')).toBe(true);
    // The scare quote itself is never shown; the sentence that holds it reports what Takht-Ravanchi said.
    const scare = quotations(answerLine(library, '/quote non-governmental militia groups'));
    expect(scare.map((r) => [r.quotationKind, r.speaker])).toEqual([['reported', 'Majid Takht-Ravanchi']]);
  });

  it('does not match words fuzzily: "sanctions" is not "actions", and "said" is not the name "Saeid"', () => {
    expect(answerLine(library, '/quote sanctions')).toMatchObject({ type: 'problem', problem: { code: 'nothing-found' } });
    expect(answerLine(library, '/source query:sanctions')).toMatchObject({ type: 'problem', problem: { code: 'nothing-found' } });
    const said = quotations(answerLine(library, '/quote said'));
    expect(said.every((r) => /\bsaid\b/i.test(r.sentence))).toBe(true);
  });

  it('treats a query as a speaker only when it names one: "attack" finds quotations with the word from several speakers', () => {
    const found = quotations(answerLine(library, '/quote attack'));
    expect(new Set(found.map((r) => r.speaker)).size).toBeGreaterThan(2);
    expect(found.every((r) => /attack/i.test(r.text))).toBe(true);
  });

  it('takes states and organisations as speakers: "Iran" gives what Iran and its UN mission said', () => {
    const found = quotations(answerLine(library, '/quote Iran'));
    expect(new Set(found.map((r) => r.speaker))).toEqual(new Set(['Iran', 'Iran’s permanent mission to the UN']));
    expect(withSentence(found, 'Iran has denied any involvement')?.quotationKind).toBe('reported');
    expect(withSentence(found, 'The statement said Iran had no link')?.speaker).toBe('Iran’s permanent mission to the UN');
  });

  it('narrows a speaker by words: "Iravani legal"', () => {
    const found = quotations(answerLine(library, '/quote Iravani legal'));
    expect(found.map((r) => r.text)).toContain('completely legal');
    expect(found.every((r) => r.speaker === 'Amir Saeid Iravani')).toBe(true);
  });

  it('corrects a misspelt name in sentence search too: /source query:Irvani', () => {
    const found = sentences(answerLine(library, '/source query:Irvani'));
    expect(found.length).toBeGreaterThan(0);
    const his = (r: Result) =>
      library.quotations.some((q) => q.articleId === r.article.id && q.speakerId === 'amir-saeid-iravani' && q.start < r.end && q.end > r.start);
    expect(found.every((r) => r.sentence.includes('Iravani') || his(r))).toBe(true);
  });

  it('says plainly that nothing matches rather than offering a near miss', () => {
    expect(answerLine(library, '/quote Guterres peace treaty')).toMatchObject({ type: 'problem', problem: { code: 'nothing-found' } });
    expect(answerLine(library, '/quote')).toMatchObject({ type: 'problem', problem: { code: 'empty-query' } });
  });
});

describe('/figures', () => {
  it('answers "casualties" with the Gaza toll though the word is nowhere in the corpus', () => {
    expect(library.articles.some((a) => /casualt/i.test(a.body))).toBe(false);
    const found = figures(answerLine(library, '/figures casualties'));
    const toll: [string, string, number][] = found.map((r) => [r.text, r.category, r.value!]);
    expect(toll).toEqual(
      expect.arrayContaining([
        ['at least 10,818 people', 'killed', 10818],
        ['2,918 women', 'killed', 2918],
        ['4,412 children', 'killed', 4412],
        ['Another 26,900 people', 'injured', 26900],
        ['At least 2,650 individuals', 'missing', 2650],
      ]),
    );
  });

  it('answers "casualties" with the US troop figures of both November 2023 articles', () => {
    const found = figures(answerLine(library, '/figures casualties')).filter((r) => /troops/.test(r.counted));
    expect(found.map((r) => [r.value, r.article.outlet])).toEqual(
      expect.arrayContaining([
        [46, 'Gerçek News'],
        [56, 'Press TV'],
      ]),
    );
  });

  it('shows no date, year, article number or page code as a figure', () => {
    for (const topic of ['casualties', 'attacks', 'rockets']) {
      for (const r of figures(answerLine(library, `/figures ${topic}`))) {
        expect(r.value).not.toBe(2023);
        expect(r.value).not.toBe(51);
        expect(r.value).not.toBe(198808);
        expect(r.text).not.toMatch(/\b(?:January|February|March|October|November|Mar\.)\b/);
      }
    }
    expect(library.figures.map((f) => f.value)).not.toEqual(expect.arrayContaining([2020, 2023, 51, 17, 25]));
  });

  it('narrows by words anywhere in the figure\'s paragraph: the January 2024 Gaza toll names Gaza in another sentence', () => {
    const found = figures(answerLine(library, '/figures casualties Gaza'));
    expect(found.map((r) => r.text)).toEqual(expect.arrayContaining(['at least 10,818 people', 'more than 26,600 civilians', 'more than 65,300 others']));
    expect(found.some((r) => r.sentence.includes('Gaza'))).toBe(true);
    expect(found.every((r) => ['killed', 'injured', 'missing'].includes(r.category))).toBe(true);
    // US troops injured in Iraq and Syria are in paragraphs that never name Gaza.
    expect(found.some((r) => r.value === 56)).toBe(false);
  });

  it('narrows by other words: attacks in the Mehr article', () => {
    const found = figures(answerLine(library, '/figures rockets Syria'));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.category === 'rockets' && /Syria/.test(r.sentence + r.article.title))).toBe(true);
  });

  it('groups the US troops injured from the two November 2023 articles as a timeline, one article’s repeat of 46 merged, no disagreement', () => {
    const answer = answerLine(library, '/figures casualties');
    if (answer.type !== 'figures') throw new Error(answer.type);
    const group = answer.groups.find((g) => g.results.some((r) => r.value === 56));
    expect(group).toMatchObject({ category: 'injured', counted: 'troops', articles: 2, dates: 2, differ: false });
    expect(group!.results.map((r) => [r.value, r.article.outlet, r.article.published])).toEqual([
      [46, 'Gerçek News', '2023-11-08'],
      [56, 'Press TV', '2023-11-10'],
    ]);
  });

  it('puts the Gaza toll of November 2023 beside that of January 2024, oldest first', () => {
    const answer = answerLine(library, '/figures casualties');
    if (answer.type !== 'figures') throw new Error(answer.type);
    const killed = answer.groups.find((g) => g.category === 'killed' && g.results.some((r) => r.value === 10818));
    expect(killed?.results.map((r) => [r.text, r.article.published])).toEqual([
      ['at least 10,818 people', '2023-11-10'],
      ['more than 26,600 civilians', '2024-01-30'],
    ]);
    // A toll that rose over two months is a timeline, not two reports that differ.
    expect(killed).toMatchObject({ dates: 2, differ: false });
  });

  it('does not put a 2021 count beside a 2023 one: years apart they are other events', () => {
    const answer = answerLine(library, '/figures casualties');
    if (answer.type !== 'figures') throw new Error(answer.type);
    for (const group of answer.groups) {
      const years = new Set(group.results.map((r) => r.article.published.slice(0, 4)));
      expect(years.has('2021') && years.size > 1, JSON.stringify(group.results.map((r) => r.text))).toBe(false);
    }
  });

  it('lists compared groups first, each group oldest first', () => {
    const answer = answerLine(library, '/figures casualties');
    if (answer.type !== 'figures') throw new Error(answer.type);
    const compared = answer.groups.map((g) => g.articles > 1);
    expect(compared).toEqual([...compared].sort((a, b) => Number(b) - Number(a)));
    for (const g of answer.groups) {
      const dates = g.results.map((r) => r.article.published);
      expect(dates).toEqual([...dates].sort());
    }
  });
});

describe('/source', () => {
  it('lists every article with outlet, date, headline when known, and size', () => {
    const answer = answerLine(library, '/source');
    if (answer.type !== 'articles') throw new Error(answer.type);
    expect(answer.articles).toHaveLength(5);
    expect(answer.articles.every((s) => s.words > 100 && s.sentences > 5)).toBe(true);
    expect(answer.articles.filter((s) => s.article.title === null)).toHaveLength(2);
  });

  it('shows one article with its facts, standfirst and opening sentences', () => {
    const answer = answerLine(library, '/source article:gercek-news-2023-11-08');
    if (answer.type !== 'article') throw new Error(answer.type);
    expect(answer.summary.article.outlet).toBe('Gerçek News');
    expect(answer.standfirst).toMatch(/^Iranian representative to the UN refutes/);
    expect(answer.results[0]!.text).toMatch(/^Iran's Permanent Representative to the United Nations, Amir Saeed Iravani/);
  });

  it('names an unknown article id', () => {
    expect(answerLine(library, '/source article:nope')).toMatchObject({ type: 'problem', problem: { code: 'unknown-article', id: 'nope' } });
  });

  it('finds the best-matching sentences with the sentence before and after', () => {
    const found = sentences(answerLine(library, '/source query:Ain al-Asad rockets'));
    expect(found[0]!.text).toMatch(/at least 10 rockets slammed into Ain al-Asad/);
    expect(found[0]!.before).toMatch(/Such allegations are totally baseless/);
    expect(found[0]!.after).toMatch(/^The West has blamed/);
  });
});

describe('/help', () => {
  it('extends a neighbouring sentence that starts inside a quotation back to its opening mark, and says where a paragraph ends: /source query:Ain al-Asad', () => {
    const answer = answerLine(library, '/source query:Ain al-Asad');
    if (answer.type !== 'results') throw new Error(answer.type);
    const hit = answer.results.find((r) => r.kind === 'sentence' && r.text.startsWith('Earlier this month'));
    if (hit?.kind !== 'sentence') throw new Error('test: no such sentence');
    expect(hit.before).toMatch(/^"Therefore, we deny any claim .* the Iranian envoy added\.$/su);
    expect(library.article(hit.article.id)!.body).toContain(hit.before!);
    expect(hit).toMatchObject({ beforeCut: false, paragraphBefore: true, paragraphAfter: false });
  });

  it('finds the opening mark of the quotation a position lies inside, within its paragraph', () => {
    const body = 'He said: “We deny it. We always have.” Then he left.\n\nNew paragraph.';
    expect(quotationOpening(body, body.indexOf('We always'))).toBe(body.indexOf('“'));
    expect(quotationOpening(body, body.indexOf('Then'))).toBeNull();
    expect(quotationOpening(body, body.indexOf('New'))).toBeNull();
    expect(quotationOpening('"Straight. Quotes."', 11)).toBe(0);
  });

  it('describes every command with an example', () => {
    const answer = answerLine(library, '/help');
    if (answer.type !== 'help') throw new Error(answer.type);
    expect(answer.entries.map((e) => e.usage.split(' ')[0])).toEqual(['/quote', '/figures', '/source', '/add', '/help']);
    expect(answer.entries.every((e) => e.example.startsWith('/'))).toBe(true);
  });

  it('lists /add in Discord alone: the terminal and --json have no /add', () => {
    const answer = answerLine(library, '/help');
    expect(renderDiscord(answer).content).toContain('**/add url:<link>**');
    expect(renderText(answer)).toContain('/source');
    expect(renderText(answer)).not.toContain('/add');
    expect(JSON.stringify(renderJson(answer))).not.toContain('/add');
  });
});
