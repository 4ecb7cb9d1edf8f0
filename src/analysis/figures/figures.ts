/**
 * Numeric figures in an article body: `at least 10,818 people` killed, `46 times` attacked.
 *
 * A pure function, `findFigures`, over the body and its sentences. The rules are general news-writing
 * rules, written as small exported tables (qualifiers, cues, time units, …) and named exclusion rules so
 * that later work can extend them. The body is never normalised: every offset points into it as given
 * (non-breaking spaces and curly quotes included), so `body.slice(f.start, f.end) === f.text`.
 *
 * A figure is: [qualifier] number [counted words]
 *   - qualifier: one of `QUALIFIERS`, right before the number (`at least`, `A total of`);
 *   - number: a numeral (`10,818`, `1.5 million`, `$2 billion`), number words (`three`, `twenty-five`,
 *     `a dozen`, `two hundred`) or a vague quantity (`dozens of`, `tens of thousands of`, value null);
 *   - counted: up to `MAX_COUNTED_WORDS` words after the number, ending at the head noun
 *     (`46 US troops`, `two aircraft carrier strike groups`), or `%`/`percent`. When the text leaves
 *     the noun out (`24 attacks in Iraq and 22 in Syria`), `counted` is borrowed from the figure before
 *     in the sentence while `text` stays the figure's own words (`22`).
 *
 * Category, first rule that applies (see `categorise`):
 *   4.  `including …` (and figures joined to it by `and`/commas) → the category of the figure before;
 *   1.  the counted noun is an event (`EVENT_NOUNS`: attacks, rockets, deaths…);
 *   2.  a cue verb right before the number, only a qualifier or `the lives of` between (`CUES`);
 *   2b. a list governed by that verb (`sent two carrier groups, dozens of fighter jets`);
 *   3.  a cue within `CUE_WINDOW` words after the counted noun, in the same clause;
 *   4b. an elided count with no cue of its own → the category of the figure it borrowed from;
 *   5.  otherwise `other`.
 *
 * Numbers that are not figures are turned down by the named rules in `EXCLUSION_RULES`.
 */
import type { Figure, FigureCategory, Sentence } from '../types.ts';

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

/**
 * Words that qualify a number when they stand right before it, matched case-insensitively and kept
 * as written (`At least 2,650 individuals`). Longer entries win over shorter ones.
 */
export const QUALIFIERS: readonly string[] = [
  'at least',
  'more than',
  'over',
  'nearly',
  'almost',
  'about',
  'around',
  'some',
  'up to',
  'a total of',
  'another',
  'fewer than',
  'less than',
  'approximately',
  'roughly',
  'as many as',
  'between',
];

/** A category a cue can give (everything but `other`). */
export type CueCategory = Exclude<FigureCategory, 'other'>;

/**
 * The cue table: words that say what happened to what a figure counts.
 *
 * - `verbs` may govern a number from right before it (rule 2: `killed at least 10,818 people`,
 *   `wounded four others`, `attacked 46 times`, `sent two aircraft carrier strike groups`); only a
 *   qualifier may stand between the verb and the number.
 * - `verbs` and `words` both count as a cue after the counted noun, within `CUE_WINDOW` words of the
 *   same clause (rule 3: `56 troops have been injured`, `2,650 individuals are reported missing`,
 *   `46 US troops had sustained injuries`).
 *
 * Besides the table, `the lives of` before a number (`claimed the lives of more than 26,600`) and a
 * death toll that reaches a number (`the death toll rose to 300`) are killed cues.
 *
 * The `rockets` verbs (fired, launched) only give their category when the figure counts nothing of its
 * own (`fired at least 20`); `launched 3 investigations` counts investigations, not rockets, and a
 * counted projectile (`20 rockets`) is already caught by `EVENT_NOUNS`.
 */
export const CUES: Readonly<Record<CueCategory, { readonly verbs: readonly string[]; readonly words: readonly string[] }>> = {
  killed: {
    verbs: ['kill', 'kills', 'killed', 'killing'],
    words: ['dead', 'died', 'die', 'dies', 'death', 'deaths', 'toll', 'lives', 'fatalities', 'succumbed', 'perished', 'bodies'],
  },
  injured: {
    verbs: ['injure', 'injures', 'injured', 'injuring', 'wound', 'wounds', 'wounded', 'wounding', 'hurt', 'treated'],
    words: ['injuries', 'injury', 'treated', 'hospitalised', 'hospitalized', 'critical'],
  },
  missing: {
    verbs: [],
    words: ['missing', 'unaccounted'],
  },
  attacks: {
    verbs: ['attacked', 'struck'],
    words: ['attacks', 'strikes', 'airstrikes'],
  },
  rockets: {
    verbs: ['fire', 'fires', 'fired', 'firing', 'launch', 'launches', 'launched', 'launching'],
    // `Five of the drones were intercepted`.
    words: ['drones', 'missiles', 'rockets', 'shells'],
  },
  deployed: {
    verbs: ['deploy', 'deploys', 'deployed', 'deploying', 'send', 'sends', 'sent', 'sending', 'dispatch', 'dispatched', 'dispatching', 'stationed', 'posted', 'assigned', 'mobilised', 'mobilized', 'positioned'],
    words: [],
  },
};

/**
 * Counted nouns that are themselves events (rule 1): `24 attacks`, `at least 10 rockets`, `300 deaths`.
 * Checked against the head noun of the counted words, lower-cased.
 */
export const EVENT_NOUNS: Readonly<Record<string, CueCategory>> = {
  attack: 'attacks', attacks: 'attacks', strike: 'attacks', strikes: 'attacks', airstrike: 'attacks', airstrikes: 'attacks',
  raid: 'attacks', raids: 'attacks', assault: 'attacks', assaults: 'attacks', bombing: 'attacks', bombings: 'attacks',
  rocket: 'rockets', rockets: 'rockets', missile: 'rockets', missiles: 'rockets', drone: 'rockets', drones: 'rockets',
  shell: 'rockets', shells: 'rockets', mortar: 'rockets', mortars: 'rockets', projectile: 'rockets', projectiles: 'rockets',
  bomb: 'rockets', bombs: 'rockets', grenades: 'rockets', munitions: 'rockets',
  death: 'killed', deaths: 'killed', fatalities: 'killed', dead: 'killed', lives: 'killed', bodies: 'killed',
  rounds: 'rockets',
  injury: 'injured', injuries: 'injured', wounded: 'injured', injured: 'injured',
};

/** Participles and adjectives that, as a modifier in the counted words, say what happened (`three wounded soldiers`). */
export const EVENT_MODIFIERS: Readonly<Record<string, CueCategory>> = {
  wounded: 'injured', injured: 'injured', dead: 'killed', killed: 'killed', missing: 'missing', unmanned: 'rockets',
};

/** Words after the number that make it a duration, not a count (`in the past two days`, `for two weeks`). */
export const TIME_UNITS: readonly string[] = [
  'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'night', 'nights', 'week', 'weeks',
  'fortnight', 'fortnights', 'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'centuries',
];

/** Words allowed between a number and its time unit: `two more days`, `three straight weeks`. */
export const TIME_UNIT_MODIFIERS: readonly string[] = [
  'more', 'full', 'straight', 'consecutive', 'long', 'whole', 'additional', 'further', 'successive', 'previous', 'past', 'last', 'next',
];

