/**
 * Category rules: what happened to what a figure counts (killed, injured, missing, attacks,
 * rockets, deployed, or other). `CATEGORY_RULES` is one ordered table of named rules; the first
 * that applies gives the category, and its name is kept as `figure.rule`.
 */
import {
  ATTACK_VERBS, AUXILIARIES, CLAUSE_BREAK_WORDS, COMBINED_CASUALTY_WORDS, COUNT_NOUNS, CURRENCY_NAMES, EVENT_MODIFIERS, EVENT_NOUNS, FORCE_COMPOUNDS, FORCE_NOUNS,
  FORCE_VERBS, GROUP_NOUNS, HOSPITAL_VERBS, INCLUSION_MARKERS, INCLUSION_VERBS, INCREMENT_WORDS, LIST_JOINERS, LIST_ONLY_JOINERS, lookUp, OCCASION_NOUNS, PERSON_NOUNS,
  STANDING_FORCE_NOUNS,
} from '../lexicon/figures.ts';
import type { Figure, FigureCategory } from '../types.ts';
import { isPercentAfter, type Candidate } from './candidate.ts';
import { cueAfter, isVerbLike } from './cues.ts';

/** The names of the category rules, in the order of `CATEGORY_RULES`. */
export type CategoryRuleName =
  | 'percentage'
  | 'including-list'
  | 'including-list-joined'
  | 'including-list-member'
  | 'included-in-total'
  | 'money-is-other'
  | 'combined-casualties'
  | 'event-noun'
  | 'event-modifier'
  | 'cue-before'
  | 'forces-moved'
  | 'force-size'
  | 'lost-in-fighting'
  | 'governed-list'
  | 'listed-along-with'
  | 'taken-to-hospital'
  | 'cue-after'
  | 'others-of-same-kind'
  | 'times-attacked'
  | 'elided-count'
  | 'forces-kept'
  | 'forces-being-sent'
  | 'forces-at-work'
  | 'otherwise-other';

