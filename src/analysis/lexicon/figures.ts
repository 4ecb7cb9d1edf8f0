/**
 * Figure words: the one home of the words that find a figure in news copy and say what it counts
 * (`at least` 17 `miners` were `killed`). The rules in `src/analysis/figures/` import these
 * tables and never restate them, so a word added here (one entry) reaches every rule that reads
 * its class. Words are lower-case unless a table says otherwise.
 */
import type { FigureCategory } from '../types.ts';
import { PLAIN_SPEECH_FORMS } from './speech.ts';

/** A category a cue can give (everything but `other`). */
export type CueCategory = Exclude<FigureCategory, 'other'>;

/**
 * The entry of `word` in one of these tables, or undefined. Only the table's own words count: a plain
 * index would also find what every object has, and read the word `constructor` as a number.
 */
export function lookUp<T>(table: Readonly<Record<string, T>>, word: string): T | undefined {
  return Object.hasOwn(table, word) ? table[word] : undefined;
}

// ---------------------------------------------------------------------------------------------
// The number and the words around it
// ---------------------------------------------------------------------------------------------

/**
 * Words that qualify a number when they stand right before it, matched case-insensitively and kept
 * as written (`At least 17 ships`). Longer entries win over shorter ones.
 */
export const QUALIFIERS: readonly string[] = [
  'at least', 'more than', 'over', 'nearly', 'almost', 'about', 'around', 'some', 'up to', 'a total of', 'another',
  'fewer than', 'less than', 'approximately', 'roughly', 'as many as', 'between', 'an estimated',
];

/** Qualifiers that bound nothing (`a total of 56` is 56): a figure is compared without them. */
export const PLAIN_QUALIFIERS: readonly string[] = ['a total of', 'another'];

/** Number words and their values; larger numbers are composed with `SCALE_WORDS` (`two hundred and fifty`). */
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

/** Compass directions: where, never what is counted (`six near the bridge and two further east`, `three blocks north`). */
export const DIRECTION_WORDS: readonly string[] = ['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest'];

/**
 * Words that end the counted words after a number: articles, determiners, prepositions,
 * conjunctions, pronouns, auxiliaries, common adverbs, the plainest speech verbs (`17 people said`)
 * and words of direction (`six near the bridge and two further east`: where, not what).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'each', 'every', 'all', 'both', 'such',
  'in', 'on', 'at', 'to', 'from', 'by', 'with', 'of', 'for', 'into', 'onto', 'over', 'under', 'since', 'during', 'after', 'before', 'across',
  'against', 'among', 'amid', 'between', 'near', 'through', 'toward', 'towards', 'within', 'without', 'upon', 'about', 'around', 'along',
  'beyond', 'inside', 'outside', 'per', 'via', 'like', 'than', 'as', 'until', 'till', 'despite', 'including', 'following',
  'and', 'or', 'but', 'nor', 'so', 'yet', 'while', 'if', 'because', 'when', 'where', 'who', 'whom', 'whose', 'which', 'what',
  'have', 'has', 'had', 'having', 'were', 'was', 'are', 'is', 'be', 'been', 'being', 'am', 'will', 'would', 'could', 'should', 'can',
  'may', 'might', 'must', 'shall', 'do', 'does', 'did', 'get', 'got',
  'he', 'she', 'it', 'they', 'we', 'you', 'i', 'them', 'us', 'him', 'me', 'there', 'here',
  'also', 'still', 'mostly', 'mainly', 'reportedly', 'allegedly', 'only', 'just', 'even', 'not', 'now', 'then', 'again', 'ago',
  'already', 'apiece', 'altogether', 'respectively', 'too', 'either', 'neither', 'nearly', 'almost', 'some', 'most',
  ...PLAIN_SPEECH_FORMS, 'according', 'remain', 'remained', 'remains',
  'up', 'down', 'out', 'off', 'away', 'back',
  'further', 'farther', ...DIRECTION_WORDS, 'elsewhere', 'nearby',
]);

/**
 * Nouns that are plural without ending in -s. Participles such as `wounded` or `dead` are left out on
 * purpose: right after a number they usually belong to an elided noun (`six people were killed and
 * nine wounded`), so they are read as cues, not as what is counted.
 */
