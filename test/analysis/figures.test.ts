import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_RULES, EXCLUSION_RULES, explainNumbers, findFigures } from '../../src/analysis/figures/figures.ts';
import { CUES, FORCE_VERBS, QUALIFIERS, TIME_UNITS } from '../../src/analysis/lexicon/figures.ts';
import { splitSentences } from '../../src/analysis/text/sentences.ts';
import type { Figure, Sentence } from '../../src/analysis/types.ts';

/**
 * A tiny sentence splitter for these tests (the real one lives in src/analysis/text/sentences.ts): breaks after
 * `.`, `!` or `?` followed by whitespace, and at line breaks. It naively breaks after `Mar.` too, which
 * shows the figures do not depend on a clever splitter.
 */
function sentencesOf(body: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  for (const line of body.split('\n')) {
    if (line.trim() === '') {
      if (sentences.length > 0) paragraph++;
    } else {
      const parts = /(?<=[.!?]["”’)]?)[ \t\u00a0]+/gu;
      let from = 0;
      const push = (a: number, b: number): void => {
        let start = lineStart + a;
        let end = lineStart + b;
        while (start < end && /\s/u.test(body[start]!)) start++;
        while (end > start && /\s/u.test(body[end - 1]!)) end--;
        if (end > start) sentences.push({ index: sentences.length, start, end, text: body.slice(start, end), paragraph });
      };
      for (const m of line.matchAll(parts)) {
        push(from, m.index);
        from = m.index + m[0].length;
      }
      push(from, line.length);
    }
    lineStart += line.length + 1;
  }
  return sentences;
}

function figuresIn(body: string): Figure[] {
  return findFigures('a', body, sentencesOf(body));
}

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/raw/${name}`, import.meta.url), 'utf8');

/** The only figure whose text is `text`. */
function one(figures: Figure[], text: string): Figure {
  const found = figures.filter((f) => f.text === text);
  expect(found.map((f) => f.text), `exactly one figure "${text}"`).toEqual([text]);
  return found[0]!;
}

/** Asserts that no figure covers the number `number` where it stands inside `phrase` in the body. */
function expectNoFigureAt(body: string, figures: Figure[], phrase: string, number: string): void {
  const at = body.indexOf(phrase);
  expect(at, `"${phrase}" is in the body`).toBeGreaterThanOrEqual(0);
  const offset = at + phrase.indexOf(number);
  const covering = figures.filter((f) => f.start <= offset && offset < f.end);
  expect(covering.map((f) => f.text), `no figure at "${number}" in "${phrase}"`).toEqual([]);
}

/** Compact view of a figure for comparisons. */
const view = (f: Figure): [string, number | null, string | null, string, string] => [f.text, f.value, f.qualifier, f.counted, f.category];

describe('findFigures on the fixture articles', () => {
  describe('000: Gaza casualties and attacks on US forces', () => {
    const body = fixture('000_c4276befe0b9bbfb.txt');
    const figures = findFigures('000', body, sentencesOf(body));

    it('reads "killed at least 10,818 people" as killed, with its qualifier and value', () => {
      expect(view(one(figures, 'at least 10,818 people'))).toEqual(['at least 10,818 people', 10818, 'at least', 'people', 'killed']);
    });

    it('gives figures introduced by "including" (and joined by "and") the category of the figure before', () => {
      expect(view(one(figures, '2,918 women'))).toEqual(['2,918 women', 2918, null, 'women', 'killed']);
      expect(view(one(figures, '4,412 children'))).toEqual(['4,412 children', 4412, null, 'children', 'killed']);
      expect(view(one(figures, 'at least 1,400 children'))).toEqual(['at least 1,400 children', 1400, 'at least', 'children', 'missing']);
    });

    it('keeps the case of a sentence-initial qualifier and finds the cue after the counted noun', () => {
      expect(view(one(figures, 'Another 26,900 people'))).toEqual(['Another 26,900 people', 26900, 'Another', 'people', 'injured']);
      expect(view(one(figures, 'At least 2,650 individuals'))).toEqual(['At least 2,650 individuals', 2650, 'At least', 'individuals', 'missing']);
      expect(view(one(figures, 'A total of 56 troops'))).toEqual(['A total of 56 troops', 56, 'A total of', 'troops', 'injured']);
    });

    it('reads "attacked 46 times" as attacks and "24 attacks" by its event noun', () => {
      expect(view(one(figures, '46 times'))).toEqual(['46 times', 46, null, 'times', 'attacks']);
      expect(view(one(figures, '24 attacks'))).toEqual(['24 attacks', 24, null, 'attacks', 'attacks']);
    });

    it('gives an elided count ("and 22 in Syria") the counted noun of the figure before, keeping its own text', () => {
      const f = one(figures, '22');
      expect(view(f)).toEqual(['22', 22, null, 'attacks', 'attacks']);
      expect(body.slice(f.start, f.end)).toBe('22');
    });

    it('does not read the date "October 17" as a figure', () => {
      expectNoFigureAt(body, figures, 'since October 17', '17');
    });

    it('finds nothing else', () => {
      expect(figures).toHaveLength(10);
    });
  });

  describe('001: UN letter, casualties in Gaza', () => {
    const body = fixture('001_def429b1c4d7175a.txt');
    const figures = findFigures('001', body, sentencesOf(body));

    it('reads "claimed the lives of more than 26,600 civilians" as killed', () => {
      expect(view(one(figures, 'more than 26,600 civilians'))).toEqual(['more than 26,600 civilians', 26600, 'more than', 'civilians', 'killed']);
    });

    it('stops the counted words before a participle: "65,300 others injured" counts others, injured', () => {
      expect(view(one(figures, 'more than 65,300 others'))).toEqual(['more than 65,300 others', 65300, 'more than', 'others', 'injured']);
    });

    it('skips a modifier to reach the head noun: "killed three American servicemen"', () => {
      expect(view(one(figures, 'three American servicemen'))).toEqual(['three American servicemen', 3, null, 'American servicemen', 'killed']);
    });

    it('does not read "October 7, 2023" or "three days after" as figures', () => {
      expectNoFigureAt(body, figures, 'October 7, 2023', '7');
      expectNoFigureAt(body, figures, 'October 7, 2023', '2023');
      expectNoFigureAt(body, figures, 'three days after', 'three');
      expect(figures).toHaveLength(3);
    });
  });

  describe('002: Pentagon figures on attacks and deployments', () => {
    const body = fixture('002_546c0ced8b64d753.txt');
    const figures = findFigures('002', body, sentencesOf(body));

    it('reads "46 US troops had sustained injuries" and "46 US troops being injured" as injured', () => {
      const troops = figures.filter((f) => f.text === '46 US troops');
      expect(troops.map(view)).toEqual([
        ['46 US troops', 46, null, 'US troops', 'injured'],
        ['46 US troops', 46, null, 'US troops', 'injured'],
      ]);
    });

    it('reads "launched at least 40 attacks" as attacks', () => {
      expect(view(one(figures, 'at least 40 attacks'))).toEqual(['at least 40 attacks', 40, 'at least', 'attacks', 'attacks']);
    });

    it('finds a cue past a parenthesis: "two militants from … (IRGC) were killed"', () => {
      expect(view(one(figures, 'two militants'))).toEqual(['two militants', 2, null, 'militants', 'killed']);
    });

    it('reads "sent two aircraft carrier strike groups, dozens of fighter jets" as deployed, dozens being vague', () => {
      expect(view(one(figures, 'two aircraft carrier strike groups'))).toEqual([
        'two aircraft carrier strike groups', 2, null, 'aircraft carrier strike groups', 'deployed',
      ]);
      expect(view(one(figures, 'dozens of fighter jets'))).toEqual(['dozens of fighter jets', null, null, 'fighter jets', 'deployed']);
    });

    it('does not count "the two countries", "October 7" or the "A+ A-" control', () => {
      expectNoFigureAt(body, figures, 'the two countries', 'two');
      expectNoFigureAt(body, figures, 'on October 7, resulting', '7');
      expect(figures.some((f) => f.text.includes('A+'))).toBe(false);
    });
  });

  describe('003: Ain al-Asad and the February strike', () => {
    const body = fixture('003_5304223a5fd210bf.txt');
    const figures = findFigures('003', body, sentencesOf(body));

    it('reads "at least 10 rockets slammed" as rockets, stopping before the verb', () => {
      expect(view(one(figures, 'at least 10 rockets'))).toEqual(['at least 10 rockets', 10, 'at least', 'rockets', 'rockets']);
    });

    it('reads "killed one member" and "killed one and wounded four others"', () => {
      expect(view(one(figures, 'one member'))).toEqual(['one member', 1, null, 'member', 'killed']);
      const sentence = body.indexOf('The attack killed one and wounded four others.');
      const lone = figures.filter((f) => f.text === 'one' && f.start > sentence);
      expect(lone.map(view)).toEqual([['one', 1, null, '', 'killed']]);
      expect(view(one(figures, 'four others'))).toEqual(['four others', 4, null, 'others', 'injured']);
    });

    it('does not count "January 2020", "25 February" or "article 51"', () => {
      expectNoFigureAt(body, figures, 'January 2020', '2020');
      expectNoFigureAt(body, figures, 'on 25 February', '25');
      expectNoFigureAt(body, figures, 'article 51', '51');
      expect(figures).toHaveLength(4);
    });
  });

  describe('004: rockets fired at US bases in Syria', () => {
    const body = fixture('004_7e9dd43d31d6cfa1.txt');
    const figures = findFigures('004', body, sentencesOf(body));

    it('reads "more than 20 rockets were reportedly fired" as rockets', () => {
      expect(view(one(figures, 'more than 20 rockets'))).toEqual(['more than 20 rockets', 20, 'more than', 'rockets', 'rockets']);
    });

    it('does not count the dateline "Mar. 25", "the past two days" or the page chrome "News Code 198808"', () => {
      expectNoFigureAt(body, figures, 'Mar. 25', '25');
      expectNoFigureAt(body, figures, 'in the past two days', 'two');
      expectNoFigureAt(body, figures, 'News Code 198808', '198808');
    });
  });

  it('keeps body.slice(start, end) === text and the right sentence index for every fixture figure', () => {
    for (const name of ['000_c4276befe0b9bbfb.txt', '001_def429b1c4d7175a.txt', '002_546c0ced8b64d753.txt', '003_5304223a5fd210bf.txt', '004_7e9dd43d31d6cfa1.txt']) {
      const body = fixture(name);
      const sentences = sentencesOf(body);
      for (const f of findFigures(name, body, sentences)) {
        expect(body.slice(f.start, f.end)).toBe(f.text);
        const s = sentences[f.sentence]!;
        expect(f.start >= s.start && f.end <= s.end, `${f.text} inside sentence ${f.sentence}`).toBe(true);
        expect(f.articleId).toBe(name);
      }
    }
  });
});

describe('findFigures on news-style sentences not from the fixtures', () => {
  it('borrows the counted noun for "14 people were killed and 32 wounded" and finds each cue after it', () => {
    const figures = figuresIn('Police said at least 14 people were killed and 32 wounded when a car bomb exploded near a market on Friday.');
    expect(figures.map(view)).toEqual([
      ['at least 14 people', 14, 'at least', 'people', 'killed'],
      ['32', 32, null, 'people', 'injured'],
    ]);
  });

  it('multiplies a scale word and reads "some" as a qualifier: "some 1.5 million residents"', () => {
    const figures = figuresIn('The storm left nearly 200 families homeless and some 1.5 million residents without power.');
    expect(figures.map(view)).toEqual([
      ['nearly 200 families', 200, 'nearly', 'families', 'other'],
      ['some 1.5 million residents', 1.5e6, 'some', 'residents', 'other'],
    ]);
  });

  it('skips times of day and dates while keeping the rockets: "fired 12 rockets at 3 p.m. on 4 June"', () => {
    const figures = figuresIn('Rebels fired 12 rockets at the airport at 3 p.m. on 4 June, and again at 10:30 on Mar. 5, officials said.');
    expect(figures.map(view)).toEqual([['12 rockets', 12, null, 'rockets', 'rockets']]);
  });

  it('skips ordinals, identifiers and codes: 21st, Resolution 2334, Article 51, Depot 9, No. 5, F-16, COVID-19', () => {
    const body =
      'It was the 21st attack on the convoy. The council cited Resolution 2334 and Article 51. ' +
      'Three US soldiers were killed in a drone attack on Depot 9 near the border. ' +
      'The order was filed as No. 5 on page 3. An F-16 crashed while COVID-19 cases rose.';
    expect(figuresIn(body).map(view)).toEqual([['Three US soldiers', 3, null, 'US soldiers', 'killed']]);
  });

  it('skips durations, years and hyphenated modifiers: "for three hours", "two more weeks", "a 12-year-old", "a three-day truce"', () => {
    const body = 'Fighting raged for three hours in 2019 and two more weeks after that. A 12-year-old boy died during a three-day truce.';
    expect(figuresIn(body)).toEqual([]);
  });

  it('reads "one" only as a count: not "no one", "one of", "one another" or "the two delegations"', () => {
    const body = 'No one was hurt, but one of the guards and the two delegations blamed one another. One soldier was later found.';
    expect(figuresIn(body).map(view)).toEqual([['One soldier', 1, null, 'soldier', 'other']]);
  });

  it('reads number words: "a dozen helicopters", "twenty-five", "two hundred and fifty"', () => {
    const body = 'The army deployed 3,000 troops to the border and sent a dozen helicopters. Twenty-five people and two hundred and fifty sheep were stranded.';
    expect(figuresIn(body).map(view)).toEqual([
      ['3,000 troops', 3000, null, 'troops', 'deployed'],
      ['a dozen helicopters', 12, null, 'helicopters', 'deployed'],
      ['Twenty-five people', 25, null, 'people', 'other'],
      ['two hundred and fifty sheep', 250, null, 'sheep', 'other'],
    ]);
  });

  it('reads vague quantities with a null value: "Tens of thousands of people", "Hundreds of protesters were injured"', () => {
    const body = 'Tens of thousands of people fled the city. Hundreds of protesters were injured.';
    expect(figuresIn(body).map(view)).toEqual([
      ['Tens of thousands of people', null, null, 'people', 'other'],
      ['Hundreds of protesters', null, null, 'protesters', 'injured'],
    ]);
  });

  it('gives an elided count with no cue of its own the category of the figure it borrows from', () => {
    const figures = figuresIn('The US has about 2,500 troops stationed in Iraq and 900 in Syria.');
    expect(figures.map(view)).toEqual([
      ['about 2,500 troops', 2500, 'about', 'troops', 'deployed'],
      ['900', 900, null, 'troops', 'deployed'],
    ]);
  });

  it('reads a death toll that reaches a number as killed', () => {
    expect(figuresIn('The death toll rose to 312, the ministry said.').map(view)).toEqual([['312', 312, null, '', 'killed']]);
  });

  it('lets "including" hand on a category, but not a later figure with its own verb', () => {
    const figures = figuresIn('Gunmen killed 9 villagers, including 4 children, and abducted 20 others.');
    expect(figures.map(view)).toEqual([
      ['9 villagers', 9, null, 'villagers', 'killed'],
      ['4 children', 4, null, 'children', 'killed'],
      ['20 others', 20, null, 'others', 'other'],
    ]);
  });

  it('counts percentages as percent and sums of money by their currency', () => {
    const figures = figuresIn('Turnout was 62 percent, up from 55% in 2019. The government pledged $2.5 billion in aid.');
    expect(figures.map(view)).toEqual([
      ['62 percent', 62, null, 'percent', 'other'],
      ['55%', 55, null, '%', 'other'],
      ['$2.5 billion', 2.5e9, null, '$', 'other'],
    ]);
  });

  it('matches across non-breaking spaces and keeps them in the text', () => {
    const body = 'The raid killed at\u00a0least\u00a012\u00a0fighters in the north.';
    const [f] = figuresIn(body);
    expect(f && view(f)).toEqual(['at\u00a0least\u00a012\u00a0fighters', 12, 'at\u00a0least', 'fighters', 'killed']);
  });

  it('does not carry a cue from one clause to the next number after a verb: "10 people were arrested and 3 were killed"', () => {
    const figures = figuresIn('Officials said 10 people were arrested and 3 were killed.');
    expect(figures.map(view)).toEqual([
      ['10 people', 10, null, 'people', 'other'],
      ['3', 3, null, 'people', 'killed'],
    ]);
  });
});

describe('the figure lexicon', () => {
  it('exposes the qualifiers, cues and time units for later rules', () => {
    expect(QUALIFIERS).toContain('a total of');
    expect(CUES.killed.verbs).toContain('killed');
    expect(CUES.missing.words).toContain('missing');
    expect(TIME_UNITS).toContain('days');
  });

  it('takes the deployed cue verbs from the one list of verbs that send forces', () => {
    expect(CUES.deployed.verbs).toEqual(FORCE_VERBS.sending);
  });
});

describe('findFigures invariants', () => {
  it('never lets two figures share a word: the counted words stop where the next number\'s qualifier starts', () => {
    expect(figuresIn('dozens more than two').map((f) => [f.text, f.qualifier])).toEqual([
      ['dozens', null],
      ['more than two', 'more than'],
    ]);
  });

  const words = [
    'at', 'least', 'more', 'than', 'the', 'two', 'one', 'of', 'killed', 'wounded', '10,818', '46', '2023', 'October', 'Mar.', 'people',
    'troops', 'days', 'including', 'and', ',', '.', 'were', 'dozens', 'a', 'dozen', 'Tower', '22', 'F-16', '3:30', '21st', '$5', 'million', '%',
    '“', '”', '(', ')', 'twenty-five', 'hundred', 'News', 'Code', '198808',
  ];
  it('always returns figures whose text is the body slice, in order, inside their sentence', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', '\u00a0', '\n', ' ')), { maxLength: 40 }), (parts) => {
        const body = parts.map(([w, s]) => w + s).join('');
        const sentences = sentencesOf(body);
        const figures = findFigures('x', body, sentences);
        let last = -1;
        for (const f of figures) {
          expect(body.slice(f.start, f.end)).toBe(f.text);
          expect(f.start).toBeGreaterThanOrEqual(last);
          last = f.end;
          const s = sentences[f.sentence]!;
          expect(f.start >= s.start && f.end <= s.end).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('findFigures on the ways agencies word a toll', () => {
  it('reads a range as one figure with its low and high ends, whichever way it is written', () => {
    const body = 'Between 12 and 18 shells landed. Crews have yet to reach 6-9 hamlets. The militia has 400 to 600 fighters.';
    const figures = figuresIn(body);
    expect(figures.map((f) => [f.text, f.value, f.upper])).toEqual([
      ['Between 12 and 18 shells', 12, 18],
      ['6-9 hamlets', 6, 9],
      ['400 to 600 fighters', 400, 600],
    ]);
    expect(one(figures, 'Between 12 and 18 shells').category).toBe('rockets');
  });

  it('does not read a change "from 14 to 22" or a date "2022-03-09" as a range', () => {
    const figures = figuresIn('The toll rose from 14 to 22 people on 2022-03-09.');
    expect(figures.every((f) => f.upper === null)).toBe(true);
    expect(figures.map((f) => f.text)).not.toContain('2022-03-09');
  });

  it('takes the category from casualty words linked to the number', () => {
    const body = [
      'The dead included 7 students.',
      'Among the dead are 11 farmers.',
      'Four of the dead were bus drivers and three were passengers.',
      'Nurses said 9 of the wounded succumbed overnight.',
      'Of those unaccounted for, five were fishermen.',
      'The toll from the flooding in the eastern valleys climbed to at least 27.',
      'Medics said 31 people, including six infants, were being treated in hospital.',
    ].join('\n\n');
    const figures = figuresIn(body);
    const category = (text: string) => one(figures, text).category;
    expect(category('7 students')).toBe('killed');
    expect(category('11 farmers')).toBe('killed');
    expect(category('Four')).toBe('killed');
    expect(category('three')).toBe('killed');
    expect(category('9')).toBe('killed');
    expect(category('five')).toBe('missing');
    expect(category('at least 27')).toBe('killed');
    expect(category('31 people')).toBe('injured');
    expect(category('six infants')).toBe('injured');
  });

  it('carries a category along a list and to a bare number after it', () => {
    const body = [
      'The navy said it had sent up to 900 sailors, along with two supply ships and 6 helicopters.',
      '23 of the dead lived in the capital and 9 in the hills.',
      'Five bodies were recovered in the town and three in the village.',
    ].join('\n\n');
    const figures = figuresIn(body);
    expect(['up to 900 sailors', 'two supply ships', '6 helicopters'].map((t) => one(figures, t).category)).toEqual(['deployed', 'deployed', 'deployed']);
    expect(one(figures, '9').category).toBe('killed');
    expect(one(figures, 'three').category).toBe('killed');
  });

  it('never reads money as killed or sent, nor the doer of a relative clause as what was sent', () => {
    const body = 'The neighbouring state pledged 5 million euros and will dispatch a unit of 30 engineers. The mayor thanked the 8 towns that sent fire crews.';
    const figures = figuresIn(body);
    expect(one(figures, '5 million euros').category).toBe('other');
    expect(one(figures, '30 engineers').category).toBe('deployed');
    expect(one(figures, '8 towns').category).toBe('other');
  });

  it('leaves out times, measurements, ages and "one neighbour said"', () => {
    const body = [
      'The shop opened at six in the morning.',
      'The tremor measured magnitude 5.4 and the night fell to minus eight degrees.',
      'Lindqvist, 47, was first elected in 2009.',
      '"It came through the roof," one neighbour said.',
      'The barge was towed to anchorage 4.',
    ].join('\n\n');
    const figures = figuresIn(body);
    expectNoFigureAt(body, figures, 'at six in', 'six');
    expectNoFigureAt(body, figures, 'magnitude 5.4', '5.4');
    expectNoFigureAt(body, figures, 'minus eight degrees', 'eight');
    expectNoFigureAt(body, figures, 'Lindqvist, 47,', '47');
    expectNoFigureAt(body, figures, 'one neighbour', 'one');
    expectNoFigureAt(body, figures, 'anchorage 4', '4');
  });

  it('keeps a span of years, a distance and the next figure\'s noun out of a figure', () => {
    const body = 'The firm received $1.8 million between 2018 and 2021. Patrols pulled back 12 kilometres. The district recorded 640 measles cases and 19 deaths.';
    const figures = figuresIn(body);
    expectNoFigureAt(body, figures, 'between 2018', '2018');
    expectNoFigureAt(body, figures, '12 kilometres', '12');
    expect(one(figures, '640 measles cases').category).toBe('other');
    expect(one(figures, '19 deaths').category).toBe('killed');
  });

  it('reads "lost only two" (drones\' noun borrowed) as killed', () => {
    const figures = figuresIn('The militia reported 15 guards killed and three drones downed, and lost only two.');
    expect(one(figures, 'two').category).toBe('killed');
  });

  it('reads forces moved to a front as deployed, and exits, platforms and city blocks as no figures', () => {
    const body = 'The council had moved an additional 500 police and 20 water cannons to the square. The road between exits 3 and 5 was closed. She said platform two was crowded. We saw the smoke three blocks away.';
    const figures = figuresIn(body);
    expect(one(figures, '500 police').category).toBe('deployed');
    expect(one(figures, '20 water cannons').category).toBe('deployed');
    expectNoFigureAt(body, figures, 'exits 3', '3');
    expectNoFigureAt(body, figures, 'and 5', '5');
    expectNoFigureAt(body, figures, 'platform two', 'two');
    expectNoFigureAt(body, figures, 'three blocks', 'three');
  });

  it('reads those taken to hospital as injured, a figure joined to an including list by its own verb, and troops a state keeps as deployed', () => {
    const body = [
      'Paramedics said 14 people were taken to hospitals across the city.',
      'The agency said 9 people were killed, including at least three pilgrims, and 12 others were wounded.',
      'The alliance keeps some 800 troops in the enclave.',
      'Its pilot, 52, has flown the route for years, and visibility was close to zero about 4 nautical miles out.',
    ].join('\n\n');
    const figures = figuresIn(body);
    expect(one(figures, '14 people').category).toBe('injured');
    expect(one(figures, 'at least three pilgrims').category).toBe('killed');
    expect(one(figures, '12 others').category).toBe('injured');
    expect(one(figures, 'some 800 troops').category).toBe('deployed');
    expectNoFigureAt(body, figures, 'pilot, 52,', '52');
    expectNoFigureAt(body, figures, 'close to zero', 'zero');
    expectNoFigureAt(body, figures, '4 nautical', '4');
  });

  it('reads forces in a sentence about sending or gathering them as deployed, and not forces merely named', () => {
    const body = [
      'The mayor said 300 rescuers, 40 boats and 6 helicopters were assigned to the flood zone.',
      'The exercise, involving 1,200 naval personnel and 150 divers, began on Tuesday.',
      'The village has 9 firefighters.',
    ].join('\n\n');
    const figures = figuresIn(body);
    expect(['300 rescuers', '40 boats', '6 helicopters', '1,200 naval personnel', '150 divers'].map((t) => one(figures, t).category)).toEqual(['deployed', 'deployed', 'deployed', 'deployed', 'deployed']);
    expect(one(figures, '9 firefighters').category).toBe('other');
  });

  it('carries a verb through "along with", reads observers whose deployment is asked as deployed, and rain in millimetres as no figure', () => {
    const body = [
      'The envoy was injured along with two of her aides.',
      'The plan foresees a deployment of 80 unarmed observers.',
      'Some 95 millimetres of rain fell overnight.',
    ].join('\n\n');
    const figures = figuresIn(body);
    expect(one(figures, 'two').category).toBe('injured');
    expect(one(figures, '80 unarmed observers').category).toBe('deployed');
    expectNoFigureAt(body, figures, '95 millimetres', '95');
  });

  it('reads no word as a number that only objects have, such as "constructor"', () => {
    const figures = figuresIn('The constructor said 12 workers were hurt. Of the constructor, 4 were hurt.');
    expect(figures.map((f) => [f.text, f.category])).toEqual([
      ['12 workers', 'injured'],
      ['4', 'injured'],
    ]);
  });
});

describe('findFigures on the patterns of real news', () => {
  /** Category and rule of every figure of `body`, by its text. */
  const judgedAll = (body: string): Record<string, [string, string]> =>
    Object.fromEntries(figuresIn(body).map((f) => [f.text, [f.category, f.rule] as [string, string]]));

  it('reads a toll written as a noun phrase: "the killing of three shepherds", "the death of four nurses and two drivers"', () => {
    expect(judgedAll('Villagers demanded an inquiry into the killing of three shepherds near the dam.')).toEqual({ 'three shepherds': ['killed', 'cue-before'] });
    expect(judgedAll('The union mourned the death of four nurses and two drivers in the shelling.')).toEqual({
      'four nurses': ['killed', 'cue-before'],
      'two drivers': ['killed', 'governed-list'],
    });
    // `one of` stays a pronoun after such a noun: the figure is the one counted elsewhere.
    expect(judgedAll('The group vowed to avenge the killing of one of its commanders.')).toEqual({});
  });

  it('reads a toll that "was 26", "has risen to 7,588" or "stood at 22", and the number of dead or injured likewise', () => {
    expect(judgedAll('The death toll from the floods in the valley was 26, officials said.')).toEqual({ '26': ['killed', 'cue-before'] });
    expect(judgedAll("The death toll from Tuesday's landslides in the two provinces since 3 October has risen to 7,588.")).toEqual({ '7,588': ['killed', 'cue-before'] });
    expect(judgedAll('Local radio said the number of dead miners stood at 22 by nightfall.')).toEqual({ '22': ['killed', 'cue-before'] });
    expect(judgedAll('The number of people injured rose to 200 on Friday.')).toEqual({ '200': ['injured', 'cue-before'] });
    // The nearest count decides, and a toll road is no toll.
    expect(judgedAll('The toll rose to 26, and the number of injured climbed to 80.')['80']).toEqual(['injured', 'cue-before']);
    expect(judgedAll('The toll road carries an average of 30,000 cars.')).toEqual({ '30,000 cars': ['other', 'otherwise-other'] });
  });

  it('reads those "feared dead", "believed buried" or "presumed drowned" as missing, not killed', () => {
    expect(judgedAll('Troops killed four bandits, and another 12 herders were feared dead, police said.')['another 12 herders']).toEqual(['missing', 'governed-list']);
    expect(judgedAll('Troops killed four bandits, with another 12 herders feared dead.')['another 12 herders']).toEqual(['missing', 'cue-after']);
    expect(judgedAll('Nine workers are believed buried in the collapsed tunnel.')).toEqual({ 'Nine workers': ['missing', 'cue-after'] });
    expect(judgedAll('Seven climbers were swept away and are feared to have died.')).toEqual({ 'Seven climbers': ['missing', 'cue-after'] });
  });

  it('reads crews at work on a scene and a team of rescuers sized as a compound as deployed', () => {
    expect(judgedAll('More than 160 firefighters were battling the blaze on Sunday.')).toEqual({ 'More than 160 firefighters': ['deployed', 'forces-at-work'] });
    expect(judgedAll('Nearly 2,000 rescue workers were searching the rubble.')).toEqual({ 'Nearly 2,000 rescue workers': ['deployed', 'forces-at-work'] });
    expect(judgedAll('The province sent a 157-member team of rescuers to the valley.')).toEqual({ '157-member team': ['deployed', 'force-size'] });
    expect(judgedAll('A 40-strong contingent arrived at the camp.')).toEqual({ '40-strong contingent': ['deployed', 'force-size'] });
    // A group that is no force is still counted, as other; a one-man show is no group.
    expect(judgedAll('The union will send a five-member fact-finding team to the mine.')).toEqual({ 'five-member fact-finding team': ['other', 'otherwise-other'] });
    expect(judgedAll('It was a one-man show.')).toEqual({});
  });

  it('gives every member of an including list the category of the count before it, words first or numbers first', () => {
    expect(judgedAll('The ministry said 7,588 people had been killed, including 2,913 children, 1,709 women and 397 elderly people.')).toEqual({
      '7,588 people': ['killed', 'cue-after'],
      '2,913 children': ['killed', 'including-list'],
      '1,709 women': ['killed', 'including-list-joined'],
      '397 elderly people': ['killed', 'including-list-joined'],
    });
    expect(judgedAll('The storm killed 11 people, including a firefighter and two children.')['two children']).toEqual(['killed', 'including-list-member']);
    expect(judgedAll('Four people, including a guard and three cleaners, died in the fire.')).toEqual({
      'Four people': ['killed', 'cue-after'],
      'three cleaners': ['killed', 'including-list-member'],
    });
    expect(judgedAll('The toll of 26 included 9 children.')['9 children']).toEqual(['killed', 'including-list']);
  });

  it('reads group nouns in a sentence about deaths as killed: a list after "the toll includes", a sentence opening "This included"', () => {
    expect(judgedAll('The toll includes “nine Peruvians, two Chileans and one Bolivian,” the agency said.')).toEqual({
      'nine Peruvians': ['killed', 'cue-before'],
      'two Chileans': ['killed', 'governed-list'],
      'one Bolivian': ['killed', 'governed-list'],
    });
    expect(judgedAll('The fighting has killed more than 900 people. This included about 125 fighters loyal to the council and 148 tribal gunmen.')).toEqual({
      'more than 900 people': ['killed', 'cue-before'],
      'about 125 fighters': ['killed', 'included-in-total'],
      '148 tribal gunmen': ['killed', 'including-list-joined'],
    });
    expect(judgedAll('Three people were killed on Monday. Among them were two children.')['two children']).toEqual(['killed', 'included-in-total']);
    expect(judgedAll('Five people, four of them children, drowned when the boat capsized.')['Five people']).toEqual(['killed', 'cue-after']);
    expect(judgedAll('The fire killed a mother and her three children.')).toEqual({ 'three children': ['killed', 'cue-before'] });
    expect(judgedAll('Gunmen shot dead 15 worshippers at a mosque.')).toEqual({ '15 worshippers': ['killed', 'cue-before'] });
    expect(judgedAll('A strike killed the heads of its two field stations along with three guards.')['three guards']).toEqual(['killed', 'cue-before']);
  });

  it('reads Indian digit grouping and a space as thousands separator as one number', () => {
    const figures = figuresIn('The floods displaced 1,32,732 people, and officials said 100 000 more had fled the coast. In 2019 300 people died.');
    expect(figures.map((f) => [f.text, f.value])).toEqual([
      ['1,32,732 people', 132732],
      ['100 000 more', 100000],
      ['300 people', 300],
    ]);
    expect(explainNumbers('a', 'The code 1,2,3 is no number.', sentencesOf('The code 1,2,3 is no number.')).map((r) => r.rule)).toEqual(['identifier']);
  });

  it('reads an initialism, a model and quoted words as what is counted: "three U.S. soldiers", "two F-15s", 30 “massacres”', () => {
    // (The real splitter, which knows that `U.S.` ends no sentence.)
    const body = 'Three U.S. soldiers were killed in the attack.';
    expect(findFigures('a', body, splitSentences(body)).map((f) => [f.text, f.category, f.rule])).toEqual([['Three U.S. soldiers', 'killed', 'cue-after']]);
    expect(judgedAll('The strike was carried out by two F-15s.')).toEqual({ 'two F-15s': ['other', 'otherwise-other'] });
    expect(judgedAll('The monitor counted 30 “massacres” on the coast.')).toEqual({ '30 “massacres”': ['attacks', 'event-noun'] });
  });

  it('keeps over-eager categories out: victims of attacks, fires that are blazes, a combined count of dead and injured', () => {
    expect(judgedAll('A tip-off by three victims of the burglary attacks led police to the house.')).toEqual({ 'three victims': ['other', 'otherwise-other'] });
    expect(judgedAll('The chief said two of the bigger fires were moving east.')).toEqual({ two: ['other', 'otherwise-other'] });
    expect(judgedAll('The envoy said 1,200 civilians have been killed or injured since May.')).toEqual({ '1,200 civilians': ['other', 'combined-casualties'] });
    expect(judgedAll('Flooding has forced 40,000 people from their homes and killed 18.')).toEqual({
      '40,000 people': ['other', 'otherwise-other'],
      '18': ['killed', 'cue-before'],
    });
    expect(judgedAll('The blast left 14 dead and 40 wounded.')).toEqual({ '14': ['killed', 'cue-after'], '40': ['injured', 'cue-after'] });
    expect(judgedAll('The storm destroyed 200 homes and killed 12 cattle.')['200 homes']).toEqual(['other', 'otherwise-other']);
    // A bare number with a verb of its own does not share the figure before's; a copula and a noun do.
    expect(judgedAll('Officials said 12 people drowned and 30 were rescued.')['30']).toEqual(['other', 'otherwise-other']);
    expect(judgedAll('Five of the dead were guards and two were cooks.')['two']).toEqual(['killed', 'elided-count']);
    // Nor one with a verb of its own before it, after the word that joins it.
    expect(judgedAll('Gunmen stormed the village, killing 40 people and kidnapping more than 20.')['more than 20']).toEqual(['other', 'otherwise-other']);
    // A cue in quote marks right before the number still governs it.
    expect(judgedAll('The president accused the army of “mercilessly killing” 35,000 civilians since May.')['35,000 civilians']).toEqual(['killed', 'cue-before']);
    // A percentage is a share, whatever a list hands on.
    expect(judgedAll('The shelling has killed 220 people, nearly 40% of them children.')['nearly 40%']).toEqual(['other', 'percentage']);
  });

  it('reads a part of a counted whole as that thing: "downed 31 of 35 drones"', () => {
    expect(judgedAll('The air force said it had downed 31 of 35 drones overnight.')).toEqual({
      '31': ['rockets', 'cue-after'],
      '35 drones': ['rockets', 'event-noun'],
    });
  });

  it('names the cue that governs a number from before it', () => {
    const cueOf = (body: string, text: string) => explainNumbers('a', body, sentencesOf(body)).find((r) => r.text === text)?.cueBefore;
    expect(cueOf('Villagers mourned the killing of three shepherds.', 'three shepherds')).toBe('fate-of');
    expect(cueOf('Gunmen shot dead 15 worshippers.', '15 worshippers')).toBe('killing-phrase');
    expect(cueOf('The fire killed a mother and her three children.', 'three children')).toBe('object-list');
    expect(cueOf('The number of dead miners stood at 22.', '22')).toBe('toll-reaches');
    expect(cueOf('The toll includes “nine Peruvians and one Bolivian.”', 'nine Peruvians')).toBe('casualty-link');
    // `killed and 30 injured` is another clause, not the end of a list of objects.
    expect(cueOf('Nine people were killed and 30 injured.', '30')).toBeNull();
  });
});

describe('CATEGORY_RULES', () => {
  /** The category and rule of the only figure whose text is `text` in `body`. */
  const judged = (body: string, text: string): [string, string] => {
    const f = one(figuresIn(body), text);
    return [f.category, f.rule];
  };

  it('names each rule once and ends with the rule that places every figure', () => {
    const names = CATEGORY_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.at(-1)).toBe('otherwise-other');
    for (const rule of CATEGORY_RULES) expect(rule.recognises, rule.name).not.toBe('');
  });

  it('including-list: a figure after "including" takes the category of the figure before', () => {
    expect(judged('The blast killed 30 people, including 12 women.', '12 women')).toEqual(['killed', 'including-list']);
  });

  it('including-list-joined: a figure joined to an including list follows it, or its own cue after it', () => {
    expect(judged('The blast killed 30 people, including 12 women and 9 children.', '9 children')).toEqual(['killed', 'including-list-joined']);
    expect(judged('Police said 8 people were killed, including two guards, and 14 others were hurt.', '14 others')).toEqual(['injured', 'including-list-joined']);
  });

  it('money-is-other: a sum of money is other, by symbol or by name', () => {
    expect(judged('The donors sent 40 million dollars.', '40 million dollars')).toEqual(['other', 'money-is-other']);
    expect(judged('The fund lost $3 billion.', '$3 billion')).toEqual(['other', 'money-is-other']);
  });

  it('event-noun: a counted noun that is itself an event', () => {
    expect(judged('The militia carried out 24 raids last month.', '24 raids')).toEqual(['attacks', 'event-noun']);
    expect(judged('Officials counted 63 cyberattacks in a year.', '63 cyberattacks')).toEqual(['attacks', 'event-noun']);
  });

  it('event-modifier: a modifier in the counted words that says what happened', () => {
    expect(judged('Rescuers carried three injured climbers down the slope.', 'three injured climbers')).toEqual(['injured', 'event-modifier']);
  });

  it('cue-before: a cue that governs the number from before it', () => {
    expect(judged('The storm killed at least 30 people.', 'at least 30 people')).toEqual(['killed', 'cue-before']);
    expect(judged('The death toll rose to 41.', '41')).toEqual(['killed', 'cue-before']);
  });

  it('forces-moved: forces right after a verb that moves or keeps them', () => {
    expect(judged('The government moved an additional 500 troops to the coast.', '500 troops')).toEqual(['deployed', 'forces-moved']);
  });

  it('lost-in-fighting: people an army lost', () => {
    expect(judged('The militia had lost three fighters by nightfall.', 'three fighters')).toEqual(['killed', 'lost-in-fighting']);
  });

  it('governed-list: a figure joined to one a verb governs', () => {
    expect(judged('The navy sent two frigates, four tugs and 900 sailors.', 'four tugs')).toEqual(['deployed', 'governed-list']);
  });

  it('listed-along-with: a figure after "along with" shares the category of the figure before', () => {
    expect(judged('At least 40 officers were deployed to the port on Monday, along with 12 patrol boats.', '12 patrol boats')).toEqual(['deployed', 'listed-along-with']);
  });

  it('taken-to-hospital: people taken to hospital are injured', () => {
    expect(judged('Paramedics said 6 climbers were airlifted to hospital.', '6 climbers')).toEqual(['injured', 'taken-to-hospital']);
  });

  it('cue-after: a cue after the counted words, in the same clause', () => {
    expect(judged('Rangers said 90 hikers are reported missing.', '90 hikers')).toEqual(['missing', 'cue-after']);
  });

  it('elided-count: a bare number after a figure shares its predicate', () => {
    expect(judged('The army keeps 800 troops in the north and 300 in the south.', '300')).toEqual(['deployed', 'elided-count']);
  });

  it('forces-being-sent: forces in a sentence about gathering them', () => {
    expect(judged('The exercise, involving 1,200 sailors, began on Tuesday.', '1,200 sailors')).toEqual(['deployed', 'forces-being-sent']);
  });

  it('including-list-member: a figure in an including list whose first members are words', () => {
    expect(judged('The storm killed 11 people, including a firefighter and two children.', 'two children')).toEqual(['killed', 'including-list-member']);
  });

  it('included-in-total: a sentence that opens on the count of the sentence before', () => {
    expect(judged('The fighting has killed 900 people. This included 125 fighters.', '125 fighters')).toEqual(['killed', 'included-in-total']);
  });

  it('combined-casualties: the dead and the injured counted together are other', () => {
    expect(judged('The envoy said 1,200 civilians have been killed or injured since May.', '1,200 civilians')).toEqual(['other', 'combined-casualties']);
    expect(judged('The raid killed or wounded 40 people.', '40 people')).toEqual(['other', 'combined-casualties']);
    expect(judged('The storm left 3 people dead and injured dozens.', '3 people')).toEqual(['killed', 'cue-after']);
  });

  it('force-size: a group of forces sized as a compound', () => {
    expect(judged('The province sent a 157-member team of rescuers to the valley.', '157-member team')).toEqual(['deployed', 'force-size']);
  });

  it('others-of-same-kind: others after a figure whose noun is an event', () => {
    expect(judged('Two airstrikes hit the port, while three others landed near the airport.', 'three others')).toEqual(['attacks', 'others-of-same-kind']);
    expect(judged('Five soldiers were killed, while three others escaped.', 'three others')).toEqual(['other', 'otherwise-other']);
  });

  it('times-attacked: a count of times in a clause whose verb attacks', () => {
    expect(judged('The militia has targeted the base at least 12 times this year.', 'at least 12 times')).toEqual(['attacks', 'times-attacked']);
    expect(judged('The minister has visited the base 12 times.', '12 times')).toEqual(['other', 'otherwise-other']);
  });

  it('forces-kept: troops a state has somewhere, or whose presence is counted', () => {
    expect(judged('The US has about 900 troops in the country.', 'about 900 troops')).toEqual(['deployed', 'forces-kept']);
    expect(judged('The alliance keeps a presence of about 2,500 personnel in the region.', 'about 2,500 personnel')).toEqual(['deployed', 'forces-kept']);
    expect(judged('The village has 9 firefighters.', '9 firefighters')).toEqual(['other', 'otherwise-other']);
  });

  it('forces-at-work: forces in a sentence about their work at a scene', () => {
    expect(judged('More than 160 firefighters were battling the blaze.', 'More than 160 firefighters')).toEqual(['deployed', 'forces-at-work']);
  });

  it('otherwise-other: a figure no rule places', () => {
    expect(judged('The storm left 200 families homeless.', '200 families')).toEqual(['other', 'otherwise-other']);
  });

  it('lets the earlier rule win where two apply: money sent is money, drones deployed are weapons', () => {
    // `sent` governs both numbers; only the second is money, which `money-is-other` settles first.
    expect(judged('The donors sent 40 trucks.', '40 trucks')).toEqual(['deployed', 'cue-before']);
    expect(judged('The donors sent 40 million dollars.', '40 million dollars')).toEqual(['other', 'money-is-other']);
    // `deployed` governs both; drones are weapons, which `event-noun` settles first.
    expect(judged('The army deployed 12 trucks.', '12 trucks')).toEqual(['deployed', 'cue-before']);
    expect(judged('The army deployed 12 drones.', '12 drones')).toEqual(['rockets', 'event-noun']);
    const order = CATEGORY_RULES.map((r) => r.name);
    expect(order.indexOf('money-is-other')).toBeLessThan(order.indexOf('cue-before'));
    expect(order.indexOf('event-noun')).toBeLessThan(order.indexOf('cue-before'));
  });
});

describe('EXCLUSION_RULES and explainNumbers', () => {
  it('names each exclusion rule once, each saying what it recognises', () => {
    const names = EXCLUSION_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of EXCLUSION_RULES) expect(rule.recognises, rule.name).not.toBe('');
  });

  it('traces every number turned down to the rule that turned it down', () => {
    const body = [
      'It was the 3rd convoy this week.',
      'The F-16 landed at 10:30.',
      'The quake measured magnitude 5.4.',
      'Lindqvist, 47, resigned.',
      'The vote fell on June 4.',
      'The plan dates from 2019.',
      'Talks lasted three hours.',
      'The council cited article 51 and exits 4 and 5.',
      'Both sides said the two ministers met.',
      'The rivals blamed one another.',
      'The storm killed 12 people.',
    ].join('\n\n');
    const readings = explainNumbers('a', body, sentencesOf(body));
    expect(readings.map((r) => [r.text, r.rule])).toEqual([
      ['3', 'ordinal'],
      ['16', 'inside-word'],
      ['10:30', 'time-of-day'],
      ['5.4', 'measurement'],
      ['47', 'age'],
      ['4', 'date'],
      ['2019', 'year'],
      ['three', 'duration'],
      ['51', 'identifier'],
      ['4', 'identifier'],
      ['5', 'identifier-list'],
      ['two', 'reference-not-count'],
      ['one', 'pronoun-one'],
      ['12 people', 'cue-before'],
    ]);
  });

  it('gives the figures findFigures gives, in the same order', () => {
    const body = fixture('000_c4276befe0b9bbfb.txt');
    const sentences = sentencesOf(body);
    expect(explainNumbers('000', body, sentences).flatMap((r) => (r.figure ? [r.figure] : []))).toEqual(findFigures('000', body, sentences));
  });
});
