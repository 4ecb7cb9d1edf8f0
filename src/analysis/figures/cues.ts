/**
 * Cues: the words around a number that say what happened to what it counts. A cue before the
 * number governs it (`killed 17`, `the toll climbed to 17`: `BEFORE_CUES`); a cue after the
 * counted words reports on them in the same clause (`17 climbers are missing`: `cueAfter`).
 */
import {
  ASIDE_OPENERS, AUXILIARIES, CASUALTY_LINKS, CASUALTY_WORDS, CLAUSE_BREAK_WORDS, COUNT_NOUNS, CUES, EVENT_MODIFIERS, EVENT_NOUNS, FATE_NOUNS,
  GROUP_NOUNS, IRREGULAR_PLURALS, KILLING_PHRASES, lookUp, STOP_WORDS, TOLL_CHARGE_WORDS, TOLL_LINKS, UNCONFIRMED_FATES, UNCONFIRMED_MARKERS, VERB_OR_NOUN_CUES, type CueCategory,
} from '../lexicon/figures.ts';
import { wordBefore, type Token } from '../text/tokens.ts';
import { wordPart, type BodyTokens } from './numbers.ts';

const cueEntries = Object.entries(CUES) as [CueCategory, (typeof CUES)[CueCategory]][];

/** Every cue verb with the category it gives. */
const CUE_VERB: ReadonlyMap<string, CueCategory> = new Map(cueEntries.flatMap(([cat, cue]) => cue.verbs.map((v) => [v, cat] as const)));

/** Every cue, verb or word, with the category it gives. */
export const CUE_ANY: ReadonlyMap<string, CueCategory> = new Map(cueEntries.flatMap(([cat, cue]) => [...cue.verbs, ...cue.words].map((v) => [v, cat] as const)));

/** How many words after the counted noun a cue may stand; words in parentheses are not counted. */
export const CUE_WINDOW = 8;

/** Whether a token looks like a verb: a cue, or a word ending in -ed or -ing (`exploded`, `fleeing`), unless it is a plural noun. */
export function isVerbLike(t: Token): boolean {
  if (IRREGULAR_PLURALS.has(t.lower) && !CUE_ANY.has(t.lower)) return false;
  return CUE_ANY.has(t.lower) || (t.lower.length > 4 && /(?:ed|ing)$/u.test(t.lower));
}

/** A cue before a number, tried at the token where the number (or its qualifier) starts. */
export interface BeforeCue {
  name: string;
  /** What it recognises, with an example. */
  recognises: string;
  /** The category it gives the number whose first token (qualifier included) is `before`, or null when it does not apply. */
  find(c: BodyTokens, before: number): CueCategory | null;
}

/** The word `back` words before token `before`, each joined to the next by white space only. */
function wordsBack(c: BodyTokens, before: number, back: number): Token | null {
  let at = before;
  let word: Token | null = null;
  for (let k = 0; k < back; k++) {
    word = wordBefore(c.body, c.tokens, at);
    if (!word) return null;
    at--;
  }
  return word;
}

/** The category of the nearest cue verb among the tokens from `from` down to `to`, reading back. */
function cueVerbBack(c: BodyTokens, from: number, to: number, wordsOnly: boolean): { category: CueCategory } | null {
  for (let k = from; k >= Math.max(0, to); k--) {
    const w = c.tokens[k];
    if (wordsOnly && w?.kind !== 'word') return null;
    const category = CUE_VERB.get(w?.lower ?? '');
    if (category) return { category };
  }
  return null;
}

/**
 * The cues that govern a number from before it, in the order they are tried; the first that
 * applies gives the category. Only a qualifier may stand between a cue and its number.
 */
