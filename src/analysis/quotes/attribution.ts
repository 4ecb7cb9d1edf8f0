/**
 * The first stage of attribution: from a quotation (or a sentence of reported speech) to the
 * mention that speaks it, the subject of its speech verb (`"…," the envoy added`, `Okafor said
 * that "…"`). Each way news copy ties words to a speaker is a named sieve; the first that finds a
 * speaker decides, and the quotation keeps the sieve's name with the second stage's
 * (`after-subject-verb/pronoun`) and the words that name the speaker, as evidence.
 */
import { SPEECH_PARTICIPLES, SPEECH_VERB_PATTERN } from '../lexicon/speech.ts';
import { DOCUMENT_NOUNS } from '../lexicon/bodies.ts';
import { findNames, rolesIn, subjectOf, trimSubject, type LocalPerson } from '../people/people.ts';
import type { Sentence } from '../types.ts';
import { maskQuotes, type QuoteSpan } from './spans.ts';
import { resolvePerson, resolveSpeaker, type ReadingState, type Resolution } from './speakers.ts';

/** What attribution reads in one article: its body, every quoted span in it, and what the reading knows so far. */
export interface ArticleText {
  body: string;
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
}

/** An attribution as a quotation keeps it. */
export interface Attribution {
  speaker: LocalPerson | null;
  /** `mention sieve/speaker sieve`, or the mention sieve alone when there was no mention to resolve. */
  rule: string;
  evidence: Span | null;
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

const VERB = `(?:${SPEECH_VERB_PATTERN})`;
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

/** `…," X said.` / `…," he noted.` / `…,” Ada Okafor told reporters` */
const AFTER_SUBJECT_VERB = new RegExp(`^[\\s,]*(?<np>[^,;:.!?"“”]{1,90}?)\\s+${VERB_ADVERB}(?<verb>${VERB})\\b`, 'du');
/** `…," Ada Okafor, the head of the port authority, told reporters.` */
const AFTER_NAME_APPOSITION = new RegExp(`^[\\s,]*(?<np>[^,;:.!?"“”]{1,60}),\\s*(?<role>[^;:!?"“”]{1,120}?),\\s*${VERB_ADVERB}(?<verb>${VERB})\\b`, 'du');
/** `…," said Okafor.` */
const AFTER_VERB_SUBJECT = new RegExp(`^[\\s,]*(?<verb>${VERB})\\s+(?<np>(?:[^,;:.!?"“”]|(?<=\\b\\p{Lu}\\p{Ll}{0,3})\\.){1,90})`, 'du');
/** `…, he said, likening …` / `…, Okafor told reporters.`: reported speech closed by its attribution. */
const REPORTED_AFTER = new RegExp(`,\\s*(?<np>[^,;:]{1,90}?)\\s+(?:also\\s+)?(?<verb>${VERB})(?:\\s+\\p{Lu}\\S*)?\\s*(?:[,.]|$)`, 'du');
/** `…, according to the UN refugee agency.`: the source, stops inside abbreviations (`U.N.`) included. */
const ACCORDING_TO = /\b[Aa]ccording to (?<np>[^,;:]{1,80}?)\s*(?:[,;]|\.(?=\s+\p{Lu}|\s*$)|$)/du;
/** A document as the subject of a verb of finding: `The report found that …`. */
const DOCUMENT_FINDING = new RegExp(`^(?<np>(?:The|This|That|Its|Their)\\s+(?:\\p{Ll}+\\s+)?(?:${DOCUMENT_NOUNS.join('|')}))\\s+(?<verb>found|finds|concluded|concludes|showed|shows|said|says)\\b`, 'du');
/** A document with its author: `a letter from the union to the board` → the union. */
const DOCUMENT_FROM = new RegExp(`\\b(?:a|an|the|its|their)\\s+(?:\\p{Ll}+\\s+)?(?:${DOCUMENT_NOUNS.join('|')})\\s+(?:from|by)\\s+(?<np>(?:the\\s+)?\\p{Lu}[^,;]*?)(?:\\s+(?:to|on|about|in|at|over|dated|that|which)\\b|$)`, 'du');
/** A participle hung on a document: `…, alleging …`. */
const DOCUMENT_PARTICIPLE = /,\s*(?:alleging|claiming|saying|accusing|insisting|warning|arguing|stating|demanding)\b/u;

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
  let found: Span | null = null;
  for (const m of text.matchAll(new RegExp(words.join('\\s+'), 'gu'))) found = { start: offset + m.index, end: offset + m.index + m[0].length };
  return found;
}

