/**
 * Attribution on the patterns of real news copy, each in sentences written for the test (never a
 * labelled article's wording): the speaker, or nobody where the text does not settle it, and the
 * rule that decided with its evidence.
 */
import { describe, expect, it } from 'vitest';
import { findQuotations } from '../../src/analysis/quotes/quotations.ts';
import { splitSentences } from '../../src/analysis/text/sentences.ts';

/** Each quotation as [text, kind, speaker name or null]. */
function read(body: string): [string, string, string | null][] {
  return findQuotations(body, splitSentences(body)).quotations.map((q) => [q.text, q.kind, q.speaker?.name ?? null]);
}

/** The quotation holding `words`, with its rule and evidence. */
function quotation(body: string, words: string) {
  const all = findQuotations(body, splitSentences(body)).quotations;
  const q = all.find((x) => x.text === words) ?? all.find((x) => x.text.includes(words));
  if (!q) throw new Error(`no quotation holds "${words}"`);
  return { speaker: q.speaker?.name ?? null, kind: q.kind, rule: q.rule, evidence: q.evidence ? body.slice(q.evidence.start, q.evidence.end) : null };
}

describe('quote marks as printed', () => {
  it('closes a quotation at two apostrophes typed for a closing mark', () => {
    const body = 'Shares fell sharply.\n\n"The numbers look fine except for one thing,\'\' said Petra Lindqvist, an analyst at Nordhavn Securities.';
    expect(read(body)).toContainEqual(['The numbers look fine except for one thing', 'statement', 'Petra Lindqvist']);
  });

  it("reads British single quotes closed by ,' before the attribution", () => {
    const body = "The mediator Tomas Brandt met both sides.\n\n'Their detention is a disgrace,' said Brandt. 'They must be freed.'";
    expect(read(body)).toEqual([
      ['Their detention is a disgrace', 'statement', 'Tomas Brandt'],
      ['They must be freed.', 'statement', 'Tomas Brandt'],
    ]);
  });

  it('closes a curly opening at a straight mark when no curly closing follows', () => {
    const body = '“We will rebuild the bridge by spring," Mayor Ines Calloway said.';
    expect(read(body)).toEqual([['We will rebuild the bridge by spring', 'statement', 'Ines Calloway']]);
  });
});

describe('the attribution after a quotation', () => {
  it('reads a role before the name: "…," port spokesman, Ada Okafor said', () => {
    const body = '“We stopped two ships at the harbour mouth,” port spokesman, Ada Okafor said in a statement.';
    expect(quotation(body, 'two ships')).toMatchObject({ speaker: 'Ada Okafor', rule: 'after-subject-verb/name', evidence: 'port spokesman, Ada Okafor said' });
  });

  it('reads a name with a title and a stop: "…," Mr. Okafor assured', () => {
    const body = 'Farm minister Ada Okafor opened the market.\n\n“Growers need not worry about prices,” Mr. Okafor assured.';
    expect(quotation(body, 'Growers')).toMatchObject({ speaker: 'Ada Okafor', evidence: 'Mr. Okafor assured' });
  });

  it('reads a subject with its asides: "…," NAME, deputy head of …, who led …, said', () => {
    const body = '“We cannot stop now,” Liang Wen, deputy head of the provincial rescue team, who led 40 rescuers, said on Monday.';
    const found = quotation(body, 'cannot stop');
    expect(found.speaker).toBe('Liang Wen');
    expect(found.evidence).toMatch(/^Liang Wen, .* said$/u);
  });

  it('gives the words to the person quoted, not the agency quoting them: "…," the agency said, quoting NAME', () => {
    const body = 'The Coastal News Agency covered the seizure.\n\nThe ship “was held under a court order,” the agency said, quoting port commander Rasmus Holt.';
    expect(quotation(body, 'court order')).toMatchObject({ speaker: 'Rasmus Holt', rule: 'after-quoting/name' });
  });

  it('takes the short sentence after a quotation that only attributes it', () => {
    const body = 'Marta Quiroga lost her shop in the flood.\n\n“We had dinner and then the water came.” Marta told the Valley Post. “It was over in minutes.”';
    expect(read(body)).toEqual([
      ['We had dinner and then the water came.', 'statement', 'Marta Quiroga'],
      ['It was over in minutes.', 'statement', 'Marta Quiroga'],
    ]);
  });

  it('takes an attribution closing the sentence after the quotation', () => {
    const body = 'Officers seized a lorry carrying “contraband cigarettes” near the border crossing, local media reported.';
    expect(quotation(body, 'contraband')).toMatchObject({ speaker: 'local media', rule: 'later-in-sentence/unnamed-source' });
  });

  it('does not read a clause opened by "while" after the closing mark as the attribution', () => {
    const body = 'The charity Open Harbour criticised the “widening gap in results,” while opposition spokesman Dev Raman declared the plan a failure.';
    expect(quotation(body, 'widening gap')).toMatchObject({ speaker: 'Open Harbour' });
  });

  it('reads on into a paragraph broken before its lower-case attribution', () => {
    const body = 'A military source told the agency that strikes had begun.\n\n"Aircraft are striking targets near the coast,"\n\nthe source said.';
    expect(quotation(body, 'Aircraft')).toMatchObject({ speaker: 'A military source' });
  });
});