export const BEFORE_CUES: readonly BeforeCue[] = [
  {
    name: 'casualty-opening',
    recognises: 'a sentence that opens on a casualty word, then a comma: `Of the missing, six were divers`',
    find(c, before) {
      const opening = /^(?:Of|Among)\s+(?:those|the)\s+(?:still\s+|now\s+)?(?<word>\p{L}+)[^,]*,\s*$/u.exec(c.body.slice(c.tokens[0]!.start, c.tokens[before]?.start ?? 0));
      const word = opening?.groups?.['word']?.toLowerCase();
      if (word === 'unaccounted') return 'missing';
      return word ? (lookUp(CASUALTY_WORDS, word) ?? null) : null;
    },
  },
  {
    name: 'cue-verb',
    recognises: 'a cue verb right before the number: `killed at least 17`, `wounded three bystanders`, `sent two ferries`',
    find: (c, before) => CUE_VERB.get(wordBefore(c.body, c.tokens, before)?.lower ?? '') ?? null,
  },
  {
    name: 'killing-phrase',
    recognises: 'a verb of killing in two or three words right before the number (`KILLING_PHRASES`): `shot dead 15 worshippers`, `gunned down six guards`',
    find: (c, before) => (KILLING_PHRASE.test(c.body.slice(Math.max(0, (c.tokens[before]?.start ?? 0) - 24), c.tokens[before]?.start ?? 0)) ? 'killed' : null),
  },
  {
    name: 'object-list',
    recognises:
      'a number that ends the list of objects of a cue verb, after words: `killed a mother and her three children`, `wounded a guard, a driver and two cooks`',
    find(c, before) {
      let k = before - 1;
      if (POSSESSIVES.has(c.tokens[k]?.lower ?? '')) k--;
      if (c.tokens[k]?.lower !== 'and') return null;
      // The verb's own objects stand between it and `and`: `killed and 30 injured` is another clause, not a list.
      let objects = 0;
      for (k--; k >= Math.max(0, before - OBJECT_LIST_REACH); k--) {
        const w = c.tokens[k]!;
        if (w.kind === 'mark') {
          if (w.text === ',') continue;
          return null;
        }
        if (w.kind === 'number' || wordPart(w.lower)) return null;
        const category = CUE_VERB.get(w.lower);
        if (category) return objects > 0 && category !== 'rockets' ? category : null;
        if (isVerbLike(w) || (STOP_WORDS.has(w.lower) && !OBJECT_WORDS.has(w.lower))) return null;
        if (!OBJECT_WORDS.has(w.lower)) objects++;
      }
      return null;
    },
  },
  {
    name: 'fate-of',
    recognises:
      'a noun that says what happened, then `of` and the number (`FATE_NOUNS`): `claimed the lives of more than 70`, `the killing of three shepherds`, `the deployment of 2,000 troops`',
    find(c, before) {
      if (wordsBack(c, before, 1)?.lower !== 'of') return null;
      // `the killing of one of its commanders`: `one of` is a pronoun there, not a count.
      if (c.tokens[before]?.lower === 'one' && c.tokens[before + 1]?.lower === 'of') return null;
      return lookUp(FATE_NOUNS, wordsBack(c, before, 2)?.lower ?? '') ?? null;
    },
  },
  {
    name: 'group-of',
    recognises: 'a sending verb, then the group the number fills: `dispatch a unit of 25 medics`',
    find(c, before) {
      if (wordsBack(c, before, 1)?.lower !== 'of' || !GROUP_NOUNS.includes(wordsBack(c, before, 2)?.lower ?? '')) return null;
      return cueVerbBack(c, before - 3, before - 5, true)?.category === 'deployed' ? 'deployed' : null;
    },
  },
  {
    name: 'along-with',
    recognises:
      '`along with` after the object of a cue verb, which carries the verb on: `was wounded along with three of his drivers`, `killed the heads of both stations along with two guards`',
    find(c, before) {
      if (wordsBack(c, before, 1)?.lower !== 'with' || wordsBack(c, before, 2)?.lower !== 'along') return null;
      // The nearest verb back decides; another verb (`destroyed the offices … along with three guards`) says nothing of casualties.
      for (let k = before - 3; k >= Math.max(0, before - ALONG_WITH_REACH); k--) {
        const w = c.tokens[k]!;
        if (w.kind === 'mark' && /[.;:!?]/u.test(w.text)) return null;
        if (w.kind !== 'word') continue;
        const category = CUE_VERB.get(w.lower);
        if (category) return category;
        // Only the verb's object may stand between: `the heads of its two stations`, not `… to the port on Monday`.
        if (isVerbLike(w) || (STOP_WORDS.has(w.lower) && !OBJECT_WORDS.has(w.lower) && w.lower !== 'of')) return null;
      }
      return null;
    },
  },
  {
    name: 'under-attack',
    recognises: 'coming under attack or under fire a number of times: `came under attack nine times`',
    find: (c, before) => (['attack', 'fire'].includes(wordsBack(c, before, 1)?.lower ?? '') && wordsBack(c, before, 2)?.lower === 'under' ? 'attacks' : null),
  },
  {
    name: 'casualty-link',
    recognises: 'a casualty word linked to the number: `the dead included 5 teachers`, `Among the missing are 8 climbers`',
    find(c, before) {
      if (!CASUALTY_LINKS.includes(wordsBack(c, before, 1)?.lower ?? '')) return null;
      return lookUp(CASUALTY_WORDS, wordsBack(c, before, 2)?.lower ?? '') ?? null;
    },
  },
  {
    name: 'toll-reaches',
    recognises:
      'a death toll or a count of casualties that reaches the number: `the toll from the landslide has risen to at least 27`, `a toll of 9`, `the death toll from the floods was 26`, `the number of dead miners stood at 22`',
    find(c, before) {
      if (!TOLL_LINKS.includes(wordsBack(c, before, 1)?.lower ?? '')) return null;
      // The subject of the link, read back: the nearest toll, or casualty word of a count (`the number of injured`), decides.
      for (let k = before - 2; k >= Math.max(0, before - TOLL_REACH); k--) {
        const w = c.tokens[k]!;
        if (w.kind === 'mark') {
          if (/[;:!?—–]/u.test(w.text)) return null;
          continue;
        }
        // A number a link governs is another count's value: its clause is another (`rose to 26 as the rain fell to 3`).
        if (w.kind === 'number' || wordPart(w.lower)) {
          if (TOLL_LINKS.includes(c.tokens[k - 1]?.lower ?? '')) return null;
          continue;
        }
        if (w.lower === 'toll') return TOLL_CHARGE_WORDS.includes(c.tokens[k + 1]?.lower ?? '') ? null : 'killed';
        const casualty = lookUp(CASUALTY_WORDS, w.lower);
        if (casualty && countNounBefore(c, k)) return casualty;
      }
      return null;
    },
  },
];

