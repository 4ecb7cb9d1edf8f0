/**
 * The second stage of attribution: from a mention (the subject phrase of a speech verb: `he`, `the
 * envoy`, `Halloran`, `the ministry`) to the person or organisation of the article it means. Read in
 * order, as an ordered list of named sieves; the name of the one that settled a mention travels
 * with the quotation, so a wrong speaker can be traced to its cause.
 */
import { DOCUMENT_NOUNS, GENERIC_BODY_NOUNS } from '../lexicon/bodies.ts';
import { NUMBER_WORDS } from '../lexicon/figures.ts';
import { GENDERED_WORDS, PERSON_DESCRIPTORS, SOURCE_NOUNS, STAFF_NOUNS } from '../lexicon/roles.ts';
import { BARE_DOCUMENT, headedByOrganisation } from '../people/organisations.ts';
import { ArticlePeople, BODY_KIND_BEFORE, headRole, PERSONAL_PRONOUN, rolesIn, trimSubject, type LocalPerson } from '../people/people.ts';

/** A body named only by what it is: `the company`, `the operator`, `the chemicals maker`. */
const GENERIC_BODY = new RegExp(`^[Tt]he\\s+(?:\\p{Ll}[\\p{Ll}-]*\\s+){0,2}(${GENERIC_BODY_NOUNS.join('|')})$`, 'u');

/** Unnamed staff of a named body: `investigators with the fire district`. */
const STAFF_OF = new RegExp(`^(?:${STAFF_NOUNS.join('|')})\\s+(?:with|at|from|of|for)\\s+(?<body>.+)$`, 'iu');

/** A document named as one of its kind: `a statement`, `a joint statement`. */
const INDEFINITE_DOCUMENT = new RegExp(`^(?:a|an)\\s+(?:\\p{Ll}+\\s+)?(?<noun>${DOCUMENT_NOUNS.join('|')})$`, 'iu');

/**
 * Sources a report does not name: `a senior police officer`, `one resident`, `a man surnamed Chen`,
 * `local media`, `Western diplomats`. The description as written is the speaker, up to what only
 * says where they are (`… in the village of …`).
 */
const UNNAMED_SOURCE = new RegExp(
  `^(?:(?<det>a|an|another|some|several|many|other|${Object.keys(NUMBER_WORDS).join('|')})\\s+)?(?<mods>(?:[\\p{L}'’-]+\\s+){0,4}?)(?<head>${[...SOURCE_NOUNS, ...PERSON_DESCRIPTORS].join('|')})(?<tail>\\s+(?:surnamed|named|identified as)\\s+\\p{Lu}[\\p{L}'’-]+)?(?:\\s+(?:in|from|at|of|on|with|near|who|familiar|close)\\b.*)?$`,
  'iu',
);

/** `the source`, `the official`: the unnamed source of that kind quoted last (one person: `the media` is the press at large). */
// (`the Palestinian official based in the city`: what says where or whose they are may follow.)
const DEFINITE_SOURCE = new RegExp(`^the\\s+(?:[\\p{L}-]+\\s+){0,2}(?<head>${SOURCE_NOUNS.filter((n) => !/(?:s|media)$/u.test(n)).join('|')})(?:\\s+(?:based|close|familiar)\\b[^,;:]*)?$`, 'iu');

/**
 * How many paragraphs after its subject was last made a pronoun may still mean them: news repeats
 * the name or the attribution well within that; beyond it, the text no longer settles who.
 * (Paragraphs, not sentences: a caption or credit line between does not move the subject.)
 */
const PRONOUN_REACH = 2;

/** Whether the sentence being read is within `PRONOUN_REACH` paragraphs of the sentence `at`. */
function withinReach(state: ReadingState, at: number): boolean {
  if (at < 0) return false;
  const sentences = state.people.sentences;
  return (sentences[state.people.position]?.paragraph ?? 0) - (sentences[at]?.paragraph ?? 0) <= PRONOUN_REACH;
}

/** A person named by age alone, the way one already named is referred to again: `the 68-year-old`, `the 34-year-old mother`. */
const AGE_DESCRIPTOR = /^the\s+\d{1,3}-year-old(?:\s+(?<noun>\p{Ll}+))?$/iu;

