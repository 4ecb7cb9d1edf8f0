import { describe, expect, it } from 'vitest';
import { findQuotations } from '../../src/analysis/quotes/quotations.ts';
import { findQuoteSpans } from '../../src/analysis/quotes/spans.ts';
import { splitSentences } from '../../src/analysis/text/sentences.ts';

/** Quotations of a body as [text, kind, speaker name or null]. */
function quotations(body: string): [string, string, string | null][] {
  return findQuotations(body, splitSentences(body)).quotations.map((q) => [q.text, q.kind, q.speaker?.name ?? null]);
}

describe('findQuoteSpans', () => {
  it('finds straight, curly and single curly quotes, and not apostrophes', () => {
    const body = 'He said “Iran’s role is clear,” and "nothing else." Biden said the US ‘does not seek conflict with Iran’.';
    const texts = findQuoteSpans(body).map((s) => body.slice(s.start, s.end));
    expect(texts).toEqual(['Iran’s role is clear', 'nothing else.', 'does not seek conflict with Iran']);
  });

  it('runs a quotation on into the next paragraph when that paragraph opens with a quote mark', () => {
    const body = '"We will not stop here. The work goes on.\n\n"We have only begun," the minister said.';
    const spans = findQuoteSpans(body);
    expect(spans).toHaveLength(1);
    expect(body.slice(spans[0]!.start, spans[0]!.end)).toBe('We will not stop here. The work goes on.\n\n"We have only begun');
  });
});

describe('findQuotations', () => {
  it('attributes a quote closed by "he noted" to the person the paragraph before is about', () => {
    const body =
      "In a letter to the UN chief, Iran's ambassador to the UN Majid Takht-Ravanchi denied the claims.\n\n" +
      '"The Islamic Republic of Iran has not been involved in any armed attack in Iraq," he noted.';
    expect(quotations(body)).toContainEqual(['The Islamic Republic of Iran has not been involved in any armed attack in Iraq', 'statement', 'Majid Takht-Ravanchi']);
  });

  it('attributes a two-sentence quote introduced by "the Iranian envoy added" to the ambassador named earlier', () => {
    const body =
      "Iran's ambassador to the UN Majid Takht-Ravanchi denied the claims.\n\n" +
      '"Therefore, we deny any claim about our involvement in Iraq. Such allegations are totally baseless, invalid, and false," the Iranian envoy added.';
    const found = quotations(body);
    expect(found).toContainEqual([
      'Therefore, we deny any claim about our involvement in Iraq. Such allegations are totally baseless, invalid, and false',
      'statement',
      'Majid Takht-Ravanchi',
    ]);
  });

  it('ties the descriptor in a lede to the person the next sentence names', () => {
    const body =
      "Iran's permanent ambassador to the United Nations has rejected the allegations.\n\n" +
      '“We are not involved in any attack,” Amir Saeid Iravani told CNN.\n\n' +
      'Earlier, the Iranian envoy to the United Nations said that Tehran “has never been involved in any attack or action against US forces in Syria and Iraq.”';
    const found = quotations(body);
    expect(found).toContainEqual(['We are not involved in any attack', 'statement', 'Amir Saeid Iravani']);
    expect(found).toContainEqual(['has never been involved in any attack or action against US forces in Syria and Iraq.', 'phrase', 'Amir Saeid Iravani']);
  });

  it('gives "said X" and "X said" quotations to X and merges a later surname with the full name', () => {
    const body = 'Officials met on Monday.\n\n"The talks went well," said Maria Lopez, the trade minister.\n\n"We expect a deal soon," Lopez said.';
    const found = quotations(body);
    expect(found).toContainEqual(['The talks went well', 'statement', 'Maria Lopez']);
    expect(found).toContainEqual(['We expect a deal soon', 'statement', 'Maria Lopez']);
  });

  it('leaves the speaker null when the article does not say who spoke', () => {
    const body = 'The mood was tense.\n\n"Nobody knows what happens next," a voice shouted from the crowd.';
    expect(quotations(body)).toEqual([['Nobody knows what happens next', 'statement', null]]);
  });

  it('does not hand a pronoun to the nearest name when nobody is the subject yet', () => {
    const body = 'A report by John Smith appeared on Monday.\n\n"It is over," she said.';
    expect(quotations(body)).toEqual([['It is over', 'statement', null]]);
  });

  it('marks so-called and "what it calls" quotes as scare quotes with no speaker', () => {
    const body = 'The minister accused the so-called "non-governmental militia groups" of the attack. The West has blamed what it calls “Iran-backed groups” for it.';
    expect(quotations(body)).toEqual([
      ['non-governmental militia groups', 'scare', null],
      ['Iran-backed groups', 'scare', null],
      // The sentence still reports what the West said; `the minister` is nobody the article names.
      ['The West has blamed what it calls “Iran-backed groups” for it.', 'reported', 'West'],
    ]);
  });

  it('takes the subject of the verb before a participle: "X wrote a letter, alleging that …"', () => {
    const body = 'The letter came after his American counterpart, Linda Thomas-Greenfield, wrote to the Council, alleging that "militia groups" were involved.';
    expect(quotations(body)).toContainEqual(['militia groups', 'phrase', 'Linda Thomas-Greenfield']);
  });

  it('reports speech without quote marks: "…, he said" and "X said on Thursday that …"', () => {
    const body =
      'Pentagon deputy press secretary Sabrina Singh said on Thursday that the forces were attacked 46 times. That includes 24 attacks in Iraq, she added.';
    const found = quotations(body);
    expect(found.map(([, kind, who]) => [kind, who])).toEqual([
      ['reported', 'Sabrina Singh'],
      ['reported', 'Sabrina Singh'],
    ]);
  });

  it('spells one person the same way across two spellings in an article', () => {
    const body =
      "Iran's Permanent Representative to the United Nations, Amir Saeed Iravani, denied the accusations.\n\n" +
      '“We have never been involved,” Amir Saeid Iravani said.';
    const { people } = findQuotations(body, splitSentences(body));
    expect(people.persons.filter((p) => p.surname === 'iravani')).toHaveLength(1);
  });

  it('continues a speaker\'s statement into a quotation that stands alone as the next sentence', () => {
    const body = 'Prime Minister Denys Shmyhal spoke late on Monday.\n\n"It is hard," Shmyhal said. "But we hold."';
    expect(quotations(body)).toContainEqual(['But we hold.', 'statement', 'Denys Shmyhal']);
  });

  it('does not continue a statement into a quotation that has an attribution of its own', () => {
    const body = '"It is hard," Denys Shmyhal said.\n\n"We need more air defense," said one resident, who declined to give her name.';
    expect(quotations(body)).toContainEqual(['We need more air defense', 'statement', 'one resident']);
  });

  it('drops a title inside a run of capitals from the name: "Ukrainian President Volodymyr Zelenskyy"', () => {
    const body = '"The enemy is trying to leave us without light," Ukrainian President Volodymyr Zelenskyy said.';
    expect(quotations(body)).toEqual([['The enemy is trying to leave us without light', 'statement', 'Volodymyr Zelenskyy']]);
  });

  it('never gives what "officials said" to one named person: they stay unnamed officials', () => {
    const body = 'KYIV (AP) — Drones struck a power plant overnight, officials said Tuesday.\n\n"We will respond," Ukrainian President Volodymyr Zelenskyy said.';
    const found = quotations(body);
    expect(found.filter(([, kind]) => kind === 'reported').map(([, , speaker]) => speaker)).toEqual(['officials']);
  });
});

