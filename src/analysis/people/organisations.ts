import { countries } from 'countries-list';
import { DOCUMENT_NOUNS, ORGANISATION_NOUNS } from '../lexicon/bodies.ts';
import { MONTHS, RELATIVE_DAYS, WEEKDAYS } from '../lexicon/calendar.ts';
import { NAME_PARTICLES } from '../lexicon/names.ts';
import { PLACE_NOUNS } from '../lexicon/places.ts';
import { PERSONAL_TITLES, ROLE_CLASSES, SPOKESPERSON_NOUNS } from '../lexicon/roles.ts';

/**
 * Organisations and states as speakers: `Norland's permanent mission to the UN reaffirmed …`, `the
 * Kremlin says`, `Norland has denied …`, `a Kremlin spokesperson said`. News attributes most
 * statements to institutions as often as to people. Pure functions over noun phrases.
 */


/**
 * Names of states, their other names and their capitals, lower-cased: `France said`, `the US
 * condemned`, `Ottawa says` name a state speaking. A country named only at the start of sentences
 * is still a name, which the article's own capitals cannot tell.
 */
export const STATE_NAMES: ReadonlySet<string> = new Set(
  Object.values(countries).flatMap((c) => stateNamesOf(c).map((n) => n.toLowerCase())),
);

/** Every name of a state, its capital included, lower-cased, mapped to the state's own name: `ottawa` → `canada`. */
const STATE_OF: ReadonlyMap<string, string> = new Map(
  Object.values(countries).flatMap((c) => stateNamesOf(c).map((n) => [n.toLowerCase(), (c as { name: string }).name.toLowerCase()] as const)),
);

/** Whether an organisation key is a state's (see `organisationKey`). */
export function isStateKey(key: string): boolean {
  return STATE_OF.has(key);
}

/** A state's names as countries-list gives them: its name, other names and capital (`Washington D.C.` as `Washington`). */
function stateNamesOf(c: unknown): string[] {
  const { name, capital, alias = [] } = c as { name: string; capital: string; alias?: string[] };
  return [name, ...alias, capital.replace(/\s+D\.C\.$/u, '')].filter(Boolean);
}

/** Words that join the capitalised words of a proper name: `Department of Defense`, `Norland's Ministry`. */
const CONNECTORS = new Set(['of', 'for', 'on', 'and', 'the', 'to', 'della', 'des', 'do', 'las', 'los', ...NAME_PARTICLES]);

/** Whose a body is, before its name: `the country’s Ministry of Forestry`, `the state Office of Public Audit`. */
const OWNER_BEFORE_NAME = new RegExp(`^(?:(?:[Tt]he|[Ii]ts|[Tt]heir)\\s+)?(?:${['country', 'nation', 'government', 'company', 'kingdom', ...PLACE_NOUNS].join('|')})(?:['’]s)?\\s+(?=\\p{Lu})`, 'u');

/** Every noun of a role (`minister`, `envoy`, `spokesman`): the head of a phrase that names a person, not a body. */
const ROLE_NOUNS: ReadonlySet<string> = new Set(Object.values(ROLE_CLASSES).flat());

/** Where the head of a body's name ends: `the Council of …`, `the Council under General …`, `the mission to the UN`. */
const HEAD_END = /\s+(?:of|to|for|at|in|on|from|with|under|led\s+by|headed\s+by)\s+/iu;

/** The acronym a phrase gives its body in brackets (`Medics Across Frontiers (MAF)` → MAF), or null. */
export function acronymOf(phrase: string): string | null {
  return ACRONYMED.exec(phrase.trim().replace(/[,.;:]+$/u, ''))?.groups?.['acronym'] ?? null;
}

