/**
 * Speech verbs: the one home of the words that say someone spoke. Every rule that reads an
 * attribution (`…," she said`, `X told reporters`, `…, adding that "…"`) builds its patterns from
 * this table, so a verb added here (one line) reaches all of them.
 */

/**
 * A speech verb: its finite forms (those that close or open an attribution: `said`, `says`) and its
 * participle where one carries on a speaker's sentence (`…, adding that …`).
 *
 * A form is a fragment of a regular expression: a space stands for any run of white space, and a
 * look-ahead may narrow a form that is a speech verb only before a quotation (`answered:`) or in a
 * phrase (`went on to say`). Only forms that are never nouns are listed: `claims`, `notes` as a
 * subject's verb are too often `the claims`, so a verb's present form is listed only where news
 * copy uses it as a verb (`she notes`, `officials say`).
 */
export interface SpeechVerb {
  finite: readonly string[];
  participles?: readonly string[];
}

/** Every speech verb, one line each. Order does not matter: the patterns are alternations of whole words. */
export const SPEECH_VERBS: Readonly<Record<string, SpeechVerb>> = {
  say: { finite: ['said', 'says', 'say'], participles: ['saying'] },
  tell: { finite: ['told', 'tells'] },
  add: { finite: ['added', 'adds'], participles: ['adding'] },
  note: { finite: ['noted', 'notes'], participles: ['noting'] },
  state: { finite: ['stated', 'states'], participles: ['stating'] },
  write: { finite: ['wrote', 'writes'], participles: ['writing'] },
  argue: { finite: ['argued', 'argues'], participles: ['arguing'] },
  assert: { finite: ['asserted', 'asserts'], participles: ['asserting'] },
  emphasise: { finite: ['emphasized', 'emphasised'], participles: ['emphasizing', 'emphasising'] },
  stress: { finite: ['stressed', 'stresses'], participles: ['stressing'] },
  warn: { finite: ['warned', 'warns'], participles: ['warning'] },
  claim: { finite: ['claimed'], participles: ['claiming'] },
  insist: { finite: ['insisted', 'insists'], participles: ['insisting'] },
  deny: { finite: ['denied', 'denies'] },
  reject: { finite: ['rejected', 'rejects'] },
  dismiss: { finite: ['dismissed'] },
  explain: { finite: ['explained', 'explains'], participles: ['explaining'] },
  indicate: { finite: ['indicated'] },
  reiterate: { finite: ['reiterated'] },
  affirm: { finite: ['affirmed'] },
  reaffirm: { finite: ['reaffirmed'] },
  announce: { finite: ['announced'] },
  declare: { finite: ['declared'], participles: ['declaring'] },
  accuse: { finite: ['accused'], participles: ['accusing'] },
  condemn: { finite: ['condemned'] },
  describe: { finite: ['described'], participles: ['describing'] },
  confirm: { finite: ['confirmed'] },
  urge: { finite: ['urged'], participles: ['urging'] },
  call: { finite: ['called'], participles: ['calling'] },
  allege: { finite: ['alleged'], participles: ['alleging'] },
  remark: { finite: ['remarked'] },
  reply: { finite: ['replied', 'replies'] },
  respond: { finite: ['responded'] },
  continue: { finite: ['continued', 'continues'] },
  conclude: { finite: ['concluded'] },
  acknowledge: { finite: ['acknowledged', 'acknowledges'] },
  admit: { finite: ['admitted', 'admits'] },
  maintain: { finite: ['maintained that'] },
  underline: { finite: ['underlined'] },
  underscore: { finite: ['underscored'] },
  highlight: { finite: ['highlighted'] },
  observe: { finite: ['observed'] },
  pointOut: { finite: ['pointed out'] },
  goOn: { finite: ['went on(?=\\s+to\\s+say|\\s*[:,])'] },
  vow: { finite: ['vowed'] },
  pledge: { finite: ['pledged'] },
  threaten: { finite: ['threatened'] },
  caution: { finite: ['cautioned'] },
  suggest: { finite: ['suggested'] },
  recall: { finite: ['recalled', 'recalls'] },
  tweet: { finite: ['tweeted'] },
  post: { finite: ['posted'] },
  report: { finite: ['reported'], participles: ['reporting'] },
  blame: { finite: ['blamed'] },
  criticise: { finite: ['criticised', 'criticized'] },
  demand: { finite: ['demanded'] },
  reveal: { finite: ['revealed'] },
  disclose: { finite: ['disclosed'] },
  refute: { finite: ['refuted'] },
  contend: { finite: ['contended'] },
  concede: { finite: ['conceded', 'concedes'] },
  predict: { finite: ['predicted'] },
  promise: { finite: ['promised'] },
  appeal: { finite: ['appealed'] },
  testify: { finite: ['testified'] },
  // `answered:` before a quotation, not `answered questions`.
  answer: { finite: ['answered(?=\\s*[:“"])'] },
  welcome: { finite: ['welcomed'] },
  hail: { finite: ['hailed'] },
  decline: { finite: ['declined'] },
  propose: { finite: ['proposed'] },
  assure: { finite: ['assured'] },
  // `considered that …`: an opinion stated, not `considered the bill`.
  consider: { finite: ['considered(?=\\s+that\\b)'] },
  slam: { finite: ['slammed'] },
  // `"…?" she asked.`, `asked:`; not `asked the council to act`, a request rather than words.
  ask: { finite: ['asked(?=\\s*[.,:]|\\s+(?:reporters|journalists)\\b)'] },
  lament: { finite: ['lamented', 'laments'] },
  complain: { finite: ['complained'] },
  recount: { finite: ['recounted', 'recounts'] },
  sob: { finite: ['sobbed'] },
  quip: { finite: ['quipped'] },
  shout: { finite: ['shouted'] },
  inform: { finite: ['informed'] },
  counter: { finite: ['countered'] },
  retort: { finite: ['retorted'] },
  boast: { finite: ['boasted'] },
  plead: { finite: ['pleaded'] },
  joke: { finite: ['joked'] },
  echo: { finite: ['echoed'] },
  clarify: { finite: ['clarified'] },
  charge: { finite: ['charged'] },
  hitBack: { finite: ['hit back', 'hits back'] },
  praise: { finite: ['praised'] },
  // An authority's designation is its statement: `the office designated the firm as "…"`.
  designate: { finite: ['designated', 'designates'] },
  rail: { finite: ['railed'] },
  lambaste: { finite: ['lambasted'] },
  blast: { finite: ['blasted'] },
  fume: { finite: ['fumed'] },
  scoff: { finite: ['scoffed'] },
  snap: { finite: ['snapped'] },
  thunder: { finite: ['thundered'] },
  mock: { finite: ['mocked'] },
  decry: { finite: ['decried'] },
  denounce: { finite: ['denounced'] },
  hint: { finite: ['hinted'] },
  implore: { finite: ['implored'] },
  reassure: { finite: ['reassured'] },
  whisper: { finite: ['whispered'] },
  cry: { finite: ['cried'] },
  scream: { finite: ['screamed'] },
};