describe('the attribution before a quotation', () => {
  it('takes the name that ends an opening phrase with no comma', () => {
    const body = 'A spokesman, Karl Edvin, spoke first.\n\nOn Friday President Nadia Solberg said the strikes were over. She added that "if you harm our sailors, we will respond."';
    expect(quotation(body, 'harm our sailors')).toMatchObject({ speaker: 'Nadia Solberg' });
  });

  it('gives a participle the subject that stands right before it, not the sentence subject', () => {
    const body = 'Up to 12 homes were affected, Fire Chief Oren Vale said, with the broadcaster Lumen reporting they were “flattened”.';
    expect(quotation(body, 'flattened')).toMatchObject({ speaker: 'Lumen' });
  });

  it('gives a reported clause its own subject: NAME said OTHER had described it as "…"', () => {
    const body = 'The defendant, Aaron Pike, denies the charges.\n\nProsecutor Lena Hart said Pike, who is defended by Sam Orr, has described the claims as “pure invention”.';
    expect(quotation(body, 'pure invention')).toMatchObject({ speaker: 'Aaron Pike' });
  });

  it('gives the words of "…, which she said …" to the subject of that clause', () => {
    const body = 'Minister Clara Voss met the unions.\n\nVoss said the unions had their own demands, which she said were “not on the table.”';
    expect(quotation(body, 'not on the table')).toMatchObject({ speaker: 'Clara Voss' });
  });

  it("never gives a claim of someone named to the sentence's subject", () => {
    const body = 'Envoy Samir Haddad spoke at the council.\n\nHaddad dismissed Norland’s claims of conducting “precise and limited” strikes as false.';
    const found = quotation(body, 'precise and limited');
    expect(found.speaker).not.toBe('Samir Haddad');
    expect(found.rule.startsWith('claim-of/')).toBe(true);
  });

  it('reads the agent of a passive speech verb: were told by officials it was "…"', () => {
    const body = 'Residents of the valley were told by authorities it was “too late to leave” and they must “stay indoors”.';
    expect(read(body)).toEqual([
      ['too late to leave', 'phrase', 'authorities'],
      ['stay indoors', 'phrase', 'authorities'],
    ]);
  });

  it('never attributes by a negated or passive speech verb', () => {
    const body = 'Opposition leader Mira Kell spoke after Prime Minister Ole Brandt.\n\nShe claimed Brandt had not told parliament “the whole story”.';
    expect(quotation(body, 'the whole story').speaker).not.toBe('Ole Brandt');
  });
});

describe('pronouns and people of one kind', () => {
  it('means the subject of its own sentence: NAME told X: "…" and he said "…"', () => {
    const body = 'Deputy Rory Dunne asked about the report.\n\nPrime Minister Sean Kealy told the Harbour Party leader: “You have it wrong” and he said “I reject what you are suggesting.”';
    expect(quotation(body, 'I reject')).toMatchObject({ speaker: 'Sean Kealy' });
  });

  it('names nobody when another person stands beside the pronoun', () => {
    const body = 'Prosecutor Dana Wells addressed the jury.\n\nThe prosecutor played a recording the girl made last year, in which she said: “He told me to keep it a secret.”';
    expect(quotation(body, 'keep it a secret')).toMatchObject({ speaker: null, rule: 'before-verb/pronoun-ambiguous' });
  });

  it('names nobody for a pronoun inside a quotation', () => {
    const body = 'Witness Nora Bell gave evidence.\n\nBell said: “He would say, ‘Stay in your room.’ I was afraid.”';
    expect(quotation(body, 'Stay in your room.')).toMatchObject({ speaker: null, rule: 'before-verb/pronoun-in-quotation' });
  });

  it('follows a person named by one name after a noun for a person, then by a pronoun', () => {
    const body = 'The newspaper did not respond, but the victim’s cousin Amal told reporters: “We were shocked.”\n\n“These claims are false,” he added.';
    expect(read(body)).toEqual([
      ['We were shocked.', 'statement', 'Amal'],
      ['These claims are false', 'statement', 'Amal'],
    ]);
  });
});