/** Descriptors of someone unnamed: `one diplomat`, `a senior official`, `another witness`. */
const INDEFINITE = new RegExp(`^(?:a|an|another|some|several|${Object.keys(NUMBER_WORDS).join('|')})\\s`, 'iu');

/** What the reading of an article knows at the sentence being read: who a pronoun or a bare noun means. */
export interface ReadingState {
  people: ArticlePeople;
  /** The person the text is about: who a later `he` or `she` means. */
  topic: LocalPerson | null;
  /** The sentence that made `topic` its subject: a pronoun far from it means nobody the text settles. */
  topicAt: number;
  /** The organisation the text is about: who a later `it` means. */
  topicOrganisation: LocalPerson | null;
  /** The sentence that made `topicOrganisation` its subject. */
  topicOrganisationAt: number;
  /** The organisation that spoke in the sentence before: who a following `they` means. */
  previousOrganisation: LocalPerson | null;
  /** The organisation whose unnamed spokesperson spoke last: who `the spokesperson said` means. */
  spokesOrganisation: LocalPerson | null;
  /** The sentence in which an unnamed spokesperson last spoke for `spokesOrganisation`. */
  spokesOrganisationAt: number;
  /** Who issued the last statement, letter or report mentioned: who `the statement said` means. */
  documents: Map<string, LocalPerson>;
}

/** A new reading state for an article whose people are collected. */
export function startReading(people: ArticlePeople): ReadingState {
  return { people, topic: null, topicAt: -1, topicOrganisation: null, topicOrganisationAt: -1, previousOrganisation: null, spokesOrganisation: null, spokesOrganisationAt: -1, documents: new Map() };
}

/**
 * A sieve of the second stage. `apply` answers for the subject phrase it recognises: a speaker, or
 * null when the phrase settles that the article does not say who (`a senior official`); `undefined`
 * when the phrase is not of its kind, so the next sieve reads it.
 */
export interface SpeakerSieve {
  name: string;
  recognises: string;
  apply: (subject: string, state: ReadingState) => LocalPerson | null | undefined;
}

/** What a mention resolved to, and the sieve that settled it. */
export interface Resolution {
  speaker: LocalPerson | null;
  rule: string;
  /** The subject phrase as read (trimmed), or null when there was none. */
  subject?: string;
}

/**
 * Sieves that find a person only: what settles an apposition (`Halloran, the union's chief,`) before
 * any organisation is considered. Order is meaning: a name beats a descriptor beats a role.
 */
export const PERSON_SIEVES: readonly SpeakerSieve[] = [
  {
    name: 'name',
    recognises: 'a name or a known surname: `Ada Halloran`, `Halloran`, `al-Nuaimi`',
    apply: (subject, { people }) => people.resolveNamed(subject) ?? undefined,
  },
  {
    name: 'descriptor',
    recognises: 'the very descriptor the article tied to one person: `the former chief of the firm`',
    apply: (subject, { people }) => people.byDescriptor(subject) ?? undefined,
  },
  {
    name: 'unnamed',
    recognises: 'someone the article does not name: `one diplomat`, `a senior official`, or no role at all',
    apply: (subject) => (INDEFINITE.test(subject) || (rolesIn(subject).size === 0 && !headRole(subject)) ? null : undefined),
  },
  {
    name: 'role',
    recognises: 'a definite role tied to one person: `the envoy`, `the clerk`, `the Norlandic ambassador`, `the UN official`',
    apply: (subject, { people, spokesOrganisation, spokesOrganisationAt }) => {
      // (The `unnamed` sieve's test again: in `SPEAKER_SIEVES`, where it is left out, an unnamed role falls through to `spokesperson`.)
      if (INDEFINITE.test(subject) || (rolesIn(subject).size === 0 && !headRole(subject))) return undefined;
      // (`the UN official` is a named office-holder only while no unnamed official has spoken for a body: then it is likely that one.)
      const person = people.byRole(subject) ?? (spokesOrganisation === null && !people.lastUnnamed('official') ? people.byOffice(subject) : null);
      // `said a spokesperson for the salvage firm. … the spokesperson added`: the unnamed one who spoke
      // for a body since the person was last named is whom a bare role means (the `spokesperson` sieve's).
      if (person && /^the\s+spokes\w+$/iu.test(subject) && spokesOrganisation && spokesOrganisationAt > person.lastSeen) return undefined;
      if (person) person.descriptors.add(subject);
      return person;
    },
  },
];

