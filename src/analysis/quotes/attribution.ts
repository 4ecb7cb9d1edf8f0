/**
 * The first stage of attribution: from a quotation (or a sentence of reported speech) to the
 * mention that speaks it, the subject of its speech verb (`"…," the envoy added`, `Halloran said
 * that "…"`). Each way news copy ties words to a speaker is a named sieve; the first that finds a
 * speaker decides, and the quotation keeps the sieve's name with the second stage's
 * (`after-subject-verb/pronoun`) and the words that name the speaker, as evidence.
 */
import { DOCUMENT_NOUNS } from '../lexicon/bodies.ts';
import { TIME_UNITS } from '../lexicon/figures.ts';
import { headedByOrganisation } from '../people/organisations.ts';
import { RELATIVE_DAYS, WEEKDAYS } from '../lexicon/calendar.ts';
import { IRREGULAR_PAST } from '../lexicon/grammar.ts';
import { PERSON_DESCRIPTORS, TITLE_ABBREVIATIONS } from '../lexicon/roles.ts';
import { FINDING_FORMS, INVERTED_SPEECH_FORMS, PASSIVE_TELLING_FORMS, SPEECH_PARTICIPLES, SPEECH_VERB_PATTERN, TELLING_FORMS } from '../lexicon/speech.ts';
import { findNames, headRole, rolesIn, subjectOf, trimSubject, type LocalPerson } from '../people/people.ts';
import type { Sentence } from '../types.ts';
import { maskQuotes, type QuoteSpan } from './spans.ts';
import { resolvePerson, resolveSpeaker, type ReadingState, type Resolution } from './speakers.ts';

/** What attribution reads in one article: its body, every quoted span in it, and what the reading knows so far. */
export interface ArticleText {
  body: string;
  sentences: readonly Sentence[];
  spans: readonly QuoteSpan[];
  state: ReadingState;
}

/** Offsets of words in the body. */
export interface Span {
  start: number;
  end: number;
}

/**
 * What a sieve found: the speaker (null when the mention names nobody the article identifies), the
 * second-stage sieve that settled it, and the body's words that name the speaker.
 */
export interface Attempt {
  speaker: LocalPerson | null;
  speakerRule: string;
  evidence: Span | null;
  /** The mention read, when it named nobody the article identifies: what tells a scare quote from words someone unidentified said. */
  mention?: string | null;
  /** A null speaker that settles the matter: the words are someone else's than any later sieve would find (`Halvard's claims of "…"`). */
  settled?: boolean;
}

/** An attribution as a quotation keeps it. */
export interface Attribution {
  speaker: LocalPerson | null;
  /** `mention sieve/speaker sieve`, or the mention sieve alone when there was no mention to resolve. */
  rule: string;
  evidence: Span | null;
  /** The mention a declined attribution read (see `Attempt.mention`). */
  mention?: string | null;
}

/** A first-stage sieve over a direct quotation. `apply` gives null when the pattern it recognises is not there. */
export interface QuoteSieve {
  name: string;
  recognises: string;
  apply: (context: ArticleText, quote: QuoteSpan, opening: Sentence, closing: Sentence) => Attempt | null;
}

/** A first-stage sieve over a sentence without quote marks that may report speech. */
export interface ReportedSieve {
  name: string;
  recognises: string;
  apply: (context: ArticleText, sentence: Sentence) => Attempt | null;
}

/**
 * A finite speech verb, not passive (`was told`, `being asked`: the subject heard, not spoke) and not
 * negated (`had not told`, `didn't say`: the words are not the subject's).
 */
const VERB = `(?<!\\b(?:be|being|been|is|was|were|are|am|get|got|not|never|n't)\\s+)(?:${SPEECH_VERB_PATTERN})`;
/** A speech verb whose object is the hearer: what follows it is not a new subject. */
const TELLING = new RegExp(`^(?:${TELLING_FORMS.join('|')})$`, 'u');
/** Any finite speech verb, wherever it stands; the `g` flag is for `matchAll`. */
const FINITE_SPEECH = new RegExp(`\\b${VERB}\\b`, 'gu');
/** The first finite speech verb of a text (no `g`: `exec` keeps no state between texts). */
const FIRST_SPEECH = new RegExp(FINITE_SPEECH.source, 'u');
/** Participles that continue the previous speech verb's subject: `…, alleging that "…"`. */
const PARTICIPLE = new RegExp(`\\b(?:${SPEECH_PARTICIPLES.join('|')})\\b`, 'gu');
/** A verb a participle can hang from: a speech verb or any past form (`wrote`, `sent`, `published`). */
const GOVERNING_VERB = new RegExp(`${FINITE_SPEECH.source}|\\b\\p{Ll}+ed\\b`, 'gu');
/** Adverbs that may stand between a subject and its speech verb. */
const VERB_ADVERB = '(?:(?:also|further|later|then|again)\\s+)?';
/** A stop inside a name: after an initial or a title (`U.S. Arctic Command`, `Mr. Halloran`, `Gen. Hale`). */
const NAME_STOP = `(?<=\\b(?:\\p{Lu}|${TITLE_ABBREVIATIONS.map((t) => t[0]!.toUpperCase() + t.slice(1)).join('|')}))\\.`;
/** A character of a mention after a quotation: anything up to the end of its clause, stops in names allowed. */
const NP = `(?:[^,;:.!?"“”]|${NAME_STOP})`;
/** Words that open a clause of their own: what follows a closing mark with one of them is not the quotation's attribution. */
const CLAUSE_OPENER = /^(?:while|but|and|as|although|though|whereas|when|after|before|because|since|if|so|then|with|which|who|where|even)\b/iu;