describe('unnamed sources and organisations', () => {
  it('shows an unnamed source as described, never as a named person with that role', () => {
    const body = 'Ambassador Lars Eng spoke first.\n\n“Nobody here wants a new war,” one diplomat said.\n\n“The ferry blew its horn twice,” said a fisherman who watched from the pier.';
    expect(read(body)).toEqual([
      ['Nobody here wants a new war', 'statement', 'one diplomat'],
      ['The ferry blew its horn twice', 'statement', 'a fisherman'],
    ]);
  });

  it('names a body by its acronym in brackets, and finds it by the acronym later', () => {
    const body = 'The Mountain Rescue Service (MRS) said two climbers were missing.\n\n“We are searching the north face,” MRS said.';
    const { quotations, people } = findQuotations(body, splitSentences(body));
    expect(quotations.map((q) => q.speaker?.name)).toEqual(['Mountain Rescue Service', 'Mountain Rescue Service']);
    expect(people.persons.find((p) => p.name === 'Mountain Rescue Service')?.alias).toBe('MRS');
  });

  it('gives "a statement said" to the body the text is about', () => {
    const body = 'The Harbour Authority said the port would reopen.\n\n“The port will reopen on Monday,” a statement said.';
    expect(quotation(body, 'reopen on Monday')).toMatchObject({ speaker: 'Harbour Authority', rule: 'after-subject-verb/document' });
  });
});

describe('a speaker across paragraphs and names', () => {
  it('continues a speaker after a line of narrative about them', () => {
    const body = [
      '“We ate together and then I went to sleep,” Lina Haddad told the paper.',
      'Hours later, Haddad woke to the sound of the blast.',
      '“I thought I was dreaming, but the roof was gone.”',
    ].join('\n\n');
    expect(quotation(body, 'the roof was gone')).toMatchObject({ speaker: 'Lina Haddad', rule: 'continued/after-narrative' });
  });

  it('does not continue a speaker across a paragraph about someone else', () => {
    const body = [
      '“We ate together and then I went to sleep,” Lina Haddad told the paper.',
      'Her neighbour, Omar Saleh, ran to the street.',
      '“I thought I was dreaming, but the roof was gone.”',
    ].join('\n\n');
    expect(quotation(body, 'the roof was gone').speaker).toBeNull();
  });

  it('ties a title before a known surname to that person', () => {
    const body = 'Teodor Marin took office in March.\n\nPresident Marin said the talks would go on.\n\nSpeaking on Sunday, the interim president said: “We will hold elections within a year.”';
    expect(quotation(body, 'hold elections')).toMatchObject({ speaker: 'Teodor Marin' });
  });

  it('reads verb then subject when the subject carries a clause: "…," says Chief NAME, who …', () => {
    const body = "'It was a hard day for everyone,' says Chief Ada Okafor, who informed the families on Thursday.";
    expect(quotation(body, 'hard day')).toMatchObject({ speaker: 'Ada Okafor', rule: 'after-verb-subject/name' });
  });

  it('gives first-person words inside a sentence about one person to that person', () => {
    const body = 'Mayor Rosa Lind faced questions.\n\nMs Lind sent an aide to the station because “I thought it right that the chief should know at once”.';
    expect(quotation(body, 'I thought it right')).toMatchObject({ speaker: 'Rosa Lind', rule: 'first-person-subject/name' });
  });

  it('shows a capital under its own name, findable by its state', () => {
    const body = 'Officials in Oslo commented first.\n\nOslo said the vessel had carried “undeclared cargo.”';
    const { quotations, people } = findQuotations(body, splitSentences(body));
    expect(quotations[0]!.speaker?.name).toBe('Oslo');
    expect(people.persons.find((p) => p.name === 'Oslo')?.alias).toBe('Norway');
  });

  it('never takes a number opening a sentence for part of a name, and keeps a particle inside one', () => {
    const body = 'Two Orvane fighters died on Monday.\n\n“We fought to the end,” Orvane said.\n\n“The team never gave up,” said manager Erik ten Brink.';
    const found = read(body);
    expect(found.some(([, , speaker]) => speaker === 'Two Orvane')).toBe(false);
    expect(found).toContainEqual(['The team never gave up', 'statement', 'Erik ten Brink']);
  });
});