/** How many tokens back from the number a cue verb may stand whose object list it ends: `killed the driver, a guard and two cooks`. */
const OBJECT_LIST_REACH = 10;

/** Possessives that may stand before the last member of an object list: `killed a mother and her three children`. */
const POSSESSIVES: ReadonlySet<string> = new Set(['her', 'his', 'their', 'its', 'our', 'my', 'your']);

/** Stop words that may stand inside an object list: articles, possessives and `and`. */
const OBJECT_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'and', ...POSSESSIVES]);

/** A `KILLING_PHRASES` entry right before the number. */
const KILLING_PHRASE = new RegExp(`\\b(?:${KILLING_PHRASES.map((p) => p.replace(/ /gu, '\\s+')).join('|')})\\s+$`, 'iu');

/** How many tokens back from `along with` its verb may stand: `killed the heads of its two field stations along with …`. */
const ALONG_WITH_REACH = 14;

/** How many tokens back from its link a toll's subject may reach: `the death toll from Tuesday's landslides in the two provinces has risen to`. */
const TOLL_REACH = 25;

/** Whether a count noun and `of` stand a few words before token `k`: `the number of dead …`, `the total of people killed`. */
function countNounBefore(c: BodyTokens, k: number): boolean {
  for (let j = k - 1; j >= Math.max(1, k - 5); j--) {
    if (c.tokens[j]!.lower === 'of' && COUNT_NOUNS.includes(c.tokens[j - 1]!.lower)) return true;
  }
  return false;
}