export const IRREGULAR_PLURALS: ReadonlySet<string> = new Set([
  'people', 'children', 'men', 'women', 'personnel', 'police', 'staff', 'aircraft', 'cattle', 'sheep', 'fish', 'deer', 'crew',
  'livestock', 'youth',
]);

/** Words after a number that make it a percentage (`12 percent`, `3 percentage points`); `%` is read as a mark. */
export const PERCENT_WORDS: readonly string[] = ['percent', 'per cent', 'pc', 'percentage points', 'percentage point'];

/** Currency symbols written before a number (`$7 billion`, `€40`); longer entries first. */
export const CURRENCY_SYMBOLS: readonly string[] = ['US$', '$', '€', '£', '¥'];

/** Money counted by name rather than by symbol: `40 million pesos`, `2 billion rupees`. Money is never killed or deployed. */
export const CURRENCY_NAMES: readonly string[] = [
  'dollars', 'euros', 'pounds', 'yuan', 'renminbi', 'yen', 'rials', 'riyals', 'rupees', 'roubles', 'rubles', 'lira', 'liras',
  'shekels', 'dinars', 'dirhams', 'pesos', 'francs', 'kwacha', 'naira', 'rand', 'won', 'ringgit', 'baht', 'manat', 'som',
  'somoni', 'tenge', 'hryvnias', 'lei', 'zloty', 'krona', 'kronor', 'krone', 'reais', 'afghanis',
];

// ---------------------------------------------------------------------------------------------
// Numbers that are not figures
// ---------------------------------------------------------------------------------------------

/** Words after the number that make it a duration, not a count (`in the past three days`, `for two weeks`). */
export const TIME_UNITS: readonly string[] = [
  'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'night', 'nights', 'week', 'weeks',
  'fortnight', 'fortnights', 'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'centuries',
];

/** Words allowed between a number and its time unit: `two more days`, `three straight weeks`. */
export const TIME_UNIT_MODIFIERS: readonly string[] = [
  'more', 'full', 'straight', 'consecutive', 'long', 'whole', 'additional', 'further', 'successive', 'previous', 'past', 'last', 'next',
];

/** Units that make a number a measurement, not a count (`magnitude 5.8`, `minus eight degrees`). Longer entries first where one starts another. */
export const MEASUREMENT_UNITS: readonly string[] = [
  'nautical miles', 'millimetres', 'millimeters', 'mm', 'centimetres', 'centimeters', 'cm', 'inches', 'degrees', 'degree', '°', 'km/h', 'mph', 'knots', 'kilometres', 'kilometers', 'kilometre', 'kilometer', 'km', 'miles', 'mile',
  'metres', 'meters', 'metre', 'meter', 'feet', 'foot', 'ft',
];

/** Words after which a number names something rather than counting it: `article 51`, `resolution 2334`, `No. 5`. */
export const REFERENCE_WORDS: readonly string[] = [
  'article', 'articles', 'resolution', 'resolutions', 'code', 'number', 'no', 'nos', 'page', 'pages', 'section', 'sections',
  'chapter', 'chapters', 'paragraph', 'paragraphs', 'clause', 'item', 'annex', 'volume', 'vol', 'p', 'pp', 'figure', 'table',
  'flight', 'route', 'highway', 'gate', 'room', 'tower', 'camp', 'anchorage', 'berth', 'pier', 'platform', 'terminal', 'level',
  'shaft', 'precinct', 'bay', 'hangar', 'block', 'sector', 'ward', 'district', 'line', 'exit', 'exits', 'lane', 'track',
];

/** Words before a number word that make it a reference to things already named: `the two delegations`. */
export const REFERENCE_DETERMINERS: readonly string[] = ['the', 'both', 'all', 'these', 'those'];

/** Words before `one` that make it a pronoun, not a count: `no one`, `the one`, `every one`. */
export const PRONOUN_ONE_DETERMINERS: readonly string[] = [
  'no', 'any', 'every', 'each', 'this', 'that', 'which', 'the', 'second', 'third', 'last', 'next', 'other', 'another',
];

/** Nouns after `one` in idioms that count nothing: `at one point`, `one day`, `on one hand`. */
export const PRONOUN_ONE_IDIOMS: readonly string[] = ['side', 'day', 'point', 'end', 'time', 'way', 'hand', 'voice'];