/** Month names and their abbreviations, capitalised as written; a number next to one is a date. */
export const MONTHS: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
];

/** Week days, capitalised; a capitalised day before a number does not make the number an identifier. */
export const WEEKDAYS: readonly string[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Words after which a number names something rather than counting it: `article 51`, `resolution 2334`, `No. 5`. */
export const REFERENCE_WORDS: readonly string[] = [
  'article', 'articles', 'resolution', 'resolutions', 'code', 'number', 'no', 'nos', 'page', 'pages', 'section', 'sections',
  'chapter', 'chapters', 'paragraph', 'paragraphs', 'clause', 'item', 'annex', 'volume', 'vol', 'p', 'pp', 'figure', 'table',
  'flight', 'route', 'highway', 'gate', 'room', 'tower', 'camp', 'anchorage', 'berth', 'pier', 'platform', 'terminal', 'level',
  'shaft', 'precinct', 'bay', 'hangar', 'block', 'sector', 'ward', 'district', 'line', 'exit', 'exits', 'lane', 'track',
];

/** Words before a number word that make it a reference to things already named: `the two countries`. */
export const REFERENCE_DETERMINERS: readonly string[] = ['the', 'both', 'all', 'these', 'those'];

/**
 * Casualty words that, linked to a number right after them, say what it counts: `the dead included
 * 12 children`, `Among the dead are 19 children`, `five of the dead`, `41 of the deaths`.
 */
export const CASUALTY_WORDS: Readonly<Record<string, CueCategory>> = {
  dead: 'killed', deaths: 'killed', killed: 'killed', fatalities: 'killed', victims: 'killed',
  wounded: 'injured', injured: 'injured', injuries: 'injured', missing: 'missing',
};

/** Linking verbs between a casualty word and its number: `the dead included 12 children`. */
export const CASUALTY_LINKS: readonly string[] = ['included', 'include', 'includes', 'including', 'were', 'are', 'was', 'is'];

/** Nouns of a group sent somewhere, between a deploying verb and its number: `send a team of 60 rescuers`. */
export const GROUP_NOUNS: readonly string[] = ['team', 'teams', 'contingent', 'force', 'unit', 'battalion', 'detachment', 'convoy', 'fleet', 'squadron'];

/** Words that join a figure to the one before as part of one list: `up to 4,000 soldiers, along with three transport planes`. */
export const LIST_JOINERS: readonly string[] = ['and', 'or', 'along with', 'as well as', 'together with', 'plus'];

/** Units that make a number a measurement, not a count (`magnitude 6.1`, `minus five degrees`). */
export const MEASUREMENT_UNITS: readonly string[] = [
  'nautical miles', 'millimetres', 'millimeters', 'mm', 'centimetres', 'centimeters', 'cm', 'inches', 'degrees', 'degree', '°', 'km/h', 'mph', 'knots', 'kilometres', 'kilometers', 'kilometre', 'kilometer', 'km', 'miles', 'mile',
  'metres', 'meters', 'metre', 'meter', 'feet', 'foot', 'ft',
];

/** Money counted by name rather than by symbol: `20 million yuan`, `3 billion CFA francs`. Money is never killed or deployed. */
export const CURRENCY_NAMES: readonly string[] = [
  'dollars', 'euros', 'pounds', 'yuan', 'renminbi', 'yen', 'rials', 'riyals', 'rupees', 'roubles', 'rubles', 'lira', 'liras',
  'shekels', 'dinars', 'dirhams', 'pesos', 'francs', 'kwacha', 'naira', 'rand', 'won', 'ringgit', 'baht', 'manat', 'som',
  'somoni', 'tenge', 'hryvnias', 'lei', 'zloty', 'krona', 'kronor', 'krone', 'reais', 'afghanis',
];

/** What forces are made of: moved, sent or brought, these are deployed (`moved an additional 3,000 troops`). */
export const FORCE_NOUNS: readonly string[] = [
  'troops', 'soldiers', 'forces', 'personnel', 'police', 'officers', 'vehicles', 'tanks', 'batteries', 'ships', 'warships', 'vessels',
  'aircraft', 'jets', 'helicopters', 'planes', 'drones', 'units', 'battalions', 'brigades', 'marines', 'sailors', 'firefighters', 'rescuers',
  'commandos', 'squadrons', 'divers', 'volunteers', 'boats', 'engines', 'tankers', 'frigates', 'destroyers', 'submarines', 'crews',
  'monitors', 'observers', 'peacekeepers', 'inspectors',
];

/** Verbs of sending or gathering forces, anywhere in a sentence (rule 5b). */
const DEPLOYING = /\b(?:deploy\w*|deployment|sent|send(?:s|ing)?|dispatch\w*|assigned|involv(?:ed|ing)|took part|taking part|participat\w*|joined|reinforc\w*|mobili[sz]\w*|station\w*|posted|keeps|kept|flown in)\b/iu;

/** Nouns for people who can be lost, as an army loses soldiers: `the rebels had lost two fighters`. */
export const PERSON_NOUNS: readonly string[] = [
  'fighters', 'soldiers', 'troops', 'men', 'members', 'people', 'lives', 'servicemen', 'personnel', 'officers', 'militants', 'civilians',
];

/** Words that, right before a figure, make it part of the figure before it: `…, including 2,918 women`. */
export const INCLUSION_MARKERS: readonly string[] = ['including', 'among them', 'among whom'];

/** How many words after the counted noun a cue may stand (rule 3); words in parentheses are not counted. */
export const CUE_WINDOW = 8;

/** At most this many counted words: a head noun and up to three modifiers (`aircraft carrier strike groups`). */
export const MAX_COUNTED_WORDS = 4;

/** Number words and their values. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Words that multiply what comes before them: `1.5 million`, `two hundred`, `a dozen`. */
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  dozen: 12, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};

/** Vague quantities (value null). `tens` only counts in `tens of thousands`/`tens of millions`; `scores` only before `of`. */
export const VAGUE_QUANTITIES: readonly string[] = ['dozens', 'scores', 'hundreds', 'thousands', 'millions', 'billions', 'tens'];

// ---------------------------------------------------------------------------------------------
// Word classes used to find the counted words
// ---------------------------------------------------------------------------------------------

/** Words that end the counted words: articles, determiners, prepositions, conjunctions, pronouns, auxiliaries, common adverbs. */
const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'each', 'every', 'all', 'both', 'such',
  'in', 'on', 'at', 'to', 'from', 'by', 'with', 'of', 'for', 'into', 'onto', 'over', 'under', 'since', 'during', 'after', 'before', 'across',
  'against', 'among', 'amid', 'between', 'near', 'through', 'toward', 'towards', 'within', 'without', 'upon', 'about', 'around', 'along',
  'beyond', 'inside', 'outside', 'per', 'via', 'like', 'than', 'as', 'until', 'till', 'despite', 'including', 'following',
  'and', 'or', 'but', 'nor', 'so', 'yet', 'while', 'if', 'because', 'when', 'where', 'who', 'whom', 'whose', 'which', 'what',
  'have', 'has', 'had', 'having', 'were', 'was', 'are', 'is', 'be', 'been', 'being', 'am', 'will', 'would', 'could', 'should', 'can',
  'may', 'might', 'must', 'shall', 'do', 'does', 'did', 'get', 'got',
  'he', 'she', 'it', 'they', 'we', 'you', 'i', 'them', 'us', 'him', 'me', 'there', 'here',
  'also', 'still', 'mostly', 'mainly', 'reportedly', 'allegedly', 'only', 'just', 'even', 'not', 'now', 'then', 'again', 'ago',
  'already', 'each', 'apiece', 'altogether', 'respectively', 'too', 'either', 'neither', 'nearly', 'almost', 'some', 'most',
  'said', 'says', 'say', 'told', 'added', 'noted', 'according', 'remain', 'remained', 'remains',
  'up', 'down', 'out', 'off', 'away', 'back',
  // `nine near Adré and five further north`: where, not what.
  'further', 'farther', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'elsewhere', 'nearby',
]);