describe('safety on unseen news', () => {
  it('never gives "he" to a woman the article named, nor "she" to a man', () => {
    const body = 'Mrs Alma Reyes chairs the residents group.\n\nMrs Reyes said: “The hearing was a farce.”\n\n“We were never asked,” he said.';
    expect(quotation(body, 'never asked').speaker).toBeNull();
    expect(quotation(body, 'was a farce').speaker).toBe('Alma Reyes');
  });

  it('lets a pronoun reach back two paragraphs, no further', () => {
    const near = 'Coach Dan Ekberg spoke after the match.\n\n“We were patient,” he said.';
    expect(quotation(near, 'patient').speaker).toBe('Dan Ekberg');
    const far = ['Coach Dan Ekberg spoke after the match.', 'The stadium was full.', 'Rain fell in the second half.', 'Fans sang until the end.', '“We were patient,” he said.'].join('\n\n');
    expect(quotation(far, 'patient').speaker).toBeNull();
  });

  it('never makes a speaker of a common noun alone, nor guesses which body "the group" is', () => {
    const body = 'The UN said aid was blocked.\n\nThe group said its fighters had withdrawn. “We left the town,” the army said.';
    const found = read(body);
    // Only the UN's own sentence is the UN's: 'the group' is not guessed to be the last body named.
    expect(found.filter(([, , speaker]) => speaker === 'UN')).toHaveLength(1);
    expect(found).toContainEqual(['We left the town', 'statement', null]);
  });

  it('takes a name and nothing else after the closing mark as the attribution, the verb left out', () => {
    const body = '“We have the votes on the substance,” White House spokeswoman Ada Okafor.';
    expect(quotation(body, 'the votes')).toMatchObject({ speaker: 'Ada Okafor', rule: 'after-name-alone/name' });
  });

  it('reads an address as an aside: "NAME, of Mill Close, said"', () => {
    const body = 'Tom Berry, of Mill Close, said residents felt they had had “a raw deal” from the council.';
    expect(quotation(body, 'a raw deal').speaker).toBe('Tom Berry');
  });

  it('reads present-tense speech verbs of feature copy', () => {
    const body = 'Nita Sari lost her house.\n\n“There was a great roar and then the water came,” she explains.';
    expect(quotation(body, 'great roar').speaker).toBe('Nita Sari');
  });

  it('never takes a dateline in capitals for a speaker: "CITY: The ministry said …"', () => {
    const body = 'HALVIK: The Coastal Health Ministry said two people had died.\n\nThe ministry said the clinic was “overwhelmed”.';
    const found = read(body);
    expect(found.some(([, , speaker]) => speaker === 'HALVIK')).toBe(false);
    expect(found).toContainEqual(['overwhelmed', 'phrase', 'Coastal Health Ministry']);
  });

  it('gives a subject that is a descriptor then a name to the name, so a later pronoun means them', () => {
    const body = [
      'Bruno Lima and his neighbours pulled a man from the rubble. “Hurry, hurry,” he shouted.',
      'Another resident of the island, Juna Reis, went to the hospital to see her mother.',
      '“There was a great roar,” she explains.',
    ].join('\n\n');
    expect(quotation(body, 'great roar').speaker).toBe('Juna Reis');
  });

  it('reads "X stood up and shouted" as X\'s words, not the reporting speaker\'s', () => {
    const body = 'Prosecutor Mia Holt said as the verdict was read, Carl Dane stood up and shouted: “You will regret this.”';
    expect(quotation(body, 'regret this').speaker).toBe('Carl Dane');
  });
});

describe('names that belong to something else', () => {
  it('never makes a person of the body a role belongs to: NAME, head of strategy at Harbour Investor, said', () => {
    const body = 'Mia Lund, head of strategy at Harbour Investor, said: “The warning was a shock.”';
    expect(quotation(body, 'a shock').speaker).toBe('Mia Lund');
  });

  it('never makes a body of a role: "…," said the Northland Chief Minister', () => {
    const body = '“I would be happy to host him,” said the Northland Chief Minister.';
    const { people } = findQuotations(body, splitSentences(body));
    expect(people.persons.some((p) => p.kind === 'organisation' && p.name.includes('Minister'))).toBe(false);
  });

  it('reads one capitalised word after a common noun as a name in quotes, no one\'s words', () => {
    const body = 'At least 11 people died in typhoon “Ada,” mostly from landslides, officials said.';
    expect(read(body)).toContainEqual(['Ada', 'scare', null]);
  });
});

