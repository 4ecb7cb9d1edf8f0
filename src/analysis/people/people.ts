/**
 * People in one article: who is named, which roles the article ties to whom, and how a noun
 * phrase such as `the Norlandic UN envoy` or `he` resolves to one of them. Pure functions over text.
 */
import { distance } from 'fastest-levenshtein';
import { BODY_KINDS, MILITARY_NOUNS, OFFICE_NOUNS } from '../lexicon/bodies.ts';
import { IRREGULAR_PAST } from '../lexicon/grammar.ts';
import { PLAIN_SPEECH_FORMS, SPEECH_VERB_PATTERN } from '../lexicon/speech.ts';
import { DETERMINERS, FUNCTION_WORDS, NAME_PARTICLES, NOT_PERSON_WORDS } from '../lexicon/names.ts';
import { PLACE_NOUNS } from '../lexicon/places.ts';
import { MONTHS } from '../lexicon/calendar.ts';
import { NUMBER_WORDS } from '../lexicon/figures.ts';
import { GENDERED_WORDS, NAME_TITLES, PERSON_DESCRIPTORS, PERSONAL_TITLES, ROLE_CLASSES } from '../lexicon/roles.ts';
import { acronymOf, headedByOrganisation, stateOfCapital, isStateKey, organisationKey, organisationName, properWordsOf, STATE_NAMES } from './organisations.ts';

/** A body named by a proper word and what it is: `the U.N. mapping office`, `Vestria’s Coastal Watch Cell`. */
const DESCRIBED_BODY = new RegExp(`(?<![\\p{L}’'])(?:\\p{Lu}[\\p{L}.’'-]*\\s+)+(?:(?!(?:${PLAIN_SPEECH_FORMS.join('|')}|his|her|its|their|the|a|an|and|was|is|has|had)\\b)\\p{Ll}+\\s+){0,2}(?:${OFFICE_NOUNS.join('|')})\\b`, 'gu');