/**
 * Quote marks that open and close a quotation or a quoted word: between a cue and its number (`the
 * toll includes “nine …`), or around what is counted (`30 “massacres”`).
 */
export const OPENING_QUOTE_MARKS: readonly string[] = ['“', '"', '‘', '«'];
export const CLOSING_QUOTE_MARKS: readonly string[] = ['”', '"', '’', '»'];

/** The first of `BEFORE_CUES` that applies to the number starting at token `before`, with its category. */
export function cueBefore(c: BodyTokens, before: number): { category: CueCategory; cue: string } | null {
  const quote = c.tokens[before - 1];
  // A quotation that opens on the number leaves its cue outside: read the cue from before the quote mark;
  // one that closes on the cue (`of "mercilessly killing" 35,000 people`) holds it: read it from inside.
  const opens = quote && OPENING_QUOTE_MARKS.includes(quote.text) && quote.end === c.tokens[before]?.start;
  const closes = quote && CLOSING_QUOTE_MARKS.includes(quote.text) && !OPENING_QUOTE_MARKS.includes(quote.text) && quote.start === c.tokens[before - 2]?.end;
  const at = opens || closes ? before - 1 : before;
  for (const cue of BEFORE_CUES) {
    const category = cue.find(c, at);
    if (category) return { category, cue: cue.name };
  }
  return null;
}

/** The words of `ASIDE_OPENERS`, each split, longest first. */
const ASIDE_WORDS: readonly string[][] = ASIDE_OPENERS.map((o) => o.split(' ')).sort((a, b) => b.length - a.length);

/** Whether an aside opener (`including`, `all of them`, `four of them`) starts at token `k`. */
function opensAside(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (t && (t.kind === 'number' || wordPart(t.lower)) && tokens[k + 1]?.lower === 'of' && ['them', 'whom'].includes(tokens[k + 2]?.lower ?? '')) return true;
  return ASIDE_WORDS.some((words) => words.every((w, j) => tokens[k + j]?.lower === w));
}

/** Whether a fate that is only feared follows the marker at token `k`: `feared dead`, `believed to be buried`, `feared to have died`. */
function unconfirmedFate(tokens: readonly Token[], k: number): boolean {
  if (!UNCONFIRMED_MARKERS.includes(tokens[k]!.lower)) return false;
  let j = k + 1;
  if (tokens[j]?.lower === 'to') {
    j++;
    if (tokens[j]?.lower === 'have' && tokens[j + 1]?.lower === 'been') j += 2;
    else if (tokens[j]?.lower === 'be' || tokens[j]?.lower === 'have') j++;
    else return false;
  }
  return UNCONFIRMED_FATES.includes(tokens[j]?.lower ?? '');
}

/** Words after which a cue that is also a noun (`VERB_OR_NOUN_CUES`) is the verb: `rockets were fired`, `set to fire`. */
const BEFORE_VERB = new Set([...AUXILIARIES, 'to', 'can', 'could', 'may', 'might', 'did', 'do', 'does', 'also', 'then']);

/**
 * The first cue within `CUE_WINDOW` words from token `from` (right after the counted words), in the
 * same clause. The clause ends at punctuation (not parentheses, whose words are skipped), at a word
 * that opens a clause, and at another number once a verb has been passed (`8 men were arrested
 * and 2 were killed`: `killed` is about the 2). `ownCounted` says the figure counts words of its own,
 * which keeps a `rockets` verb from giving its category (`launched 3 inquiries`).
 */
