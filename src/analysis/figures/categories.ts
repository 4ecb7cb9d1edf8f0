/**
 * Category rules: what happened to what a figure counts (killed, injured, missing, attacks,
 * rockets, deployed, or other). `CATEGORY_RULES` is one ordered table of named rules; the first
 * that applies gives the category, and its name is kept as `figure.rule`.
 */
import {
  CURRENCY_NAMES, EVENT_MODIFIERS, EVENT_NOUNS, FORCE_NOUNS, FORCE_VERBS, HOSPITAL_VERBS, INCLUSION_MARKERS, LIST_JOINERS, LIST_ONLY_JOINERS,
  lookUp, PERSON_NOUNS,
} from '../lexicon/figures.ts';
import type { Figure, FigureCategory } from '../types.ts';
import type { Candidate } from './candidate.ts';
import { cueAfter } from './cues.ts';

/** The names of the category rules, in the order of `CATEGORY_RULES`. */
export type CategoryRuleName =
  | 'including-list'
  | 'including-list-joined'
  | 'money-is-other'
  | 'event-noun'
  | 'event-modifier'
  | 'cue-before'
  | 'forces-moved'
  | 'lost-in-fighting'
  | 'governed-list'
  | 'listed-along-with'
  | 'taken-to-hospital'
  | 'cue-after'
  | 'elided-count'
  | 'forces-being-sent'
  | 'otherwise-other';

/** What a category rule reads about a figure. */
export interface CategoryContext {
  candidate: Candidate;
  /** The figure so far: its own text, and its counted words (borrowed from the figure before when it has none). */
  figure: Figure;
  /** The figure before it in the same sentence, with its category and the rule that gave it, or null. */
  previous: Figure | null;
  /** Whether the figure counts words of its own (`31 raids`), not borrowed ones (`and 6 in the south`) or a currency. */
  ownCounted: boolean;
  /** The head noun of the counted words, lower-cased (`boats` in `river patrol boats`). */
  head: string;
  /** The sentence's text before the figure. */
  before: string;
  /** The body's text between the figure before and this one, or null when there is none. */
  gap: string | null;
  /** Whether that gap only joins the two as one list (`,`, `and`, `along with`). */
  joined: boolean;
  /** The token right after the counted words (right after the number when they were borrowed): where a cue after is looked for. */
  next: number;
}

/** A named category rule. */
export interface CategoryRule {
  name: CategoryRuleName;
  /** What it recognises, with an example. */
  recognises: string;
  /** The category, or null when the rule does not apply. */
  apply(context: CategoryContext): FigureCategory | null;
}

const alternation = (words: readonly string[]): string => words.map((w) => w.replace(/ /gu, '\\s+')).join('|');
/** A `FORCE_VERBS` form as a pattern: `*` for any ending, a space for any white space. */
const forceForms = (...lists: (readonly string[])[]): string => alternation(lists.flat()).replace(/\*/gu, '\\w*');

const INCLUSION = new RegExp(`\\b(?:${alternation(INCLUSION_MARKERS)})\\s*$`, 'iu');
const JOINED = new RegExp(`^\\s*(?:,\\s*)?(?:(?:${alternation(LIST_JOINERS)})\\s+)?$`, 'iu');
const LISTED = new RegExp(`(?:^|,)\\s*(?:${alternation(LIST_ONLY_JOINERS)})\\s+$`, 'iu');
const FORCES_MOVED = new RegExp(
  `\\b(?:${forceForms(FORCE_VERBS.sending, FORCE_VERBS.keeping, FORCE_VERBS.moving)})\\s+(?:(?:an?|some)\\s+)?(?:additional|extra|further|more|another|fresh)?\\s*$`,
  'iu',
);
const FORCES_SENT = new RegExp(`\\b(?:${forceForms(FORCE_VERBS.sending, FORCE_VERBS.keeping, FORCE_VERBS.gathering)})\\b`, 'iu');
const LOST = /\blost\s+(?:only\s+|just\s+)?$/iu;
const TO_HOSPITAL = new RegExp(`^\\s+(?:had been|have been|were|was|are)\\s+(?:${alternation(HOSPITAL_VERBS)})\\s+to\\s+(?:\\p{L}+\\s+)?hospitals?\\b`, 'iu');

