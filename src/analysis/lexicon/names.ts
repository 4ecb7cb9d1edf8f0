/**
 * Names: the one home of the words that tell a person's name from other capitalised words: words
 * never in one (`Council`, `Strip`), particles inside one (`al-`, `van der`), and the small words
 * that open sentences and phrases.
 */
import { COMPANY_WORDS, DOCUMENT_NOUNS, ORGANISATION_NOUNS } from './bodies.ts';
import { MONTHS, RELATIVE_DAYS, WEEKDAYS } from './calendar.ts';
import { PLACE_NOUNS } from './places.ts';

/**
 * Capitalised words that make a name an organisation, place or title rather than a person:
 * `Planning Council`, `Korvel Strip`, `Federal Republic`. A run of capitalised words holding one is
 * not a person's name.
 */
export const NOT_PERSON_WORDS: ReadonlySet<string> = new Set([
  ...ORGANISATION_NOUNS,
  'united', 'nations', 'states', 'kingdom', 'security', 'republic', 'islamic', 'armed',
  'guards', 'revolutionary', 'news', 'press',
  'strip', 'desert', 'east', 'west', 'north', 'south', 'asia', 'europe', 'africa', 'america', 'province',
  'base', 'air', 'force', 'assembly',
  'white', 'house', 'supreme', 'national', 'international', 'tower', 'operation',
  'storm', 'charter', 'times', 'post', 'journal', 'media', 'groups',
  'general', 'secretary', 'middle', 'gulf', 'sea', 'river', 'city', 'county', 'state', 'region',
  'street', 'square', 'airport', 'field', 'oilfield', 'school', 'church', 'mosque', 'agreement',
  'treaty', 'resolution', 'article', 'day', 'federal', 'central', 'regime',
  'authorities', 'services',
  'affairs', 'foreign', 'defense', 'defence', 'interior',
  'crescent', 'cross',
  'health', 'public', 'management', 'reduction',
  'assistant', 'secretary-general', 'under-secretary-general', 'deputy', 'shield', 'village',
  'town', 'valley', 'border', 'post', 'route', 'flight', 'signal', 'protocol', 'case', 'no',
  // Plural nouns in bodies' names: `Coastal Network for Fair Elections`, `Lawyers Without Borders`.
  'congress', 'elections', 'rights', 'relations', 'studies', 'borders', 'workers', 'refugees', 'veterans',
  // Newspapers' names: `the Morning Herald`, `The Evening Chronicle`.
  'herald', 'tribune', 'gazette', 'chronicle', 'telegraph', 'courier', 'observer', 'mail', 'express',
  // Streets: `Florence Close`, `Mill Lane`.
  'close', 'road', 'avenue', 'lane', 'drive', 'terrace', 'gardens', 'boulevard',
  // Plural nouns for people in bodies' names: `Ta'ang Women's Organization`, `Mothers for Peace`.
  'women', 'men', 'mothers', 'children', 'youth', 'people',
  ...COMPANY_WORDS,
  ...PLACE_NOUNS,
  ...DOCUMENT_NOUNS,
  ...[...MONTHS, ...WEEKDAYS].map((w) => w.toLowerCase()),
]);

/**
 * Lower-case particles that open a name's last part: `Hisham al-Qasimi`, `Pieter van der Wal`, `Maria de Souza`, `Erik ten Brink`,
 * and East African and Filipino ones: `Daniel ole Sankale`, `Mumbi wa Kamau`, `Rosa dela Paz`.
 */
export const NAME_PARTICLES: readonly string[] = ['al', 'el', 'ad', 'as', 'ash', 'an', 'ar', 'az', 'ez', 'es', 'bin', 'ibn', 'van', 'von', 'de', 'da', 'di', 'du', 'la', 'le', 'der', 'den', 'ten', 'ter', 'del', 'dos', 'das', 'abu', 'bint', 'ole', 'wa', 'dela', 'della'];

/** Determiners that may open a run of capitalised words at the start of a sentence (`The Northern command`). */
export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'your', 'our', 'his', 'her', 'its', 'their', 'my']);

/**
 * Words capitalised only because they open a sentence (`In Marrach, …`, `If Halvik …`): never
 * part of a name.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'in', 'on', 'at', 'if', 'as', 'for', 'with', 'from', 'by', 'but', 'and', 'or', 'when', 'while', 'after',
  'before', 'since', 'during', 'among', 'despite', 'although', 'though', 'unlike', 'like', 'until', 'once',
  'asked', 'speaking', 'addressing', 'opening', 'pressed', 'meanwhile', 'earlier', 'later', 'also', 'so',
  'then', 'yet', 'still', 'both', 'neither', 'either', 'every', 'each', 'all', 'some', 'many', 'most',
  'where', 'whether', 'why', 'how', 'what', 'who', 'it', 'its', 'he', 'she', 'they', 'we', 'his', 'her',
  'their', 'our', 'according', 'under', 'over', 'about', 'against', 'between', 'through', 'into', 'to', 'of',
  'not', 'no', 'nor', 'only', 'even', 'just', 'here', 'there', 'now',
  ...RELATIVE_DAYS,
]);