export function cueAfter(c: BodyTokens, from: number, ownCounted: boolean): CueCategory | null {
  const tokens = c.tokens;
  let words = 0;
  let depth = 0;
  let sawVerb = false;
  /** Whether a word of a phrase of the noun's own (`from their homes`) has been passed: a verb after `and` is then another's. */
  let sawPhrase = false;
  // `4 of the wounded later died`: a casualty word after `of the` says who is counted, and gives way to what happened to them.
  let partOf: CueCategory | null = null;
  // `three victims of the robbery attacks`: an `of` phrase after the counted noun says what it is of, not what befell it.
  let ofPhrase = ownCounted && tokens[from]?.lower === 'of';
  for (let k = from; k < tokens.length && words < CUE_WINDOW; k++) {
    const t = tokens[k]!;
    if (t.text === '(' || t.text === '[') depth++;
    else if ((t.text === ')' || t.text === ']') && depth > 0) depth--;
    else if (depth > 0) continue;
    else if (t.kind === 'mark') {
      // `31 people, including six infants, were being treated`: an aside between commas is passed over.
      if (t.text === ',' && opensAside(tokens, k + 1)) {
        const close = tokens.findIndex((x, j) => j > k + 1 && /[,;.]/u.test(x.text));
        if (close > 0 && tokens[close]!.text === ',') {
          k = close;
          ofPhrase = false;
          continue;
        }
      }
      // Quote marks do not end a clause: `“scores of gunmen” had been killed`.
      if (/[,;:.!?—–]/u.test(t.text)) return partOf;
    } else if (t.kind === 'number' || wordPart(t.lower)) {
      if (sawVerb) return partOf;
      words++;
    } else {
      if (CLAUSE_BREAK_WORDS.has(t.lower)) return partOf;
      // `destroyed 200 homes and killed 12 cattle`, `displaced 40,000 people from their homes and killed 18`, `killing 11
      // civilians and three soldiers and wounding 26 others`: a verb joined by `and` before any verb of the noun's own has
      // another object (`12 people shot and killed` is the noun's own).
      const joinedVerb = t.lower === 'and' && !sawVerb ? tokens[k + 1]?.lower ?? '' : '';
      if (CUE_VERB.has(joinedVerb) && (k === from || sawPhrase || joinedVerb.endsWith('ing'))) return partOf;
      if (t.lower !== 'and' && STOP_WORDS.has(t.lower)) sawPhrase = true;
      words++;
      // `another 12 officers were feared dead`: the missing, not the dead.
      if (unconfirmedFate(tokens, k)) return 'missing';
      const cat = CUE_ANY.get(t.lower);
      if (ofPhrase) {
        if (cat && lookUp(EVENT_NOUNS, t.lower) && !lookUp(EVENT_MODIFIERS, t.lower)) continue;
        if (cat || AUXILIARIES.has(t.lower) || isVerbLike(t)) ofPhrase = false;
      }
      // `two of the bigger fires were moving`: a noun, where a verb would have to follow its subject or an auxiliary.
      if (VERB_OR_NOUN_CUES.has(t.lower) && k !== from && !BEFORE_VERB.has(tokens[k - 1]?.lower ?? '')) continue;
      // `640 measles cases and 19 deaths`: `deaths` is what the next number counts, not what happened to these.
      const previous = tokens[k - 1];
      // (Only another number: right after this one, `14 dead`, the word is about this one.)
      if (cat && k > from && previous && (previous.kind === 'number' || wordPart(previous.lower)) && !CUE_VERB.has(t.lower)) {
        // `5 of the 9 missiles launched`, `31 of 35 drones`: a part of the whole the next number counts is that thing too.
        const partitive = tokens[k - 2]?.lower === 'of' || (tokens[k - 2]?.lower === 'the' && tokens[k - 3]?.lower === 'of');
        if (!partitive) return partOf;
        partOf ??= cat;
        continue;
      }
      const ofThe = tokens[k - 1]?.lower === 'the' && tokens[k - 2]?.lower === 'of';
      if (cat && ofThe && partOf === null) {
        partOf = cat;
        continue;
      }
      // The dead stay dead: `four of the dead were passengers treated at the scene`.
      if (cat && !(cat === 'rockets' && ownCounted)) return partOf === 'killed' ? partOf : cat;
      if (AUXILIARIES.has(t.lower) || isVerbLike(t)) sawVerb = true;
    }
  }
  return partOf;
}