/** A run of capitalised words joined by `of`/`for`/`and`/`the`: a body's name when its head noun is a body's (`Ministry of Fisheries`). */
const NAMED_BODY = /\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:of|for|and|the)\s+)*\p{Lu}[\p{L}’'-]*)+/gu;
import type { Sentence } from '../types.ts';

/** A person, or an organisation that speaks as one (`the Kremlin`, `Norland`), named in one article. */
export interface LocalPerson {
  /** `unnamed`: a source the report describes but does not name (`a senior official`), shown as described. */
  kind: 'person' | 'organisation' | 'unnamed';
  /** The fullest form of the name the article uses: `Ilyas Yousef Darvesh`, `Norland’s permanent mission to the UN`. */
  name: string;
  /** Last token, lower-cased: the key a surname-only mention (`Darvesh`) is matched on; for an organisation, its whole name as a key. */
  surname: string;
  /** Given names as written, possibly empty when the article uses the surname only. */
  given: string[];
  /** Role classes the article ties to this person (see ROLE_CLASSES). */
  roles: Set<string>;
  /** Descriptors the article uses for this person (`the Norlandic UN envoy`). */
  descriptors: Set<string>;
  /** `m` or `f` when a title or descriptor says so (`Mrs`, `his wife`): what a pronoun of the other may never mean. */
  gender?: 'm' | 'f';
  /**
   * Another name readers look an organisation up by: its acronym as the article gives it in brackets
   * (`HRC`), or the state a capital speaks for (`Ottawa said` → `Canada`).
   */
  alias?: string;
  /** Index of the sentence where the article first names them; nobody can be meant before that. */
  firstSeen: number;
  /** Index of the last sentence that named them or gave them words: who a shared surname or role most likely means. */
  lastSeen: number;
}


/** A kind of body (or vessel) right before a name makes it the body's name: `the consultancy Kessel Risk`. */
export const BODY_KIND_BEFORE = new RegExp(`\\b(?:${BODY_KINDS.join('|')})\\s+$`, 'iu');

/** A single capitalised name after a lower-case noun, possibly possessed: `Idris's cousin Noura`, `the victim's cousin Noura`, `resident Tomas`. */
const SINGLE_NAME = /^(?:(?:(?:the|a|an)\s+)?\p{L}[\p{L}'’-]*['’]s\s+|(?:his|her|their|the|a|an|one)\s+)?(?:\p{Ll}+\s+){0,2}(?<noun>\p{Ll}+)\s+(?<name>\p{Lu}\p{Ll}+)$/u;

/** A particle joined to a surname by a hyphen: `al-` in `al-Sharaa`. */
const PARTICLE_PREFIX = new RegExp(`^(?:${NAME_PARTICLES.join('|')})-`, 'u');

/** A capitalised word and the single capitalised word after it, not followed by another: `President Halloran said`. */
const TITLED_SURNAME = /\b(?<title>\p{Lu}\p{Ll}+\.?)\s+(?<surname>\p{Lu}[\p{L}'’-]+)\b(?!\s+\p{Lu})/gu;

const ROLE_OF_NOUN = new Map<string, string>(
  Object.entries(ROLE_CLASSES).flatMap(([role, nouns]) => nouns.map((noun) => [noun, role] as const)),
);






/** A capitalised word, allowing hyphens and apostrophes inside (`Haddad-Karimi`, `O'Brien`) and a title's stop. */
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*\.?$/u;
const PARTICLE = new RegExp(`^(?:${NAME_PARTICLES.join('|')})(?:-\\p{Lu}[\\p{L}\\p{M}]*)?$`, 'u');
const ALL_CAPS = /^\p{Lu}{2,}s?$/u;



/** Words in front of a name that are not part of it: titles, acronyms (`UN`), organisations (`Kremlin`), determiners, sentence openers. */
function isNamePrefix(word: string): boolean {
  const lower = word.toLowerCase();
  // (`Two Ministry fighters`: a number opening a sentence, never inside a name, where `Ten` may be a particle.)
  return NAME_TITLES.has(lower) || PERSON_DESCRIPTORS.includes(lower) || Object.hasOwn(NUMBER_WORDS, lower) || ALL_CAPS.test(word) || NOT_PERSON_WORDS.has(lower.replace(/\.$/u, '')) || DETERMINERS.has(lower) || FUNCTION_WORDS.has(lower);
}

/** A person's name as found in text, with its offsets in the string searched. */
export interface NameMention {
  name: string;
  start: number;
  end: number;
}

/** Tokens of a text with their offsets; possessive `’s` is split off. */
function tokenize(text: string): { word: string; start: number; end: number }[] {
  const tokens: { word: string; start: number; end: number }[] = [];
  for (const match of text.matchAll(/[\p{L}\p{M}][\p{L}\p{M}\p{Nd}]*(?:[-'’.][\p{L}\p{M}\p{Nd}]+)*\.?/gu)) {
    let word = match[0];
    const possessive = /['’]s$/u.exec(word);
    if (possessive) word = word.slice(0, -2);
    // Keep the stop only for abbreviations such as `Gen.`; a sentence's stop is not part of a name.
    // (`Lund.` at a sentence's end is a surname, not an abbreviation.)
    if (word.endsWith('.') && !(/^\p{Lu}\.$/u.test(word) || NAME_TITLES.has(word.toLowerCase()))) word = word.slice(0, -1);
    tokens.push({ word, start: match.index, end: match.index + word.length });
  }
  return tokens;
}

/**
 * Finds runs of capitalised words that look like a person's name: two to five words, none of them
 * an organisation or place word, with leading titles and acronyms (`UN`, `President`) removed.
 */
export function findNames(text: string, properWords?: ReadonlySet<string>): NameMention[] {
  const tokens = tokenize(text);
  const names: NameMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const run: typeof tokens = [];
    let j = i;
    while (j < tokens.length) {
      const token = tokens[j]!;
      const previous = run[run.length - 1];
      // A name does not run across punctuation or a line break.
      if (previous && /[^\s\u00a0]/u.test(text.slice(previous.end, token.start).replace(/^['’]s/u, ''))) break;
      if (previous && /['’]s$/u.test(text.slice(previous.start, token.start).trim())) break;
      if (CAPITALISED.test(token.word) || (run.length > 0 && PARTICLE.test(token.word))) {
        run.push(token);
        j++;
      } else break;
    }
    if (run.length === 0) {
      i++;
      continue;
    }
    i = j;
    // Drop titles and acronyms in front: `UN Secretary General Ines Moreau` → `Ines Moreau`.
    let first = 0;
    // (A month before another capitalised word is a first name, `April Nolan`, not a date's word to drop.)
    while (first < run.length && isNamePrefix(run[first]!.word) && !(MONTHS.includes(run[first]!.word) && first < run.length - 1 && first > 0)) first++;
    // A title further in ends the prefix too: `Ukrainian President Volodymyr Zelenskyy`.
    for (let k = run.length - 2; k >= first; k--) {
      if (NAME_TITLES.has(run[k]!.word.toLowerCase())) {
        first = k + 1;
        break;
      }
    }
    // `Neighbouring Vestria`: a sentence's first word that is an adjective (a present participle or an adverb),
    // capitalised only for opening the sentence, when the article never capitalises it elsewhere.
    const opener = run[0]!;
    // (Not `-ed`: Jared and Ahmed are names.)
    if (first === 0 && properWords && opener.start === 0 && /(?:ing|ly)$/u.test(opener.word) && !properWords.has(opener.word.toLowerCase())) first = 1;
    let words = run.slice(first);
    // `Water Management Piet Hollander`: a body's words before a name are its title, not part of it.
    let lastBodyWord = -1;
    for (let k = 0; k < words.length - 2; k++) if (NOT_PERSON_WORDS.has(words[k]!.word.toLowerCase())) lastBodyWord = k;
    if (lastBodyWord >= 0 && words.slice(lastBodyWord + 1).every((w) => !NOT_PERSON_WORDS.has(w.word.toLowerCase()))) {
      words = words.slice(lastBodyWord + 1);
      while (words.length > 2 && isNamePrefix(words[0]!.word)) words = words.slice(1);
    }
    // A generation after a name is not part of its surname: `Harold J. Dunmore III`, `Harold Dunmore Jr.`.
    if (words.length > 2 && /^(?:Jr|Sr|II|III|IV)\.?$/u.test(words[words.length - 1]!.word)) words.pop();
    if (words.length < 2 || words.length > 5) continue;
    // `Al Manar`, `El Pais`: an Arabic or Spanish article opening a two-word run names a thing, not a person.
    if (words.length === 2 && /^(?:Al|El)$/u.test(words[0]!.word)) continue;
    // `New Zealand`, `Costa Rica`: a state's name is never a person's.
    if (STATE_NAMES.has(words.map((w) => w.word).join(' ').toLowerCase())) continue;
    // `the consultancy Kessel Risk`, `The charity Open Tide Atlantic`: a name right after a kind of body is that body's.
    if (BODY_KIND_BEFORE.test(text.slice(0, run[0]!.start))) continue;
    // `The governor of Inner Marrach`, `the village of Porto Alvar`: what follows a role or a place and `of` is a place or a body.
    // `President of the Republic of Chile Tomas Arancibia`: a state's name opening the run is the title's end.
    let states = 0;
    while (states < words.length - 2 && STATE_NAMES.has(words[states]!.word.toLowerCase())) states++;
    if (states > 0) words.splice(0, states);
    const lead = /(?:^|\s)(\p{L}+)\s+of\s+(?:the\s+)?$/iu.exec(text.slice(0, run[0]!.start))?.[1]?.toLowerCase();
    // (Only a run that is all name: in `Ministry of Foreign Affairs Nadir Farrokhzad` the body's words come first.)
    if (lead && states === 0 && first === 0 && (ROLE_OF_NOUN.has(lead) || PLACE_NOUNS.includes(lead) || NOT_PERSON_WORDS.has(lead) || NAME_TITLES.has(lead))) continue;
    // `Workplace Hygiene and Welfare Administration`: the run goes on, past `and`, into a body's name.
    const goesOn = /^\s+(?:and|of|for)\s+((?:\p{Lu}[\p{L}'’-]*\s+){0,4}\p{Lu}[\p{L}'’-]*)/u.exec(text.slice(run[run.length - 1]!.end))?.[1];
    if (goesOn && goesOn.split(/\s+/u).some((w) => NOT_PERSON_WORDS.has(w.toLowerCase()))) continue;
    if (words.some((w) => NAME_TITLES.has(w.word.toLowerCase()))) continue;
    // (A month before another name is a first name, `April Nolan`; a date is `April 5`.)
    const notName = (w: { word: string }, k: number) => NOT_PERSON_WORDS.has(w.word.toLowerCase().replace(/\.$/, '')) && !(k < words.length - 1 && MONTHS.includes(w.word));
    if (words.some((w, k) => notName(w, k) || ALL_CAPS.test(w.word) || FUNCTION_WORDS.has(w.word.toLowerCase()))) continue;
    // `Norland-backed Tarvos`, `Kyiv-based Lumen`: a word saying who backs or houses a body is no part of a person's name.
    if (words.some((w) => /-(?:backed|based|led|linked|aligned|allied|run|controlled|affiliated|funded)$/iu.test(w.word))) continue;
    // Stops end abbreviations, never names, but for a middle initial: `Harold J. Dunmore`.
    if (words.some((w, k) => w.word.endsWith('.') && !(k > 0 && k < words.length - 1 && /^\p{Lu}\.$/u.test(w.word)))) continue;
    const start = words[0]!.start;
    const end = words[words.length - 1]!.end;
    names.push({ name: text.slice(start, end), start, end });
  }
  return names;
}

/** The surname key of a full name: last token, lower-cased, particles kept (`al-qasimi`). */
export function surnameOf(name: string): string {
  const parts = name.split(/\s+/u);
  return parts[parts.length - 1]!.toLowerCase().replace(/’/gu, "'");
}

/** Role classes named in a noun phrase: `Norland's UN ambassador` → {diplomat}. */
export function rolesIn(phrase: string): Set<string> {
  const roles = new Set<string>();
  for (const word of phrase.toLowerCase().split(/[^\p{L}-]+/u)) {
    // Singular only: `officials` are several people and never name one of them.
    const role = ROLE_OF_NOUN.get(word);
    if (role) roles.add(role);
  }
  return roles;
}

/**
 * The head noun of a descriptor that names a job no class lists (`Fenwick County clerk` → clerk), as
 * a role of its own, so that `the clerk` finds the person later. Only lower-case singular nouns that
 * end the phrase before any `of`/`to`/`at` count.
 */
export function headRole(phrase: string): string | null {
  const head = phrase.split(/\s+(?:of|to|for|at|in|on|from|with|who|that)\s+/iu)[0]!.trim().split(/\s+/u).pop() ?? '';
  if (!/^\p{Ll}{3,}$/u.test(head) || head.endsWith('s') || ROLE_OF_NOUN.has(head)) return null;
  return `job:${head}`;
}

/** The people of an article and the ties between roles and names. */
export class ArticlePeople {
  readonly persons: LocalPerson[] = [];
  /** Words the article capitalises inside sentences: what tells `Norland` (a name) from `Observers` (a sentence's first word). */
  readonly #properWords: ReadonlySet<string>;

  /**
   * Index of the sentence being read. While the article is read in order, a surname or role that
   * fits several people means the one named most recently, and nobody named only later.
   */
  position = 0;

  /** The article's sentences, as read: where each sentence's paragraph is. */
  readonly sentences: readonly Sentence[];

  constructor(sentences: readonly Sentence[] = []) {
    this.sentences = sentences;
    this.#properWords = properWordsOf(sentences);
  }

  /** The people each sentence names, by sentence index, as `collectPeople` found them: read once, not again per quotation pass. */
  readonly #namedIn = new Map<number, LocalPerson[]>();

  /** The people the sentence at `index` names. */
  namedIn(index: number): readonly LocalPerson[] {
    return this.#namedIn.get(index) ?? [];
  }

  /** Records that the sentence at `index` names `person`. */
  noteNamed(index: number, person: LocalPerson): void {
    const list = this.#namedIn.get(index) ?? [];
    list.push(person);
    this.#namedIn.set(index, list);
  }

  /** The people's names in a text, read with what the article capitalises (see `findNames`). */
  namesIn(text: string): NameMention[] {
    return findNames(text, this.#properWords);
  }

  /** The person whose descriptor this exact phrase is (`A former finance chief of the firm`, tied from the lede). */
  byDescriptor(phrase: string): LocalPerson | null {
    const matches = this.persons.filter((p) => p.descriptors.has(phrase.trim()));
    return matches.length === 1 ? matches[0]! : null;
  }

  /**
   * The body a bare `the company` (or firm, operator, …) means when no body named so far has that
   * word in its name: the one that spoke or was named most recently, never a state or a public body.
   */
  lastBody(): LocalPerson | null {
    // A ministry, a coastguard or a district is never `the company`: only bodies whose name says nothing of what they are.
    // Nor a body known by its initials (`UN`, `EU`), which are states' and governments' bodies.
    const bodies = this.persons.filter((p) => p.kind === 'organisation' && !isStateKey(p.surname) && !headedByOrganisation(p.name) && !/^\p{Lu}{2,}$/u.test(p.name) && p.firstSeen <= this.position);
    return this.#mostRecent(bodies);
  }

  /** Notes that a person was named or quoted in the sentence being read. */
  seen(person: LocalPerson): void {
    person.firstSeen = Math.min(person.firstSeen, this.position);
    person.lastSeen = Math.max(person.lastSeen, this.position);
  }

  /** The one candidate already named by now, or the one of several named most recently; null when none or a tie. */
  #mostRecent(candidates: readonly LocalPerson[]): LocalPerson | null {
    const known = candidates.filter((p) => p.firstSeen <= this.position);
    if (known.length <= 1) return known[0] ?? null;
    const latest = Math.max(...known.map((p) => Math.min(p.lastSeen, this.position)));
    const recent = known.filter((p) => Math.min(p.lastSeen, this.position) === latest);
    return recent.length === 1 ? recent[0]! : null;
  }

  /** Records a full name (two words or more), merging it with a compatible one already seen. */
  addName(name: string): LocalPerson {
    const surname = surnameOf(name);
    const given = name.split(/\s+/u).slice(0, -1);
    const existing = this.persons.find((p) => p.kind === 'person' && p.surname === surname && givenNamesCompatible(p.given, given));
    if (existing) {
      if (given.length > existing.given.length) {
        existing.name = name;
        existing.given = given;
      }
      return existing;
    }
    const person: LocalPerson = { kind: 'person', name, surname, given, roles: new Set(), descriptors: new Set(), firstSeen: this.position, lastSeen: this.position };
    this.persons.push(person);
    return person;
  }

  /**
   * The organisation a subject phrase names (`the Kremlin`, `Norland's foreign ministry`, `a
   * statement from the mission`), recorded once per article, or null. A short mention (`the
   * ministry`) is the one organisation named before whose name holds all its words.
   */
  resolveOrganisation(phrase: string): LocalPerson | null {
    const name = organisationName(phrase, this.#properWords);
    if (!name) return null;
    const key = organisationKey(name);
    const organisations = this.persons.filter((p) => p.kind === 'organisation');
    // `HRC said`, after `the Highland Rescue Committee (HRC)`: the acronym it was given.
    const same = organisations.find((o) => o.surname === key || o.alias === name);
    const alias = acronymOf(phrase) ?? stateOfCapital(name);
    if (same) {
      same.alias ??= alias ?? undefined;
      return same;
    }
    const keyWords = key.split(' ');
    // (Never a state for a body of it that carries its name: `Norland` is not `Norland Space Command`.)
    const longer = isStateKey(key) ? [] : organisations.filter((o) => o.firstSeen <= this.position && keyWords.every((w) => o.surname.split(' ').includes(w)));
    const meant = this.#mostRecent(longer);
    if (meant) return meant;
    // `the army said`, after `the Norland military` was named: one armed force under another of its nouns.
    if (keyWords.length === 1 && MILITARY_NOUNS.includes(key)) {
      const forces = organisations.filter((o) => o.firstSeen <= this.position && o.surname.split(' ').some((w) => MILITARY_NOUNS.includes(w)));
      if (new Set(forces).size === 1) return forces[0]!;
    }
    // `the army`, `the militant group`: a common noun alone is no name, so it only ever means a body named before.
    if (!/\p{Lu}/u.test(name)) return null;
    const organisation: LocalPerson = { kind: 'organisation', name, surname: key, given: [], roles: new Set(), descriptors: new Set(), firstSeen: this.position, lastSeen: this.position };
    if (alias) organisation.alias = alias;
    this.persons.push(organisation);
    return organisation;
  }

  /**
   * The person a single capitalised word names: a surname of someone named by now (the most recent
   * when several share it), or, failing that, a spelling of one a letter away (`Yusupov` for `Yussupov`).
   */
  bySurname(word: string): LocalPerson | null {
    const key = word.toLowerCase().replace(/’/gu, "'");
    const persons = this.persons.filter((p) => p.kind === 'person');
    // `Sharaa` for `al-Sharaa`: the surname without its particle is how copy often writes it.
    const exact = persons.filter((p) => p.surname === key || p.surname.replace(PARTICLE_PREFIX, '') === key);
    if (exact.length > 0) return this.#mostRecent(exact);
    if (key.length < 5) return null;
    const near = persons.filter((p) => spellsLike(p.surname, key));
    const surnames = new Set(near.map((p) => p.surname));
    return surnames.size === 1 ? this.#mostRecent(near) : null;
  }

  /** Notes a person's gender from the words before their name (a title, `his wife`), unless already known. */
  noteGender(person: LocalPerson, before: string): void {
    if (person.gender) return;
    const words = before.toLowerCase().split(/[^\p{L}]+/u).slice(-3);
    for (const gender of ['m', 'f'] as const) if (words.some((w) => GENDERED_WORDS[gender].includes(w))) person.gender = gender;
  }

  /**
   * The body a run of capitalised words names, when the text has said it is a body (`Open Hearth,
   * an aid organisation, said`), whether or not the article capitalises the words elsewhere.
   */
  bodyNamed(name: string): LocalPerson | null {
    const words = name.trim().split(/\s+/u);
    if (words.length === 0 || words.length > 6 || !words.every((w) => /^\p{Lu}/u.test(w))) return null;
    const key = organisationKey(name);
    const existing = this.persons.find((p) => p.kind === 'organisation' && p.surname === key);
    if (existing) return existing;
    const body: LocalPerson = { kind: 'organisation', name: name.trim(), surname: key, given: [], roles: new Set(), descriptors: new Set(), firstSeen: this.position, lastSeen: this.position };
    this.persons.push(body);
    return body;
  }

  /** The unnamed source described so (the same description is the same source within an article). */
  addUnnamed(description: string, head: string): LocalPerson {
    const key = `unnamed:${description.toLowerCase()}`;
    const existing = this.persons.find((p) => p.kind === 'unnamed' && p.surname === key);
    if (existing) return existing;
    const source: LocalPerson = { kind: 'unnamed', name: description, surname: key, given: [], roles: new Set([head]), descriptors: new Set(), firstSeen: this.position, lastSeen: this.position };
    this.persons.push(source);
    return source;
  }

  /** The unnamed source with this head noun (`source`, `official`) seen most recently, or null. */
  lastUnnamed(head: string): LocalPerson | null {
    return this.#mostRecent(this.persons.filter((p) => p.kind === 'unnamed' && p.roles.has(head.toLowerCase())));
  }

  /** Whether a word is the surname (or a spelling a letter away) of a person of the article. */
  isSurname(word: string): boolean {
    const key = word.toLowerCase().replace(/’/gu, "'");
    return this.persons.some((p) => p.kind === 'person' && (p.surname === key || spellsLike(p.surname, key)));
  }

  /** Ties the role classes of a descriptor to a person. */
  tie(person: LocalPerson, descriptor: string): void {
    // (Words holding a speech verb or an auxiliary past their start are a clause, not a description:
    // `the spokesman said about the attack on the`; one that opens them is the attribution's own, `said its director`.)
    const clause = CLAUSE_VERB.exec(descriptor.replace(/^[\s"“”‘’',.;:]+/u, ''));
    if (clause && clause.index > 0) return;
    const roles = rolesIn(descriptor);
    const job = headRole(descriptor);
    if (job) roles.add(job);
    if (roles.size === 0) return;
    for (const role of roles) person.roles.add(role);
    person.descriptors.add(descriptor.trim());
  }

  /**
   * The one person the article ties to a role named in the descriptor, or null when none or
   * several. The descriptor's proper modifiers must fit too: `the Norlandic envoy` is not the person
   * the article calls `the UN envoy` unless it also ties them to Norland.
   */
  byRole(descriptor: string): LocalPerson | null {
    const roles = rolesIn(descriptor);
    const job = headRole(descriptor);
    if (job && roles.size === 0) roles.add(job);
    if (roles.size === 0) return null;
    const matches = this.persons.filter((p) => p.kind === 'person' && [...roles].some((r) => p.roles.has(r)) && fitsModifiers(p, descriptor));
    return this.#mostRecent(matches);
  }

  /**
   * `the UN official`: `official` is what any office-holder is called, so the one person holding
   * an office the article tied to the body or country named (`Ada Halloran, commissioner general of
   * the UN agency`), the most recent of several; null for an `official` with nothing named before
   * it, or when nobody fits.
   */
  byOffice(descriptor: string): LocalPerson | null {
    if (!GENERIC_OFFICIAL.test(descriptor) || properModifiers(descriptor).length === 0) return null;
    return this.#mostRecent(this.persons.filter((p) => p.kind === 'person' && p.roles.size > 0 && fitsModifiers(p, descriptor)));
  }

  /** The person a noun phrase names: a full name, a known surname, or a descriptor tied to one person. */
  resolveNamed(phrase: string): LocalPerson | null {
    const names = this.namesIn(phrase);
    const name = names[names.length - 1];
    if (name) {
      // `A report by John Smith` is about a report: a name after a preposition is the subject only
      // when a role comes first (`the spokesman of the council, Samir Rafiq`).
      const prefix = phrase.slice(0, name.start);
      const preposition = /\b(?:by|of|from|with|for|to|about|against|on|in|at|after|before)\b/iu.exec(prefix);
      // (`Member of County Assembly Mr Ada Halloran`: an honorific right before the name says it is the
      // person described, whatever comes before; `chief of staff to Prime Minister Ada Halloran` names
      // the one `to` is about, by an office of their own, where `Commander of the Navy Admiral` does not.)
      const before = prefix.trim().split(/\s+/u).pop()?.toLowerCase().replace(/\.$/u, '') ?? '';
      const honoured = HONORIFICS.has(before);
      if (/\bto\s+(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+)*$/u.test(prefix) && !honoured && NAME_TITLES.has(before) && rolesIn(prefix).size > 0) return null;
      if (preposition && !honoured && rolesIn(prefix.slice(0, preposition.index)).size === 0) return null;
      // (Never the preposition's own object: in `head of strategy at Harbour Investor` the name is the body's.)
      if (/\b(?:at|of|for|from|with|by)\s*$/iu.test(prefix)) return null;
      return this.addName(name.name);
    }
    const tokens = tokenize(phrase);
    // `the Ridge military spokesman`: in a descriptor headed by a role, a capitalised word before
    // lower-case ones modifies the role (a group, a country); it names nobody, whatever surname it spells.
    const last = tokens[tokens.length - 1]?.word.toLowerCase() ?? '';
    const describes = /^(?:the|a|an|its|their)$/iu.test(tokens[0]?.word ?? '') && (ROLE_OF_NOUN.has(last) || PERSON_DESCRIPTORS.includes(last) || headRole(phrase) !== null);
    for (const [k, token] of [...tokens.entries()].reverse()) {
      if (describes && k < tokens.length - 1 && /^\p{Ll}/u.test(tokens[k + 1]!.word)) continue;
      // `al-Qasimi said`: a surname may open with a lower-case particle.
      if (!CAPITALISED.test(token.word) && !PARTICLE.test(token.word)) continue;
      const person = this.bySurname(token.word) ?? this.byGivenName(token.word);
      if (person) return person;
    }
    // `her cousin Noura`, `resident Tomas`: one name after a noun for a person is that person's whole name here.
    const single = SINGLE_NAME.exec(phrase.trim());
    if (single && PERSON_DESCRIPTORS.includes(single.groups!['noun']!.toLowerCase()) && !this.#isProperWordOnly(single.groups!['name']!)) return this.addName(single.groups!['name']!);
    return null;
  }

  /** Whether a word is a name the article uses for a place or a body rather than a person (`Halvik`, `Tarvos`). */
  #isProperWordOnly(word: string): boolean {
    return NOT_PERSON_WORDS.has(word.toLowerCase()) || STATE_NAMES.has(word.toLowerCase()) || this.persons.some((p) => p.kind === 'organisation' && p.surname === word.toLowerCase());
  }

  /**
   * The person a first name alone means (`Noura told reporters` after `Noura Haddad` was named): the
   * one person whose given name it is, or the most recent of several; null when none.
   */
  byGivenName(word: string): LocalPerson | null {
    const key = word.toLowerCase().replace(/’/gu, "'");
    const persons = this.persons.filter((p) => p.kind === 'person' && p.given[0]?.toLowerCase().replace(/’/gu, "'") === key);
    return this.#mostRecent(persons);
  }
}

/** The capitalised words of a descriptor other than its opening determiner: `Norland's UN ambassador` → Norland, UN. */
/** A definite `official` with what it is an official of before it: `the UN official`, `the Norlandic official`. */
const GENERIC_OFFICIAL = /^the\s+(?:\S+\s+){1,3}official$/iu;

/** Whether every proper word of a descriptor (`Norlandic`, `UN`) is one the article used in describing this person. */
function fitsModifiers(person: LocalPerson, descriptor: string): boolean {
  return properModifiers(descriptor).every((m) => [...person.descriptors].some((d) => mentions(d, m)));
}

function properModifiers(descriptor: string): string[] {
  return tokenize(descriptor)
    .map((t) => t.word)
    .filter((w, i) => /^\p{Lu}/u.test(w) && !(i === 0 && DETERMINERS.has(w.toLowerCase())) && !ROLE_OF_NOUN.has(w.toLowerCase()));
}

/**
 * Whether a descriptor mentions a proper word, allowing derived forms (`Norlandic` for `Norland`, by a
 * shared start of four letters) and acronyms (`UN` for `United Nations`).
 */
function mentions(descriptor: string, word: string): boolean {
  const words = tokenize(descriptor).map((t) => t.word);
  const stem = word.toLowerCase().slice(0, 4);
  if (words.some((w) => (word.length >= 4 && w.length >= 4 ? w.toLowerCase().startsWith(stem) : w === word))) return true;
  // An acronym against the initials of the capitalised words.
  const initials = words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
  return ALL_CAPS.test(word) && initials.includes(word);
}

/**
 * Whether two surnames are one name spelled two ways: same first letter, five letters or more, a
 * letter apart (two for long names: `Arceneaux`/`Arseneau`).
 */
function spellsLike(surname: string, key: string): boolean {
  return key.length >= 5 && surname.length >= 5 && surname[0] === key[0] && distance(surname, key) <= (key.length >= 8 ? 2 : 1);
}

/** Whether two lists of given names can belong to one person (`Ilyas Yousef` and `Ilyas Yusef`). */
export function givenNamesCompatible(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!.toLowerCase();
    const y = b[i]!.toLowerCase();
    if (x === y) continue;
    // Transliterations differ by a letter or two (`Yousef`/`Yusef`); a different initial is a different name.
    if (x[0] !== y[0] || distance(x, y) > Math.max(1, Math.floor(Math.min(x.length, y.length) / 3))) return false;
  }
  return true;
}

/**
 * Records every name in the article and every tie between a role and a name: appositions
 * (`Norland's ambassador to the UN Farid Haddad-Karimi`, `Norland's Permanent Representative to the
 * United Nations, Ilyas Yusef Darvesh,`) and the news lede, which describes a person
 * (`Norland's permanent ambassador to the United Nations has rejected …`) and names them in the next
 * sentence or two.
 */
export function collectPeople(sentences: readonly Sentence[]): ArticlePeople {
  const people = new ArticlePeople(sentences);
  for (const sentence of sentences) {
    people.position = sentence.index;
    // Bodies the article names (`the Ministry of Fisheries`), so that a later `the ministry` is that one.
    for (const run of sentence.text.matchAll(NAMED_BODY)) if (headedByOrganisation(run[0])) people.resolveOrganisation(run[0]);
    for (const phrase of sentence.text.matchAll(DESCRIBED_BODY)) people.resolveOrganisation(phrase[0]);
    const mentions = people.namesIn(sentence.text);
    for (const mention of mentions) {
      const person = people.addName(mention.name);
      people.seen(person);
      people.noteNamed(sentence.index, person);
      // The descriptor right before a name, back to the start of its clause, is its apposition.
      // Titles right before the name (`…, Dr. Linnea Ahlberg`) are not the descriptor; the words before them may be.
      let titles = '';
      const before = sentence.text.slice(0, mention.start).replace(/(?:\b\p{Lu}[\p{L}-]*\.?\s+)+$/u, (run) => {
        if (!run.split(/\s+/u).every((t) => t === '' || NAME_TITLES.has(t.toLowerCase()))) return run;
        titles = run.trim();
        return '';
      });
      // A title is a role too: `Mayor Petra Wessel` is `the mayor`, `General Tarek Bellal` `the general`.
      if (titles) people.tie(person, titles);
      people.noteGender(person, `${titles} ${sentence.text.slice(Math.max(0, mention.start - 40), mention.start)}`);
      const clause = before.split(/[;:.]|\b(?:that|and|after|before|while|by)\s/u).pop() ?? '';
      // `ROLE, NAME` is an apposition too; otherwise only the words since the last comma describe the name.
      const chunks = clause.split(',');
      const last = chunks.pop() ?? '';
      const descriptor = (last.trim() === '' ? (chunks.pop() ?? '') : last).trim();
      if (descriptor && findNames(descriptor).length === 0 && descriptor.split(/\s+/u).length <= 14) people.tie(person, descriptor);
      // `NAME, the ROLE of …,` — a descriptor right after a name.
      const after = APPOSITION_AFTER.exec(sentence.text.slice(mention.end));
      // Without a determiner, only a role: `Hollis Brennock, general secretary of the union,`.
      if (after?.[1] && (/^(?:the|a|an|his|her|its|their)\s/u.test(after[1]) || rolesIn(after[1]).size > 0)) people.tie(person, after[1]);
    }
    // `President Halloran`: a title before a surname already named ties the title's role to that person.
    for (const titled of sentence.text.matchAll(TITLED_SURNAME)) {
      // (Read after the full names: `Sheikh Ada al-Nuaimi` is one name, not a title before `Ada`.)
      const at = titled.index + titled[0].length - titled.groups!['surname']!.length;
      if (mentions.some((m) => at >= m.start && at < m.end)) continue;
      const title = titled.groups!['title']!.replace(/\.$/u, '');
      if (!NAME_TITLES.has(title.toLowerCase())) continue;
      const surname = titled.groups!['surname']!.replace(/['’]s$/u, '');
      const word = surname.toLowerCase();
      if (NAME_TITLES.has(word) || ROLE_OF_NOUN.has(word) || ALL_CAPS.test(surname) || FUNCTION_WORDS.has(word)) continue;
      // `Mrs Halloran said`, `President Halloran`: a person, even when the article never gives a first name.
      const creates = PERSONAL_TITLES.includes(title.toLowerCase()) && !NOT_PERSON_WORDS.has(word) && !STATE_NAMES.has(word);
      const person = people.bySurname(surname) ?? people.byGivenName(surname) ?? (creates ? people.addName(surname) : null);
      if (!person) continue;
      people.tie(person, title);
      people.noteGender(person, title);
      people.noteNamed(sentence.index, person);
    }
  }
  tieLede(sentences, people);
  // Reading starts again from the top: by then, each person has only been seen where first named.
  for (const person of people.persons) person.lastSeen = person.firstSeen;
  people.position = 0;
  return people;
}

/** `NAME, the ROLE of …,` or `NAME, a ROLE, said`: the descriptor right after a name. */
const APPOSITION_AFTER = new RegExp(`^\\s*,\\s*((?:(?:the|a|an|his|her|its|their)\\s)?[^,.;]{3,80}?)(?:,|\\s(?:${PLAIN_SPEECH_FORMS.join('|')})\\b|\\.?$)`, 'u');

/** Ties the lede's descriptor to the first person named in the following sentences, if it has no name of its own. */
function tieLede(sentences: readonly Sentence[], people: ArticlePeople): void {
  const lede = sentences.find((s) => /\p{Ll}/u.test(s.text) && s.text.split(/\s+/u).length >= 6);
  if (!lede) return;
  // `A former finance chief of the firm that won the contract told …`: the descriptor is the part before its relative clause.
  const subject = subjectOf(lede.text)?.split(/\s(?:that|who|which)(?:\s|$)/u)[0];
  // Only a plain descriptor can stand for the person named next: `Norland's UN envoy`, not a clause.
  if (!subject || /[,;:—–()]/u.test(subject) || subject.split(/\s+/u).length > 12) return;
  if (findNames(subject).length > 0 || rolesIn(subject).size === 0) return;
  for (const next of sentences.slice(lede.index + 1, lede.index + 3)) {
    const name = findNames(next.text)[0];
    if (name) {
      const person = people.addName(name.name);
      if (people.persons.filter((p) => [...rolesIn(subject)].some((r) => p.roles.has(r)) && p !== person).length === 0) {
        people.tie(person, subject);
        // The lede describes them before the name comes.
        person.firstSeen = Math.min(person.firstSeen, lede.index);
      }
      return;
    }
  }
}

/** Adverbs and openers that may stand between a subject and its verb, or open a sentence. */
const ADVERB = /^(?:has|have|had|is|was|were|are|will|would|did|does|been|also|further|furthermore|however|meanwhile|later|earlier|then|again|once|already|still|previously|separately|additionally|moreover|nonetheless|though|too|\p{L}+ly)$/u;


/** Verbs that end a sentence's subject: speech verbs, auxiliaries and past forms. Enough to find who a sentence is about, not a parser. */
/** Titles of courtesy, not of office: `Mr`, `Dr`, `Cllr`. */
const HONORIFICS: ReadonlySet<string> = new Set([...GENDERED_WORDS.m, ...GENDERED_WORDS.f].filter((w) => NAME_TITLES.has(w)).concat(['dr', 'cllr', 'hon']));

/** A speech verb or an auxiliary: what a description of someone never holds. */
const CLAUSE_VERB = new RegExp(`\\b(?:${SPEECH_VERB_PATTERN}|has|have|had|is|are|was|were|will|would)\\b`, 'u');

const FINITE_VERB = new RegExp(`\\b(?:${SPEECH_VERB_PATTERN}|${IRREGULAR_PAST.join('|')}|has|have|had|is|are|was|were|will|would|could|can|may|might|must|should|does|did|made|makes|\\p{Ll}+ed)\\b`, 'u');

/** The sentence's subject: the words before its first verb, after an opening phrase closed by a comma. */
export function subjectOf(text: string): string | null {
  let rest = text;
  // `Condemning the attack on the port, after a night of riots, Cllr Halloran wrote …`: a participle's
  // clause, commas and all, up to the comma a capital follows, where the main clause's subject starts.
  if (PARTICIPLE_OPENER.test(rest)) {
    const main = /,\s*(?=\p{Lu})/u.exec(rest);
    if (!main) return null;
    rest = rest.slice(main.index + main[0].length);
  }
  // `In a letter to …, Norland's ambassador …`: skip an opening prepositional or adverbial phrase.
  if (/^(?:In|On|At|After|Before|Earlier|Later|Meanwhile|Despite|Following|Referring|Insisting|Over|Since|Elsewhere|During|While|When|As|According|Under|Amid|Speaking|Responding|Asked|Separately|However|Also|Yet|But|And)\b/u.test(rest)) {
    const comma = rest.indexOf(',');
    if (comma < 0) return null;
    rest = rest.slice(comma + 1);
  }
  const verb = FINITE_VERB.exec(rest);
  if (!verb) return null;
  const subject = trimSubject(rest.slice(0, verb.index));
  return subject.length > 0 ? subject : null;
}

/**
 * A sentence opened by a participle's clause: a capitalised `-ing` word before what a participle
 * takes (`Condemning the`, `Addressing reporters`), never a name (`Beijing said`).
 */
const PARTICIPLE_OPENER = /^\p{Lu}\p{Ll}+ing\s+(?:the|a|an|his|her|its|their|this|that|these|those|to|on|at|in|about|for|with|what|how|why|reporters|journalists|supporters)\b/u;

/** Trims trailing adverbs and commas off a phrase that stands before a verb: `Rafiq further` → `Rafiq`. */
export function trimSubject(phrase: string): string {
  const words = phrase.trim().split(/\s+/u);
  while (words.length > 0 && ADVERB.test(words[words.length - 1]!.replace(/,$/u, ''))) words.pop();
  return words.join(' ').replace(/^[,\s]+|[,\s]+$/gu, '');
}

/** Personal pronouns that refer back to the person the text is about. */
export const PERSONAL_PRONOUN = /^(?:he|she)$/iu;