describe('reaction lists and asides', () => {
  it('reads a name and a colon opening the paragraph: "Coach NAME: \"…\""', () => {
    const body = 'What they said after the match.\n\nRiverside manager Tom Okoro: “We started the game well and deserved more.”';
    expect(quotation(body, 'started the game')).toMatchObject({ speaker: 'Tom Okoro', rule: 'name-colon/name' });
  });

  it('gives a participle with no verb to borrow from to the sentence\'s own subject', () => {
    const body = 'Riverside manager Tom Okoro was philosophical about the result, saying: “They are a very good side.”';
    expect(quotation(body, 'very good side').speaker).toBe('Tom Okoro');
  });

  it('reads a job after a name and its comma as an apposition: NAME, financial analyst at a firm, said', () => {
    const body = 'Nina Berg, financial analyst at Coastline Markets, said the update was a reality check after the rival “gave its peers some optimism”.';
    expect(quotation(body, 'some optimism').speaker).toBe('Nina Berg');
  });

  it('reads "hit back" as speech', () => {
    const body = 'Governor Rahul Mehta faced the charge.\n\n“Totally not true,” Mr Mehta hit back.';
    expect(quotation(body, 'Totally not true').speaker).toBe('Rahul Mehta');
  });
});

describe('names and paragraphs as printed', () => {
  it('reads a month before a surname as a first name: Chief April Nolan', () => {
    const body = "'The day was very hard,' says Chief April Nolan, who met the families on Thursday.";
    expect(quotation(body, 'very hard').speaker).toBe('April Nolan');
  });

  it('reads on from a paragraph broken in mid-sentence to find the speech verb', () => {
    const body = 'He said the mission was over, adding that the capital was holding talks with\n\nits partners on building “lasting security ties.”';
    const found = quotation(body, 'lasting security ties');
    expect(found.kind).toBe('phrase');
    expect(found.rule.startsWith('before-verb/')).toBe(true);
  });

  it('keeps a short phrase a body said as a phrase, though the body is named only by a common noun', () => {
    const body = 'The group said the drones had “directly hit” their targets.';
    expect(read(body)).toEqual([['directly hit', 'phrase', null]]);
  });
});

describe('one armed force under its other nouns', () => {
  it('gives "the army said" to the one military the article named, and to nobody when it named two', () => {
    const one = 'The Norland military said it had struck a depot.\n\n“Most rockets were intercepted,” the army said.';
    expect(quotation(one, 'Most rockets').speaker).toBe('Norland military');
    const two = 'The Norland military and the Vestrian army both reported clashes.\n\n“Most rockets were intercepted,” the army said.';
    expect(quotation(two, 'Most rockets').speaker).toBeNull();
  });
});

describe('a body the text says is one', () => {
  it('names a body from the capitalised words an apposition calls an organisation', () => {
    const body = 'Open Hearth, an aid organisation, said the strike hit “directly in front” of its clinic.';
    expect(quotation(body, 'directly in front').speaker).toBe('Open Hearth');
  });

  it('reads "praised" as speech', () => {
    const body = 'In his address, President Teodor Marin praised the country’s “air defence crews.”';
    expect(quotation(body, 'air defence crews').speaker).toBe('Teodor Marin');
  });
});

describe('a person named once, then by their office', () => {
  it('gives "the UN official said" to the one person the article tied to the UN, and a later "he" to them too', () => {
    const body =
      'Marta Kowal, director of operations for the UN refugee office, said the camps were full.\n\nThe UN official said “nobody can be turned away now”.\n\n“We have asked for more tents,” he said.';
    expect(read(body).filter(([, kind]) => kind !== 'reported')).toEqual([
      ['nobody can be turned away now', 'phrase', 'Marta Kowal'],
      ['We have asked for more tents', 'statement', 'Marta Kowal'],
    ]);
  });

  it('keeps "the UN official" an unnamed one the article spoke of, not the named person of the UN', () => {
    const body = 'Marta Kowal, director of operations for the UN refugee office, visited the camp.\n\n“The road is closed,” a UN official said.\n\nThe UN official said “trucks are waiting at the border”.';
    expect(quotation(body, 'trucks are waiting').speaker).not.toBe('Marta Kowal');
  });

  it('names nobody for "the UN official" when two people of the UN were named', () => {
    const body =
      'Marta Kowal, director of operations for the UN refugee office, and Piet Laan, head of the UN food agency, toured the port.\n\nThe UN official said “the harbour is the only way in”.';
    expect(quotation(body, 'the only way in').speaker).not.toBe('Marta Kowal');
    expect(quotation(body, 'the only way in').speaker).not.toBe('Piet Laan');
  });

  it('gives the words to the person whose job is set off by commas, not to the body named after the job', () => {
    const body = 'Tomas Reyes, chief executive of the regional water company, Aquanor, said supplies were “secure for the summer”.';
    expect(quotation(body, 'secure for the summer')).toMatchObject({ speaker: 'Tomas Reyes' });
  });
});

