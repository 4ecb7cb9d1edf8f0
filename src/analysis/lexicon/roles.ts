/**
 * Roles and titles: the one home of the words that say what a person is (`envoy`, `spokeswoman`,
 * `the mayor`) and the titles set before a name (`Dr`, `Gen.`, `President`).
 */

/**
 * Role nouns grouped by what they mean for attribution: a news article calls one diplomat
 * `ambassador`, `envoy` and `representative` in turn, so those share a class.
 */
export const ROLE_CLASSES: Readonly<Record<string, readonly string[]>> = {
  diplomat: ['ambassador', 'envoy', 'representative', 'emissary', 'diplomat'],
  spokesperson: ['spokesman', 'spokeswoman', 'spokesperson'],
  counterpart: ['counterpart'],
  president: ['president'],
  minister: ['minister'],
  secretary: ['secretary', 'secretary-general'],
  commander: ['commander', 'general', 'admiral', 'colonel', 'gen', 'adm', 'col'],
  official: ['official', 'officer', 'adviser', 'advisor', 'aide'],
  // One person is `the head of the Silver Lantern`, then `the Silver Lantern chief`.
  head: ['head', 'chief', 'director', 'chairman', 'chairwoman', 'chair', 'leader', 'coordinator'],
  governor: ['governor', 'gov'],
  mayor: ['mayor'],
  judge: ['judge'],
  commissioner: ['commissioner', 'superintendent', 'inspector'],
  prosecutor: ['prosecutor'],
  captain: ['captain', 'master', 'skipper', 'capt'],
  lawmaker: ['senator', 'lawmaker', 'legislator', 'mp', 'sen', 'rep', 'councillor', 'councilor', 'cllr'],
};

/** Words placed before a name that are not part of it: `President Kirsti Ekberg`, `Gen. Yevgeny Korsak`. */
export const NAME_TITLES: ReadonlySet<string> = new Set([
  'president', 'gen', 'gen.', 'general', 'secretary', 'secretary-general', 'deputy', 'press', 'minister',
  'prime', 'foreign', 'ambassador', 'spokesman', 'spokeswoman', 'spokesperson', 'commander', 'sen', 'sen.',
  'senator', 'rep', 'rep.', 'representative', 'dr', 'dr.', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'lt',
  'lt.', 'col', 'col.', 'maj', 'maj.', 'capt', 'capt.', 'captain', 'colonel', 'major', 'king', 'queen',
  'prince', 'princess', 'sheikh', 'ayatollah', 'pope', 'chief', 'permanent', 'envoy', 'judge', 'justice',
  'governor', 'gov', 'gov.', 'mayor', 'chancellor', 'vice', 'speaker', 'lieutenant', 'admiral', 'adm',
  'adm.', 'sgt', 'sgt.', 'sergeant', 'brig', 'brig.', 'brigadier', 'counterpart', 'official', 'leader',
  // Party and standing, as US and UK copy puts them before a name: `Republican Odette Varga`.
  'republican', 'democrat', 'democratic', 'conservative', 'liberal', 'labour', 'tory', 'incumbent', 'candidate',
  'commissioner', 'superintendent', 'inspector', 'constable', 'sheriff', 'coach', 'rear', 'marshal', 'ombudsman', 'prosecutor', 'cdr', 'cdr.', 'cmdr', 'cmdr.',
  // Local councillors, as British and Irish copy names them: `Cllr Ada Halloran`, `Councillor Halloran`.
  'cllr', 'cllr.', 'councillor', 'councilor', 'alderman',
]);