/**
 * Every sieve of the second stage, persons and organisations. Order is meaning: pronouns and
 * documents first (they name nobody themselves), then bodies by their head noun, then people, then
 * the unnamed who speak for a body, then any other proper name as an organisation's.
 */
export const SPEAKER_SIEVES: readonly SpeakerSieve[] = [
  {
    name: 'pronoun',
    recognises: '`he`, `she`: the person the text last made its subject',
    apply: (subject, state) => {
      if (!PERSONAL_PRONOUN.test(subject)) return undefined;
      const topic = state.topic;
      // Only a subject of the last few sentences, and never a woman for `he` or a man for `she`.
      if (!topic || !withinReach(state, state.topicAt)) return null;
      const gender = /^he$/iu.test(subject) ? 'm' : 'f';
      return topic.gender && topic.gender !== gender ? null : topic;
    },
  },
  {
    name: 'age',
    recognises: '`the 68-year-old`, `the 34-year-old mother`: the person the text is about, named by age as British and Australian copy does',
    apply: (subject, state) => {
      const age = AGE_DESCRIPTOR.exec(subject);
      if (!age) return undefined;
      const topic = state.topic;
      if (topic?.kind !== 'person' || !withinReach(state, state.topicAt)) return null;
      // (`the 34-year-old mother` is never a man the text is about.)
      const noun = age.groups!['noun']?.toLowerCase();
      const gender = noun && GENDERED_WORDS.m.includes(noun) ? 'm' : noun && GENDERED_WORDS.f.includes(noun) ? 'f' : null;
      return gender && topic.gender && topic.gender !== gender ? null : topic;
    },
  },
  {
    name: 'pronoun-it',
    recognises: '`it`: the organisation the text is about',
    apply: (subject, state) => {
      if (!/^it$/iu.test(subject)) return undefined;
      return withinReach(state, state.topicOrganisationAt) ? state.topicOrganisation : null;
    },
  },
  {
    name: 'pronoun-they',
    recognises: '`they`: the organisation that spoke in the sentence before',
    apply: (subject, state) => (/^they$/iu.test(subject) ? state.previousOrganisation : undefined),
  },
  {
    name: 'document',
    recognises: '`the statement`, `the report`: whoever issued the last one mentioned',
    apply: (subject, state) => {
      const document = BARE_DOCUMENT.exec(subject);
      if (document) return state.documents.get(document.groups!['noun']!.toLowerCase()) ?? null;
      // `a statement said`: one of the body the text is about.
      const indefinite = INDEFINITE_DOCUMENT.exec(subject);
      return indefinite ? (state.documents.get(indefinite.groups!['noun']!.toLowerCase()) ?? state.topicOrganisation) : undefined;
    },
  },
  {
    name: 'generic-body',
    recognises: '`the company`, `the operator`: the body named so far that says nothing of what it is',
    apply: (subject, { people }) => {
      const generic = GENERIC_BODY.exec(subject);
      if (!generic || people.persons.some((p) => p.kind === 'organisation' && p.surname.split(' ').includes(generic[1]!.toLowerCase()))) return undefined;
      return people.lastBody() ?? undefined;
    },
  },
  {
    name: 'organisation-head',
    recognises: 'a phrase headed by a body noun: `the health ministry`, `the Committee for Coastal Safety`',
    apply: (subject, { people }) => (headedByOrganisation(subject) ? people.resolveOrganisation(subject) : undefined),
  },
  {
    name: 'staff-of',
    recognises: 'unnamed staff speaking for their body: `investigators with the fire district`',
    apply: (subject, { people }) => {
      const staff = STAFF_OF.exec(subject);
      return staff?.groups ? people.resolveOrganisation(staff.groups['body']!) : undefined;
    },
  },
  ...PERSON_SIEVES.filter((s) => s.name !== 'unnamed').map((sieve) => ({ ...sieve, apply: (subject: string, state: ReadingState) => sieve.apply(subject, state) ?? undefined })),
  {
    name: 'spokesperson',
    recognises: 'an unnamed role speaking for a body that is named (`a ministry spokesperson`) or just spoke (`the spokesperson added`); `a senior official` is nobody',
    apply: (subject, state) => {
      if (rolesIn(subject).size === 0 && !/\bspokes\w+\b/iu.test(subject)) return undefined;
      if (/^the\s+spokes\w+$/iu.test(subject)) return state.spokesOrganisation;
      // (An unnamed role with no body named is an unnamed source, the next sieve's.)
      if (!/\b(?:spokes\w+|officials?|representatives?)\b/iu.test(subject)) return undefined;
      // `a coast guard spokeswoman`: the body, named before, in lower case before the role.
      const lowerBody = /^(?:a|an|the|one)\s+(?<body>(?:\p{Ll}+\s+){0,3}\p{Ll}+)\s+(?:spokes\w+|officials?|representatives?)$/u.exec(subject)?.groups?.['body'];
      const body = state.people.resolveOrganisation(subject) ?? (lowerBody && headedByOrganisation(lowerBody) ? state.people.resolveOrganisation(lowerBody) : null);
      if (body) {
        state.spokesOrganisation = body;
        state.spokesOrganisationAt = state.people.position;
      }
      return body ?? undefined;
    },
  },
  {
    name: 'unnamed-source',
    recognises: 'a source the report does not name: `a senior police officer`, `one resident`, `local media`, `Western diplomats`; `the source` for the last one',
    apply: (subject, { people }) => {
      const definite = DEFINITE_SOURCE.exec(subject);
      if (definite) return people.lastUnnamed(definite.groups!['head']!) ?? undefined;
      const source = UNNAMED_SOURCE.exec(subject);
      if (!source) return undefined;
      const { det, mods = '', head, tail = '' } = source.groups!;
      // A plural needs no determiner (`officials said`); one person does (`resident Tomas` is a name's descriptor).
      if (!det && !(SOURCE_NOUNS.includes(head!.toLowerCase()) && /(?:s|media|police)$/iu.test(head!))) return undefined;
      // (`Posts on social media`: what is described is not a source but what it published.)
      if (/\b(?:the|his|her|its|their|on|of|in|from|at)\b/iu.test(mods)) return undefined;
      return people.addUnnamed(`${det ? `${det} ` : ''}${mods}${head}${tail}`.trim(), head!.toLowerCase());
    },
  },
  {
    name: 'body-kind',
    recognises: 'a body named after its kind: `the charity Open Hearth`, whatever names it shares',
    apply: (subject, { people }) => {
      const kind = /^(?:[Tt]he\s+|[Aa]n?\s+)?(?:\p{Ll}+\s+)*?\p{Ll}+\s+(?=\p{Lu})/u.exec(subject);
      return kind && BODY_KIND_BEFORE.test(kind[0]) ? people.resolveOrganisation(subject) : undefined;
    },
  },
  {
    name: 'surname-not-body',
    recognises: 'a surname nobody here can be told apart by: still a person, never an organisation',
    apply: (subject, { people }) =>
      subject.split(/\s+/u).some((w) => /^\p{Lu}/u.test(w) && people.isSurname(w.replace(/['’]s$|[^\p{L}'’-]/gu, ''))) ? null : undefined,
  },
  {
    name: 'organisation-name',
    recognises: 'any other proper name the article uses as one: `Halvard`, `the Kremlin`, `France`',
    apply: (subject, { people }) => people.resolveOrganisation(subject),
  },
];

/** Runs a list of sieves over a subject phrase: the first that answers settles it. */
function resolveWith(sieves: readonly SpeakerSieve[], phrase: string, state: ReadingState): Resolution {
  const subject = trimSubject(phrase);
  if (subject.length === 0) return { speaker: null, rule: 'empty' };
  for (const sieve of sieves) {
    const speaker = sieve.apply(subject, state);
    if (speaker !== undefined) return { speaker, rule: sieve.name, subject };
  }
  return { speaker: null, rule: 'unresolved', subject };
}

/** The person or organisation a subject phrase means, or null when the article does not say who. */
export function resolveSpeaker(phrase: string, state: ReadingState): Resolution {
  return resolveWith(SPEAKER_SIEVES, phrase, state);
}

/** The person (never an organisation) a subject phrase means: a name, a surname, or a role tied to one. */
export function resolvePerson(phrase: string, state: ReadingState): Resolution {
  return resolveWith(PERSON_SIEVES, phrase, state);
}