describe('British and Irish council copy', () => {
  it('reads Cllr as a title: Cllr Ada Halloran and Cllr Halloran are one person', () => {
    const body = 'Cllr Ada Halloran proposed the motion.\n\n“The library must stay open,” Cllr Halloran told the meeting.';
    expect(read(body).filter(([, kind]) => kind !== 'reported')).toEqual([['The library must stay open', 'statement', 'Ada Halloran']]);
  });

  it('finds the subject after a participle’s clause, commas and all, so that a later "he" is that person', () => {
    const body =
      'The complaint was raised by Labour councillor Ruth Byrne.\n\nCriticising the state of the park on Sunday, after a week of calls from residents, Cllr Mark Dolan made a statement.\n\n“This has to stop now,” he said.';
    expect(quotation(body, 'This has to stop now')).toMatchObject({ speaker: 'Mark Dolan', rule: 'after-subject-verb/pronoun' });
  });

  it('keeps a name ending in -ing a name, not a participle', () => {
    const body = 'Officials in Beijing said on Monday that talks would resume.\n\nBeijing said the talks were “a step forward”.';
    expect(quotation(body, 'a step forward').speaker).toBe('Beijing');
  });
});

describe('a quotation opened inside its speaker’s own sentence', () => {
  it('gives "he said" after it to the person who opens that sentence, not to the one before', () => {
    const body =
      'Mayor Tom Frost spoke at length about the budget on Monday.\n\nHealth Minister Omar Haddad issued a statement explaining that “the clinics will stay open through the winter.\n\n“Nobody will lose care this year,” he said.';
    expect(read(body).filter(([, kind]) => kind !== 'reported').map(([, , speaker]) => speaker)).toEqual(['Omar Haddad']);
  });
});

describe('a term the reporter names', () => {
  it('reads words after "known as" as a scare quote nobody said, even in a speaker’s sentence', () => {
    const body = 'Rafiq Osman said that what is known as “buffer stock” had run out, and that the depots were empty.\n\nThe ferries, known as “the night boats”, stopped running in May.';
    expect(read(body).filter(([, kind]) => kind !== 'reported')).toEqual([
      ['buffer stock', 'scare', null],
      ['the night boats', 'scare', null],
    ]);
  });
});

describe('names with a particle', () => {
  it('reads an East African particle inside a name, and the surname with it after the verb', () => {
    const body = 'Cabinet Secretary Daniel ole Sankale said the county would get new vehicles.\n\n“We have ordered ten of them,” said ole Sankale.\n\n“They arrive in May,” Sankale added.';
    expect(read(body).filter(([, kind]) => kind !== 'reported')).toEqual([
      ['We have ordered ten of them', 'statement', 'Daniel ole Sankale'],
      ['They arrive in May', 'statement', 'Daniel ole Sankale'],
    ]);
  });
});

describe('a person named again by age, and quoted at length', () => {
  it('gives "the 54-year-old said" to the person the text is about, but never a woman to "the 54-year-old man"', () => {
    const body = 'Mrs Grace Tully has run the cafe on the pier for ten years.\n\nThe 54-year-old said: “We will not close for the winter.”';
    expect(quotation(body, 'We will not close')).toMatchObject({ speaker: 'Grace Tully', rule: 'before-verb/age' });
    const man = 'Mrs Grace Tully has run the cafe on the pier for ten years.\n\nThe 54-year-old man said: “We will not close for the winter.”';
    expect(quotation(man, 'We will not close').speaker).toBeNull();
  });

  it('keeps a speaker whose words run on over several paragraphs the one a later "he added" means', () => {
    const body = [
      'Owen Pryce has kept bees on the allotment for thirty years.',
      'He said: ‘The hives were fine on Friday.',
      '‘On Saturday morning two of them had been kicked over.',
      '‘Whoever did it had no idea what they were doing.’',
      'He added: ‘I will be there every night now.’',
    ].join('\n\n');
    expect(quotation(body, 'every night now')).toMatchObject({ speaker: 'Owen Pryce' });
  });
});