/**
 * Finite forms whose object is the hearer (`told the council`), not a reported clause: what
 * follows them is never the subject of a later verb.
 */
export const TELLING_FORMS: readonly string[] = ['told', 'tells', 'informed', 'urged', 'warned', 'assured', 'asked'];

/** Telling verbs in the passive, whose agent after `by` is the speaker: `were told by officials`. */
export const PASSIVE_TELLING_FORMS: readonly string[] = [...TELLING_FORMS.filter((f) => f !== 'tells'), 'advised', 'ordered', 'instructed'];

/** Verbs a document speaks with as its subject: `The report found that …`. */
export const FINDING_FORMS: readonly string[] = ['found', 'finds', 'concluded', 'concludes', 'showed', 'shows', 'said', 'says'];

/** Participles that hold words at a distance, a name given rather than words said: `dubbed "…"`. */
export const NAMING_PARTICIPLES: readonly string[] = ['dubbed', 'termed', 'branded', 'labelled', 'labeled'];

/**
 * Speech verbs that stand before their subject after a quotation (`"…," said Voss.`): the ones a
 * quotation carrying on in lower case after such an attribution (`said Voss. "but …"`) hangs from.
 */
export const INVERTED_SPEECH_FORMS: readonly string[] = ['said', 'says', 'added', 'adds', 'continued', 'explained', 'noted', 'wrote'];

/** Every finite form, as listed. */
export const FINITE_SPEECH_FORMS: readonly string[] = Object.values(SPEECH_VERBS).flatMap((v) => v.finite);

/** The finite forms as a regular-expression alternation (wrap it in `\b(?:…)\b`). */
export const SPEECH_VERB_PATTERN: string = FINITE_SPEECH_FORMS.map((v) => v.replace(/ /gu, '\\s+')).join('|');

/** Participles that carry a speaker's sentence on: `…, adding that "…"`. */
export const SPEECH_PARTICIPLES: readonly string[] = Object.values(SPEECH_VERBS).flatMap((v) => v.participles ?? []);

/**
 * The plainest verbs of attribution, which end a name or a figure's phrase wherever they stand
 * (`NAME said`, `…, said NAME`): the core of the table that rules reading other things than
 * quotations (figures, appositions) use to see that an attribution begins.
 */
export const PLAIN_SPEECH_FORMS: readonly string[] = ['said', 'says', 'say', 'told', 'added'];
