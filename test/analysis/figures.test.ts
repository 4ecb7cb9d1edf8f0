import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUES, findFigures, QUALIFIERS, TIME_UNITS } from '../../src/analysis/figures/figures.ts';
import type { Figure, Sentence } from '../../src/analysis/types.ts';

/**
 * A tiny sentence splitter for these tests (the real one lives in src/index/sentences.ts): breaks after
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

  it('skips ordinals, identifiers and codes: 21st, Resolution 2334, Article 51, Tower 22, No. 5, F-16, COVID-19', () => {
    const body =
      'It was the 21st attack on the convoy. The council cited Resolution 2334 and Article 51. ' +
      'Three US soldiers were killed in a drone attack on Tower 22 in Jordan. ' +
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
    const body = 'The army deployed 3,000 troops to the border and sent a dozen helicopters. Twenty-five people and two hundred and fifty sheep drowned.';
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

describe('exported tables', () => {
  it('exposes the qualifiers, cues and time units for later rules', () => {
    expect(QUALIFIERS).toContain('a total of');
    expect(CUES.killed.verbs).toContain('killed');
    expect(CUES.missing.words).toContain('missing');
    expect(TIME_UNITS).toContain('days');
  });
});

describe('findFigures invariants', () => {
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
    const body = 'Between 35 and 50 rockets landed. Rescuers have yet to reach 15-20 villages. The group has 2,000 to 3,000 fighters.';
    const figures = figuresIn(body);
    expect(figures.map((f) => [f.text, f.value, f.upper])).toEqual([
      ['Between 35 and 50 rockets', 35, 50],
      ['15-20 villages', 15, 20],
      ['2,000 to 3,000 fighters', 2000, 3000],
    ]);
    expect(one(figures, 'Between 35 and 50 rockets').category).toBe('rockets');
  });

  it('does not read a change "from 31 to 57" or a date "2023-10-17" as a range', () => {
    const figures = figuresIn('The toll rose from 31 to 57 people on 2023-10-17.');
    expect(figures.every((f) => f.upper === null)).toBe(true);
    expect(figures.map((f) => f.text)).not.toContain('2023-10-17');
  });

  it('takes the category from casualty words linked to the number', () => {
    const body = [
      'The dead included 12 children.',
      'Among the dead are 19 women.',
      'Five of the dead were border guards and two were civilians.',
      'Doctors said 26 of the wounded succumbed to their injuries.',
      'Of those still unaccounted for, seven were miners.',
      'The death toll from the quake in the north of the country has risen to at least 63.',
      'Officials said 23 people, including four children, were being treated in hospital.',
    ].join('\n\n');
    const figures = figuresIn(body);
    const category = (text: string) => one(figures, text).category;
    expect(category('12 children')).toBe('killed');
    expect(category('19 women')).toBe('killed');
    expect(category('Five')).toBe('killed');
    expect(category('two')).toBe('killed');
    expect(category('26')).toBe('killed');
    expect(category('seven')).toBe('missing');
    expect(category('at least 63')).toBe('killed');
    expect(category('23 people')).toBe('injured');
    expect(category('four children')).toBe('injured');
  });

  it('carries a category along a list and to a bare number after it', () => {
    const body = [
      'The army said it had sent up to 4,000 soldiers, along with three transport planes and 12 helicopters.',
      '41 of the deaths were in Cagayan and 17 in Isabela.',
      'Five bodies were recovered in the town and three in the village.',
    ].join('\n\n');
    const figures = figuresIn(body);
    expect(['up to 4,000 soldiers', 'three transport planes', '12 helicopters'].map((t) => one(figures, t).category)).toEqual(['deployed', 'deployed', 'deployed']);
    expect(one(figures, '17').category).toBe('killed');
    expect(one(figures, 'three').category).toBe('killed');
  });

  it('never reads money as killed or sent, nor the doer of a relative clause as what was sent', () => {
    const body = 'China pledged 20 million yuan and said it would send a team of 60 rescuers. Iran thanked the 11 countries that had sent aid.';
    const figures = figuresIn(body);
    expect(one(figures, '20 million yuan').category).toBe('other');
    expect(one(figures, '60 rescuers').category).toBe('deployed');
    expect(one(figures, '11 countries').category).toBe('other');
  });

  it('leaves out times, measurements, ages and "one resident said"', () => {
    const body = [
      'We ran out at five in the morning.',
      'The quake measured magnitude 6.1 and it was minus five degrees.',
      'Okafor, 58, was first elected in 2011.',
      '"It fell on the market," one resident said.',
      'The ship was taken to anchorage 7.',
    ].join('\n\n');
    const figures = figuresIn(body);
    expectNoFigureAt(body, figures, 'at five in', 'five');
    expectNoFigureAt(body, figures, 'magnitude 6.1', '6.1');
    expectNoFigureAt(body, figures, 'minus five degrees', 'five');
    expectNoFigureAt(body, figures, 'Okafor, 58,', '58');
    expectNoFigureAt(body, figures, 'one resident', 'one');
    expectNoFigureAt(body, figures, 'anchorage 7', '7');
  });

  it('keeps a span of years, a distance and the next figure\'s noun out of a figure', () => {
    const body = 'Magnolia received $3.4 million between 2020 and 2023. Troops pulled back 25 kilometres. Malawi recorded 1,284 cholera cases and 47 deaths.';
    const figures = figuresIn(body);
    expectNoFigureAt(body, figures, 'between 2020', '2020');
    expectNoFigureAt(body, figures, '25 kilometres', '25');
    expect(one(figures, '1,284 cholera cases').category).toBe('other');
    expect(one(figures, '47 deaths').category).toBe('killed');
  });

  it('reads "lost only two of their own" as killed', () => {
    const figures = figuresIn('Rebels said they had killed at least 40 soldiers, shot down four drones and lost only two of their own.');
    expect(one(figures, 'two').category).toBe('killed');
  });

  it('reads forces moved to a front as deployed, and exits, lines and city blocks as no figures', () => {
    const body = 'The ministry had moved an additional 3,000 troops and 40 armored vehicles to the frontier. The road between exits 14 and 16 was closed. We knew line four was trouble. We saw the glow two blocks away.';
    const figures = figuresIn(body);
    expect(one(figures, '3,000 troops').category).toBe('deployed');
    expect(one(figures, '40 armored vehicles').category).toBe('deployed');
    expectNoFigureAt(body, figures, 'exits 14', '14');
    expectNoFigureAt(body, figures, 'and 16', '16');
    expectNoFigureAt(body, figures, 'line four', 'four');
    expectNoFigureAt(body, figures, 'two blocks', 'two');
  });

  it('reads those taken to hospital as injured, a figure joined to an including list by its own verb, and troops a state keeps as deployed', () => {
    const body = [
      'Officials said 38 people had been taken to hospitals in Piraeus.',
      'The ministry said 16 people were killed, including at least five civilians, and 25 others were wounded.',
      'Washington keeps some 2,500 troops in Iraq.',
      'Its captain, 58, has sailed the route for years, and visibility was close to zero about 3 nautical miles out.',
    ].join('\n\n');
    const figures = figuresIn(body);
    expect(one(figures, '38 people').category).toBe('injured');
    expect(one(figures, 'at least five civilians').category).toBe('killed');
    expect(one(figures, '25 others').category).toBe('injured');
    expect(one(figures, 'some 2,500 troops').category).toBe('deployed');
    expectNoFigureAt(body, figures, 'captain, 58,', '58');
    expectNoFigureAt(body, figures, 'close to zero', 'zero');
    expectNoFigureAt(body, figures, '3 nautical', '3');
  });

  it('reads forces in a sentence about sending or gathering them as deployed, and not forces merely named', () => {
    const body = [
      'The governor said 1,100 firefighters, 85 engines and 14 aircraft had been assigned to the blaze.',
      'The drill, involving 3,500 naval personnel and 400 commandos, began on Wednesday.',
      'The town has 12 firefighters.',
    ].join('\n\n');
    const figures = figuresIn(body);
    expect(['1,100 firefighters', '85 engines', '14 aircraft', '3,500 naval personnel', '400 commandos'].map((t) => one(figures, t).category)).toEqual(['deployed', 'deployed', 'deployed', 'deployed', 'deployed']);
    expect(one(figures, '12 firefighters').category).toBe('other');
  });

  it('carries a verb through "along with", reads monitors whose deployment is asked as deployed, and rain in millimetres as no figure', () => {
    const body = [
      'The commander was killed along with two of his bodyguards.',
      'It also requests the deployment of up to 250 civilian monitors.',
      'Some 410 millimetres of rain fell in a week.',
    ].join('\n\n');
    const figures = figuresIn(body);
    expect(one(figures, 'two').category).toBe('killed');
    expect(one(figures, 'up to 250 civilian monitors').category).toBe('deployed');
    expectNoFigureAt(body, figures, '410 millimetres', '410');
  });
});