/** An attempt from a resolution and the evidence for it. */
function attempt(resolution: Resolution, evidence: Span | null): Attempt {
  return { speaker: resolution.speaker, speakerRule: resolution.rule, evidence: resolution.speaker ? evidence : null };
}

/** The words after a quotation, quotes masked, when its closing hands over to an attribution: `"…," X said`, `"…?" X asked`. */
function afterClosing({ body, spans }: ArticleText, quote: QuoteSpan, closing: Sentence): string | null {
  const inside = body.slice(Math.max(quote.start, quote.close - 3), quote.close);
  if (!/[,?!]\s*["”’]$/u.test(inside) && body[quote.close] !== ',') return null;
  return maskQuotes(body.slice(quote.close, closing.end), spans, quote.close);
}

/**
 * The sieves for a quotation in quote marks, in order. Order is meaning: an attribution right after
 * the closing mark is the quotation's own; one before the opening mark may govern it; failing both,
 * a quotation standing alone carries on the one before.
 */
export const QUOTE_SIEVES: readonly QuoteSieve[] = [
  {
    name: 'after-apposition',
    recognises: '`"…," Ada Okafor, the head of the port authority, told reporters`: the role settles a shared surname',
    apply: (context, quote, _opening, closing) => {
      const rest = afterClosing(context, quote, closing);
      const match = rest === null ? null : AFTER_NAME_APPOSITION.exec(rest);
      if (!match) return null;
      const np = groupSpan(match, 'np', quote.close);
      const evidence = cover(context.body, np, groupSpan(match, 'verb', quote.close));
      const byRole = resolvePerson(match.groups!['role']!, context.state);
      if (byRole.speaker) return attempt(byRole, evidence);
      return attempt(resolveSpeaker(match.groups!['np']!, context.state), evidence);
    },
  },
  {
    name: 'after-subject-verb',
    recognises: '`"…," Okafor said`, `"…," the envoy added`, `"…," he noted`',
    apply: (context, quote, _opening, closing) => {
      const rest = afterClosing(context, quote, closing);
      if (rest === null || AFTER_NAME_APPOSITION.test(rest)) return null;
      const match = AFTER_SUBJECT_VERB.exec(rest);
      if (!match) return null;
      const evidence = cover(context.body, groupSpan(match, 'np', quote.close), groupSpan(match, 'verb', quote.close));
      return attempt(resolveSpeaker(match.groups!['np']!, context.state), evidence);
    },
  },
  {
    name: 'after-verb-subject',
    recognises: '`"…," said Okafor`, `"…," said the ministry`',
    apply: (context, quote, _opening, closing) => {
      const rest = afterClosing(context, quote, closing);
      if (rest === null || AFTER_NAME_APPOSITION.test(rest) || AFTER_SUBJECT_VERB.test(rest)) return null;
      const match = AFTER_VERB_SUBJECT.exec(rest);
      if (!match) return null;
      const evidence = cover(context.body, groupSpan(match, 'verb', quote.close), groupSpan(match, 'np', quote.close));
      return attempt(resolveSpeaker(match.groups!['np']!, context.state), evidence);
    },
  },
  {
    name: 'before-verb',
    recognises: '`Okafor said that "…"`, `she dismissed the claims as "…"`, `…, alleging that "…"`: the nearest speech verb before the opening mark',
    apply: (context, quote, opening) => {
      const { body, spans } = context;
      // A quotation inside another (`"… would 'hold the line' …"`) reads the words before it in the outer one.
      const enclosing = spans.filter((s) => s.open < quote.open && s.close >= quote.close);
      const from = Math.max(opening.start, ...enclosing.map((s) => s.open + 1));
      const lead = maskQuotes(body.slice(from, quote.open), spans.filter((s) => !enclosing.includes(s)), from);
      let verb = lastMatch(FINITE_SPEECH, lead);
      const participle = lastMatch(PARTICIPLE, lead);
      if (participle !== null && (verb === null || participle.start > verb.start)) {
        // A participle borrows the subject of the verb before it: `X wrote a letter, alleging that …`.
        verb = lastMatch(GOVERNING_VERB, lead.slice(0, participle.start));
      }
      if (verb === null) return null;
      const found = subjectBefore(context, lead.slice(0, verb.start));
      const mention = found.phrase === null ? null : locate(lead.slice(0, verb.start), found.phrase, from);
      const evidence = mention ? cover(body, mention, { start: from + verb.start, end: from + verb.end }) : null;
      return attempt(found, evidence);
    },
  },
  {
    name: 'continued',
    recognises: '`"It is hard," Okafor said. "But we hold."`: a quotation standing alone carries on the one just before',
    apply: () => null, // Read by `continuedFrom`, which needs the quotations found so far; listed here for its place in the order.
  },
];

/**
 * The sieves for a sentence without quote marks, in order: an attribution closing it, a source
 * named with `according to`, a document's finding, the subject of its first speech verb, and a
 * document's author speaking through a participle.
 */
export const REPORTED_SIEVES: readonly ReportedSieve[] = [
  {
    name: 'reported-after',
    recognises: '`…, he said, adding …`, `…, Okafor told reporters.`',
    apply: (context, sentence) => {
      const text = maskQuotes(sentence.text, context.spans, sentence.start);
      const match = REPORTED_AFTER.exec(text);
      if (!match) return null;
      const evidence = cover(context.body, groupSpan(match, 'np', sentence.start), groupSpan(match, 'verb', sentence.start));
      const found = attempt(resolveSpeaker(match.groups!['np']!, context.state), evidence);
      return found.speaker ? found : null;
    },
  },
  {
    name: 'according-to',
    recognises: '`…, according to the health ministry.`',
    apply: (context, sentence) => {
      const text = maskQuotes(sentence.text, context.spans, sentence.start);
      if (REPORTED_AFTER.test(text)) return null;
      const match = ACCORDING_TO.exec(text);
      if (!match) return null;
      const np = groupSpan(match, 'np', sentence.start);
      const found = attempt(resolveSpeaker(match.groups!['np']!, context.state), cover(context.body, { start: sentence.start + match.index, end: np.end }, null));
      return found.speaker ? found : null;
    },
  },
  {
    name: 'document-finding',
    recognises: '`The report found that …`: a document speaking for whoever issued it',
    apply: (context, sentence) => {
      const text = maskQuotes(sentence.text, context.spans, sentence.start);
      const match = DOCUMENT_FINDING.exec(text);
      if (!match) return null;
      const evidence = cover(context.body, groupSpan(match, 'np', sentence.start), groupSpan(match, 'verb', sentence.start));
      const found = attempt(resolveSpeaker(match.groups!['np']!, context.state), evidence);
      return found.speaker ? found : null;
    },
  },
  {
    name: 'reported-verb',
    recognises: '`Okafor said on Thursday that …`: the subject of the first speech verb',
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
      const np = groupSpan(match, 'np', sentence.start);
      return attempt(resolveSpeaker(match.groups!['np']!, context.state), cover(context.body, { start: sentence.start + match.index, end: np.end }, null));
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
    const attribution = { speaker: found.speaker, rule: `${sieve.name}/${found.speakerRule}`, evidence: found.evidence };
    if (found.speaker) return attribution;
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
  const subject = subjectOf(masked.trim());
  return subject && subject.split(/\s+/u).length <= 16 ? resolveSpeaker(subject, state).speaker : null;
}

/** The offsets of the last match of a global pattern, or null. */
function lastMatch(pattern: RegExp, text: string): Span | null {
  let last: Span | null = null;
  for (const match of text.matchAll(pattern)) last = { start: match.index, end: match.index + match[0].length };
  return last;
}

/** Asides that stand between a subject and its verb: `(UNHCR)`, `– whose name is spelt … –`. */
function withoutAsides(text: string): string {
  return text.replace(/\([^()]*\)/gu, (m) => ' '.repeat(m.length)).replace(/\s[–—]\s[^–—]*?\s[–—]\s/gu, (m) => ' '.repeat(m.length));
}

/** Phrases that open a sentence before its subject: `In a statement carried by …,`, `Asked whether …,`. */
const OPENER = /^(?:In|On|At|After|Before|During|Asked|Speaking|Addressing|According|Following|Despite|Earlier|Later|Meanwhile|Responding|When|While|As|Pressed|Opening|Separately|Elsewhere)\b/u;

/** Clauses that describe rather than name: `who flew in on Wednesday`, `responding to a request`, an age and a home (`Ada Okafor, 31, from Lagos, said`). */
const ASIDE_CLAUSE = /^(?:who|whom|whose|which|where|that|from|aged|based)\b|^\p{Ll}+ing\b|^\d{1,3}$/u;

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
 * clause, passing over adverbs (`Okafor, however, dismissed`), relative clauses and participles
 * set off by commas (`Ada Okafor, who flew in on Wednesday, said`) and appositions (`Ada Okafor,
 * a spokeswoman for the port authority, said`), where an apposition that fits one person settles
 * a shared surname. A verb joined by `and` to an earlier one has that verb's subject (`told the
 * council … and accused …`).
 */
function subjectBefore(context: ArticleText, text: string, depth = 0): Subject {
  const nobody: Subject = { speaker: null, rule: 'no-subject', phrase: null };
  const clean = withoutAsides(text);
  const chunks = clean.split(/[,;:]/u);
  let apposition: string | null = null;
  const orApposition = (): Subject => (apposition ? resolved(resolveSpeaker(apposition, context.state), apposition) : nobody);
  for (let i = chunks.length - 1; i >= 0; i--) {
    const chunk = trimSubject(chunks[i]!);
    if (chunk.length === 0 || ASIDE_CLAUSE.test(chunk)) continue;
    if (/\b(?:and|but)$/iu.test(chunk)) {
      // `… dismissed the claims as "…" and said …`: the subject of the verb before `and`.
      const upto = chunks.slice(0, i + 1).join(',');
      const verb = lastMatch(GOVERNING_VERB, upto.replace(/\s*\b(?:and|but)\s*$/iu, ''));
      return verb !== null && depth < 3 ? subjectBefore(context, upto.slice(0, verb.start), depth + 1) : nobody;
    }
    // Relative and subordinate clauses end the subject: `the letter that X wrote` is not about X.
    const parts = chunk.split(/\b(?:that|which|who|because|after|before|when|while|since|as|and then)\s/u);
    const head = parts[0]!.trim();
    const described = /^(?:a|an|the|his|her|its|their)\s/iu.test(head) || (/^\p{Ll}/u.test(head) && rolesIn(head).size > 0);
    if (i > 0 && described && findNames(head).length === 0) {
      // `X, a rebel group that …, said`, `Ada Okafor, a spokeswoman for …, said`: an apposition.
      const person = resolvePerson(head, context.state);
      if (person.speaker) return resolved(person, head);
      apposition ??= head;
      const before = trimSubject(chunks[i - 1]!);
      if (/^\p{Lu}/u.test(before) && !OPENER.test(before)) {
        const named = resolveSpeaker(before, context.state);
        if (named.speaker) return resolved(named, before);
      }
      continue;
    }
    // `the firm that won a contract told`: a relative clause opening with its verb is about the head;
    // `the letter that X wrote` is about X.
    const last = parts[parts.length - 1]!.trim();
    const phrase = parts.length > 1 && /^(?:has|have|had|is|was|were|are|won|\p{Ll}+ed)\b/u.test(last) ? head : last;
    if (OPENER.test(phrase)) continue;
    const found = resolveSpeaker(phrase, context.state);
    if (found.speaker) return resolved(found, phrase);
    return apposition ? orApposition() : resolved(found, phrase);
  }
  return orApposition();
}