describe('descriptors', () => {
  it('does not give "the Iranian envoy" to the person the article calls "the UN envoy"', () => {
    const body = 'Jane Doe, the UN envoy, arrived on Monday.\n\n"We are not involved," the Iranian envoy said.';
    expect(quotations(body)).toEqual([['We are not involved', 'statement', null]]);
  });
});

describe('findQuotations on the ways agencies attribute', () => {
  it('gives states and organisations their words: a country, a body by its head noun, a spokesperson for one', () => {
    const body = [
      'Sudan rejected the accusations.',
      'Kyrgyzstan’s State Committee for National Security said in a statement that the border was closed.',
      '"We do not comment on operations," a Pentagon spokesperson said.',
      'The spokesperson added that the review was ongoing.',
    ].join('\n\n');
    expect(quotations(body).map(([, kind, who]) => [kind, who])).toEqual([
      ['reported', 'Sudan'],
      ['reported', 'Kyrgyzstan’s State Committee for National Security'],
      ['statement', 'Pentagon'],
      ['reported', 'Pentagon'],
    ]);
  });

  it('tells apart two people who share a surname by who was named last, and by an apposition', () => {
    const body = [
      '"This was a cowardly attack," said Amina Abakar, the communication minister.',
      'General Hassan Abakar, the army chief of staff, said the air defences held.',
      '"We will strike them," the general said.',
      'Abakar said more troops had been sent.',
      'Ali Hosseini, the head of the Red Crescent, said tents had arrived.',
      'Reza Hosseini, the governor of the province, said roads were cut.',
      'Hosseini, the Red Crescent chief, said more volunteers were coming.',
    ].join('\n\n');
    const who = quotations(body).map(([, , name]) => name);
    expect(who).toEqual(['Amina Abakar', 'Hassan Abakar', 'Hassan Abakar', 'Hassan Abakar', 'Ali Hosseini', 'Reza Hosseini', 'Ali Hosseini']);
  });

  it('keeps a speaker whose name the article spells two ways, and never gives a later-named person an earlier quote', () => {
    const body = [
      '"We did not start this," the commander said.',
      'The commander of the border troops, Lt. Gen. Saidmurod Rakhimov, spoke on Wednesday.',
      '"We will not allow anyone to redraw the border," Rahimov said.',
    ].join('\n\n');
    expect(quotations(body).map(([, , who]) => who)).toEqual([null, 'Saidmurod Rakhimov']);
  });

  it('passes over relative clauses, asides and appositions to the subject, and an "and" to the verb before it', () => {
    const body = [
      'Nurlan Asanov, who flew to Batken on Wednesday, said 2,000 troops had been sent.',
      'Ingrid Solberg, a spokeswoman for the UN refugee agency (UNHCR), said in Geneva: "The gateway is closing."',
      'Its envoy, Zhang Wenbo, told the council that Beijing "firmly supports" dialogue and warned against "interference under humanitarian pretexts".',
    ].join('\n\n');
    expect(quotations(body).map(([text, kind, who]) => [text.slice(0, 20), kind, who])).toEqual([
      ['Nurlan Asanov, who f', 'reported', 'Nurlan Asanov'],
      ['The gateway is closi', 'statement', 'Ingrid Solberg'],
      ['firmly supports', 'phrase', 'Zhang Wenbo'],
      ['interference under h', 'phrase', 'Zhang Wenbo'],
    ]);
  });

  it('finds quotes inside quotes and straight single quotes, and reads a quoted title as a scare quote', () => {
    const body = [
      'He said: “The FCRN told the world it would ‘bring the war to the cities’. They did.”',
      "The press service said the army had been ordered to 'defend every inch of Tajik land'.",
      'The rebels claimed the attack, saying it marked the start of “Operation Harmattan”.',
      "The soldiers' families waited.",
    ].join('\n\n');
    const found = quotations(body);
    expect(found).toContainEqual(['bring the war to the cities', 'phrase', 'FCRN']);
    // `The press service` names no body the article has named: a common noun is never a speaker.
    expect(found).toContainEqual(['defend every inch of Tajik land', 'phrase', null]);
    expect(found).toContainEqual(['Operation Harmattan', 'scare', null]);
    expect(found.some(([text]) => text.startsWith('families'))).toBe(false);
  });

  it('gives the words of "one diplomat" or "a senior official" to that description, never to whoever else holds the role', () => {
    const body = [
      'Chad’s ambassador, Youssouf Bichara, spoke first.',
      '"Nobody wants a new sanctions regime," one diplomat said.',
      'A senior official said the vote would be delayed.',
    ].join('\n\n');
    const found = quotations(body);
    expect(found).toContainEqual(['Nobody wants a new sanctions regime', 'statement', 'one diplomat']);
    expect(found).toContainEqual(['A senior official said the vote would be delayed.', 'reported', 'A senior official']);
    expect(found.some(([, , speaker]) => speaker === 'Youssouf Bichara')).toBe(false);
  });

  it('gives a participle hung on a document to the document\'s author', () => {
    const body = 'The move follows a statement from the Defence Ministry on Friday, claiming the strikes hit only military targets.';
    expect(quotations(body)).toEqual([[body, 'reported', 'Defence Ministry']]);
    // With no author named, nobody.
    expect(quotations('The move follows a statement on Friday, claiming the strikes hit only military targets.')).toEqual([]);
  });

  it('reads the article\'s named bodies first, so "the ministry" is the one named by now, and "Neighbouring Zambia" is Zambia', () => {
    const body = [
      'According to the Kyrgyz Health Ministry, five of the dead were border guards.',
      'The ministry said 23 people were being treated.',
      'Neighbouring Zambia said it had stepped up screening.',
      'The Tajik Foreign Ministry later rejected the account.',
    ].join('\n\n');
    expect(quotations(body).map(([, , who]) => who)).toEqual(['Kyrgyz Health Ministry', 'Kyrgyz Health Ministry', 'Zambia', 'Tajik Foreign Ministry']);
  });

  it('finds a short surname at the end of a sentence and a spelling two letters away in a long name', () => {
    const body = [
      '"The sea is not lawless," said Foreign Minister Margus Tamm.',
      '"It is a pattern," said state Sen. Marcus Delahoussaye.',
      'Delahoussey said the panel would vote next week.',
    ].join('\n\n');
    expect(quotations(body).map(([, , who]) => who)).toEqual(['Margus Tamm', 'Marcus Delahoussaye', 'Marcus Delahoussaye']);
  });

  it('ties a lede\'s descriptor before its relative clause to the person named next', () => {
    const body = [
      'A former finance chief of the engineering firm that won a $48 million contract told a Senate panel on Tuesday that he paid bribes.',
      'Daniel Broussard, who left the firm last year, said he had kept records.',
    ].join('\n\n');
    expect(quotations(body).map(([, kind, who]) => [kind, who])).toEqual([
      ['reported', 'Daniel Broussard'],
      ['reported', 'Daniel Broussard'],
    ]);
  });

  it('does not read "maintained their presence" as speech', () => {
    expect(quotations('American forces have maintained their presence in both countries.')).toEqual([]);
    expect(quotations('The Pentagon maintained that the strikes were lawful.')).toEqual([['The Pentagon maintained that the strikes were lawful.', 'reported', 'Pentagon']]);
  });

  it('reads a surname opening with a particle, an age between commas, and a body whose name runs past "and"', () => {
    const body = [
      '"We are ready," said Yahya al-Hamzi, the negotiator.',
      '"There are still thousands of detainees," al-Hamzy said.',
      'His daughter, Megan Lindqvist, 24, said: "The smoke smelled like burning tires."',
      'According to federal Occupational Safety and Health Administration records, the plant was cited twice.',
      'The UN special envoy, Henrik Solberg, welcomed the releases.',
    ].join('\n\n');
    expect(quotations(body).map(([, , who]) => who)).toEqual(['Yahya al-Hamzi', 'Yahya al-Hamzi', 'Megan Lindqvist', 'Occupational Safety and Health Administration', 'Henrik Solberg']);
  });

  it('gives "the company" to the body last heard when none is named a company', () => {
    const body = [
      'A fire destroyed a plant owned by Kessler Polymer Products on Sunday.',
      'Kessler Polymer Products said in a statement that it was cooperating.',
      'The company said the fire began on a production line.',
    ].join('\n\n');
    expect(quotations(body).map(([, , who]) => who)).toEqual(['Kessler Polymer Products', 'Kessler Polymer Products']);
  });

  it('reads state-agency titles, a governor by abbreviation, and staff speaking for their body', () => {
    const body = [
      'President of the Republic of Kazakhstan Yerlan Tokhtarov held talks on Wednesday, the Press Service of the President of the Republic of Kazakhstan reported.',
      'The President of Kazakhstan noted that trade had grown.',
      'Gov. Helen Marchetti visited the fire line on Wednesday.',
      'The governor said more crews were on the way.',
      'Investigators with the Sierra Foothills Fire Protection District said the blaze began near a power line.',
      'Mohamed Camara, 31, from Guinea, said it had been his third attempt.',
    ].join('\n\n');
    expect(quotations(body).map(([, , who]) => who)).toEqual([
      'Press Service of the President of the Republic of Kazakhstan',
      'Yerlan Tokhtarov',
      'Helen Marchetti',
      'Sierra Foothills Fire Protection District',
      'Mohamed Camara',
    ]);
  });

  it('finds a name after a body\'s long title, a title word such as Commissioner, and a body named with "del"', () => {
    const body = [
      'Spokesman of the Ministry of Foreign Affairs Naser Mohammadzadeh rejected the statement as “baseless and interventionist”.',
      'The head of the Federal Police, Commissioner Gustavo Sarmiento, spoke on Monday.',
      '“My officers were pelted for an hour,” the commissioner told reporters.',
      'The national airport operator, Aeropuertos del Sur, said 312 flights had been cancelled.',
    ].join('\n\n');
    expect(quotations(body).map(([, , who]) => who)).toEqual(['Naser Mohammadzadeh', 'Gustavo Sarmiento', 'Aeropuertos del Sur']);
  });

  it('reads a body named after its kind, and a name after a kind of body as no person', () => {
    const body = [
      'The charity Rescue Line Mediterranean, whose ship reached the scene first, said its crew had pulled 14 people from the water.',
      'Karin Berg, head of sanctions research at the consultancy Halden Risk in London, said the action was “moving up the chain”.',
    ].join('\n\n');
    expect(quotations(body).map(([, , who]) => who)).toEqual(['Rescue Line Mediterranean', 'Karin Berg']);
  });

  it('knows a body named by a proper word and what it is, so "the office" is that office; "went on" is speech only before words', () => {
    const body = [
      'More than 1,240 people have been killed, according to the U.N. humanitarian office.',
      'More than 3,000 people have been wounded, the office said.',
      'Al-Saadi joined the militia in 2014 and went on to command its brigade.',
    ].join('\n\n');
    expect(quotations(body).map(([, , who]) => who)).toEqual(['U.N. humanitarian office', 'U.N. humanitarian office']);
  });
});