/** `…," X said.` / `…," he noted.` / `…,” Ada Halloran told reporters` */
const AFTER_SUBJECT_VERB = new RegExp(`^[\\s,]*(?<np>(?:${NP}{1,80},\\s*)??${NP}{1,90}?)\\s+${VERB_ADVERB}(?<verb>${VERB})\\b`, 'du');
/** `…," Ada Halloran, the head of the port authority, told reporters.` */
const AFTER_NAME_APPOSITION = new RegExp(`^[\\s,]*(?<np>${NP}{1,60}),\\s*(?<role>[^;:!?"“”]{1,120}?),\\s*${VERB_ADVERB}(?<verb>${VERB})\\b`, 'du');
/** `…," said Halloran.` */
const AFTER_VERB_SUBJECT = new RegExp(`^[\\s,]*(?<verb>${VERB})\\s+(?<np>${NP}{1,90})`, 'du');
/** `…," the agency said, quoting Ada Halloran`: the words are the person quoted. */
const QUOTING = new RegExp(`^[^.;"“”]*?,\\s*quoting\\s+(?<np>${NP}{1,90})`, 'du');
/** A short sentence that only attributes: `Halloran told reporters.`, `The ministry said on Monday.` */
const ATTRIBUTION_SENTENCE = new RegExp(`^(?<np>${NP}{1,60}?)\\s+${VERB_ADVERB}(?<verb>${VERB})\\b(?<rest>[^"“”]*)$`, 'du');
/** An attribution closing the sentence after a quotation: `… "…" of the plan, Halloran told reporters.` */
const LATER_ATTRIBUTION = new RegExp(`,\\s*(?<np>${NP}{1,60}?)\\s+${VERB_ADVERB}(?<verb>${VERB})\\b[^,;"“”]*$`, 'du');
/** An attribution set off by commas inside a sentence: `, Halloran said,`. */
const SET_OFF_ATTRIBUTION = new RegExp(`,\\s*(?<np>${NP}{1,60}?)\\s+${VERB_ADVERB}(?<verb>${VERB})\\b\\s*,`, 'dgu');
/** A passive speech verb with its agent: `were told by officials`, `had been warned by the coastguard`. */
const PASSIVE_BY = new RegExp(
  `\\b(?:was|were|been|being|is|are)\\s+(?:\\p{Ll}+ly\\s+)?(?:${PASSIVE_TELLING_FORMS.join('|')})\\s+by\\s+(?<np>(?:the\\s+)?(?:[\\p{L}'’-]+\\s+){0,3}?[\\p{L}'’-]+)(?=\\s+(?:that|it|they|he|she|we|to|the)\\b|\\s*[,:]|\\s*$)`,
  'dgu',
);
/** Nouns for what someone claims: `Halvard's claims of "…"` are Halvard's words, whoever reports them. */
const CLAIM = /(?<author>(?:\p{Lu}[\p{L}\p{M}.'’-]*\s+){0,4}\p{Lu}[\p{L}\p{M}.-]*)['’]s?\s+(?:\p{Ll}+\s+)?(?:claims?|descriptions?|accusations?|allegations?|assertions?|remarks?|words|warnings?|denials?|promises?|pledges?|demands?|slogan|label|characterisation|characterization)\s+(?:(?:of|that|about|as|to)\s+)?(?:[\p{Ll}\d'’-]+\s+){0,5}$/u;
/** A participle whose subject stands right before it, not across a comma: `with the broadcaster Lumen reporting`, `a post from Halloran calling`. */
const PARTICIPLE_SUBJECT = /\b(?:with|from|by)\s+(?<np>(?:\p{Ll}+\s+){0,2}\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,3})\s+$/u;
/** `…, he said, likening …` / `…, Halloran told reporters.`: reported speech closed by its attribution. */
const REPORTED_AFTER = new RegExp(`,\\s*(?<np>[^,;:]{1,90}?)\\s+(?:also\\s+)?(?<verb>${VERB})(?:\\s+\\p{Lu}\\S*)?\\s*(?:[,.]|$)`, 'du');
/** `…, according to the UN water agency.`: the source, stops inside abbreviations (`U.N.`) included. */
const ACCORDING_TO = /\b[Aa]ccording to (?<np>[^,;:]{1,80}?)\s*(?:[,;]|\.(?=\s+\p{Lu}|\s*$)|$)/du;
/** A document as the subject of a verb of finding: `The report found that …`. */
const DOCUMENT_FINDING = new RegExp(`^(?<np>(?:The|This|That|Its|Their)\\s+(?:\\p{Ll}+\\s+)?(?:${DOCUMENT_NOUNS.join('|')}))\\s+(?<verb>${FINDING_FORMS.join('|')})\\b`, 'du');
/** A document with its author: `a letter from the union to the board` → the union. */
const DOCUMENT_FROM = new RegExp(`\\b(?:a|an|the|its|their)\\s+(?:\\p{Ll}+\\s+)?(?:${DOCUMENT_NOUNS.join('|')})\\s+(?:from|by)\\s+(?<np>(?:the\\s+)?\\p{Lu}[^,;]*?)(?:\\s+(?:to|on|about|in|at|over|dated|that|which)\\b|$)`, 'du');
/** A participle hung on a document: `…, alleging …`. */
const DOCUMENT_PARTICIPLE = new RegExp(`,\\s*(?:${SPEECH_PARTICIPLES.join('|')})\\b`, 'u');

/** One capitalised word: a name that may be a person's whole name as the article gives it (`Tarek`). */
const SINGLE_WORD_NAME = /^\p{Lu}[\p{L}\p{M}'’-]+$/u;

/** Whether a text opens with an apposition describing a person: `, a resident of the town`, `, the victim's cousin`, `, an engineer at the port`. */
function personApposed(text: string): boolean {
  const noun = /^\s*,\s*(?:a|an|the|one)\s+(?:[\p{L}'’-]+\s+){0,3}?(?<noun>\p{Ll}+)(?=\s+(?:of|at|in|from|for|with|who)\b|\s*[,.;]|\s*$)/u.exec(text)?.groups?.['noun'];
  return noun !== undefined && (PERSON_DESCRIPTORS.includes(noun) || rolesIn(noun).size > 0);
}

/** A dateline set off by a dash: `HALVIK – `, `PORT ALVAR (GWS) — `. */
const DATELINE_DASH = /^\s*\p{Lu}{2,}(?:[\s.'’-]+\p{Lu}{2,})*(?:\s*\([^)]{1,30}\))?\s*[–—-]\s+/u;

/** A clause of condition, time or cause that ends with a comma right before a quotation: `if Halloran goes on criticising the firm, `. */
const SUBORDINATE_BEFORE = /\b(?:if|unless|whether|although|though|because|once|until|when|while)\s+[^,;:“”"‘’]*,\s*$/u;

/** A verb in the words before a quotation: a speech verb, an auxiliary or a past form (`told`, `was`, `described`). */
const LEAD_VERB = new RegExp(`${FINITE_SPEECH.source}|\\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might)\\b|\\b\\p{Ll}{2,}ed\\b|\\b(?:${IRREGULAR_PAST.join('|')})\\b`, 'u');

/** Evidence longer than this is cut to the mention alone: a verb far from its subject is no quick check. */
const MAX_EVIDENCE = 160;

/** The offsets of a group of a match made with the `d` flag, shifted into the body. */
function groupSpan(match: RegExpExecArray, group: string, offset: number): Span {
  const [start, end] = match.indices!.groups![group]!;
  return { start: start + offset, end: end + offset };
}

/** Evidence covering a mention and its verb, trimmed of spaces and commas at either end. */
function cover(body: string, a: Span, b: Span | null): Span {
  let start = Math.min(a.start, b?.start ?? a.start);
  let end = Math.max(a.end, b?.end ?? a.end);
  if (end - start > MAX_EVIDENCE) ({ start, end } = a);
  while (start < end && /[\s,]/u.test(body[start]!)) start++;
  while (end > start && /[\s,.]/u.test(body[end - 1]!)) end--;
  return { start, end };
}

/** Where a phrase, as `trimSubject` gives it, stands in `text` (whose offset in the body is `offset`): its last occurrence. */
function locate(text: string, phrase: string, offset: number): Span | null {
  const words = phrase.split(/\s+/u).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  if (words.length === 0) return null;
  const last = (pattern: string): Span | null => {
    let found: Span | null = null;
    for (const m of text.matchAll(new RegExp(pattern, 'gu'))) found = { start: offset + m.index, end: offset + m.index + m[0].length };
    return found;
  };
  // The phrase as read, or, where an aside was blanked out of it (`the force (UNIFIL) commander`), its head word.
  return last(words.join('\\s+')) ?? last(words[words.length - 1]!);
}

/** The attempt, only when it found a speaker: a pattern that names nobody leaves the quotation to the next sieve. */
function ifFound(found: Attempt): Attempt | null {
  return found.speaker ? found : null;
}

/**
 * The mention a pattern's `np` group holds, with the evidence running from the start of the match
 * (`according to the ministry`, `told by officials`) to the end of the mention.
 */
function leadingMention(context: ArticleText, match: RegExpExecArray, offset: number): Attempt {
  const np = groupSpan(match, 'np', offset);
  return attempt(resolveSpeaker(match.groups!['np']!, context.state), cover(context.body, { start: offset + match.index, end: np.end }, null));
}

/** An attempt from a resolution and the evidence for it. */
function attempt(resolution: Resolution, evidence: Span | null): Attempt {
  return { speaker: resolution.speaker, speakerRule: resolution.rule, evidence: resolution.speaker ? evidence : null, mention: resolution.speaker ? null : (resolution.subject ?? null) };
}

/** The words after a quotation, quotes masked, when its closing hands over to an attribution: `"…," X said`, `"…?" X asked`. */
function afterClosing({ body, sentences, spans }: ArticleText, quote: QuoteSpan, closing: Sentence): string | null {
  const inside = body.slice(Math.max(quote.start, quote.close - 3), quote.close);
  if (!/[,?!]\s*(?:''|["”’'])$/u.test(inside) && body[quote.close] !== ',') return null;
  let end = closing.end;
  // `"…,"` then a paragraph opening in lower case (`the source said.`): a paragraph broken by mistake, read on.
  const next = sentences[closing.index + 1];
  if (next && /^\s*$/u.test(body.slice(quote.close, closing.end)) && /^\p{Ll}/u.test(next.text)) end = next.end;
  return maskQuotes(body.slice(quote.close, end), spans, quote.close);
}

/**
 * `"…," Halloran said`: a subject then its verb after a closing mark, or null. A clause of its own
 * (`while …`) is not the attribution, and a mention holding a speech verb belongs to another
 * pattern (`"…," says Chief Ada Halloran, who informed …`).
 */
function subjectVerb(rest: string): RegExpExecArray | null {
  const match = AFTER_SUBJECT_VERB.exec(rest);
  if (!match || CLAUSE_OPENER.test(match.groups!['np']!.trim()) || FIRST_SPEECH.test(match.groups!['np']!)) return null;
  return match;
}

/** The mention of an attribution after a closing mark: `ROLE, NAME` is read as the name, then whole. */
function afterMention(context: ArticleText, np: string): Resolution {
  const comma = np.lastIndexOf(',');
  if (comma >= 0 && !CLAUSE_OPENER.test(np.slice(comma + 1).trim())) {
    const named = resolveSpeaker(np.slice(comma + 1), context.state);
    if (named.speaker) return named;
  }
  return resolveSpeaker(np, context.state);
}

/**
 * The sieves for a quotation in quote marks, in order. Order is meaning: an attribution right after
 * the closing mark is the quotation's own; then one whose words are a claim of someone named; then
 * a speech verb before the opening mark; then an attribution closing the sentence, or standing alone
 * as the next sentence; failing all, a quotation standing alone carries on the one before.
 */
export const QUOTE_SIEVES: readonly QuoteSieve[] = [
  {
    name: 'after-apposition',
    recognises: '`"…," Ada Halloran, the head of the port authority, told reporters`: the name, or the role when the name is a surname shared',
    apply: (context, quote, _opening, closing) => {
      const rest = afterClosing(context, quote, closing);
      const match = rest === null ? null : AFTER_NAME_APPOSITION.exec(rest);
      if (!match || CLAUSE_OPENER.test(match.groups!['np']!.trim())) return null;
      const np = groupSpan(match, 'np', quote.close);
      const evidence = cover(context.body, np, groupSpan(match, 'verb', quote.close));
      // A full name settles it; a surname alone may be shared, and the apposition's role tells which.
      if (findNames(match.groups!['np']!).length === 0) {
        const byRole = resolvePerson(match.groups!['role']!, context.state);
        if (byRole.speaker) return attempt(byRole, evidence);
      }
      return attempt(resolveSpeaker(match.groups!['np']!, context.state), evidence);
    },
  },
  {
    name: 'after-quoting',
    recognises: '`"…," the agency said, quoting Ada Halloran`: the person quoted, not the reporter',
    apply: (context, quote, _opening, closing) => {
      const rest = afterClosing(context, quote, closing);
      const verb = rest === null ? null : AFTER_SUBJECT_VERB.exec(rest) ?? AFTER_VERB_SUBJECT.exec(rest);
      if (!verb) return null;
      const tail = verb.indices![0]![1];
      const match = QUOTING.exec(rest!.slice(tail));
      if (!match) return null;
      return ifFound(attempt(resolveSpeaker(match.groups!['np']!, context.state), cover(context.body, groupSpan(match, 'np', quote.close + tail), null)));
    },
  },
  {
    name: 'after-subject-verb',
    recognises: '`"…," Halloran said`, `"…," the envoy added`, `"…," he noted`, `"…," port spokesman, Ada Halloran said`',
    apply: (context, quote, _opening, closing) => {
      const rest = afterClosing(context, quote, closing);
      if (rest === null || AFTER_NAME_APPOSITION.test(rest)) return null;
      const match = subjectVerb(rest);
      if (!match) return null;
      const evidence = cover(context.body, groupSpan(match, 'np', quote.close), groupSpan(match, 'verb', quote.close));
      return attempt(afterMention(context, match.groups!['np']!), evidence);
    },
  },
  {
    name: 'after-verb-subject',
    recognises: '`"…," said Halloran`, `"…," said the ministry`',
    apply: (context, quote, _opening, closing) => {
      const rest = afterClosing(context, quote, closing);
      if (rest === null || AFTER_NAME_APPOSITION.test(rest) || subjectVerb(rest)) return null;
      const match = AFTER_VERB_SUBJECT.exec(rest);
      if (!match) return null;
      const evidence = cover(context.body, groupSpan(match, 'verb', quote.close), groupSpan(match, 'np', quote.close));
      const found = resolveSpeaker(match.groups!['np']!, context.state);
      // `"…," said Tarek, a resident of the town`: one name an apposition calls a person is that person's whole name here, not a body's.
      const name = match.groups!['np']!.trim();
      if (found.speaker?.kind !== 'person' && SINGLE_WORD_NAME.test(name) && personApposed(rest.slice(match.indices![0]![1]))) {
        return attempt({ speaker: context.state.people.addName(name), rule: 'apposed-person', subject: name }, evidence);
      }
      return attempt(found, evidence);
    },
  },
  {
    name: 'after-name-alone',
    recognises: '`"…," White House spokeswoman Ada Halloran.`: a name and nothing else after the closing mark, the verb left out',
    apply: (context, quote, _opening, closing) => {
      const rest = afterClosing(context, quote, closing);
      const match = rest === null ? null : /^[\s,]*(?<np>[^,;:.!?"“”]{3,90}?)\s*[.!]?\s*$/du.exec(rest);
      // Only a name, perhaps after its role: nothing after it, no clause of its own before it.
      const names = match ? findNames(match.groups!['np']!) : [];
      if (!match || names.length === 0 || names[names.length - 1]!.end !== match.groups!['np']!.length || CLAUSE_OPENER.test(match.groups!['np']!.trim())) return null;
      if (/\b\p{Ll}+ed\s/u.test(match.groups!['np']!.slice(0, names[names.length - 1]!.start))) return null;
      const found = attempt(resolveSpeaker(match.groups!['np']!, context.state), cover(context.body, groupSpan(match, 'np', quote.close), null));
      return found.speaker?.kind === 'person' ? found : null;
    },
  },
  {
    name: 'after-clause',
    recognises: '`"…," Ada Halloran, deputy head of the crew, who led the search, said`: a subject with its asides, then the verb',
    apply: (context, quote, _opening, closing) => {
      const rest = afterClosing(context, quote, closing);
      const verb = rest === null ? null : FIRST_SPEECH.exec(rest);
      if (!verb || verb.index > 250 || /[.!?]\s/u.test(rest!.slice(0, verb.index))) return null;
      const before = rest!.slice(0, verb.index);
      if (CLAUSE_OPENER.test(before.replace(/^[\s,]+/u, ''))) return null;
      const found = subjectBefore(context, before);
      const mention = found.phrase === null ? null : locate(before, found.phrase, quote.close);
      const evidence = mention ? cover(context.body, mention, { start: quote.close + verb.index, end: quote.close + verb.index + verb[0].length }) : null;
      return attempt(found, evidence);
    },
  },
  {
    name: 'passive-by',
    recognises: '`residents were told by officials it was "too late to leave"`: the agent of a passive speech verb',
    apply: (context, quote, opening) => {
      const lead = maskQuotes(context.body.slice(opening.start, quote.open), context.spans, opening.start);
      let match: RegExpExecArray | null = null;
      for (const m of lead.matchAll(PASSIVE_BY)) match = m;
      if (!match) return null;
      return ifFound(leadingMention(context, match, opening.start));
    },
  },
  {
    name: 'name-colon',
    recognises: '`Coach Ada Halloran: "We started well."`: a name and a colon opening the paragraph, as reactions are listed',
    apply: (context, quote, opening) => {
      const lead = context.body.slice(opening.start, quote.open);
      const match = /^\s*(?<np>(?:[\p{L}\p{M}'’.-]+\s+){0,5}\p{Lu}[\p{L}\p{M}'’.-]*)\s*:\s*$/du.exec(lead);
      if (!match || findNames(match.groups!['np']!).length === 0) return null;
      const found = attempt(resolveSpeaker(match.groups!['np']!, context.state), cover(context.body, groupSpan(match, 'np', opening.start), null));
      return found.speaker?.kind === 'person' ? found : null;
    },
  },
  {
    name: 'claim-of',
    recognises: '`dismissed Halvard\'s claims of "…" strikes`: words a named party is said to claim, not the words of the sentence\'s subject',
    apply: (context, quote, opening) => {
      const lead = maskQuotes(context.body.slice(opening.start, quote.open), context.spans, opening.start);
      const match = CLAIM.exec(lead);
      if (!match) return null;
      const author = resolveSpeaker(match.groups!['author']!, context.state);
      const at = opening.start + match.index;
      return { ...attempt(author, { start: at, end: at + match.groups!['author']!.length }), settled: true };
    },
  },
  {
    name: 'before-verb',
    recognises: '`Halloran said that "…"`, `she dismissed the claims as "…"`, `…, alleging that "…"`: the nearest speech verb before the opening mark',
    apply: (context, quote, opening) => {
      const { body, spans } = context;
      // A quotation inside another (`"… would 'hold the line' …"`) reads the words before it in the outer one.
      const enclosing = spans.filter((s) => s.open < quote.open && s.close >= quote.close);
      // A paragraph broken in mid-sentence (the one before ends with no stop) reads on from the one before.
      const previous = context.sentences[opening.index - 1];
      const broken = previous && previous.paragraph < opening.paragraph && !/[.!?…"”’)]\s*$/u.test(previous.text);
      const from = Math.max(broken ? previous.start : opening.start, ...enclosing.map((s) => s.open + 1));
      const lead = maskQuotes(body.slice(from, quote.open), spans.filter((s) => !enclosing.includes(s)), from);
      let verb = lastMatch(FINITE_SPEECH, lead);
      const participle = lastMatch(PARTICIPLE, lead);
      if (participle !== null && (verb === null || participle.start > verb.start)) {
        // `with the broadcaster Lumen reporting that …`: a participle right after its subject, no comma between.
        const own = PARTICIPLE_SUBJECT.exec(lead.slice(0, participle.start));
        if (own) {
          const found = resolveSpeaker(own.groups!['np']!, context.state);
          const at = from + own.index + own[0].indexOf(own.groups!['np']!);
          return attempt(found, cover(body, { start: at, end: at + own.groups!['np']!.length }, { start: from + participle.start, end: from + participle.end }));
        }
        // A participle after a comma borrows the subject of the verb before it: `X wrote a letter, alleging that …`;
        // of the speech verb, when there is one (`X said the town had suffered, describing it as …`).
        verb = lastMatch(FINITE_SPEECH, lead.slice(0, participle.start)) ?? lastMatch(GOVERNING_VERB, lead.slice(0, participle.start));
        if (verb === null) {
          // `Coach Ada Halloran was philosophical, saying: "…"`: no verb to borrow from, the sentence's own subject.
          const subject = subjectOf(lead.slice(0, participle.start).trim());
          const found = subject ? resolveSpeaker(subject, context.state) : null;
          if (found?.speaker?.kind === 'person') {
            const mention = locate(lead.slice(0, participle.start), trimSubject(subject!), from);
            return attempt(found, mention ? cover(body, mention, { start: from + participle.start, end: from + participle.end }) : null);
          }
        }
      }
      if (verb === null) return null;
      // `… a warning that, if Halloran goes on criticising the firm, "…"`: a speech verb inside a clause
      // of condition or time that ends right before the opening mark is not the one the words hang from.
      const subordinate = SUBORDINATE_BEFORE.exec(lead);
      if (subordinate && verb.start > subordinate.index) return null;
      let found = subjectBefore(context, lead.slice(0, verb.start));
      let searched = lead.slice(0, verb.start);
      // `"…," said Voss. "but fortunately …"`: a quotation that carries on, in lower case, after an
      // inverted attribution has that attribution's subject, after its verb.
      const inverted =
        found.speaker === null && INVERTED_SPEECH_FORMS.includes(lead.slice(verb.start, verb.end).toLowerCase())
          ? /^\s+(?<np>\p{Lu}[^,;:.!?"“”]{0,59}?)\s*\.\s*$/u.exec(lead.slice(verb.end))
          : null;
      if (inverted && /^\p{Ll}/u.test(body.slice(quote.start, quote.end))) {
        const after = resolveSpeaker(inverted.groups!['np']!, context.state);
        if (after.speaker) {
          found = resolved(after, inverted.groups!['np']!);
          searched = lead;
        }
      }
      // A pronoun inside a quotation is the quoted speaker's own way of speaking: `"… He would say, 'Keep quiet'"`.
      if (enclosing.length > 0 && found.rule.startsWith('pronoun')) return { speaker: null, speakerRule: 'pronoun-in-quotation', evidence: null, settled: true };
      const mention = found.phrase === null ? null : locate(searched, found.phrase, from);
      const evidence = mention ? cover(body, mention, { start: from + verb.start, end: from + verb.end }) : null;
      return { ...attempt(found, evidence), settled: found.rule === 'pronoun-ambiguous' };
    },
  },
  {
    name: 'later-in-sentence',
    recognises: '`… "…" of the plan, Halloran told reporters.`, `… "smuggled goods" near the port, local media reported.`: an attribution closing the sentence',
    apply: (context, quote, opening, closing) => {
      if (context.spans.some((s) => s.open >= quote.close && s.open < closing.end)) return null;
      // `Ada Halloran, head of the port, “confirmed the closure” on Monday, the agency reported.`: the
      // words are the predicate of the person who opens the sentence; the agency at its end only reports them.
      const lead = context.body.slice(opening.start, quote.open);
      if (findNames(lead).length > 0 && !LEAD_VERB.test(lead)) return null;
      const rest = maskQuotes(context.body.slice(quote.close, closing.end), context.spans, quote.close);
      const match = LATER_ATTRIBUTION.exec(rest);
      if (!match || CLAUSE_OPENER.test(match.groups!['np']!.trim())) return null;
      // `… "a new missile" was used, Halloran said, adding …, the news agency reported.`: the person's
      // attribution set off by commas comes before the agency's, which reports the whole sentence.
      for (const earlier of rest.slice(0, match.index).matchAll(SET_OFF_ATTRIBUTION)) {
        const person = resolveSpeaker(earlier.groups!['np']!, context.state);
        if (person.speaker?.kind === 'person') return ifFound(attempt(person, cover(context.body, groupSpan(earlier, 'np', quote.close), groupSpan(earlier, 'verb', quote.close))));
      }
      return ifFound(attempt(resolveSpeaker(match.groups!['np']!, context.state), cover(context.body, groupSpan(match, 'np', quote.close), groupSpan(match, 'verb', quote.close))));
    },
  },
  {
    name: 'next-sentence',
    recognises: '`"We will rebuild." Halloran told reporters.`: a quotation closing its sentence, attributed by the short sentence after it',
    apply: (context, quote, _opening, closing) => {
      const { body, sentences, spans } = context;
      if (!/^[\s.!?…]*$/u.test(body.slice(quote.close, closing.end)) || !/[.!?…]\s*(?:''|["”’'])?$/u.test(body.slice(quote.start, Math.min(closing.end, quote.close + 1)))) return null;
      const next = sentences[closing.index + 1];
      if (!next || next.paragraph !== closing.paragraph || spans.some((s) => s.open >= next.start && s.open < next.end)) return null;
      const match = ATTRIBUTION_SENTENCE.exec(next.text);
      if (!match || CLAUSE_OPENER.test(match.groups!['np']!.trim())) return null;
      // Only a sentence that does nothing but attribute: a few words after the verb, no clause of its own.
      const rest = match.groups!['rest']!;
      if (rest.split(/\s+/u).filter(Boolean).length > 8 || /\b(?:that|to say|whether|if)\b|,/u.test(rest)) return null;
      return ifFound(attempt(resolveSpeaker(match.groups!['np']!, context.state), cover(body, groupSpan(match, 'np', next.start), groupSpan(match, 'verb', next.start))));
    },
  },
  {
    name: 'first-person-subject',
    recognises: '`Halloran sent an aide because "I thought it right"`: words in the first person inside a sentence about one person, with no speech verb, are that person\'s',
    apply: (context, quote, opening) => {
      if (!/^(?:I|We|My|Our|I’m|I'm|We’re|We're)\b/u.test(context.body.slice(quote.start, quote.end))) return null;
      const lead = maskQuotes(context.body.slice(opening.start, quote.open), context.spans, opening.start);
      if (FIRST_SPEECH.test(lead)) return null;
      // The subject before the first verb, or the run of capitals the sentence opens with (`Mr Halloran sent …`).
      const subject = subjectOf(lead.trim()) ?? /^(?:\p{Lu}[\p{L}'’.-]*\s+){0,4}\p{Lu}[\p{L}'’.-]*(?=\s+\p{Ll})/u.exec(lead.trim())?.[0];
      if (!subject) return null;
      const found = resolveSpeaker(subject, context.state);
      if (found.speaker?.kind !== 'person') return null;
      const mention = locate(lead, trimSubject(subject), opening.start);
      return attempt(found, mention);
    },
  },
  {
    name: 'continued',
    recognises: '`"It is hard," Halloran said. "But we hold."`: a quotation standing alone carries on the one just before',
    apply: () => null, // Read by `continuedFrom`, which needs the quotations found so far; listed here for its place in the order.
  },
];

/** A sentence's mention and its speech verb, read by one pattern with `np` and `verb` groups; an attempt only when the mention resolves. */
function mentionAndVerb(pattern: RegExp, context: ArticleText, sentence: Sentence): Attempt | null {
  const match = pattern.exec(maskQuotes(sentence.text, context.spans, sentence.start));
  if (!match) return null;
  const evidence = cover(context.body, groupSpan(match, 'np', sentence.start), groupSpan(match, 'verb', sentence.start));
  return ifFound(attempt(resolveSpeaker(match.groups!['np']!, context.state), evidence));
}

/**
 * The sieves for a sentence without quote marks, in order: an attribution closing it, a source
 * named with `according to`, a document's finding, the subject of its first speech verb, and a
 * document's author speaking through a participle.
 */
export const REPORTED_SIEVES: readonly ReportedSieve[] = [
  {
    name: 'reported-after',
    recognises: '`…, he said, adding …`, `…, Halloran told reporters.`',
    apply: (context, sentence) => mentionAndVerb(REPORTED_AFTER, context, sentence),
  },
  {
    name: 'according-to',
    recognises: '`…, according to the health ministry.`',
    apply: (context, sentence) => {
      const text = maskQuotes(sentence.text, context.spans, sentence.start);
      if (REPORTED_AFTER.test(text)) return null;
      const match = ACCORDING_TO.exec(text);
      if (!match) return null;
      return ifFound(leadingMention(context, match, sentence.start));
    },
  },
  {
    name: 'document-finding',
    recognises: '`The report found that …`: a document speaking for whoever issued it',
    apply: (context, sentence) => mentionAndVerb(DOCUMENT_FINDING, context, sentence),
  },
  {
    name: 'reported-verb',
    recognises: '`Halloran said on Thursday that …`: the subject of the first speech verb',
    apply: (context, sentence) => {
      const text = maskQuotes(sentence.text, context.spans, sentence.start);
      const verb = FIRST_SPEECH.exec(text);
      if (!verb) return null;
      const found = subjectBefore(context, text.slice(0, verb.index));
      const mention = found.phrase === null ? null : locate(text.slice(0, verb.index), found.phrase, sentence.start);
      const evidence = mention ? cover(context.body, mention, { start: sentence.start + verb.index, end: sentence.start + verb.index + verb[0].length }) : null;
      // The first speech verb decides, found or not: a later sieve would read past it.
      return attempt(found, evidence);
    },
  },
  {
    name: 'document-participle',
    recognises: '`… in a letter from the union to the board, alleging …`: a document\'s author speaks through a participle hung on it',
    apply: (context, sentence) => {
      const text = maskQuotes(sentence.text, context.spans, sentence.start);
      if (FIRST_SPEECH.test(text)) return null;
      const participle = DOCUMENT_PARTICIPLE.exec(text);
      const match = participle && DOCUMENT_FROM.exec(text.slice(0, participle.index));
      if (!match) return null;
      return leadingMention(context, match, sentence.start);
    },
  },
];

/** Runs the quotation sieves in order: the first attempt with a speaker decides; else the first that declined is recorded. */
export function attributeQuote(context: ArticleText, quote: QuoteSpan, opening: Sentence, closing: Sentence, continued: () => Attribution | null): Attribution {
  let declined: Attribution | null = null;
  for (const sieve of QUOTE_SIEVES) {
    if (sieve.name === 'continued') {
      const carried = continued();
      if (carried) return carried;
      continue;
    }
    const found = sieve.apply(context, quote, opening, closing);
    if (!found) continue;
    const attribution = { speaker: found.speaker, rule: `${sieve.name}/${found.speakerRule}`, evidence: found.evidence, mention: found.mention ?? null };
    if (found.speaker || found.settled) return attribution;
    declined ??= attribution;
  }
  return declined ?? { speaker: null, rule: 'no-attribution', evidence: null };
}

/** Runs the reported-speech sieves in order; null when none finds a speaker (the sentence is then no quotation). */
export function attributeReported(context: ArticleText, sentence: Sentence): Attribution | null {
  for (const sieve of REPORTED_SIEVES) {
    const found = sieve.apply(context, sentence);
    if (!found) continue;
    if (!found.speaker) return null;
    return { speaker: found.speaker, rule: `${sieve.name}/${found.speakerRule}`, evidence: found.evidence };
  }
  return null;
}

/** The person who is the subject of a sentence, if it has one: who a later pronoun means. */
export function subjectPerson({ spans, state }: ArticleText, sentence: Sentence): LocalPerson | null {
  const masked = maskQuotes(sentence.text, spans, sentence.start);
  // `Norman Atkins, who lives in Mill Close, represented …`: the subject without its relative clause.
  const subject = subjectOf(masked.trim())?.split(/,\s*(?:who|which|whose|whom)\b/u)[0];
  if (!subject || subject.split(/\s+/u).length > 16) return null;
  // `Another resident of the island, Ada Halloran, went …`: a descriptor then the name; the name says who.
  const parts = subject.split(',').map((p) => p.trim()).filter(Boolean);
  const last = parts[parts.length - 1];
  if (parts.length > 1) {
    // (Not `Aziz Kamal, deputy chief of staff to Prime Minister Ada Halloran, said`: a name first is who; the one in its apposition is whose staff.)
    if (findNames(parts[0]!).length > 0) return resolveSpeaker(parts[0]!, state).speaker;
    if (findNames(last!).length > 0) return resolveSpeaker(last!, state).speaker;
  }
  return resolveSpeaker(subject, state).speaker;
}

/** The offsets of the last match of a global pattern, or null. */
function lastMatch(pattern: RegExp, text: string): Span | null {
  let last: Span | null = null;
  for (const match of text.matchAll(pattern)) last = { start: match.index, end: match.index + match[0].length };
  return last;
}

/** A clause that opens with its own subject and a past verb: `Okafor stood up and …`. */
const OWN_SUBJECT = new RegExp(`^(?<subject>(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*\\s+){1,4}|(?:he|she|they|it)\\s+)(?=(?:\\p{Ll}+ed|${IRREGULAR_PAST.join('|')})\\b)`, 'u');

/** Asides that stand between a subject and its verb: `(RWA)`, `– whose name is spelt … –`. */
function withoutAsides(text: string): string {
  // (An acronym in brackets is the name's own: `Medics Across Frontiers (MAF)`.)
  return text.replace(/\((?!\p{Lu}{2,}[\p{Lu}\d-]*\))[^()]*\)/gu, (m) => ' '.repeat(m.length)).replace(/\s[–—]\s[^–—]*?\s[–—]\s/gu, (m) => ' '.repeat(m.length));
}

/** Phrases that open a sentence before its subject: `In a statement carried by …,`, `Asked whether …,`. */
const OPENER = /^(?:In|On|At|After|Before|During|Asked|Speaking|Addressing|According|Following|Despite|Earlier|Later|Meanwhile|Responding|When|While|As|Pressed|Opening|Separately|Elsewhere)\b/u;

/** Clauses that describe rather than name: `who flew in on Wednesday`, `responding to a request`, an age and a home (`Ada Halloran, 31, from Lagos, said`). */
const ASIDE_CLAUSE = /^(?:who|whom|whose|which|where|that|from|aged|based|of|also\s+of|also\s+from)\b|^\p{Ll}+ing\b|^\d{1,3}$/u;

/** Where or when, between a subject and its verb: `in a statement`, `in an interview with the paper`, `on Monday`, `late on Friday`. */
const TRAILING_CIRCUMSTANCE = new RegExp(
  `\\s+(?:(?:in|via|through)\\s+(?:a|an|the|its|his|her|their)\\s+(?:\\p{Ll}+\\s+){0,2}(?:${[...DOCUMENT_NOUNS, 'interview', 'post', 'video', 'speech', 'briefing', 'address', 'conference', 'tweet'].join('|')})(?:\\s+(?:with|to|on)\\s+[^,]{1,40})?|(?:late\\s+|early\\s+)?on\\s+(?:${WEEKDAYS.join('|')})|(?:on\\s+)?(?:${RELATIVE_DAYS.join('|')})|(?:(?:earlier|later)\\s+)?(?:this|last)\\s+(?:${TIME_UNITS.filter((unit) => !unit.endsWith('s')).join('|')}))$`,
  'iu',
);

/** A subject found before a verb: who it resolved to, by which sieve, and the phrase that named them. */
interface Subject extends Resolution {
  phrase: string | null;
}

/** A resolution of a phrase, with the phrase. */
function resolved(resolution: Resolution, phrase: string): Subject {
  return { ...resolution, phrase };
}

/**
 * Who is the subject of the verb that follows `text`: the noun phrase back to the start of its
 * clause, passing over adverbs (`Halloran, however, dismissed`), relative clauses and participles
 * set off by commas (`Ada Halloran, who flew in on Wednesday, said`) and appositions (`Ada Halloran,
 * a spokeswoman for the port authority, said`), where an apposition that fits one person settles
 * a shared surname. A verb joined by `and` to an earlier one has that verb's subject (`told the
 * council … and accused …`).
 */
function subjectBefore(context: ArticleText, text: string, depth = 0): Subject {
  const nobody: Subject = { speaker: null, rule: 'no-subject', phrase: null };
  // (Not a dateline: `HALVIK – A senior official said` is the official's.)
  const clean = withoutAsides(text).replace(DATELINE_DASH, (m) => ' '.repeat(m.length));
  const chunks = clean.split(/[,;:]/u);
  let apposition: string | null = null;
  const orApposition = (): Subject => (apposition ? resolved(resolveSpeaker(apposition, context.state), apposition) : nobody);
  for (let i = chunks.length - 1; i >= 0; i--) {
    let chunk = trimSubject(chunks[i]!);
    // `…, which she said …`: right before the verb, a relative pronoun's clause holds the verb's own subject.
    const relative = i === chunks.length - 1 ? /^(?:which|who|that|whom)\s+(?<rest>\S.*)$/u.exec(chunk) : null;
    if (relative && !/^\p{Ll}+(?:ed|s)\b/u.test(relative.groups!['rest']!)) chunk = relative.groups!['rest']!;
    if (chunk.length === 0 || ASIDE_CLAUSE.test(chunk)) continue;
    // `… echo those made by General Ada Halloran who said`: the relative pronoun's antecedent, the name right before it.
    const antecedent = i === chunks.length - 1 ? /(?<np>(?:\p{Lu}[\p{L}\p{M}'’.-]*\s+){1,4}\p{Lu}[\p{L}\p{M}'’.-]*)\s+who$/u.exec(chunk) : null;
    if (antecedent) {
      const person = resolveSpeaker(antecedent.groups!['np']!, context.state);
      if (person.speaker?.kind === 'person') return resolved(person, antecedent.groups!['np']!);
    }
    // `Homeowners in Mill Close, Halvik, said`: a single place name after a comma is where, not who.
    if (i > 0 && /^\p{Lu}[\p{L}'’-]+$/u.test(chunk) && /\p{Lu}[\p{L}'’-]*\s*$/u.test(chunks[i - 1]!) && !OPENER.test(trimSubject(chunks[i - 1]!)) && !context.state.people.isSurname(chunk)) continue;
    // `Ada Halloran, head of the port's authority, HPA, said`: a body's name after a person's job restates whose job it is; the person spoke.
    if (i > 1 && /^(?:\p{Lu}[\p{L}\p{M}'’.-]*\s*){1,4}$/u.test(chunk) && /^\p{Ll}/u.test(trimSubject(chunks[i - 1]!)) && rolesIn(chunks[i - 1]!).size > 0 && findNames(chunks[i - 2]!).length > 0 && !context.state.people.isSurname(chunk)) continue;
    if (/\b(?:and|but)$/iu.test(chunk)) {
      // `…, Halloran stood up and shouted`: a clause that opens with its own subject, before any speech verb.
      const own = OWN_SUBJECT.exec(chunk);
      if (own && !FIRST_SPEECH.test(chunk) && !OPENER.test(chunk)) {
        const found = resolveSpeaker(own.groups!['subject']!, context.state);
        if (found.speaker) return resolved(found, own.groups!['subject']!.trim());
      }
      // `… dismissed the claims as "…" and said …`: the subject of the verb before `and`.
      const upto = chunks.slice(0, i + 1).join(',');
      const verb = lastMatch(GOVERNING_VERB, upto.replace(/\s*\b(?:and|but)\s*$/iu, ''));
      return verb !== null && depth < 3 ? subjectBefore(context, upto.slice(0, verb.start), depth + 1) : nobody;
    }
    // Relative and subordinate clauses end the subject: `the letter that X wrote` is not about X.
    const parts = chunk.split(/\b(?:that|which|who|because|after|before|when|while|since|as|and then)\s/u);
    const head = parts[0]!.trim();
    // (`NAME, financial analyst at Spreadex, said`: a job's noun after a name and its comma is its apposition.)
    const described = /^(?:a|an|the|his|her|its|their)\s/iu.test(head) || (/^\p{Ll}/u.test(head) && (rolesIn(head).size > 0 || (headRole(head) !== null && findNames(chunks[i - 1] ?? '').length > 0)));
    if (i > 0 && described && findNames(head).length === 0) {
      // `X, a rebel group that …, said`, `Ada Halloran, a spokeswoman for …, said`: an apposition.
      const person = resolvePerson(head, context.state);
      if (person.speaker) return resolved(person, head);
      apposition ??= head;
      const before = trimSubject(chunks[i - 1]!);
      // (Not a dateline in capitals: `HALVIK: The port authority said`.)
      if (/^\p{Lu}/u.test(before) && !OPENER.test(before) && !/^[\p{Lu}\s.'’-]+$/u.test(before)) {
        const named = resolveSpeaker(before, context.state);
        // `Norland, the envoy said, "will not …"`: with no comma after it, the descriptor is the verb's own
        // subject, an attribution set into the quoted sentence; only a person before it (`Ada Halloran, a
        // spokeswoman for the port said`, a comma left out) makes it an apposition.
        const direct = i === chunks.length - 1;
        if (direct && named.speaker?.kind !== 'person') return orApposition();
        if (named.speaker) return resolved(named, before);
        // `Open Hearth, an aid organisation, said`: the apposition says the name before it is a body's.
        if (headedByOrganisation(head)) {
          const body = context.state.people.bodyNamed(before);
          if (body) return resolved({ speaker: body, rule: 'apposed-body' }, before);
        }
      }
      continue;
    }
    // `the firm that won a contract told`: a relative clause opening with its verb is about the head;
    // `the letter that X wrote` is about X.
    const last = parts[parts.length - 1]!.trim();
    let phrase = parts.length > 1 && /^(?:has|have|had|is|was|were|are|won|\p{Ll}+ed)\b/u.test(last) ? head : last;
    phrase = phrase.replace(/^(?:and|but|then|so|while|whereas)\s+/iu, '');
    // `Halloran in a statement said`, `the ministry on Monday said`: where and when are not the subject.
    phrase = phrase.replace(TRAILING_CIRCUMSTANCE, '').trim() || phrase;
    // `Halloran said Mensah had described …`: a reported clause's own subject comes after its speech verb.
    const inner = lastMatch(FINITE_SPEECH, phrase);
    if (inner && phrase.slice(inner.end).trim() && !TELLING.test(phrase.slice(inner.start, inner.end))) phrase = trimSubject(phrase.slice(inner.end).replace(/^\s*that\s+/u, ''));
    if (OPENER.test(phrase)) {
      // `On Friday the mayor Ada Halloran said`: the name that ends an opening phrase with no comma is the subject.
      const names = i === chunks.length - 1 ? findNames(phrase) : [];
      const lastName = names[names.length - 1];
      if (!lastName || phrase.slice(lastName.end).trim() !== '') continue;
      phrase = phrase.slice(lastName.start);
    }
    // `and he`, `during the talks she`: a pronoun right before the verb is its subject, whatever precedes it.
    phrase = phrase.replace(/^(?:and|but|then|so|while|whereas)\s+/iu, '');
    const pronoun = /(?:^|\s)(he|she)$/iu.exec(phrase);
    if (pronoun) phrase = pronoun[1]!;
    let found = resolveSpeaker(phrase, context.state);
    if (found.rule === 'pronoun') {
      // `Halloran told the council: "…" and he said …`: a pronoun means the person the sentence made its subject
      // before it, if any, rather than the one before; with another person beside them, nobody.
      const before = clean.slice(0, clean.lastIndexOf(phrase));
      // (`While Haddad spoke of his predecessor, Rahim, he said`: the clause of time or contrast before
      // the pronoun is where its person is, not the name after its comma.)
      const subordinate = /^\s*(?:While|Although|Though|Whereas|As|When|After|Because|Since|Once)\s+/u.exec(before);
      const mainSubject = subordinate ? subjectOf(before.slice(subordinate[0].length).trim()) : subjectOf(before.trim());
      const main = mainSubject && mainSubject !== phrase && !/^(?:he|she|it|they)$/iu.test(mainSubject) ? resolveSpeaker(mainSubject, context.state).speaker : null;
      if (main?.kind === 'person') found = { ...found, speaker: main, rule: 'pronoun-sentence-subject' };
      if (found.speaker && otherPersonBefore(context, before, found.speaker)) return { speaker: null, rule: 'pronoun-ambiguous', phrase };
    }
    if (found.speaker) return resolved(found, phrase);
    return apposition ? orApposition() : resolved(found, phrase);
  }
  return orApposition();
}

/** A noun for one person (`the girl`, `his wife`): someone a pronoun may mean besides the person the text is about. */
const PERSON_NOUN = new RegExp(`\\b(?:the|a|an|his|her|their|this|that)\\s+(?:\\p{Ll}+\\s+)?(?:${PERSON_DESCRIPTORS.join('|')})\\b`, 'u');

/** Whether the words of a sentence before a pronoun name or describe a person other than `topic`. */
function otherPersonBefore(context: ArticleText, text: string, topic: LocalPerson): boolean {
  if (PERSON_NOUN.test(text)) return true;
  return context.state.people.namesIn(text).some((n) => {
    // `the Harbour Party leader`: a name used to describe someone else is not a person beside them.
    if (rolesIn(text.slice(n.end).split(/[,;:]/u)[0]!.split(/\s+/u).slice(0, 2).join(' ')).size > 0) return false;
    const person = context.state.people.resolveNamed(n.name);
    return person !== null && person !== topic;
  });
}