/** What a category rule reads about a figure. */
export interface CategoryContext {
  candidate: Candidate;
  /** The figure so far: its own text, and its counted words (borrowed from the figure before when it has none). */
  figure: Figure;
  /** The figure before it in the same sentence, with its category and the rule that gave it, or null. */
  previous: Figure | null;
  /** The last figure of the sentence before, or null: what `This included …` opening a sentence refers to. */
  previousSentence: Figure | null;
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

const INCLUSION = new RegExp(`\\b(?:${alternation([...INCLUSION_MARKERS, ...INCLUSION_VERBS])})\\s*$`, 'iu');
const JOINED = new RegExp(`^\\s*(?:,\\s*)?(?:(?:${alternation(LIST_JOINERS)})\\s+)?$`, 'iu');
const LISTED = new RegExp(`(?:^|,)\\s*(?:${alternation(LIST_ONLY_JOINERS)})\\s+$`, 'iu');
const FORCES_MOVED = new RegExp(
  `\\b(?:${forceForms(FORCE_VERBS.sending, FORCE_VERBS.keeping, FORCE_VERBS.moving)})\\s+(?:(?:an?|some)\\s+)?(?:${alternation(INCREMENT_WORDS)})?\\s*$`,
  'iu',
);
const FORCES_SENT = new RegExp(`\\b(?:${forceForms(FORCE_VERBS.sending, FORCE_VERBS.keeping, FORCE_VERBS.gathering)})\\b`, 'iu');
const FORCES_WORKING = new RegExp(`\\b(?:${forceForms(FORCE_VERBS.working)})\\b`, 'iu');
/** A verb of having right before a count of standing forces: `has 900 troops`, `still had some 2,000 soldiers`, `maintains 40 marines`. */
const FORCES_HELD = /\b(?:has|have|had|having|maintains?|maintained|maintaining)\s+(?:still\s+|now\s+|currently\s+)?$/iu;
/** `a presence of about 900 troops`, `a military presence of 2,500 personnel`. */
const FORCES_PRESENT = /\bpresence\s+of\s+$/iu;
/** An attack verb in the clause before a count of times, with no clause break between: `attacked ships more than 40 times`. */
const ATTACKED_BEFORE = new RegExp(`\\b(?:${alternation(ATTACK_VERBS)})\\b[^,;:.]{0,60}$`, 'iu');
const LOST = /\blost\s+(?:only\s+|just\s+)?$/iu;
const TO_HOSPITAL = new RegExp(`^\\s+(?:had been|have been|were|was|are)\\s+(?:${alternation(HOSPITAL_VERBS)})\\s+to\\s+(?:\\p{L}+\\s+)?hospitals?\\b`, 'iu');
const INCLUSION_ANYWHERE = new RegExp(`\\b(?:${alternation([...INCLUSION_MARKERS, ...INCLUSION_VERBS])})\\s+`, 'giu');
const TOTAL_NOUNS = alternation(COUNT_NOUNS);
/**
 * A sentence that opens on what the sentence before counted: `This included …`, `The figure includes
 * …`, `Among them were …`, `Of those, …`. (`The toll includes …` is a casualty link: see `BEFORE_CUES`.)
 */
const TOTAL_OPENING = new RegExp(
  `^[“"‘]?\\s*(?:(?:This|That|These|Those|They|It|The\\s+(?:${TOTAL_NOUNS}))(?:\\s+(?:${TOTAL_NOUNS}))?\\s+(?:also\\s+)?(?:${alternation(INCLUSION_VERBS)})|(?:Among|Of)\\s+(?:them|these|those|whom)\\s*(?:,|were|are|was|is)?)\\s*[“"‘]?\\s*$`,
  'u',
);
/** Casualty words joined into one count (`killed or injured`, `dead and wounded`), not followed by a count of their own (`dead and injured dozens`). */
const CASUALTY_PAIR = `(${alternation(Object.keys(COMBINED_CASUALTY_WORDS))})\\s+(?:or|and|and/or)\\s+(${alternation(Object.keys(COMBINED_CASUALTY_WORDS))})\\b`;
/** The pair right after the counted words, past auxiliaries: `1,481 civilians have been killed or injured`. */
const COMBINED_AFTER = new RegExp(
  `^\\s+(?:(?:${[...AUXILIARIES].join('|')}|reportedly|either|all|both)\\s+){0,3}${CASUALTY_PAIR}(?!\\s+(?:\\d|an?\\s|another\\b|more\\b|at\\s+least\\b|some\\b|about\\b|dozens\\b|hundreds\\b|scores\\b|thousands\\b))`,
  'iu',
);
/** The pair right before the number: `killed or wounded 40 people`. */
const COMBINED_BEFORE = new RegExp(`\\b${CASUALTY_PAIR}\\s+$`, 'iu');

/** Group nouns that are forces whatever they are made of: `a 40-strong contingent`. A `team` is forces only when its members are. */
const FORCE_GROUPS: readonly string[] = GROUP_NOUNS.filter((g) => !g.startsWith('team'));

/** Whether a figure counts forces: its head noun is one (`FORCE_NOUNS`), or its words end with one named in two (`FORCE_COMPOUNDS`). */
function isForce(counted: string, head: string): boolean {
  if (FORCE_NOUNS.includes(head)) return true;
  const lower = counted.toLowerCase();
  return FORCE_COMPOUNDS.some((f) => lower === f || lower.endsWith(` ${f}`));
}

/** Whether `pattern` finds two casualty words of different categories joined into one count in `text` (`killed or injured`). */
function joinsCasualties(pattern: RegExp, text: string): boolean {
  const m = pattern.exec(text);
  return m !== null && COMBINED_CASUALTY_WORDS[m[1]!.toLowerCase()] !== COMBINED_CASUALTY_WORDS[m[2]!.toLowerCase()];
}

/**
 * Whether the text between two figures is a modifier of the first and a joiner, and no clause: the
 * gap of `including 125 fighters loyal to the council and 148 gunmen`.
 */
function joinedPastModifier(gap: string): boolean {
  const m = /^([^,;:.()]*?)(?:,\s*)?\b(?:and|or)\s+$/iu.exec(gap);
  if (!m) return false;
  const words = m[1]!.trim().split(/\s+/u).filter(Boolean);
  return words.length <= 8 && !words.some((w) => AUXILIARIES.has(w.toLowerCase()) || CLAUSE_BREAK_WORDS.has(w.toLowerCase()));
}

/**
 * Whether the text between the figure before and this one makes this a member of an `including`
 * list that started with words (`killed 11 people, including a firefighter and two children`):
 * after the last inclusion marker come only short list items, ending on a comma or `and`.
 */
function inInclusionList(gap: string): boolean {
  let tail: string | null = null;
  for (const m of gap.matchAll(INCLUSION_ANYWHERE)) tail = gap.slice(m.index + m[0].length);
  if (tail === null || !/(?:,|\band)\s*$/iu.test(tail) || /[;:.()]/u.test(tail)) return false;
  return tail.split(/,|\band\b|\bor\b/iu).every((item) => {
    const words = item.trim().split(/\s+/u).filter(Boolean);
    return words.length <= 5 && !words.some((w) => AUXILIARIES.has(w.toLowerCase()));
  });
}

/** Rules whose figure starts an `including` list, which the figures joined to it follow. */
const INCLUDING_RULES: ReadonlySet<CategoryRuleName> = new Set(['including-list', 'including-list-joined', 'including-list-member', 'included-in-total']);
/** Rules whose verb governs the figure and, in a list, the figures joined to it (`sent two ferries and a tug`). */
const GOVERNING_RULES: ReadonlySet<CategoryRuleName> = new Set([
  'cue-before', 'forces-moved', 'force-size', 'lost-in-fighting', 'governed-list', 'listed-along-with', 'forces-kept',
]);

/**
 * The category rules. Order is meaning: the first rule that applies decides, so a rule placed
 * earlier overrides every rule after it. `sent five million euros` is money (`money-is-other`)
 * before it is anything sent (`cue-before`), and `deployed 12 drones` counts weapons
 * (`event-noun`: rockets) before it counts what was deployed (`cue-before`).
 */
export const CATEGORY_RULES: readonly CategoryRule[] = [
  {
    name: 'percentage',
    recognises: 'a percentage is a share, never a count of the dead, the injured, attacks or forces: `killed 220 people, nearly 40% of them children`',
    apply: ({ candidate }) => (isPercentAfter(candidate.body, candidate.end) ? 'other' : null),
  },
  {
    name: 'including-list',
    recognises: 'a figure after `including` or `among them` takes the category of the figure before: `killed 17 people, including 5 nurses`',
    apply: ({ previous, before }) => (previous && INCLUSION.test(before) ? previous.category : null),
  },
  {
    name: 'including-list-joined',
    recognises:
      'a figure joined to an `including` list follows it, unless a cue after it says otherwise: `…, including 5 nurses and 3 cooks`; `…, including two guards, and 14 others were hurt`',
    apply: (x) =>
      x.previous && (x.joined || (x.gap !== null && joinedPastModifier(x.gap))) && INCLUDING_RULES.has(x.previous.rule as CategoryRuleName)
        ? (cueAfter(x.candidate, x.next, x.ownCounted) ?? x.previous.category)
        : null,
  },
  {
    name: 'including-list-member',
    recognises:
      'a figure in an `including` list whose first members are words follows the figure before the list, unless a cue after it says otherwise: `killed 11 people, including a firefighter and two children`; `Four people, including a guard and three cleaners, died`',
    apply: (x) => (x.previous && x.gap !== null && inInclusionList(x.gap) ? (cueAfter(x.candidate, x.next, x.ownCounted) ?? x.previous.category) : null),
  },
  {
    name: 'included-in-total',
    recognises:
      'a figure in a sentence that opens on the count of the sentence before (`This included …`, `Among them were …`, `Of those, …`) takes its category: `The fighting has killed 900 people. This included 125 fighters …`',
    apply: ({ previous, previousSentence, before }) =>
      previous === null && previousSentence && previousSentence.category !== 'other' && TOTAL_OPENING.test(before) ? previousSentence.category : null,
  },
  {
    name: 'money-is-other',
    recognises: 'a sum of money is counted, never killed or sent: `$7 billion`, `40 million pesos`',
    apply: ({ candidate, head }) => (candidate.currency !== null || CURRENCY_NAMES.includes(head) ? 'other' : null),
  },
  {
    name: 'combined-casualties',
    recognises:
      'a count of the dead and the injured together (`COMBINED_CASUALTY_WORDS`) is neither, so other: `1,200 people were killed or injured`, `killed or wounded 40 people`',
    apply: ({ candidate, figure, before }) =>
      joinsCasualties(COMBINED_AFTER, candidate.body.slice(figure.end, figure.end + 60)) || joinsCasualties(COMBINED_BEFORE, before.slice(-40)) ? 'other' : null,
  },
  {
    name: 'event-noun',
    recognises:
      'the figure\'s own counted noun is an event (`EVENT_NOUNS`): `31 raids`, `45 deaths`, `30 “massacres”`; a compound keeps its last part\'s meaning (`12 cyberattacks`)',
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
    apply: ({ before, head, figure }) => (FORCES_MOVED.test(before) && isForce(figure.counted, head) ? 'deployed' : null),
  },
  {
    name: 'force-size',
    recognises:
      'the size of a group of forces, written as a compound (`GROUP_NOUNS`, `MEMBERSHIP_WORDS`): `a 40-strong contingent`, `a 157-member team of rescuers` (not `a five-member fact-finding team`)',
    apply: ({ candidate, figure, head }) => {
      if (!candidate.groupSize) return null;
      if (FORCE_GROUPS.includes(head) || FORCE_NOUNS.includes(head)) return 'deployed';
      // A team is forces only when its members are (`of rescuers`, `of rescue workers`): `a five-member fact-finding team` sent somewhere is not.
      const members = /^\s+of\s+(\p{L}+)(?:\s+(\p{L}+))?/u.exec(candidate.body.slice(figure.end, figure.end + 40));
      if (!members || !GROUP_NOUNS.includes(head)) return null;
      const [first, second] = [members[1]!.toLowerCase(), members[2]?.toLowerCase()];
      return isForce(first, first) || (second !== undefined && isForce(`${first} ${second}`, second)) ? 'deployed' : null;
    },
  },
  {
    name: 'lost-in-fighting',
    recognises: 'people an army lost are dead: `the militia had lost three fighters`, `lost just four`',
    apply: ({ before, ownCounted, head }) => (LOST.test(before) && (!ownCounted || PERSON_NOUNS.includes(head)) ? 'killed' : null),
  },
  {
    name: 'governed-list',
    recognises:
      'a figure joined by a comma or `and` to one a verb governs shares it, unless a cue of its own follows: `sent two frigates, dozens of jets and 900 marines`; `killed four bandits, and another 12 herders were feared dead`',
    apply: (x) => (x.previous && x.joined && GOVERNING_RULES.has(x.previous.rule as CategoryRuleName) ? (cueAfter(x.candidate, x.next, x.ownCounted) ?? x.previous.category) : null),
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
    name: 'others-of-same-kind',
    recognises:
      '`others` or `more` after a figure whose own noun said what it is (`event-noun`) are more of that noun: `Two airstrikes hit the port, while three others landed near the airport`',
    apply: ({ previous, head, ownCounted }) => (previous && ownCounted && (head === 'others' || head === 'more') && previous.rule === 'event-noun' ? previous.category : null),
  },
  {
    name: 'times-attacked',
    recognises:
      'a count of times in a clause whose verb attacks (`ATTACK_VERBS`, `OCCASION_NOUNS`): `the militia has targeted the base at least 12 times`, `attacked ships on 40 occasions`',
    apply: ({ head, before }) => (OCCASION_NOUNS.includes(head) && ATTACKED_BEFORE.test(before) ? 'attacks' : null),
  },
  {
    name: 'elided-count',
    recognises:
      'a bare number after a figure, with no cue of its own, shares its predicate: `800 troops stationed in the north and 300 in the south`, `nine of the dead were in the port and four in the hills`; not one with a verb of its own (`12 people drowned and 30 were rescued`, `killing 40 and abducting 20`)',
    apply: ({ previous, ownCounted, candidate, next, gap }) => {
      // A verb of its own before it, after the word that joins it (`killing 1,400 and kidnapping more than 200`).
      const joinedBy = gap?.split(/\b(?:and|or|but|while|whereas)\b|[,;]/u).pop() ?? '';
      if (/\b\p{Ll}{3,}(?:ing|ed)\b/u.test(joinedBy)) return null;
      // A verb of its own, past its auxiliaries (`were rescued`); a copula before a noun (`three were passengers`) is no verb of its own.
      let k = next;
      while (AUXILIARIES.has(candidate.tokens[k]?.lower ?? '')) k++;
      const after = candidate.tokens[k];
      const ownVerb = after !== undefined && after.kind === 'word' && isVerbLike(after);
      return previous && !ownCounted && candidate.currency === null && !ownVerb ? previous.category : null;
    },
  },
  {
    name: 'forces-kept',
    recognises:
      'troops a state or army has somewhere (`STANDING_FORCE_NOUNS`), or forces whose presence is counted: `the US has about 900 troops in the country`, `a presence of 2,500 personnel`',
    apply: ({ before, head, figure }) =>
      (FORCES_HELD.test(before) && STANDING_FORCE_NOUNS.includes(head)) || (FORCES_PRESENT.test(before) && isForce(figure.counted, head)) ? 'deployed' : null,
  },
  {
    name: 'forces-being-sent',
    recognises:
      'forces (`FORCE_NOUNS`) in a sentence about sending or gathering them (`FORCE_VERBS`): `200 volunteers and 30 boats joined the search`, `a drill involving 900 sailors`',
    apply: ({ head, candidate, figure }) => (isForce(figure.counted, head) && FORCES_SENT.test(candidate.sentence.text) ? 'deployed' : null),
  },
  {
    name: 'forces-at-work',
    recognises:
      'forces (`FORCE_NOUNS`) in a sentence about their work at a scene (`FORCE_VERBS.working`): `more than 160 firefighters were battling the blaze`, `40 divers searched the lake`',
    apply: ({ head, candidate, figure }) => (isForce(figure.counted, head) && FORCES_WORKING.test(candidate.sentence.text) ? 'deployed' : null),
  },
  {
    name: 'otherwise-other',
    recognises: 'any figure no rule before has placed: `200 families`',
    apply: () => 'other',
  },
];

/** The category of a figure and the name of the rule that gave it: the first of `CATEGORY_RULES` that applies. */
export function categorise(
  candidate: Candidate,
  figure: Figure,
  previous: Figure | null,
  previousSentence: Figure | null,
  ownCounted: boolean,
): { category: FigureCategory; rule: CategoryRuleName } {
  const { body, tokens, sentence } = candidate;
  const gap = previous ? body.slice(previous.end, figure.start) : null;
  let next = candidate.last + 1;
  while (next < tokens.length && tokens[next]!.end <= figure.end) next++;
  const context: CategoryContext = {
    candidate,
    figure,
    previous,
    previousSentence,
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