/** A name followed by its acronym in brackets: `Office of Coastal Assets Review (OCAR)`. */
const ACRONYMED = /^(?:[Tt]he\s+)?(?<name>\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+[\p{L}\p{M}.'’-]+){0,8})\s*\((?<acronym>\p{Lu}{2,}[\p{Lu}\d-]*)\)$/u;

/** Determiners and possessives that open a noun phrase but are not part of an organisation's name. */
const LEADING = /^(?:the|a|an|its|their|this|that)\s+/iu;

/** Common words that are never a speaking body however they are capitalised. */
const NOT_BODIES = new Set([
  'it', 'they', 'this', 'that', 'these', 'those', 'there', 'he', 'she', 'we', 'i', 'you', 'who', 'which',
  ...[...MONTHS, ...WEEKDAYS].map((w) => w.toLowerCase()),
  ...RELATIVE_DAYS,
]);


/** `a statement from the mission`, `the ministry's statement`: a document with its author named. */
const DOCUMENT_WITH_AUTHOR = new RegExp(`^(?:(?<before>.+?)['’]s\\s+(?:\\p{Ll}+\\s+)*(?:${DOCUMENT_NOUNS.join('|')})|(?:a|an|the|its|their)?\\s*(?:\\p{Ll}+\\s+)*(?:${DOCUMENT_NOUNS.join('|')})\\s+(?:from|by|of|issued by|released by)\\s+(?<after>.+))$`, 'iu');

/** A document named alone as the subject: `The statement said …`. */
export const BARE_DOCUMENT = new RegExp(`^(?:the|this|that|its|their)\\s+(?:\\p{Ll}+\\s+)?(?<noun>${DOCUMENT_NOUNS.join('|')})$`, 'iu');

/** `a Kremlin spokesperson`, `a spokesman for the ministry`: someone unnamed who speaks for a body. */
// (Not `official` as an adjective before a capitalised name: `Lebanon's official National News Agency` is the agency.)
const SPOKESPERSON = new RegExp(`\\b(?:${SPOKESPERSON_NOUNS.join('|')})\\b(?<!\\bofficial(?=\\s+\\p{Lu}))`, 'iu');

/** The words of a phrase. */
function words(phrase: string): string[] {
  return phrase.split(/\s+/u).filter(Boolean);
}

/** A word's bare form: lower case, possessive and punctuation off. */
function bare(word: string): string {
  return word
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/[^\p{L}\p{N}-]/gu, '');
}

/** Whether a word is capitalised or an acronym (`Norland`, `UN`, `al-Qaeda` is not, `Al-Qaeda` is). */
function capitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/**
 * The name of the organisation a subject phrase names, as written without its opening
 * determiner, or null. `properWords` are the words the article capitalises inside sentences
 * (lower-cased): a capitalised word that only ever opens a sentence (`Observers`, `Witnesses`) is
 * an ordinary noun, not a name.
 */
export function organisationName(phrase: string, properWords: ReadonlySet<string>): string | null {
  // `Medics Across Frontiers (MAF)`: capitalised words with their acronym in brackets name a body, however
  // rarely the article repeats them (the acronym is kept apart, see `acronymOf`).
  const acronymed = ACRONYMED.exec(phrase.trim().replace(/[,.;:]+$/u, ''));
  if (acronymed && words(acronymed.groups!['name']!).every((w) => capitalised(w) || CONNECTORS.has(w.toLowerCase()))) return acronymed.groups!['name']!;
  // An acronym in brackets or an aside between dashes adds nothing to the name: `the regional water agency (RWA)`.
  const trimmed = phrase
    .replace(/\s*\([^)]*\)/gu, '')
    .replace(/\s+[–—]\s.*?(?:\s[–—]\s|$)/gu, ' ')
    .trim()
    .replace(/[,.;:]+$/u, '');
  const document = DOCUMENT_WITH_AUTHOR.exec(trimmed);
  if (document) {
    const author = document.groups?.['before'] ?? document.groups?.['after'];
    return author ? organisationName(author, properWords) : null;
  }
  // `The Halvik-based Al Waha Humanitarian Foundation` is named `Al Waha Humanitarian Foundation`;
  // `federal Workplace Hygiene and Welfare Administration records` are that Administration's.
  const name = trimmed
    .replace(/\s+(?:records|data|figures|documents|filings|statistics)$/u, '')
    .replace(/^(?:federal|state|national|local|regional|provincial|municipal)\s+(?=\p{Lu})/u, '')
    .replace(LEADING, '')
    // `Neighbouring Vestria said`: an adjective capitalised only for opening the sentence.
    .replace(/^(\p{Lu}\p{Ll}+(?:ing|ly))\s+(?=\p{Lu})/u, (word, bareWord: string) => (properWords.has(bareWord.toLowerCase()) ? word : ''))
    .replace(/^.*?\S-based\s+/u, '')
    // `the country’s Ministry of Forestry` is the Ministry of Forestry, `the state Office of Public Audit` the Office.
    .replace(OWNER_BEFORE_NAME, '');
  const list = words(name);
  if (list.length === 0 || list.length > 12) return null;
  // `Chief Ada Halloran`, `Mrs Halloran`: a person's title opens a person's name, never a body's.
  if (list.length > 1 && PERSONAL_TITLES.includes(bare(list[0]!))) return null;
  if (list.length === 1 && NOT_BODIES.has(bare(list[0]!))) return null;
  // A spokesperson or official for a body speaks for it: `a Kremlin spokesperson`, `an official at the ministry`.
  if (SPOKESPERSON.test(name)) {
    const body = /\b(?:for|of|at|from|with)\s+(?<org>.+)$/iu.exec(name)?.groups?.['org'];
    if (body) return organisationName(body, properWords);
    // `A Fisheries Department spokesperson`, `a UNESCO spokesperson in Halvik`: the capitalised words before the
    // role. An official is only a body's voice when the body is one (`a Kremlin official`), not a nationality.
    const role = SPOKESPERSON.exec(name)!;
    const before = name.slice(0, role.index).trim().split(/\s+/u);
    const proper = before.filter((w, i) => capitalised(w) && !(i === 0 && /^(?:a|an|the|one)$/iu.test(w)));
    if (proper.length === 0) return null;
    if (/^official/iu.test(role[0]) && !proper.some((w) => ORGANISATION_NOUNS.has(bare(w)) || /^\p{Lu}{2,}$/u.test(w))) return null;
    return proper.join(' ');
  }
  // `the Harbour Chief Minister`: a person by a role, never a body (unless a body's acronym or noun is in it: `UN Secretary-General`).
  if (ROLE_NOUNS.has(bare(list[list.length - 1]!)) && !list.some((w) => ORGANISATION_NOUNS.has(bare(w)) || /^\p{Lu}{2,}$/u.test(w))) return null;
  // `A pro-government militia group`, `an aid agency`: one of a kind, described, names no body.
  // (Unless it goes on to name it: `a rebel group, the Northern Front`, `an aid agency Open Hearth`.)
  if (/^(?:a|an|one|another)\s/iu.test(trimmed)) {
    const described = /\b(?<noun>\p{Ll}+)\s+(?<name>(?:\p{Lu}[\p{L}-]*\s*)+)$/u.exec(name);
    return described && ORGANISATION_NOUNS.has(described.groups!['noun']!) ? described.groups!['name']!.trim() : null;
  }
  if (STATE_NAMES.has(name.toLowerCase())) return name;
  // The head noun decides: `Norland's permanent mission to the UN` is a mission, `a Planning Council resolution` is not a council.
  const head = name.split(HEAD_END)[0]!.split(/\s+/u).pop()!;
  if (ORGANISATION_NOUNS.has(bare(head))) return name;
  // `Vestria's disaster agency VDMA`: a body described, then named.
  const named = /\b(?<noun>\p{Ll}+)\s+(?<name>(?:\p{Lu}[\p{L}-]*\s*)+)$/u.exec(name);
  if (named && ORGANISATION_NOUNS.has(named.groups!['noun']!)) return named.groups!['name']!.trim();
  // A proper name: capitalised words (joined by `of`, `for`, …), each one used as a name in the article.
  const content = list.filter((w) => !CONNECTORS.has(w.toLowerCase()));
  if (!capitalised(list[0]!) || content.length === 0 || !content.every(capitalised)) return null;
  if (!content.every((w) => /^\p{Lu}{2,}/u.test(w) || properWords.has(bare(w)) || STATE_NAMES.has(bare(w)))) return null;
  return name;
}