describe('a person known by one name', () => {
  it('reads "said Tarek, a resident of the town" as a person, whom a later "he told" means', () => {
    const body = 'Shelling resumed in the north of the town overnight.\n\n“The roads are empty and nobody dares to go out,” said Tarek, a resident of the old quarter.\n\n“We have had no water since Monday,” he told reporters by phone.';
    expect(read(body).filter(([, kind]) => kind !== 'reported')).toEqual([
      ['The roads are empty and nobody dares to go out', 'statement', 'Tarek'],
      ['We have had no water since Monday', 'statement', 'Tarek'],
    ]);
  });

  it('keeps a body a body when its apposition says so: "said Harbourwatch, a charity"', () => {
    const body = '“The boats were overloaded,” said Harbourwatch, a charity that monitors the crossings.\n\n“Nobody checked them,” it said.';
    expect(quotation(body, 'The boats were overloaded').speaker).toBe('Harbourwatch');
  });
});

describe('a report of someone’s words', () => {
  it('gives the words that are a person’s predicate to nobody rather than to the agency that reports the sentence', () => {
    const body = 'Karim Nassar, head of the port workers’ union, “confirmed the strike would go ahead” on Tuesday, the Norland Press Agency reported.';
    expect(quotation(body, 'confirmed the strike').speaker).not.toBe('Norland Press Agency');
    const reported = 'Police arrested two men at the harbour on “smuggling charges” overnight, local media reported.';
    expect(quotation(reported, 'smuggling charges').speaker).toBe('local media');
  });
});

describe('"official" as an adjective', () => {
  it('gives "Norland’s official Press Agency said" to the agency, while "ministry official Ada Halloran" stays a person', () => {
    const body = 'Shelling hit the border overnight.\n\nNorland’s official Press Agency said “two villages were struck before dawn”.\n\nForeign ministry official Ada Halloran said the reports were “being checked”.';
    expect(read(body).filter(([, kind]) => kind !== 'reported')).toEqual([
      ['two villages were struck before dawn', 'phrase', 'Norland’s official Press Agency'],
      ['being checked', 'phrase', 'Ada Halloran'],
    ]);
  });
});

describe('a speech verb in a clause of its own', () => {
  it('does not give words to the subject of a speech verb inside an "if" clause before them', () => {
    const body = 'Councillor Ama Mensah has often criticised the landlord of the town hall.\n\nRory Dunne said the letter was a warning that, if Mensah continues to criticise the landlord, “the hall will not be rented to your group again.”';
    expect(quotation(body, 'the hall will not be rented').speaker).not.toBe('Ama Mensah');
  });
});

describe('wire copy: datelines, relays and inserted attributions', () => {
  it('never takes a dateline for the speaker: "HALVIK – A senior official said"', () => {
    const body = 'HALVIK – A senior port official said Monday that the strike had “gone on long enough.”';
    expect(quotation(body, 'gone on long enough').speaker).not.toBe('HALVIK');
  });

  it('gives words to the person named before "who said"', () => {
    const body = 'The remarks echo those made by General Tomas Varga who said the drill was “a warning to anyone watching.” He added, “We are ready.”';
    expect(read(body).map(([, , speaker]) => speaker)).toEqual(['Tomas Varga', 'Tomas Varga']);
  });

  it('reads "France, the envoy said, will …" as the envoy’s words, not France’s', () => {
    const body = 'The talks ended on Friday.\n\nFrance, the envoy said, “will not sign anything this year.”';
    expect(quotation(body, 'will not sign').speaker).not.toBe('France');
  });

  it('prefers the person’s attribution set off by commas to the agency that reports the whole sentence', () => {
    const body = 'The strike used “a new long-range drone” launched from the coast, Karim Nassar said, adding that more would follow, the Norland Press Agency reported.';
    expect(quotation(body, 'a new long-range drone').speaker).toBe('Karim Nassar');
  });

  it('never lets "he" mean several unnamed people', () => {
    const body = 'Mr Tom Keane said the raiders came at night. Residents have now left the village.\n\n“We are afraid they will come back,” he said.';
    expect(quotation(body, 'We are afraid').speaker).toBe('Tom Keane');
  });

  it('reads a name with a joined particle in quote marks as a name nobody says: operation “Laylat al-Noor”', () => {
    const body = 'General Tomas Varga said the operation “Laylat al-Noor” was over.';
    expect(quotation(body, 'Laylat al-Noor')).toMatchObject({ kind: 'scare', speaker: null });
  });
});