/**
 * Speech verbs (by their name in `SPEECH_VERBS`) whose finite forms after `one NOUN` make it an
 * unnamed speaker, not a count: `one nurse said`, `one driver asked`. Only verbs that are speech
 * whatever their object: `one rocket slammed into` is a count.
 */
export const UNNAMED_SPEAKER_VERBS: readonly string[] = ['say', 'tell', 'add', 'recall', 'explain', 'ask', 'shout'];

// ---------------------------------------------------------------------------------------------
// What a figure counts and what happened to it
// ---------------------------------------------------------------------------------------------

/**
 * Verbs of sending, keeping or gathering forces: the one home of the words that make a count of
 * forces `deployed`. Each list says how close to the count its words must stand. A form ending in
 * `*` stands for any ending (`reinforc*`: reinforced, reinforcements); a space for any white space.
 */
export const FORCE_VERBS = {
  /** Right before a count, they make it deployed whatever it counts (`dispatched four cargo planes`); the `deployed` cue verbs. */
  sending: [
    'deploy', 'deploys', 'deployed', 'deploying', 'send', 'sends', 'sent', 'sending', 'dispatch', 'dispatched', 'dispatching', 'stationed',
    'posted', 'assigned', 'mobilised', 'mobilized', 'positioned',
  ],
  /** Keeping forces somewhere: right before a count of forces (`keeps some 650 troops`) or anywhere in its sentence. */
  keeping: ['keeps', 'kept', 'stations'],
  /** Moving or maintaining: only right before a count of forces (`moved 200 more tanks`), as they have other senses (`maintains that…`). */
  moving: ['moved', 'brought', 'rushed', 'flew', 'maintains'],
  /** Gathering forces into an operation: anywhere in a sentence with a count of forces (`a drill involving 900 sailors`). */
  gathering: [
    'deploy*', 'dispatch*', 'mobilis*', 'mobiliz*', 'station*', 'involved', 'involving', 'took part', 'taking part', 'participat*',
    'joined', 'reinforc*', 'flown in', 'activated',
  ],
  /**
   * Working at a scene: anywhere in a sentence with a count of forces, whose being there is their
   * deployment (`more than 160 firefighters were battling the blaze`, `40 divers searched the lake`).
   */
  working: [
    'battling', 'battled', 'fighting', 'fought', 'tackling', 'tackled', 'searching', 'searched', 'combing', 'combed', 'scouring',
    'scoured', 'responded', 'responding', 'at the scene', 'on the scene', 'to the scene', 'at the site', 'to the site', 'on site',
    'on standby', 'on the ground', 'rescue operation*', 'rescue work', 'relief work', 'on patrol', 'patrolling', 'patrolled', 'on duty',
  ],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/** Words between a verb of moving forces and their count that add to forces already there: `rushed an extra 60 firefighters`. */
export const INCREMENT_WORDS: readonly string[] = ['additional', 'extra', 'further', 'more', 'another', 'fresh'];

/** What forces are made of: moved, sent or brought, these are deployed (`rushed an extra 60 firefighters`). */
export const FORCE_NOUNS: readonly string[] = [
  'troops', 'soldiers', 'forces', 'personnel', 'police', 'officers', 'vehicles', 'tanks', 'batteries', 'ships', 'warships', 'vessels',
  'aircraft', 'jets', 'helicopters', 'planes', 'drones', 'units', 'battalions', 'brigades', 'marines', 'sailors', 'firefighters', 'rescuers',
  'commandos', 'squadrons', 'divers', 'volunteers', 'boats', 'engines', 'tankers', 'frigates', 'destroyers', 'submarines', 'crews',
  'monitors', 'observers', 'peacekeepers', 'inspectors', 'firemen', 'policemen', 'medics', 'paramedics', 'responders', 'ambulances',
  'guardsmen',
];

/** Forces named by two words whose last is no force alone (`rescue workers`, not `workers`): what a count of forces may end with. */
export const FORCE_COMPOUNDS: readonly string[] = [
  'rescue workers', 'emergency workers', 'relief workers', 'aid workers', 'emergency personnel', 'rescue teams', 'emergency crews',
  'fire crews', 'rescue crews', 'search teams', 'fire trucks', 'fire engines', 'security personnel',
];

/** Forces a state or army can be said to have somewhere (`the US has about 900 troops in the country`): people under arms only. */
export const STANDING_FORCE_NOUNS: readonly string[] = ['troops', 'soldiers', 'forces', 'marines', 'servicemen', 'peacekeepers'];

/** Nouns of a group sent somewhere, between a sending verb and its number: `dispatch a unit of 25 medics`. */
export const GROUP_NOUNS: readonly string[] = ['team', 'teams', 'contingent', 'force', 'unit', 'battalion', 'detachment', 'convoy', 'fleet', 'squadron'];

/**
 * Words that, joined to a number by a hyphen, make it the size of a group (`a 157-member team`, `a
 * 40-strong contingent`): a count of the group's members, not a modifier to turn down.
 */
export const MEMBERSHIP_WORDS: readonly string[] = ['member', 'strong', 'man', 'person', 'personnel'];

/** Nouns for people who can be lost, as an army loses soldiers: `the militia had lost three fighters`. */
export const PERSON_NOUNS: readonly string[] = [
  'fighters', 'soldiers', 'troops', 'men', 'members', 'people', 'lives', 'servicemen', 'personnel', 'officers', 'militants', 'civilians',
];

/**
 * The cue table: words that say what happened to what a figure counts.
 *
 * - `verbs` may govern a number from right before it (`killed at least 17 people`, `wounded three
 *   bystanders`, `attacked nine times`, `sent two supply ships`); only a qualifier may stand between.
 * - `verbs` and `words` both count as a cue after the counted noun, in the same clause (`eight miners
 *   have been injured`, `17 climbers are reported missing`, `six guards had sustained injuries`).
 *
 * The `rockets` verbs (fired, launched) only give their category when the figure counts nothing of its
 * own (`fired at least 9`); `launched 3 investigations` counts investigations, not rockets, and a
 * counted projectile (`9 rockets`) is already an event noun (`EVENT_NOUNS`).
 */
export const CUES: Readonly<Record<CueCategory, { readonly verbs: readonly string[]; readonly words: readonly string[] }>> = {
  killed: {
    verbs: ['kill', 'kills', 'killed', 'killing', 'murdered', 'massacred', 'executed', 'slew'],
    words: [
      'dead', 'died', 'die', 'dies', 'death', 'deaths', 'toll', 'lives', 'fatalities', 'succumbed', 'perished', 'bodies', 'drowned', 'slain',
      'gunned',
    ],
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
    // `Three of the missiles were intercepted`.
    words: ['drones', 'missiles', 'rockets', 'shells'],
  },
  deployed: {
    verbs: FORCE_VERBS.sending,
    words: [],
  },
};

/**
 * Counted nouns that are themselves events: `31 raids`, `at least 7 shells`, `45 deaths`.
 * Checked against the head noun of the counted words.
 */
export const EVENT_NOUNS: Readonly<Record<string, CueCategory>> = {
  attack: 'attacks', attacks: 'attacks', strike: 'attacks', strikes: 'attacks', airstrike: 'attacks', airstrikes: 'attacks',
  raid: 'attacks', raids: 'attacks', assault: 'attacks', assaults: 'attacks', bombing: 'attacks', bombings: 'attacks',
  massacres: 'attacks',
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

/**
 * Casualty words that, linked to a number right after them, say what it counts: `the dead included
 * 5 teachers`, `Among the injured are 14 pupils`, `five of the dead`, `23 of the deaths`.
 */
export const CASUALTY_WORDS: Readonly<Record<string, CueCategory>> = {
  dead: 'killed', deaths: 'killed', killed: 'killed', fatalities: 'killed', victims: 'killed', toll: 'killed',
  wounded: 'injured', injured: 'injured', injuries: 'injured', missing: 'missing',
};

/** Linking verbs between a casualty word and its number: `the dead included 5 teachers`. */
export const CASUALTY_LINKS: readonly string[] = ['included', 'include', 'includes', 'including', 'were', 'are', 'was', 'is'];

/**
 * Nouns before `of` that say what happened to the number after them: news names a death or a
 * deployment as a noun as often as with a verb (`the killing of three shepherds`, `the deaths of
 * 12 miners`, `the lives of 23 sailors`, `the deployment of 2,000 troops`).
 */
export const FATE_NOUNS: Readonly<Record<string, CueCategory>> = {
  lives: 'killed', bodies: 'killed', remains: 'killed', death: 'killed', deaths: 'killed', killing: 'killed', killings: 'killed',
  murder: 'killed', murders: 'killed', execution: 'killed', executions: 'killed', massacre: 'killed',
  wounding: 'injured', disappearance: 'missing',
  deployment: 'deployed', dispatch: 'deployed',
};

/**
 * Verbs of killing written in two or three words, right before the number they govern: `shot dead
 * 15 worshippers`, `gunned down six guards`, `stabbed to death two men`.
 */
export const KILLING_PHRASES: readonly string[] = [
  'shot dead', 'gunned down', 'stabbed to death', 'beaten to death', 'burned to death', 'burnt to death', 'hacked to death', 'put to death',
];

/**
 * Words that link a running count to its number: `the toll climbed to 45`, `a toll of 9`, `the
 * death toll from the floods was 26`, `the number of dead stood at 22`.
 */
export const TOLL_LINKS: readonly string[] = [
  'of', 'to', 'at', 'reached', 'hit', 'topped', 'passed', 'exceeded', 'surpassed', 'was', 'is', 'numbered', 'reaching', 'now',
];

/** Words after `toll` that make it a charge, not a count of the dead: `the toll road carries an average of 30,000 cars`. */
export const TOLL_CHARGE_WORDS: readonly string[] = [
  'road', 'roads', 'booth', 'booths', 'plaza', 'bridge', 'gate', 'gates', 'free', 'charge', 'charges', 'fee', 'fees', 'lane', 'lanes',
];

/** Nouns of a running count whose casualty word follows: `the number of dead`, `the total of people killed`. */
export const COUNT_NOUNS: readonly string[] = ['number', 'total', 'tally', 'count', 'figure'];

/**
 * Words that make a fate only feared, not known: a count `feared dead`, `believed buried`, `presumed
 * drowned` or `feared to have died` is of the missing (news copy keeps the dead for bodies found).
 */
export const UNCONFIRMED_MARKERS: readonly string[] = ['feared', 'believed', 'presumed', 'thought'];

/** Fates that, after one of `UNCONFIRMED_MARKERS`, make a count of the missing: `feared dead`, `believed trapped`. */
export const UNCONFIRMED_FATES: readonly string[] = ['dead', 'killed', 'died', 'buried', 'drowned', 'trapped', 'lost'];

/**
 * Casualty words that, joined by `or` or `and` to another of a different category, make one
 * combined count (`killed or injured`, `dead and wounded`): counted as neither the dead nor the
 * injured, so it is `other`.
 */
export const COMBINED_CASUALTY_WORDS: Readonly<Record<string, CueCategory>> = {
  killed: 'killed', dead: 'killed', died: 'killed', injured: 'injured', wounded: 'injured', hurt: 'injured', missing: 'missing',
};

/**
 * Verbs of attacking that make a count of `times` a count of attacks (`have targeted the base at
 * least 12 times`, `attacked ships more than 40 times`); only with `times`, as what they govern
 * (`targeted 12 sites`) is a target, not an attack.
 */
export const ATTACK_VERBS: readonly string[] = [
  'attacked', 'targeted', 'targetted', 'struck', 'hit', 'shelled', 'bombed', 'raided', 'stormed', 'ambushed', 'attacking', 'targeting',
];

/** Nouns that count how often something happened: `12 times`, `on 40 occasions`. */
export const OCCASION_NOUNS: readonly string[] = ['times', 'occasions'];

/** Verbs that, after `had been` or `were`, take people to hospital: the injured, in news's own words (`nine passengers were airlifted to hospital`). */
export const HOSPITAL_VERBS: readonly string[] = ['taken', 'rushed', 'admitted', 'airlifted', 'flown'];

// ---------------------------------------------------------------------------------------------
// Lists and clauses
// ---------------------------------------------------------------------------------------------

/** Words that, right before a figure, make it part of the figure before it: `…, including 5 nurses`. */
export const INCLUSION_MARKERS: readonly string[] = ['including', 'among them', 'among whom'];

/** Verbs that, right before a figure, make it part of the figure before it too: `The toll of 26 included 9 children`. */
export const INCLUSION_VERBS: readonly string[] = ['included', 'includes', 'include'];

/**
 * Words that open an aside between commas after a counted noun, which a cue after it passes over
 * to reach the verb: `Four people, including a guard, died`, `Three men, all of them farmers,
 * died`. Longer entries first where one starts another.
 */
export const ASIDE_OPENERS: readonly string[] = [
  ...INCLUSION_MARKERS, 'all of them', 'most of them', 'many of them', 'some of them', 'half of them', 'both of them', 'mostly',
  'mainly', 'many', 'most', 'all', 'both',
];

/** Words that join a figure to the one before as part of one list: `up to 650 police, along with two water cannons`. */
export const LIST_JOINERS: readonly string[] = ['and', 'or', 'along with', 'as well as', 'together with', 'plus'];

/**
 * Joiners that can only mean one list, so the figure after them shares the fate of the one before
 * even across other words: `… were posted to the port, together with 12 patrol boats`.
 */
export const LIST_ONLY_JOINERS: readonly string[] = ['along with', 'as well as', 'together with'];

/**
 * Words that open a new clause, where a cue after a counted noun stops being about it: `but`,
 * `because`, and relative pronouns (`the 8 towns that sent fire crews` did the sending: a
 * relative clause is about its noun as the doer).
 */
export const CLAUSE_BREAK_WORDS: ReadonlySet<string> = new Set([
  'but', 'while', 'whereas', 'although', 'though', 'because', 'including', 'after', 'before', 'when', 'since', 'unless', 'until',
  'that', 'which', 'who', 'whose', 'whom',
]);

/**
 * Cue verbs that are nouns as often (`two of the bigger fires were moving east`, `the launches`):
 * after a counted noun they are read as the verb only right after it, or after an auxiliary or `to`.
 */
export const VERB_OR_NOUN_CUES: ReadonlySet<string> = new Set(['fire', 'fires', 'launch', 'launches']);

/** Auxiliaries: passing one after a counted noun means a verb has been seen (`8 men were arrested and 2 …`). */
export const AUXILIARIES: ReadonlySet<string> = new Set(['have', 'has', 'had', 'were', 'was', 'are', 'is', 'been', 'being', 'be', 'will', 'would']);

/**
 * Nouns that count the same kind of thing. News varies the noun for one count from report to report
 * (`people`, `civilians`, `individuals`; `troops`, `soldiers`, `service members`). A noun not listed
 * is its own class (`children`, `militants`), singular and plural together.
 */
export const COUNTED_CLASSES: Readonly<Record<string, readonly string[]>> = {
  people: ['people', 'persons', 'person', 'individuals', 'civilians', 'civilian', 'residents', 'victims', 'lives', 'others'],
  troops: ['troops', 'soldiers', 'soldier', 'servicemen', 'serviceman', 'servicemembers', 'personnel', 'service members', 'service member'],
  attacks: ['attacks', 'attack', 'times', 'strikes', 'strike', 'raids', 'raid', 'assaults', 'assault'],
  rockets: ['rockets', 'rocket', 'missiles', 'missile', 'projectiles', 'projectile'],
};

/**
 * What a group of figures counts, in words, by category: `{counted}` is the class of what is
 * counted (`troops`, `people`; see `COUNTED_CLASSES`), made plural. A label says what is counted,
 * never repeats the figure's own words (`one · killed`).
 */
export const COUNTED_LABELS: Readonly<Record<FigureCategoryName, string>> = {
  killed: '{counted} killed',
  injured: '{counted} injured',
  missing: '{counted} missing',
  attacks: 'attacks',
  rockets: 'rockets and missiles fired',
  deployed: '{counted} deployed',
  other: '{counted}',
};

/** The categories a figure can have (the same names as `FigureCategory`, kept here so the lexicon needs no import). */
type FigureCategoryName = 'killed' | 'injured' | 'missing' | 'attacks' | 'rockets' | 'deployed' | 'other';