/** Whether a phrase's head noun is a body's (`the Norlandic Foreign Ministry`, `the Highland Rescue Committee`): then it names an organisation, whatever name-like words it holds. */
export function headedByOrganisation(phrase: string): boolean {
  const plain = phrase.replace(/\s*\([^)]*\)/gu, '').trim().replace(/[,.;:]+$/u, '');
  const head = plain.split(HEAD_END)[0]!.split(/\s+/u).pop() ?? '';
  return ORGANISATION_NOUNS.has(bare(head)) && !SPOKESPERSON.test(plain);
}

/** Lower-cased words the text capitalises anywhere but at the start of a sentence: the article's proper names. */
export function properWordsOf(sentences: readonly { text: string }[]): Set<string> {
  const proper = new Set<string>();
  for (const { text } of sentences) {
    const tokens = text.split(/\s+/u);
    for (let i = 1; i < tokens.length; i++) {
      const word = tokens[i]!.replace(/^[“"‘'(]+/u, '');
      // After a colon or an opening quote mark a capital may just start a quoted sentence.
      if (/[:“"‘]$/u.test(tokens[i - 1]!) || /^[“"‘]/u.test(tokens[i]!)) continue;
      if (capitalised(word)) proper.add(bare(word));
    }
  }
  return proper;
}

/** The key two mentions of one organisation share: `The Kremlin` and `Kremlin`, `Norland’s` and `Norland's`, `Ottawa` and `Canada`. */
export function organisationKey(name: string): string {
  const key = name
    .toLowerCase()
    .replace(/[()]/gu, '')
    .replace(/[’‘]/gu, "'")
    .replace(LEADING, '')
    .replace(/\s+/gu, ' ')
    .trim();
  // A state is one speaker under its names (`the US`, `United States`), but a capital speaks under its own
  // name as written (`Ottawa said`): the state is only its alias (see `stateOfCapital`), never its name.
  const state = STATE_OF.get(key);
  return state !== undefined && !CAPITALS.has(key) ? state : key;
}

/** Capitals, lower-cased: names of a state's government as the copy writes them (`Ottawa said`). */
const CAPITALS: ReadonlySet<string> = new Set(
  Object.values(countries).map((c) => (c as { capital: string }).capital.replace(/\s+D\.C\.$/u, '').toLowerCase()).filter(Boolean),
);

/** The state a capital's name speaks for (`Ottawa` → `Canada`), as a name to find it by; null for any other name. */
export function stateOfCapital(name: string): string | null {
  const key = name.toLowerCase().replace(/^the\s+/u, '');
  if (!CAPITALS.has(key)) return null;
  const state = Object.values(countries).find((c) => (c as { capital: string }).capital.replace(/\s+D\.C\.$/u, '').toLowerCase() === key) as { name: string } | undefined;
  return state?.name ?? null;
}