describe('a pronoun after a clause of contrast', () => {
  it('never gives "he said" to the name after the comma of a "While …" clause', () => {
    const body = 'Commander Sami Haddad spoke on Tuesday.\n\nWhile Haddad praised the work of his predecessor, Omar Rahim, who died in 2020, he said the new drones were “entirely our own.”';
    expect(quotation(body, 'entirely our own').speaker).not.toBe('Omar Rahim');
  });
});

describe('titles and carried-on quotations', () => {
  it('reads "Member of County Assembly Mr Ada Halloran" as a person, whom a later "she said" means', () => {
    const body = 'North Ward Member of County Assembly Mrs Ada Halloran condemned the raid, calling on the minister to act.\n\n“Nobody has come to help us,” she said.';
    expect(quotation(body, 'Nobody has come to help us').speaker).toBe('Ada Halloran');
  });

  it('gives a quotation that carries on in lower case after "said Voss." to Voss', () => {
    const body = 'Fire chief Dana Voss spoke at the scene.\n\n“Nobody was hurt, and that matters most,” said Voss. “but the building is lost, and twelve families need a home tonight.”';
    expect(quotation(body, 'but the building is lost')).toMatchObject({ speaker: 'Dana Voss', evidence: 'said Voss' });
  });
});

describe('a company by its trade, a source by its place', () => {
  it('gives "the chemicals maker said" to the company named before', () => {
    const body = '“We will report on Friday,” Brightwell said in a statement last week.\n\nThe review found a weak “culture of control” among senior managers, the chemicals maker said.';
    expect(quotation(body, 'culture of control').speaker).toBe('Brightwell');
  });

  it('gives "the Norlandic official based in the capital said" to the unnamed official spoken of before', () => {
    const body = '“Talks will resume on Sunday,” a Norlandic official close to the negotiators said.\n\nThe Norlandic official based in the capital said the truce would last “about two months”.';
    expect(quotation(body, 'about two months').speaker).toBe('a Norlandic official');
  });
});

describe('descriptors that only look like names', () => {
  it('reads "the Ridge military spokesman" as the spokesman, not a person whose name ends in Ridge', () => {
    const body = 'The Vashti Ridge rebels claimed the attack.\n\nOmar Saleh, the Ridge military spokesman, said the ship had suffered “heavy damage” in the strike.';
    expect(quotation(body, 'heavy damage').speaker).toBe('Omar Saleh');
  });

  it('keeps a state apart from a body that carries its name: "the United States representative" is not United States Space Command', () => {
    const body = 'United States Space Command said it was tracking the launch.\n\nThe United States representative to the UN said the launch was “a clear provocation”.';
    expect(quotation(body, 'a clear provocation').speaker).not.toBe('United States Space Command');
  });

  it('never ties a clause to a name as its description, nor takes a consulate for a person', () => {
    const body =
      'Bahman Rezai said the reports were false.\n\n“We will protest the attack,” the foreign ministry spokesman said about the fire at the Norlandic Consulate in the port city on Monday.\n\nThe spokesman for the ministry said: “Our ties are good.”';
    const { people } = findQuotations(body, splitSentences(body));
    expect(people.persons.filter((p) => p.kind === 'person').map((p) => p.name)).toEqual(['Bahman Rezai']);
  });
});

describe('a name inside an apposition', () => {
  it('gives "Aziz Kamal, deputy chief of staff to Prime Minister Ada Halloran, said" and a later "he wrote" to Kamal', () => {
    const body =
      'Aziz Kamal, deputy chief of staff to Prime Minister Ada Halloran, said the drones were launched from the west.\n\n“They flew in from the border,” he wrote on X.';
    expect(quotation(body, 'They flew in from the border').speaker).toBe('Aziz Kamal');
  });

  it('keeps "Commander of the Navy Rear Admiral Tomas Varga said" Varga’s words', () => {
    const body = 'Commander of the Norland Navy Rear Admiral Tomas Varga said the drill was “a message to every neighbour”.';
    expect(quotation(body, 'a message to every neighbour').speaker).toBe('Tomas Varga');
  });

  it('gives "the spokesperson added" to the unnamed spokesperson who spoke for a firm since the named one', () => {
    const body =
      'Omar Saleh, the rebels’ military spokesman, said the ship was hit.\n\n“We are unsure of the ship’s state,” said a spokesperson for Seaward Salvage.\n\n“The owners are considering a tow,” the spokesperson added.';
    expect(quotation(body, 'considering a tow').speaker).not.toBe('Omar Saleh');
  });
});