/** Rules whose figure starts an `including` list, which the figures joined to it follow. */
const INCLUDING_RULES: ReadonlySet<CategoryRuleName> = new Set(['including-list', 'including-list-joined']);
/** Rules whose verb governs the figure and, in a list, the figures joined to it (`sent two ferries and a tug`). */
const GOVERNING_RULES: ReadonlySet<CategoryRuleName> = new Set(['cue-before', 'forces-moved', 'lost-in-fighting', 'governed-list', 'listed-along-with']);

/**
 * The category rules. Order is meaning: the first rule that applies decides, so a rule placed
 * earlier overrides every rule after it. `sent five million euros` is money (`money-is-other`)
 * before it is anything sent (`cue-before`), and `deployed 12 drones` counts weapons
 * (`event-noun`: rockets) before it counts what was deployed (`cue-before`).
 */
export const CATEGORY_RULES: readonly CategoryRule[] = [
  {
    name: 'including-list',
    recognises: 'a figure after `including` or `among them` takes the category of the figure before: `killed 17 people, including 5 nurses`',
    apply: ({ previous, before }) => (previous && INCLUSION.test(before) ? previous.category : null),
  },
  {
    name: 'including-list-joined',
    recognises:
      'a figure joined to an `including` list follows it, unless a cue after it says otherwise: `…, including 5 nurses and 3 cooks`; `…, including two guards, and 14 others were hurt`',
    apply: (x) => (x.previous && x.joined && INCLUDING_RULES.has(x.previous.rule as CategoryRuleName) ? (cueAfter(x.candidate, x.next, x.ownCounted) ?? x.previous.category) : null),
  },
  {
    name: 'money-is-other',
    recognises: 'a sum of money is counted, never killed or sent: `$7 billion`, `40 million pesos`',
    apply: ({ candidate, head }) => (candidate.currency !== null || CURRENCY_NAMES.includes(head) ? 'other' : null),
  },
  {
    name: 'event-noun',
    recognises:
      'the figure\'s own counted noun is an event (`EVENT_NOUNS`): `31 raids`, `7 shells`, `45 deaths`; a compound keeps its last part\'s meaning (`12 cyberattacks`)',
    // Only the figure's own noun: one borrowed from the figure before (`… downed three drones and lost two`) says nothing of this one.
    apply: ({ ownCounted, head }) => (ownCounted ? (lookUp(EVENT_NOUNS, head) ?? Object.entries(EVENT_NOUNS).find(([noun]) => noun.length >= 6 && head.endsWith(noun))?.[1] ?? null) : null),
  },
  {
    name: 'event-modifier',
    recognises: 'a modifier among the counted words says what happened (`EVENT_MODIFIERS`): `three wounded soldiers`, `two unmanned boats`',
    apply: ({ candidate }) => {
      for (const m of candidate.countedModifiers) {
        const category = lookUp(EVENT_MODIFIERS, m.toLowerCase());
        if (category) return category;
      }
      return null;
    },
  },
  {
    name: 'cue-before',
    recognises:
      'a cue that governs the number from before it (`BEFORE_CUES`): `killed at least 17 people`, `the toll climbed to 9`; a `rockets` verb only when the figure counts nothing of its own (`fired 20`, not `launched 3 inquiries`)',
    apply: ({ candidate, ownCounted }) => {
      const cue = candidate.cueBefore;
      return cue && !(cue.category === 'rockets' && ownCounted) ? cue.category : null;
    },
  },
  {
    name: 'forces-moved',
    recognises: 'forces (`FORCE_NOUNS`) right after a verb of sending, keeping or moving (`FORCE_VERBS`): `rushed an extra 60 firefighters`, `keeps some 650 sailors`',
    apply: ({ before, head }) => (FORCES_MOVED.test(before) && FORCE_NOUNS.includes(head) ? 'deployed' : null),
  },
  {
    name: 'lost-in-fighting',
    recognises: 'people an army lost are dead: `the militia had lost three fighters`, `lost just four`',
    apply: ({ before, ownCounted, head }) => (LOST.test(before) && (!ownCounted || PERSON_NOUNS.includes(head)) ? 'killed' : null),
  },
  {
    name: 'governed-list',
    recognises: 'a figure joined by a comma or `and` to one a verb governs shares it: `sent two frigates, dozens of jets and 900 marines`',
    apply: ({ previous, joined }) => (previous && joined && GOVERNING_RULES.has(previous.rule as CategoryRuleName) ? previous.category : null),
  },
  {
    name: 'listed-along-with',
    recognises: 'a figure after `along with`, `as well as` or `together with` shares the category of the figure before: `… were posted to the port, along with 12 patrol boats`',
    apply: ({ previous, gap }) => (previous && gap !== null && LISTED.test(gap) && previous.category !== 'other' ? previous.category : null),
  },
  {
    name: 'taken-to-hospital',
    recognises: 'people taken to hospital are injured: `nine passengers were airlifted to hospital`',
    apply: ({ candidate, figure }) => (TO_HOSPITAL.test(candidate.body.slice(figure.end, figure.end + 60)) ? 'injured' : null),
  },
  {
    name: 'cue-after',
    recognises: 'a cue after the counted words, in the same clause (`CUES`): `eight miners have been injured`, `17 climbers are reported missing`',
    apply: ({ candidate, next, ownCounted }) => cueAfter(candidate, next, ownCounted),
  },
  {
    name: 'elided-count',
    recognises:
      'a bare number after a figure, with no cue of its own, shares its predicate: `800 troops stationed in the north and 300 in the south`, `nine of the dead were in the port and four in the hills`',
    apply: ({ previous, ownCounted, candidate }) => (previous && !ownCounted && candidate.currency === null ? previous.category : null),
  },
  {
    name: 'forces-being-sent',
    recognises:
      'forces (`FORCE_NOUNS`) in a sentence about sending or gathering them (`FORCE_VERBS`): `200 volunteers and 30 boats joined the search`, `a drill involving 900 sailors`',
    apply: ({ head, candidate }) => (FORCE_NOUNS.includes(head) && FORCES_SENT.test(candidate.sentence.text) ? 'deployed' : null),
  },
  {
    name: 'otherwise-other',
    recognises: 'any figure no rule before has placed: `200 families`',
    apply: () => 'other',
  },
];

/** The category of a figure and the name of the rule that gave it: the first of `CATEGORY_RULES` that applies. */
export function categorise(candidate: Candidate, figure: Figure, previous: Figure | null, ownCounted: boolean): { category: FigureCategory; rule: CategoryRuleName } {
  const { body, tokens, sentence } = candidate;
  const gap = previous ? body.slice(previous.end, figure.start) : null;
  let next = candidate.last + 1;
  while (next < tokens.length && tokens[next]!.end <= figure.end) next++;
  const context: CategoryContext = {
    candidate,
    figure,
    previous,
    ownCounted,
    head: figure.counted.split(/\s+/u).pop()?.toLowerCase() ?? '',
    before: body.slice(sentence.start, figure.start),
    gap,
    joined: gap !== null && gap.length > 0 && JOINED.test(gap),
    next,
  };
  for (const rule of CATEGORY_RULES) {
    const category = rule.apply(context);
    if (category !== null) return { category, rule: rule.name };
  }
  throw new Error('figures: no category rule applied; `otherwise-other` must stay last');
}