/**
 * Nouns that are plural without ending in -s. Participles such as `wounded` or `dead` are left out on
 * purpose: right after a number they usually belong to an elided noun (`14 people were killed and 32
 * wounded`), so they are read as cues, not as what is counted.
 */
const IRREGULAR_PLURALS: ReadonlySet<string> = new Set([
  'people', 'children', 'men', 'women', 'personnel', 'police', 'staff', 'aircraft', 'cattle', 'sheep', 'fish', 'deer', 'crew',
  'livestock', 'youth',
]);

const PERCENT_WORDS = /^(?:%|\s*(?:percent|per\s+cent|pc|percentage\s+points?)\b)/iu;
const CURRENCY = /(?:US\$|[$€£¥])$/u;
const CURRENCY_ONLY = /^(?:US\$|[$€£¥])$/u;
const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\d/u;

// ---------------------------------------------------------------------------------------------
// Tokens and number phrases
// ---------------------------------------------------------------------------------------------

interface Token {
  kind: 'word' | 'num' | 'punct';
  text: string;
  lower: string;
  /** Offsets in the body. */
  start: number;
  end: number;
}

/** Numerals (digit clusters joined by `,` `.` `:` `/`), words (with inner hyphens and apostrophes), and single other characters. */
const TOKEN = /(\d+(?:[.,:/]\d+)*)|([\p{L}\p{M}]+(?:['’\-‐][\p{L}\p{M}]+)*)|(\S)/gu;

function tokenize(sentence: Sentence): Token[] {
  const tokens: Token[] = [];
  for (const m of sentence.text.matchAll(TOKEN)) {
    const text = m[0];
    const start = sentence.start + (m.index ?? 0);
    const kind = m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'punct';
    tokens.push({ kind, text, lower: text.toLowerCase(), start, end: start + text.length });
  }
  return tokens;
}

/** A number as found, before it is judged (exported for the signature of `EXCLUSION_RULES`). */
export interface Candidate {
  body: string;
  tokens: Token[];
  sentence: Sentence;
  /** First and last token of the number itself. */
  first: number;
  last: number;
  /** Offsets of the number (with a currency symbol before it, if any). */
  start: number;
  end: number;
  value: number | null;
  kind: 'numeral' | 'word' | 'vague';
  currency: string | null;
  qualifier: { text: string; start: number; first: number } | null;
  /** Category from a cue verb governing the number (rule 2), before any restriction. */
  cueBefore: CueCategory | null;
  /** The counted words (possibly empty) and where they end. */
  counted: string;
  countedEnd: number;
  countedHead: string;
  countedModifiers: string[];
}

const onlySpace = (body: string, from: number, to: number): boolean => from <= to && /^\s*$/u.test(body.slice(from, to));

/** The word token right before token `i`, separated from it by whitespace only, or null. */
function wordBefore(c: { body: string; tokens: Token[] }, i: number): Token | null {
  const t = c.tokens[i - 1];
  const next = c.tokens[i];
  if (!t || !next || t.kind !== 'word' || !onlySpace(c.body, t.end, next.start)) return null;
  return t;
}

/** The word token right after token `i`, separated from it by whitespace only, or null. */
function wordAfter(c: { body: string; tokens: Token[] }, i: number): Token | null {
  const t = c.tokens[i + 1];
  const prev = c.tokens[i];
  if (!t || !prev || t.kind !== 'word' || !onlySpace(c.body, prev.end, t.start)) return null;
  return t;
}

const round = (n: number): number => Number.parseFloat(n.toPrecision(15));

type WordPart = { kind: 'small' | 'tens' | 'hundred' | 'big' | 'dozen'; n: number };

function wordPart(lower: string): WordPart | null {
  const n = NUMBER_WORDS[lower];
  if (n !== undefined) return { kind: n >= 20 && n % 10 === 0 ? 'tens' : 'small', n };
  const scale = SCALE_WORDS[lower];
  if (scale === undefined) return null;
  if (lower === 'dozen') return { kind: 'dozen', n: scale };
  return { kind: lower === 'hundred' ? 'hundred' : 'big', n: scale };
}

/** `twenty-five` → 25; null when the word is not such a compound. */
function compoundValue(lower: string): number | null {
  const m = /^([a-z]+)[-‐]([a-z]+)$/u.exec(lower);
  if (!m) return null;
  const tens = NUMBER_WORDS[m[1]!];
  const unit = NUMBER_WORDS[m[2]!];
  if (tens === undefined || unit === undefined || tens < 20 || tens % 10 !== 0 || unit < 1 || unit > 9) return null;
  return tens + unit;
}

/**
 * Number words from token `i`: `three`, `twenty-five`, `twenty five`, `a dozen`, `two hundred and fifty`,
 * `one million`. A hyphenated word that only starts with a number word (`three-day`, `two-state`)
 * yields the number alone, so that `isInsideWord` can turn it down.
 */
function parseNumberWords(c: { body: string; tokens: Token[] }, i: number): { last: number; end: number; value: number } | null {
  const tokens = c.tokens;
  const t0 = tokens[i];
  if (!t0 || t0.kind !== 'word') return null;
  let k = i;
  let total = 0;
  let current = 0;
  let prev: WordPart['kind'] | 'start' = 'start';
  if (t0.lower === 'a' || t0.lower === 'an') {
    const next = wordAfter(c, i);
    const part = next ? wordPart(next.lower) : null;
    if (!part || part.kind === 'small' || part.kind === 'tens') return null;
    if (part.kind === 'big') total = part.n;
    else current = part.n;
    prev = part.kind;
    k = i + 1;
  } else {
    const compound = compoundValue(t0.lower);
    if (compound !== null) {
      current = compound;
      prev = 'small';
    } else {
      const part = wordPart(t0.lower);
      if (!part || (part.kind !== 'small' && part.kind !== 'tens')) {
        // `three-day`: the first part of a hyphenated word.
        const head = /^([\p{L}]+)[-‐]/u.exec(t0.lower)?.[1];
        const n = head !== undefined ? NUMBER_WORDS[head] : undefined;
        if (head === undefined || n === undefined) return null;
        return { last: i, end: t0.start + head.length, value: n };
      }
      current = part.n;
      prev = part.kind;
    }
  }
  // `two hundred and fifty` is one number, not three: keep reading while the words compose.
  for (;;) {
    let j = k;
    let next = wordAfter(c, j);
    if (next && next.lower === 'and' && (prev === 'hundred' || prev === 'big')) {
      j++;
      next = wordAfter(c, j);
    }
    if (!next) break;
    const compound = compoundValue(next.lower);
    const part: WordPart | null = compound !== null ? { kind: 'small', n: compound } : wordPart(next.lower);
    if (!part) break;
    const fits =
      part.kind === 'big' ||
      (part.kind === 'hundred' && prev === 'small' && current < 100) ||
      (part.kind === 'dozen' && prev === 'small' && current < 100) ||
      (part.kind === 'small' && prev === 'tens' && part.n < 10 && compound === null) ||
      ((part.kind === 'small' || part.kind === 'tens') && (prev === 'hundred' || prev === 'big'));
    if (!fits || (part.kind === 'big' && prev === 'big')) break;
    if (part.kind === 'small' || part.kind === 'tens') current += part.n;
    else if (part.kind === 'hundred' || part.kind === 'dozen') current = (current || 1) * part.n;
    else {
      total += (current || 1) * part.n;
      current = 0;
    }
    prev = part.kind;
    k = j + 1;
  }
  const last = tokens[k]!;
  return { last: k, end: last.end, value: total + current };
}

/** `dozens of`, `hundreds of thousands of`, `thousands` (value null). */
function parseVague(c: { body: string; tokens: Token[] }, i: number): { last: number; end: number } | null {
  const t0 = c.tokens[i];
  if (!t0 || t0.kind !== 'word' || !VAGUE_QUANTITIES.includes(t0.lower)) return null;
  let k = i;
  const of1 = wordAfter(c, k);
  const bigger = of1?.lower === 'of' ? wordAfter(c, k + 1) : null;
  if ((t0.lower === 'tens' || t0.lower === 'hundreds') && bigger && ['thousands', 'millions', 'billions'].includes(bigger.lower)) {
    k += 2;
  } else if (t0.lower === 'tens') {
    return null;
  }
  if (wordAfter(c, k)?.lower === 'of') k++;
  else if (t0.lower === 'scores') return null;
  return { last: k, end: c.tokens[k]!.end };
}

/** A numeral from token `i`, with a scale word after it (`1.5 million`) and a currency symbol before it (`$2`). */
function parseNumeral(c: { body: string; tokens: Token[] }, i: number): { last: number; end: number; value: number; currency: string | null } | null {
  const t = c.tokens[i];
  if (!t || t.kind !== 'num') return null;
  const plain = t.text.replace(/,/gu, '');
  let value = /^\d+(?:\.\d+)?$/u.test(plain) ? Number.parseFloat(plain) : Number.NaN;
  let last = i;
  const scaleWord = wordAfter(c, i);
  const scale = scaleWord ? SCALE_WORDS[scaleWord.lower] : undefined;
  if (scale !== undefined && scaleWord!.lower !== 'dozen') {
    value = round(value * scale);
    last = i + 1;
  }
  const currency = CURRENCY.exec(c.body.slice(Math.max(0, t.start - 3), t.start))?.[0] ?? null;
  return { last, end: c.tokens[last]!.end, value, currency };
}

// ---------------------------------------------------------------------------------------------
// Qualifier, cue before, counted words
// ---------------------------------------------------------------------------------------------

const QUALIFIER_WORDS: readonly string[][] = [...QUALIFIERS].map((q) => q.split(' ')).sort((a, b) => b.length - a.length);

/** The qualifier right before token `first`, as written. */
function qualifierBefore(c: { body: string; tokens: Token[] }, first: number, numberStart: number): Candidate['qualifier'] {
  for (const words of QUALIFIER_WORDS) {
    const from = first - words.length;
    if (from < 0) continue;
    let ok = true;
    for (let w = 0; w < words.length && ok; w++) {
      const t = c.tokens[from + w]!;
      const nextStart = w + 1 < words.length ? c.tokens[from + w + 1]!.start : numberStart;
      ok = t.kind === 'word' && t.lower === words[w] && onlySpace(c.body, t.end, nextStart);
    }
    if (ok) {
      const start = c.tokens[from]!.start;
      const end = c.tokens[first - 1]!.end;
      return { text: c.body.slice(start, end), start, first: from };
    }
  }
  return null;
}

const CUE_VERB: ReadonlyMap<string, CueCategory> = new Map(
  (Object.entries(CUES) as [CueCategory, (typeof CUES)[CueCategory]][]).flatMap(([cat, cue]) => cue.verbs.map((v) => [v, cat] as const)),
);
const CUE_ANY: ReadonlyMap<string, CueCategory> = new Map(
  (Object.entries(CUES) as [CueCategory, (typeof CUES)[CueCategory]][]).flatMap(([cat, cue]) => [...cue.verbs, ...cue.words].map((v) => [v, cat] as const)),
);

/** Words that link a death toll to its number: `the death toll rose to 300`, `a toll of 12`. */
const TOLL_LINKS: ReadonlySet<string> = new Set(['of', 'to', 'at', 'reached', 'hit', 'topped', 'passed', 'exceeded', 'surpassed']);

/**
 * Rule 2: a cue verb governing the number from right before it, with only a qualifier between
 * (`killed at least 10,818`); or `the lives of` (`claimed the lives of more than 26,600`); or a
 * death toll reaching the number (`the death toll rose to 300`).
 */
function cueBefore(c: { body: string; tokens: Token[] }, before: number): CueCategory | null {
  // `Of those still unaccounted for, seven were …`, `Of the dead, 12 were children`.
  const opening = /^(?:Of|Among)\s+(?:those|the)\s+(?:still\s+|now\s+)?(?<word>\p{L}+)[^,]*,\s*$/u.exec(c.body.slice(c.tokens[0]!.start, c.tokens[before]?.start ?? 0));
  const word = opening?.groups?.['word']?.toLowerCase();
  if (word === 'unaccounted') return 'missing';
  if (word && CASUALTY_WORDS[word]) return CASUALTY_WORDS[word];
  const t = wordBefore(c, before);
  if (!t) return null;
  const verb = CUE_VERB.get(t.lower);
  if (verb) return verb;
  if (t.lower === 'of' && ['lives', 'bodies', 'remains'].includes(wordBefore(c, before - 1)?.lower ?? '')) return 'killed';
  // `send a team of 60 rescuers`: a deploying verb, then the group the number fills.
  if (t.lower === 'of' && GROUP_NOUNS.includes(wordBefore(c, before - 1)?.lower ?? '')) {
    for (let k = before - 3; k >= Math.max(0, before - 5); k--) {
      const w = c.tokens[k]!;
      if (w.kind !== 'word') break;
      const cat = CUE_VERB.get(w.lower);
      if (cat) return cat === 'deployed' ? cat : null;
    }
  }
  // `was killed along with two of his bodyguards`: `along with` carries the verb before it.
  if (t.lower === 'with' && wordBefore(c, before - 1)?.lower === 'along') {
    for (let k = before - 3; k >= Math.max(0, before - 6); k--) {
      const cat = CUE_VERB.get(c.tokens[k]?.lower ?? '');
      if (cat) return cat;
    }
  }
  // `come under attack six times`.
  if (['attack', 'fire'].includes(t.lower) && wordBefore(c, before - 1)?.lower === 'under') return 'attacks';
  // `the dead included 12 children`, `Among the dead are 19 children`.
  if (CASUALTY_LINKS.includes(t.lower)) {
    const cat = CASUALTY_WORDS[wordBefore(c, before - 1)?.lower ?? ''];
    if (cat) return cat;
  }
  if (TOLL_LINKS.has(t.lower)) {
    // `the death toll from Sunday's earthquake in northeastern Iran has risen to at least 63`.
    for (let k = before - 2; k >= Math.max(0, before - 20); k--) {
      const w = c.tokens[k]!;
      if (w.kind !== 'word') break;
      if (w.lower === 'toll') return 'killed';
    }
  }
  return null;
}

function isAllCaps(t: Token): boolean {
  return t.text.length > 1 && t.text === t.text.toUpperCase() && LETTER.test(t.text);
}

function isStopWord(t: Token): boolean {
  if (isAllCaps(t) && t.lower !== 'a') return false; // `US troops`, not the pronoun `us`
  return STOP_WORDS.has(t.lower) || MONTHS.includes(t.text) || WEEKDAYS.includes(t.text) || wordPart(t.lower) !== null || VAGUE_QUANTITIES.includes(t.lower);
}

function isPluralLike(t: Token): boolean {
  if (IRREGULAR_PLURALS.has(t.lower)) return true;
  if (isAllCaps(t) || t.lower.length < 4 || /['’]s$/u.test(t.lower)) return false;
  if (/men$/u.test(t.lower)) return true; // servicemen, gunmen
  return /s$/u.test(t.lower) && !/(?:ss|us|is)$/u.test(t.lower);
}

function isVerbLike(t: Token): boolean {
  if (IRREGULAR_PLURALS.has(t.lower) && !CUE_ANY.has(t.lower)) return false;
  return CUE_ANY.has(t.lower) || (t.lower.length > 4 && /(?:ed|ing)$/u.test(t.lower));
}

/**
 * The counted words after the number: a run of up to `MAX_COUNTED_WORDS` words that are not stop words,
 * ending at the last plural-looking word (the head noun: `aircraft carrier strike groups`), or, when
 * none looks plural, at the last word that does not look like a verb (`one member`). A verb-looking
 * word after a plural ends the run (`10 rockets slammed`, `65,300 others injured`).
 */
function countedAfter(c: { body: string; tokens: Token[] }, after: number, from: number): Token[] {
  const run: Token[] = [];
  let end = from;
  let sawPlural = false;
  let k = after;
  for (; k < c.tokens.length && run.length < MAX_COUNTED_WORDS; k++) {
    const t = c.tokens[k]!;
    if (t.kind !== 'word' || !onlySpace(c.body, end, t.start) || isStopWord(t)) break;
    if (sawPlural && isVerbLike(t)) break;
    run.push(t);
    end = t.end;
    if (isPluralLike(t)) sawPlural = true;
  }
  let head = -1;
  for (let h = run.length - 1; h >= 0; h--) {
    if (isPluralLike(run[h]!)) {
      head = h;
      break;
    }
  }
  if (head < 0) {
    head = run.length - 1;
    while (head >= 0 && isVerbLike(run[head]!) && !(head === 0 && /ing$/u.test(run[head]!.lower) && !CUE_ANY.has(run[head]!.lower))) head--;
  }
  return run.slice(0, head + 1);
}

// ---------------------------------------------------------------------------------------------
// Exclusion rules: numbers that are not figures
// ---------------------------------------------------------------------------------------------

/**
 * Numbers inside words or codes: `F-16`, `Ak-47`, `COVID-19`, `A4`, `1990s`, `10km`, a hyphenated
 * modifier (`12-year-old`, `three-day`, `two-state`), and ranges or ISO dates joined by hyphens
 * (`2023-10-17`), which are not counted yet.
 */
function isInsideWord(c: Candidate): boolean {
  const b = c.body;
  const numStart = c.tokens[c.first]!.start;
  const before = b[numStart - 1] ?? ' ';
  const before2 = b[numStart - 2] ?? ' ';
  const after = b[c.end] ?? ' ';
  const after2 = b[c.end + 1] ?? ' ';
  if (c.kind === 'numeral' && (LETTER.test(before) || DIGIT.test(before))) return true;
  if (/[-‐–]/u.test(before) && (LETTER.test(before2) || DIGIT.test(before2))) return true;
  if (LETTER.test(after) || DIGIT.test(after)) return true;
  if (/[-‐–]/u.test(after) && (LETTER.test(after2) || DIGIT.test(after2))) return true;
  return false;
}

/** Ordinals: `21st`, `2nd`, `4th`. (Word ordinals such as `first` are never read as numbers.) */
function isOrdinal(c: Candidate): boolean {
  return c.kind === 'numeral' && /^(?:st|nd|rd|th)(?![\p{L}])/iu.test(c.body.slice(c.end, c.end + 3));
}

/** Times of day: `10:30`, `3 p.m.`, `9am`, `14:00 GMT`, `five o'clock`. */
function isTimeOfDay(c: Candidate): boolean {
  if (c.kind === 'numeral' && c.tokens[c.first]!.text.includes(':')) return true;
  return /^\s*(?:[ap]\.\s?m\.?|[ap]m\b|GMT\b|UTC\b|o['’]clock\b|hrs\b|in\s+the\s+(?:morning|afternoon|evening)\b|at\s+night\b)/iu.test(c.body.slice(c.end, c.end + 24));
}

/** Ages: set off after a name or a noun (`Okafor, 58, was first elected`, `its captain, 58,`), or `aged 34`, `children under five`. */
function isAge(c: Candidate): boolean {
  // `close to zero`: nothing counted.
  if (c.value === 0 && c.counted === '') return true;
  if (c.counted === '' && c.qualifier === null && /\b(?:aged|under|over)\s+$/iu.test(c.body.slice(Math.max(0, c.start - 8), c.start)) && !/^\s*(?:percent|per\s+cent|%)/iu.test(c.body.slice(c.end, c.end + 10))) return true;
  if (c.kind !== 'numeral' || c.qualifier !== null || c.counted !== '') return false;
  const numStart = c.tokens[c.first]!.start;
  return /\p{L}[\p{L}'’-]+,\s*$/u.test(c.body.slice(Math.max(0, numStart - 40), numStart)) && /^\s*,/u.test(c.body.slice(c.end, c.end + 2)) && (c.value ?? 0) < 120;
}

/** Measurements: `magnitude 6.1`, `minus five degrees`, `120 km/h`. */
function isMeasurement(c: Candidate): boolean {
  const numStart = c.tokens[c.first]!.start;
  if (/\b(?:magnitude|minus)\s+$/iu.test(c.body.slice(Math.max(0, numStart - 12), numStart))) return true;
  const after = c.body.slice(c.end, c.end + 24).trimStart().toLowerCase();
  // `two blocks away`: a distance in city blocks.
  if (/^blocks?\s+(?:away|from|north|south|east|west)\b/u.test(after)) return true;
  return MEASUREMENT_UNITS.some((u) => after.startsWith(u) && !LETTER.test(after[u.length] ?? ' '));
}

const REFERENCE_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${REFERENCE_WORDS.join('|')})\\.?\\s+$`, 'iu');
const MONTH_BEFORE = new RegExp(`\\b(?:${MONTHS.join('|')})\\.?\\s+$`, 'u');
const MONTH_AFTER = new RegExp(`^\\s+(?:of\\s+)?(?:${MONTHS.join('|')})\\b`, 'u');

/**
 * Dates: a number next to a month name or its abbreviation, before or after it (`October 17`,
 * `Mar. 25`, `25 February`, `25 of February`), and numerals with slashes (`17/10/2023`). The body is
 * read across sentence boundaries, so a splitter that breaks after `Mar.` does not matter.
 */
function isDate(c: Candidate): boolean {
  if (c.kind !== 'numeral') return false;
  if (c.tokens[c.first]!.text.includes('/')) return true;
  const numStart = c.tokens[c.first]!.start;
  return MONTH_BEFORE.test(c.body.slice(Math.max(0, numStart - 16), numStart)) || MONTH_AFTER.test(c.body.slice(c.end, c.end + 20));
}

/**
 * Years: a four-digit numeral from 1800 to 2099 written without a thousands separator (`in 2020`,
 * `the 2023 budget`), unless a qualifier or a cue verb shows it is a count (`killed 2000 people`).
 */
function isYear(c: Candidate): boolean {
  const text = c.tokens[c.first]!.text;
  if (c.kind !== 'numeral' || c.last !== c.first || !/^(?:18|19|20)\d\d$/u.test(text)) return false;
  // `between 2020 and 2023` is a span of years, not a range of counts.
  return (c.qualifier === null || c.qualifier.text.toLowerCase() === 'between') && c.cueBefore === null;
}

/** Durations: a number followed by a time unit (`in the past two days`, `three days after`, `for two more weeks`, `two years old`). */
function isDuration(c: Candidate): boolean {
  let next = wordAfter(c, c.last);
  let k = c.last + 1;
  if (next && TIME_UNIT_MODIFIERS.includes(next.lower)) {
    next = wordAfter(c, k);
    k++;
  }
  return next !== null && TIME_UNITS.includes(next.lower);
}

/**
 * Identifiers: numbers that name rather than count.
 * - after a reference word: `article 51`, `resolution 2334`, `News Code 198808`, `No. 5`, `page 3`;
 * - right after a capitalised word that does not open the sentence and is no qualifier, month or week
 *   day: `Tower 22`, `Camp 7` (numerals, or number words capitalised themselves: `Chapter Seven`);
 * - a numeral of five or more digits without thousands separators, or with a leading zero: `198808`, `007`;
 * - a numeral after `#`: `#5`.
 */
function isIdentifier(c: Candidate): boolean {
  const numTok = c.tokens[c.first]!;
  // Read in the body, so that a splitter breaking after `No.` does not matter.
  const from = c.qualifier ? c.qualifier.start : c.start;
  if (REFERENCE_BEFORE.test(c.body.slice(Math.max(0, from - 16), from))) return true;
  const prev = wordBefore(c, c.first);
  if (c.kind === 'numeral') {
    // Malformed numerals (`1,2,3`, `1.2.3`) are codes or lists, not counts.
    if (c.value === null || Number.isNaN(c.value) || (numTok.text.includes(',') && !/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u.test(numTok.text))) return true;
    const digits = numTok.text.split('.')[0]!;
    if (/^\d{5,}$/u.test(digits) || /^0\d/u.test(digits)) return true;
    if (c.body[numTok.start - 1] === '#') return true;
  }
  if (c.qualifier === null && prev) {
    const firstWord = c.tokens.find((t) => t.kind === 'word');
    const capitalised = /^\p{Lu}/u.test(prev.text);
    const numberCapitalised = c.kind === 'numeral' || /^\p{Lu}/u.test(numTok.text);
    if (capitalised && numberCapitalised && prev !== firstWord && !MONTHS.includes(prev.text) && !WEEKDAYS.includes(prev.text)) return true;
  }
  return false;
}

/** Number words that refer to things already named rather than count them: `the two countries`, `both three`, `all four`. */
function isReferenceNotCount(c: Candidate): boolean {
  if (c.kind !== 'word' || c.qualifier !== null) return false;
  const prev = wordBefore(c, c.first);
  return prev !== null && REFERENCE_DETERMINERS.includes(prev.lower);
}

/**
 * `one` as a pronoun: `no one`, `any one`, `one of the biggest`, `one another`, `the one`. `one` is a
 * figure only when it is followed by a counted noun (`one member`) or governed by a cue verb
 * (`killed one`, which also keeps `killed one of the commanders`).
 */
function isPronounOne(c: Candidate): boolean {
  if (c.kind !== 'word' || c.value !== 1 || c.tokens[c.first]!.lower !== 'one' || c.last !== c.first) return false;
  const prev = wordBefore(c, c.first);
  if (prev && ['no', 'any', 'every', 'each', 'this', 'that', 'which', 'the', 'second', 'third', 'last', 'next', 'other', 'another'].includes(prev.lower)) return true;
  if (wordAfter(c, c.first)?.lower === 'another') return true;
  // Idioms: `rushed to one side`, `one day`, `at one point`.
  if (['side', 'day', 'point', 'end', 'time', 'way', 'hand', 'voice'].includes(wordAfter(c, c.first)?.lower ?? '') && c.cueBefore === null) return true;
  // `one resident said`, `said one woman`: an unnamed speaker, not a count.
  if (c.counted !== '' && c.cueBefore === null) {
    const before = c.body.slice(Math.max(0, c.start - 16), c.start);
    const after = c.body.slice(c.countedEnd, c.countedEnd + 16);
    if (/\b(?:said|says|told|added|according to)\s+$/iu.test(before) || /^\s+(?:said|says|told|added|recalled|explained|asked|shouted)\b/iu.test(after)) return true;
  }
  return c.counted === '' && c.cueBefore === null;
}

/** The exclusion rules in the order they are tried; each names a kind of number that is not a figure. */
export const EXCLUSION_RULES: readonly { name: string; test: (c: Candidate) => boolean }[] = [
  { name: 'ordinal', test: isOrdinal },
  { name: 'inside a word or code', test: isInsideWord },
  { name: 'time of day', test: isTimeOfDay },
  { name: 'measurement', test: isMeasurement },
  { name: 'age', test: isAge },
  { name: 'date', test: isDate },
  { name: 'year', test: isYear },
  { name: 'duration', test: isDuration },
  { name: 'identifier', test: isIdentifier },
  { name: 'reference, not a count', test: isReferenceNotCount },
  { name: 'pronoun one', test: isPronounOne },
];

// ---------------------------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------------------------

/** How a figure got its category; coordinated figures and `including` lists follow the figure before. */
type Via = 'including' | 'noun' | 'before' | 'coordinated' | 'after' | 'elided' | 'none';

interface Found {
  figure: Figure;
  via: Via;
}

const CLAUSE_BREAK_WORDS: ReadonlySet<string> = new Set([
  'but', 'while', 'whereas', 'although', 'though', 'because', 'including', 'after', 'before', 'when', 'since', 'unless', 'until',
  // `the 11 countries that had already sent aid` did the sending: a relative clause is about its noun as the doer.
  'that', 'which', 'who', 'whose', 'whom',
]);
const AUXILIARIES: ReadonlySet<string> = new Set(['have', 'has', 'had', 'were', 'was', 'are', 'is', 'been', 'being', 'be', 'will', 'would']);

/**
 * Rule 3: the first cue within `CUE_WINDOW` words after the counted noun, in the same clause. The clause
 * ends at punctuation (not parentheses, whose words are skipped), at a clause-opening word, and at another
 * number once a verb has been passed (`10 people were arrested and 3 were killed`).
 */
function cueAfter(c: { body: string; tokens: Token[] }, from: number, ownCounted: boolean): CueCategory | null {
  let words = 0;
  let depth = 0;
  let sawVerb = false;
  // `26 of the wounded succumbed`: a casualty word after `of the` says who is counted, and gives way to what happened to them.
  let partOf: CueCategory | null = null;
  for (let k = from; k < c.tokens.length && words < CUE_WINDOW; k++) {
    const t = c.tokens[k]!;
    if (t.text === '(' || t.text === '[') depth++;
    else if ((t.text === ')' || t.text === ']') && depth > 0) depth--;
    else if (depth > 0) continue;
    else if (t.kind === 'punct') {
      // `23 people, including four children, were being treated`: an aside between commas is passed over.
      if (t.text === ',' && INCLUSION_MARKERS.includes(c.tokens[k + 1]?.lower ?? '')) {
        const close = c.tokens.findIndex((x, j) => j > k + 1 && /[,;.]/u.test(x.text));
        if (close > 0 && c.tokens[close]!.text === ',') {
          k = close;
          continue;
        }
      }
      // Quote marks do not end a clause: `“dozens of terrorists” had been killed`.
      if (/[,;:.!?—–]/u.test(t.text)) return partOf;
    } else if (t.kind === 'num' || wordPart(t.lower)) {
      if (sawVerb) return partOf;
      words++;
    } else {
      if (CLAUSE_BREAK_WORDS.has(t.lower)) return partOf;
      words++;
      const cat = CUE_ANY.get(t.lower);
      // `1,284 cholera cases and 47 deaths`: `deaths` is what the next number counts, not what happened to these.
      const previous = c.tokens[k - 1];
      if (cat && previous && (previous.kind === 'num' || wordPart(previous.lower)) && !CUE_VERB.has(t.lower)) {
        // `14 of the 22 drones launched`: a part of the whole the next number counts is that thing too.
        if (c.tokens[k - 2]?.lower !== 'the' || c.tokens[k - 3]?.lower !== 'of') return partOf;
        partOf ??= cat;
        continue;
      }
      const ofThe = c.tokens[k - 1]?.lower === 'the' && c.tokens[k - 2]?.lower === 'of';
      if (cat && ofThe && partOf === null) {
        partOf = cat;
        continue;
      }
      // The dead stay dead: `two of the dead were children being treated for malaria`.
      if (cat && !(cat === 'rockets' && ownCounted)) return partOf === 'killed' ? partOf : cat;
      if (AUXILIARIES.has(t.lower) || isVerbLike(t)) sawVerb = true;
    }
  }
  return partOf;
}

const JOINED = new RegExp(`^\\s*(?:,\\s*)?(?:(?:${LIST_JOINERS.map((j) => j.replace(' ', '\\s+')).join('|')})\\s+)?$`, 'iu');
/** Joined by a phrase that can only mean one list: `… had been sent to the region, along with up to 40 armoured vehicles`. */
const LISTED = /(?:^|,)\s*(?:along\s+with|as\s+well\s+as|together\s+with)\s+$/iu;
const INCLUSION = new RegExp(`\\b(?:${INCLUSION_MARKERS.join('|')})\\s*$`, 'iu');

function categorise(c: Candidate, fig: Figure, prev: Found | null, next: number, hasOwnCounted: boolean): { category: FigureCategory; via: Via } {
  const body = c.body;
  const gap = prev ? body.slice(prev.figure.end, fig.start) : null;
  const joined = gap !== null && gap.length > 0 && JOINED.test(gap);
  // Rule 4: `…, including 2,918 women and 4,412 children` inherit the category of the figure before.
  if (prev && INCLUSION.test(body.slice(c.sentence.start, fig.start))) return { category: prev.figure.category, via: 'including' };
  // Joined to such a list, a figure follows it unless it says what happened to it: `…, including at
  // least five civilians, and 25 others were wounded`.
  if (prev && joined && prev.via === 'including') return { category: cueAfter(c, next, hasOwnCounted) ?? prev.figure.category, via: 'including' };
  // Money is counted, never killed or sent.
  const head = fig.counted.split(/\s+/u).pop()?.toLowerCase() ?? '';
  if (c.currency !== null || CURRENCY_NAMES.includes(head)) return { category: 'other', via: 'none' };
  // Rule 1: the counted noun is itself an event, or carries an event modifier (`three wounded soldiers`).
  // `63 cyberattacks`, `counterattacks`: a compound keeps its last part's meaning.
  // Only the figure's own noun: one borrowed from the figure before (`… four drones and lost only two`) says nothing of this one.
  const event = hasOwnCounted ? (EVENT_NOUNS[head] ?? Object.entries(EVENT_NOUNS).find(([noun]) => noun.length >= 6 && head.endsWith(noun))?.[1]) : undefined;
  if (event) return { category: event, via: 'noun' };
  for (const m of c.countedModifiers) {
    const cat = EVENT_MODIFIERS[m.toLowerCase()];
    if (cat) return { category: cat, via: 'noun' };
  }
  // Rule 2: a cue verb governs the number.
  if (c.cueBefore && !(c.cueBefore === 'rockets' && hasOwnCounted)) return { category: c.cueBefore, via: 'before' };
  // `moved an additional 3,000 troops to the frontier`: forces brought somewhere are deployed.
  if (/\b(?:moved|brought|rushed|flew|sent|deployed|keeps|kept|maintains|stations)\s+(?:(?:an?|some)\s+)?(?:additional|extra|further|more|another|fresh)?\s*$/iu.test(body.slice(c.sentence.start, fig.start)) && FORCE_NOUNS.includes(head)) {
    return { category: 'deployed', via: 'before' };
  }
  // `the rebels had lost two fighters`: an army loses people to death.
  if (/\blost\s+(?:only\s+|just\s+)?$/iu.test(body.slice(c.sentence.start, fig.start)) && (!hasOwnCounted || PERSON_NOUNS.includes(head))) return { category: 'killed', via: 'before' };
  // Rule 2b: a list governed by one verb (`sent two carrier groups, dozens of fighter jets`).
  if (prev && joined && (prev.via === 'before' || prev.via === 'coordinated')) return { category: prev.figure.category, via: 'coordinated' };
  if (prev && gap !== null && LISTED.test(gap) && prev.figure.category !== 'other') return { category: prev.figure.category, via: 'coordinated' };
  // `38 people had been taken to hospitals`: the injured, in news's own words.
  if (/^\s+(?:had been|have been|were|was|are)\s+(?:taken|rushed|admitted|airlifted|flown)\s+to\s+(?:\p{L}+\s+)?hospitals?\b/iu.test(body.slice(fig.end, fig.end + 60))) return { category: 'injured', via: 'after' };
  // Rule 3: a cue after the counted noun in the same clause.
  const after = cueAfter(c, next, hasOwnCounted);
  if (after) return { category: after, via: 'after' };
  // Rule 4b: an elided count with no cue of its own shares the predicate of the figure whose noun it
  // borrowed (`2,500 troops stationed in Iraq and 900 in Syria`).
  // A bare number after a figure of the sentence counts the same (`41 of the deaths were in Cagayan
  // and 17 in Isabela`, `11 of his men had been wounded, three of them seriously`).
  if (prev && !hasOwnCounted && c.currency === null) return { category: prev.figure.category, via: 'elided' };
  // Rule 5b: forces in a sentence about sending or gathering them (`1,100 firefighters, 85 engines and 14
  // aircraft … had been assigned`, `a drill involving 3,500 naval personnel`) are deployed.
  if (FORCE_NOUNS.includes(head) && DEPLOYING.test(c.sentence.text)) return { category: 'deployed', via: 'after' };
  return { category: 'other', via: 'none' };
}

// ---------------------------------------------------------------------------------------------
// The finder
// ---------------------------------------------------------------------------------------------

/** Reads the number at token `i`, with everything around it; null when no number starts there. */
function readCandidate(body: string, tokens: Token[], sentence: Sentence, i: number): Candidate | null {
  const ctx = { body, tokens };
  const first = i;
  let last: number;
  let end: number;
  let value: number | null;
  let kind: Candidate['kind'];
  let currency: string | null = null;
  const numeral = parseNumeral(ctx, i);
  if (numeral) {
    ({ last, end, value, currency } = numeral);
    kind = 'numeral';
  } else {
    const vague = parseVague(ctx, i);
    const words = vague ? null : parseNumberWords(ctx, i);
    if (vague) {
      ({ last, end } = vague);
      value = null;
      kind = 'vague';
    } else if (words) {
      ({ last, end, value } = words);
      kind = 'word';
    } else return null;
  }
  const numStart = tokens[first]!.start;
  const start = currency ? numStart - currency.length : numStart;
  const qualifier = qualifierBefore(ctx, first, start);
  const cue = cueBefore(ctx, qualifier ? qualifier.first : first);
  let counted = '';
  let countedEnd = end;
  let countedHead = '';
  let countedModifiers: string[] = [];
  const pct = PERCENT_WORDS.exec(body.slice(end, end + 24));
  const lastTok = tokens[last]!;
  if (pct && last === first && kind === 'numeral') {
    countedEnd = end + pct[0].length;
    counted = pct[0].trimStart();
    countedHead = counted;
  } else if (!(kind === 'word' && end < lastTok.end)) {
    const words = countedAfter(ctx, last + 1, end);
    if (words.length > 0) {
      countedEnd = words[words.length - 1]!.end;
      counted = body.slice(words[0]!.start, countedEnd);
      countedHead = words[words.length - 1]!.text;
      countedModifiers = words.slice(0, -1).map((w) => w.text);
    }
  }
  if (counted === '' && currency) counted = currency;
  return {
    body, tokens, sentence, first, last, start, end, value, kind, currency, qualifier,
    cueBefore: cue, counted, countedEnd, countedHead, countedModifiers,
  };
}

/**
 * A range starting at candidate `c`: `15-20 villages`, `between 35 and 50 rockets`, `2,000 to 3,000
 * fighters`. The range is one figure from the low end to the high end, with the high end's counted
 * words. Not a range: a change (`from 31 to 57`), a count with its own noun before `to`, years.
 */
function readRange(body: string, tokens: Token[], sentence: Sentence, c: Candidate): { candidate: Candidate; upper: number } | null {
  if (c.counted !== '' || c.value === null) return null;
  const joiner = tokens[c.last + 1];
  if (!joiner) return null;
  const hyphen = /^[-–‐]$/u.test(joiner.text) && joiner.start === c.end && tokens[c.last + 2]?.start === joiner.end && c.kind === 'numeral';
  const between = c.qualifier?.text.toLowerCase() === 'between';
  const word = (joiner.lower === 'to' && !between) || (joiner.lower === 'and' && between);
  if (!hyphen && !word) return null;
  if (word && /\bfrom\s+$/iu.test(body.slice(Math.max(0, c.start - 8), c.qualifier ? c.qualifier.start : c.start))) return null;
  const high = readCandidate(body, tokens, sentence, c.last + 2);
  if (!high || high.value === null || high.kind === 'vague' || high.value < c.value) return null;
  const isYearLike = (x: Candidate) => x.kind === 'numeral' && /^(?:18|19|20)\d\d$/u.test(tokens[x.first]!.text);
  if (isYearLike(c) || isYearLike(high)) return null;
  // `2023-10-17`: a date, not a range.
  if (hyphen && /^[-–‐]\d/u.test(body.slice(high.end, high.end + 2))) return null;
  return { candidate: { ...high, first: c.first, start: c.start, value: c.value, qualifier: c.qualifier, cueBefore: c.cueBefore }, upper: high.value };
}

/**
 * Finds the numeric figures of an article body. `sentences` are the body's sentences with their offsets,
 * in order; each figure's `sentence` is the index of the sentence that holds it, and
 * `body.slice(f.start, f.end) === f.text`. Figures come in body order.
 */
export function findFigures(articleId: string, body: string, sentences: Sentence[]): Figure[] {
  const figures: Figure[] = [];
  for (const sentence of sentences) {
    const tokens = tokenize(sentence);
    let prev: Found | null = null;
    /** Where the last number read as an identifier ends: `exits 14 and 16` names two exits. */
    let identifierEnd = -1;
    for (let i = 0; i < tokens.length; ) {
      const c = readCandidate(body, tokens, sentence, i);
      if (!c) {
        i++;
        continue;
      }
      const range = readRange(body, tokens, sentence, c);
      const number = range?.candidate ?? c;
      i = number.last + 1;
      const numberStart = number.qualifier ? number.qualifier.start : number.start;
      if (identifierEnd >= 0 && /^\s*(?:and|or|to|through|[-–])\s*$/u.test(body.slice(identifierEnd, numberStart))) {
        identifierEnd = number.end;
        continue;
      }
      const excluded = EXCLUSION_RULES.find((rule) => rule.test(number));
      if (excluded) {
        if (excluded.name === 'identifier') identifierEnd = number.end;
        continue;
      }
      const start = number.qualifier ? number.qualifier.start : number.start;
      const hasOwnCounted = number.counted !== '' && number.counted !== number.currency;
      let counted = number.counted;
      const end = hasOwnCounted ? number.countedEnd : number.end;
      // Elision: `24 attacks in Iraq and 22 in Syria` — `22` counts what the figure before counts.
      // A sum of money (`$2 billion`) counts nothing to hand on.
      if (number.counted === '' && prev && prev.figure.counted !== '' && !CURRENCY_ONLY.test(prev.figure.counted)) counted = prev.figure.counted;
      const figure: Figure = {
        articleId,
        start,
        end,
        text: body.slice(start, end),
        value: number.value,
        upper: range?.upper ?? null,
        qualifier: number.qualifier?.text ?? null,
        counted,
        category: 'other',
        sentence: sentence.index,
        rule: 'none',
      };
      // Rule 3 looks after the counted words; when they were borrowed, right after the number.
      let next = number.last + 1;
      while (next < tokens.length && tokens[next]!.end <= end) next++;
      const { category, via } = categorise(number, figure, prev, next, hasOwnCounted);
      figure.category = category;
      figure.rule = via;
      prev = { figure, via };
      figures.push(figure);
      while (i < tokens.length && tokens[i]!.end <= end) i++;
    }
  }
  return figures;
}