/** Nouns for someone unnamed who speaks for a body: `a ministry spokesperson`, `an official at the port`. */
export const SPOKESPERSON_NOUNS: readonly string[] = ['spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'representative', 'official', 'officials'];

/** Unnamed staff who speak for their body: `investigators with the fire district`. */
export const STAFF_NOUNS: readonly string[] = ['investigators', 'officials', 'doctors', 'officers', 'staff', 'experts', 'engineers', 'rescuers'];

/**
 * Titles and ranks written shortened with a stop (`Dr.`, `Gen.`, `Sen.`), lower-case without it: a
 * stop after one does not end a sentence.
 */
export const TITLE_ABBREVIATIONS: readonly string[] = ['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'cpl', 'pvt', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'amb', 'sr', 'jr', 'st', 'messrs'];

/**
 * Nouns for one person by who they are rather than a job (`the girl`, `his cousin`, `a resident`):
 * a name right after one is that person's (`her cousin Noura said`), and one standing in a sentence
 * beside a pronoun is another person the pronoun may mean.
 */
export const PERSON_DESCRIPTORS: readonly string[] = [
  'man', 'woman', 'boy', 'girl', 'child', 'baby', 'teenager', 'mother', 'father', 'parent', 'son', 'daughter',
  'brother', 'sister', 'cousin', 'uncle', 'aunt', 'nephew', 'niece', 'grandmother', 'grandfather', 'grandson',
  'granddaughter', 'wife', 'husband', 'partner', 'widow', 'friend', 'neighbour', 'neighbor', 'colleague',
  'resident', 'witness', 'victim', 'survivor', 'relative', 'student', 'teacher', 'farmer', 'driver', 'worker',
  'shopkeeper', 'fisherman', 'nurse', 'doctor', 'patient', 'complainant', 'defendant', 'passenger', 'villager',
];

/**
 * Titles that only ever stand before a person's name (`Mrs Halloran`, `President Halloran`, `Gen.
 * Halloran`): a capitalised word after one is that person's surname, even with no first name given.
 */
export const PERSONAL_TITLES: readonly string[] = [
  'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'president', 'senator', 'sen', 'rep', 'governor', 'gov', 'mayor',
  'judge', 'justice', 'prof', 'professor', 'minister', 'ambassador', 'sheikh', 'king', 'queen', 'prince', 'princess', 'pope',
  'ayatollah', 'gen', 'col', 'capt', 'sgt', 'lt', 'maj', 'adm', 'commissioner', 'inspector', 'sheriff', 'chancellor', 'premier', 'chief',
];

/**
 * Words that say whether a person is a man or a woman, as titles (`Mrs Halloran`) or as descriptors
 * (`his wife`, `the girl`): what keeps `he` from meaning a woman the article named.
 */
export const GENDERED_WORDS: Readonly<Record<'m' | 'f', readonly string[]>> = {
  m: ['mr', 'sir', 'lord', 'king', 'prince', 'sheikh', 'man', 'boy', 'father', 'son', 'brother', 'husband', 'uncle', 'nephew', 'grandfather', 'grandson', 'widower', 'fisherman', 'spokesman', 'chairman'],
  f: ['mrs', 'ms', 'miss', 'madam', 'dame', 'lady', 'queen', 'princess', 'woman', 'girl', 'mother', 'daughter', 'sister', 'wife', 'aunt', 'niece', 'grandmother', 'granddaughter', 'widow', 'spokeswoman', 'chairwoman'],
};

/**
 * Nouns for sources a report does not name (`a senior official`, `one resident`, `local media`,
 * `witnesses`): shown as the description itself, never as a named person or a state.
 */
export const SOURCE_NOUNS: readonly string[] = [
  'official', 'officials', 'source', 'sources', 'diplomat', 'diplomats', 'officer', 'officers', 'resident', 'residents',
  'witness', 'witnesses', 'spokesperson', 'spokesman', 'spokeswoman', 'analyst', 'analysts', 'aide', 'aides',
  'media', 'authorities', 'activist', 'activists', 'medic', 'medics', 'rescuer', 'rescuers', 'survivor', 'survivors',
  'lawmaker', 'lawmakers', 'insider', 'insiders', 'observers',
  // Groups of people speaking together: `homeowners said`, `villagers told reporters`.
  'homeowners', 'villagers', 'families', 'parents', 'farmers', 'workers', 'protesters', 'students', 'locals', 'neighbours', 'neighbors', 'relatives', 'passengers',
];
