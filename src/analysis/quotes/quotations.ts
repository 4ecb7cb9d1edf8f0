/**
 * Quotations in an article body and who said them. Pure functions: body and sentences in,
 * quotations with article-local speakers out (`src/index/speakers.ts` joins speakers across articles).
 */
import {
  ArticlePeople,
  BODY_KIND_BEFORE,
  collectPeople,
  findNames,
  PERSONAL_PRONOUN,
  SPEECH_VERB_PATTERN,
  headRole,
  rolesIn,
  subjectOf,
  trimSubject,
  type LocalPerson,
} from '../people/people.ts';
import { BARE_DOCUMENT, DOCUMENT_NOUNS, headedByOrganisation } from '../people/organisations.ts';
import type { QuotationKind, Sentence } from '../types.ts';

/** Resolves a subject phrase (`he`, `the Iranian envoy`, `Iravani`) to a person of the article, or null. */
type Resolve = (phrase: string) => LocalPerson | null;

/** What attribution reads in one article: its body, every quoted span in it, and how to resolve a subject. */
interface ArticleText {
  body: string;
  spans: readonly QuoteSpan[];
  resolve: Resolve;
  /** Resolves people only: what settles an apposition (`Hosseini, the Red Crescent chief,`). */
  resolvePerson: Resolve;
}

/** A body named only by what it is: `the company`, `the operator`. */
const GENERIC_BODY = /^the\s+(company|firm|operator|manufacturer|carrier|utility|employer|plant|group)$/iu;

/** Unnamed staff of a named body: `investigators with the fire district`. */
const STAFF_OF = /^(?:investigators|officials|doctors|officers|staff|experts|engineers|rescuers)\s+(?:with|at|from|of|for)\s+(?<body>.+)$/iu;

/** Descriptors of someone unnamed: `one diplomat`, `a senior official`, `another witness`. */
const INDEFINITE = /^(?:a|an|one|another|some|several|two|three)\s/iu;

/** A quoted span of a body, before attribution. `start`/`end` cover the words inside the marks. */
export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just past the closing mark, or the paragraph end when a quotation runs on. */
  close: number;
  start: number;
  end: number;
  /** Whether it sits inside another quotation: `“… it would ‘bring the war to the cities’ …”`. */
  inner?: boolean;
}

/** A quotation of one article with the local person who said it. */
export interface LocalQuotation extends QuoteSpan {
  text: string;
  kind: QuotationKind;
  speaker: LocalPerson | null;
  /** Index of the sentence holding the opening mark. */
  sentence: number;
}

const LETTER = /[\p{L}\p{N}]/u;

/**
 * Finds quoted spans: curly double (“…”), straight double ("…", paired by position: an opening mark
 * follows a space or starts a paragraph) and curly single (‘…’) quotes. A `’` followed by a letter is
 * an apostrophe (`Iran’s`), not a closing mark. A quotation left open at the end of a paragraph
 * continues when the next paragraph opens with a quote mark, as news style has it; otherwise it
 * ends with its paragraph.
 */
export function findQuoteSpans(body: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let openAt: number | null = null;
  let closer = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    const before = i > 0 ? body[i - 1]! : '\n';
    const after = i + 1 < body.length ? body[i + 1]! : '\n';
    if (openAt === null) {
      const opensAfter = /[\s([{—–-]/u.test(before);
      if (ch === '“' || (ch === '"' && opensAfter) || (ch === '‘' && !LETTER.test(before))) {
        openAt = i;
        closer = ch === '“' ? '”' : ch === '"' ? '"' : '’';
      }
      continue;
    }
    if (ch === '\n') {
      // A paragraph ends with the quotation still open.
      const next = /^\n+[ \t\u00a0]*/u.exec(body.slice(i));
      const nextChar = next ? body[i + next[0].length] : undefined;
      if (nextChar !== undefined && (nextChar === '“' || nextChar === '"' || nextChar === '‘')) {
        i += next![0].length; // runs on into the next paragraph
        continue;
      }
      spans.push(span(body, openAt, i, false));
      openAt = null;
      continue;
    }
    const closes = ch === closer && (closer !== '’' || !LETTER.test(after));
    const strayCurlyClose = closer === '"' && ch === '”';
    if (closes || strayCurlyClose) {
      spans.push(span(body, openAt, i + 1, true));
      openAt = null;
    }
  }
  if (openAt !== null) spans.push(span(body, openAt, body.length, false));
  const outer = spans.filter((s) => s.end > s.start);
  // Quotes within quotes, and straight single quotes ('defend every inch'), which an apostrophe
  // resembles too closely to pair by position alone: each is taken only with its closing mark.
  const found = [...outer];
  for (const s of outer) found.push(...singleQuoted(body, s.start, s.end, true).map((q) => ({ ...q, inner: true })));
  let from = 0;
  for (const s of [...outer, { open: body.length, close: body.length }]) {
    found.push(...singleQuoted(body, from, s.open, false));
    from = s.close;
  }
  return found.sort((a, b) => a.open - b.open);
}

/** Single-quoted spans (`‘…’`, and `'…'` when `straight`-only is not asked) in `body[from, to)` whose closing mark is in the same paragraph. */
function singleQuoted(body: string, from: number, to: number, curlyToo: boolean): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  for (let i = from; i < to; i++) {
    const ch = body[i]!;
    const straight = ch === "'" && /[\s(“"—–-]/u.test(body[i - 1] ?? ' ') && LETTER.test(body[i + 1] ?? '');
    const curly = curlyToo && ch === '‘' && !LETTER.test(body[i - 1] ?? ' ');
    if (!straight && !curly) continue;
    const closer = straight ? "'" : '’';
    for (let j = i + 2; j < Math.min(to, i + 200) && body[j] !== '\n'; j++) {
      if (body[j] === closer && !LETTER.test(body[j + 1] ?? '') && !/\s/u.test(body[j - 1]!)) {
        spans.push(span(body, i, j + 1, true));
        i = j;
        break;
      }
    }
  }
  return spans.filter((s) => s.end > s.start);
}

/** The span of a quotation from its opening mark to just past its closing mark. */
function span(body: string, open: number, close: number, closed: boolean): QuoteSpan {
  let start = open + 1;
  let end = closed ? close - 1 : close;
  while (start < end && /\s/u.test(body[start]!)) start++;
  while (end > start && /\s/u.test(body[end - 1]!)) end--;
  // `…region,” X said`: the comma belongs to the attribution, not to the words shown.
  if (body[end - 1] === ',') end--;
  return { open, close, start, end };
}

/** Words that show a quotation is held at a distance rather than reported: nobody's statement. */
const SCARE_LEAD = /(?:so-called|so called|what (?:it|they|he|she|\p{Lu}[\p{L}-]*) (?:calls?|called|terms?|termed|describes? as|dubs?|dubbed)|(?:dubbed|termed|branded|labelled|labeled)|description of [^"“”]{1,40} as)\s*$/u;

/** Participles that continue the previous speech verb's subject: `…, alleging that "…"`. */
const SPEECH_PARTICIPLES = /\b(?:saying|adding|noting|alleging|claiming|insisting|stressing|emphasizing|emphasising|arguing|warning|calling|accusing|describing|explaining|asserting|stating|urging|writing|declaring)\b/gu;

/** Any finite speech verb, wherever it stands; the `g` flag is for `matchAll`. */
const FINITE_SPEECH = new RegExp(`\\b(?:${SPEECH_VERB_PATTERN})\\b`, 'gu');
/** The first finite speech verb of a text (no `g`: `exec` keeps no state between texts). */
const FIRST_SPEECH = new RegExp(FINITE_SPEECH.source, 'u');
/** A verb a participle can hang from: a speech verb or any past form (`wrote`, `sent`, `published`). */
const GOVERNING_VERB = new RegExp(`${FINITE_SPEECH.source}|\\b\\p{Ll}+ed\\b`, 'gu');
/** `…," X said.` / `…," he noted.` / `…,” Amir Saeid Iravani told CNN` */
const AFTER_SUBJECT_VERB = new RegExp(`^[\\s,]*(?<np>[^,;:.!?"“”]{1,90}?)\\s+(?:(?:also|further|later|then|again)\\s+)?(?:${SPEECH_VERB_PATTERN})\\b`, 'u');
/** `…, he said, likening …` / `…, Iravani told CNN.`: reported speech closed by its attribution. */
const REPORTED_AFTER = new RegExp(`,\\s*(?<np>[^,;:]{1,90}?)\\s+(?:also\\s+)?(?:${SPEECH_VERB_PATTERN})(?:\\s+\\p{Lu}\\S*)?\\s*(?:[,.]|$)`, 'u');
/** `…," Ramon Villanueva, the head of the Office of Civil Defense, told reporters.` */
const AFTER_NAME_APPOSITION = new RegExp(`^[\\s,]*(?<np>[^,;:.!?"“”]{1,60}),\\s*(?<role>[^;:!?"“”]{1,120}?),\\s*(?:(?:also|further|later|then|again)\\s+)?(?:${SPEECH_VERB_PATTERN})\\b`, 'u');
/** `…," said Iravani.` */
const AFTER_VERB_SUBJECT = new RegExp(`^[\\s,]*(?:${SPEECH_VERB_PATTERN})\\s+(?<np>(?:[^,;:.!?"“”]|(?<=\\b\\p{Lu}\\p{Ll}{0,3})\\.){1,90})`, 'u');

/** Quote marks and what they enclose are masked before looking for verbs, so a quoted `said` is not an attribution. */
function maskQuotes(text: string, spans: readonly { open: number; close: number }[], offset: number): string {
  let masked = text;
  for (const s of spans) {
    const a = Math.max(0, s.open - offset);
    const b = Math.min(text.length, s.close - offset);
    if (b > a) masked = masked.slice(0, a) + ' '.repeat(b - a) + masked.slice(b);
  }
  return masked;
}

/** Words a title leaves in lower case: `Hand in Hand with Khorasan`. */
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'with', 'for', 'to', 'at', 'by', 'from', 'al', 'el']);

/**
 * A name in quote marks (`“Operation Harmattan”`, `"Southern Shield"`, `“Hand in Hand with Khorasan”`):
 * every word capitalised but the small ones, no closing stop. It names a thing; nobody says it.
 */
function isTitle(text: string): boolean {
  const words = text.split(/\s+/u);
  if (words.length < 2 || words.length > 8 || /[.!?,;:]$/u.test(text)) return false;
  // A number may end an exercise's or a plan's name: `Guardians of the Strait 1404`.
  return words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && TITLE_SMALL_WORDS.has(w.toLowerCase())) || (i === words.length - 1 && /^\d+$/u.test(w)));
}

/**
 * Whether a quotation is a whole statement or a phrase inside the reporter's own sentence. A
 * statement starts a clause of its own: the sentence opens with it, or it follows a colon, a comma
 * or `that` (`asserted that “there is no group …”`). Words that carry on the reporter's clause
 * (`said that Tehran “has never been involved …”`) are a phrase however long.
 */
function kindOf(body: string, quote: QuoteSpan, sentence: Sentence): QuotationKind {
  const lead = body.slice(sentence.start, quote.open);
  if (SCARE_LEAD.test(lead)) return 'scare';
  const text = body.slice(quote.start, quote.end);
  if (isTitle(text)) return 'scare';
  const words = text.split(/\s+/u).length;
  const startsClause = lead.trim().length === 0 || /(?:[:,]|\bthat)\s*$/u.test(lead);
  const capitalised = /^(?:\.{3}|…)?\s*\p{Lu}/u.test(text);
  const endsSentence = /[.!?…]$/u.test(text);
  if (startsClause && capitalised && words >= 2) return 'statement';
  if (startsClause && words >= 4 && (capitalised || endsSentence)) return 'statement';
  if (capitalised && endsSentence && words >= 4) return 'statement';
  return 'phrase';
}

/** Finds every quotation of an article with its kind and, where the article says, its speaker. */
export function findQuotations(body: string, sentences: readonly Sentence[]): { quotations: LocalQuotation[]; people: ArticlePeople } {
  const people = collectPeople(sentences);
  const spans = findQuoteSpans(body);
  const quotations: LocalQuotation[] = [];
  /** The person the text is about: who a later `he` or `she` means. */
  let topic: LocalPerson | null = null;
  /** The organisation the text is about: who a later `it` means. */
  let topicOrganisation: LocalPerson | null = null;
  /** Who issued the last statement, letter or report mentioned: who `the statement said` means. */
  const documents = new Map<string, LocalPerson>();

  const sentenceAt = (offset: number): Sentence =>
    sentences.find((s) => offset >= s.start && offset < s.end) ??
    sentences.find((s) => s.start >= offset) ??
    sentences[sentences.length - 1]!;

  /** The organisation whose unnamed spokesperson spoke last: who `the spokesperson said` means when no named person fits. */
  let spokesOrganisation: LocalPerson | null = null;
  /** The organisation that spoke in the sentence before: who a following `they` means. */
  let previousOrganisation: LocalPerson | null = null;

  /** Resolves a subject phrase to a person only: a name, a surname, or a definite role tied to one (`the Iranian envoy`). */
  const resolvePerson: Resolve = (phrase) => {
    const subject = trimSubject(phrase);
    if (subject.length === 0) return null;
    const named = people.resolveNamed(subject);
    if (named) return named;
    const described = people.byDescriptor(subject);
    if (described) return described;
    // `one diplomat`, `a senior official`: someone the article does not name, never the person it named with that role.
    if (INDEFINITE.test(subject) || (rolesIn(subject).size === 0 && !headRole(subject))) return null;
    const person = people.byRole(subject);
    if (person) person.descriptors.add(subject);
    return person;
  };

  /** Resolves a subject phrase to a person or an organisation, or null when the article does not say who. */
  const resolve: Resolve = (phrase) => {
    const subject = trimSubject(phrase);
    if (subject.length === 0) return null;
    if (PERSONAL_PRONOUN.test(subject)) return topic;
    if (/^it$/iu.test(subject)) return topicOrganisation;
    if (/^they$/iu.test(subject)) return previousOrganisation;
    const document = BARE_DOCUMENT.exec(subject);
    if (document) return documents.get(document.groups!['noun']!.toLowerCase()) ?? null;
    // `The company said`: the body of that kind named so far, or else the last one heard.
    const generic = GENERIC_BODY.exec(subject);
    if (generic && !people.persons.some((p) => p.kind === 'organisation' && p.surname.split(' ').includes(generic[1]!.toLowerCase()))) {
      const body = people.lastBody();
      if (body) return body;
    }
    if (headedByOrganisation(subject)) return people.resolveOrganisation(subject);
    // `Investigators with the fire district said`: unnamed staff speaking for their body.
    const staff = STAFF_OF.exec(subject);
    if (staff?.groups) return people.resolveOrganisation(staff.groups['body']!);
    const person = resolvePerson(subject);
    if (person) return person;
    if (rolesIn(subject).size > 0 || /\bspokes\w+\b/iu.test(subject)) {
      // An unnamed role speaks for a body only when one is named (`a Pentagon spokesperson`) or was just
      // speaking through one (`the spokesperson added`); `a senior official` is nobody.
      if (/^the\s+spokes\w+$/iu.test(subject)) return spokesOrganisation;
      if (!/\b(?:spokes\w+|officials?|representatives?)\b/iu.test(subject)) return null;
      const body = people.resolveOrganisation(subject);
      if (body) spokesOrganisation = body;
      return body;
    }
    // `The charity Rescue Line Mediterranean said`: a body named after its kind, whatever names it shares.
    const kind = /^(?:[Tt]he\s+|[Aa]n?\s+)?(?:\p{Ll}+\s+)*?\p{Ll}+\s+(?=\p{Lu})/u.exec(subject);
    if (kind && BODY_KIND_BEFORE.test(kind[0])) return people.resolveOrganisation(subject);
    // A surname nobody here can be told apart by is still a person, never an organisation.
    if (subject.split(/\s+/u).some((w) => /^\p{Lu}/u.test(w) && people.isSurname(w.replace(/['’]s$|[^\p{L}'’-]/gu, '')))) return null;
    return people.resolveOrganisation(subject);
  };

  const context: ArticleText = { body, spans, resolve, resolvePerson };
  let spanIndex = 0;
  for (const sentence of sentences) {
    people.position = sentence.index;
    const inSentence: QuoteSpan[] = [];
    while (spanIndex < spans.length && spans[spanIndex]!.open < sentence.end) {
      inSentence.push(spans[spanIndex]!);
      spanIndex++;
    }
    let sentenceSpeaker: LocalPerson | null = null;
    for (const quote of inSentence) {
      const opening = sentenceAt(quote.open);
      const closing = sentenceAt(Math.max(quote.open, quote.close - 1));
      let kind = kindOf(body, quote, opening);
      let speaker: LocalPerson | null = null;
      if (kind !== 'scare') {
        speaker =
          attributeAfter(context, quote, closing) ??
          attributeBefore(context, quote, opening) ??
          continuedFrom(quotations, quote, opening, closing, sentences, spans);
      }
      // A few quoted words nobody is said to have spoken are held at a distance: `as a means of "self-defense."`.
      if (kind === 'phrase' && speaker === null && body.slice(quote.start, quote.end).split(/\s+/u).length <= 3) kind = 'scare';
      if (speaker) sentenceSpeaker = speaker;
      quotations.push({ ...quote, text: body.slice(quote.start, quote.end), kind, speaker, sentence: opening.index });
    }
    // A sentence whose only quote marks are scare quotes can still report what someone said.
    const quoted = quotations.slice(quotations.length - inSentence.length).some((q) => q.kind !== 'scare');
    if (!quoted && !spans.some((q) => q.open < sentence.start && q.close > sentence.start)) {
      sentenceSpeaker = attributeReported(context, sentence);
      if (sentenceSpeaker) {
        const { start, end, text } = sentence;
        quotations.push({ open: start, close: end, start, end, text, kind: 'reported', speaker: sentenceSpeaker, sentence: sentence.index });
      }
    }
    for (const q of quotations.slice(quotations.length - inSentence.length)) if (q.speaker) people.seen(q.speaker);
    if (sentenceSpeaker) people.seen(sentenceSpeaker);
    for (const person of people.namedIn(sentence.index)) people.seen(person);
    // Whoever the sentence is about is who a later `he` or `she` (or, for a body, `it`) means.
    const about = sentenceSpeaker ?? subjectPerson(context, sentence);
    if (about?.kind === 'person') topic = about;
    if (about?.kind === 'organisation') topicOrganisation = about;
    previousOrganisation = sentenceSpeaker?.kind === 'organisation' ? sentenceSpeaker : null;
    if (sentenceSpeaker) {
      for (const noun of DOCUMENT_NOUNS) if (new RegExp(`\\b${noun}\\b`, 'iu').test(sentence.text)) documents.set(noun, sentenceSpeaker);
    }
  }
  return { quotations, people };
}

/**
 * `"It is hard," Shmyhal said. "But we hold."` — a quotation standing alone as a sentence, with no
 * attribution of its own, continues the statement of the quotation just before it, in the same
 * paragraph or the one before, as news style writes a speaker's next words.
 */
function continuedFrom(
  earlier: readonly LocalQuotation[],
  quote: QuoteSpan,
  opening: Sentence,
  closing: Sentence,
  sentences: readonly Sentence[],
  spans: readonly QuoteSpan[],
): LocalPerson | null {
  const previous = earlier.filter((q) => !q.inner).at(-1);
  if (!previous?.speaker) return null;
  // Nothing but the quotation in its sentences: no verb, no other words that could name a speaker.
  const around = opening.text.slice(0, quote.open - opening.start) + closing.text.slice(quote.close - closing.start);
  if (/[\p{L}\p{N}]/u.test(around)) return null;
  const previousSentence = sentences[previous.sentence]!;
  if (opening.paragraph - previousSentence.paragraph > 1) return null;
  // Another quotation in between breaks the thread.
  return spans.some((s) => !s.inner && s.open > previous.open && s.open < quote.open) ? null : previous.speaker;
}

/**
 * Reported speech without quote marks: `…, he said, likening …` or `Singh said on Thursday that …`.
 * The speaker is the subject of the first speech verb, when it resolves to a person.
 */
function attributeReported(context: ArticleText, sentence: Sentence): LocalPerson | null {
  const text = maskQuotes(sentence.text, context.spans, sentence.start);
  const after = REPORTED_AFTER.exec(text) ?? ACCORDING_TO.exec(text);
  if (after?.groups?.['np']) {
    const person = context.resolve(after.groups['np']);
    if (person) return person;
  }
  // `The report found that …`: a document that speaks for whoever issued it.
  const finding = DOCUMENT_FINDING.exec(text);
  if (finding) {
    const author = context.resolve(finding.groups!['subject']!);
    if (author) return author;
  }
  const verb = FIRST_SPEECH.exec(text);
  if (verb) return subjectBefore(context, text.slice(0, verb.index));
  // `… in response to a letter from the US to the Council, alleging Iran's role …`: a document's
  // author speaks through a participle hung on it.
  const participle = /,\s*(?:alleging|claiming|saying|accusing|insisting|warning|arguing|stating|demanding)\b/u.exec(text);
  const document = participle && DOCUMENT_FROM.exec(text.slice(0, participle.index));
  return document?.groups ? context.resolve(document.groups['author']!) : null;
}

/** `…, according to the U.N. humanitarian office.`: the source, stops inside abbreviations (`U.N.`) included. */
const ACCORDING_TO = /\b[Aa]ccording to (?<np>[^,;:]{1,80}?)\s*(?:[,;]|\.(?=\s+\p{Lu}|\s*$)|$)/u;

/** A document as the subject of a verb of finding: `The report found that …`. */
const DOCUMENT_FINDING = new RegExp(`^(?<subject>(?:The|This|That|Its|Their)\\s+(?:\\p{Ll}+\\s+)?(?:${DOCUMENT_NOUNS.join('|')}))\\s+(?:found|finds|concluded|concludes|showed|shows|said|says)\\b`, 'u');

/** A document with its author: `a letter from the US to the UN Security Council` → the US. */
const DOCUMENT_FROM = new RegExp(`\\b(?:a|an|the|its|their)\\s+(?:\\p{Ll}+\\s+)?(?:${DOCUMENT_NOUNS.join('|')})\\s+(?:from|by)\\s+(?<author>(?:the\\s+)?\\p{Lu}[^,;]*?)(?:\\s+(?:to|on|about|in|at|over|dated|that|which)\\b|$)`, 'u');

/** The person who is the subject of a sentence, if it has one. */
function subjectPerson({ spans, resolve }: ArticleText, sentence: Sentence): LocalPerson | null {
  const masked = maskQuotes(sentence.text, spans, sentence.start);
  const subject = subjectOf(masked.trim());
  return subject && subject.split(/\s+/u).length <= 16 ? resolve(subject) : null;
}

/** `"…," the Iranian envoy added.` — an attribution after the closing mark, in the same sentence. */
function attributeAfter(context: ArticleText, quote: QuoteSpan, sentence: Sentence): LocalPerson | null {
  const { body, spans, resolve } = context;
  // Only a quotation closed by a comma, `?` or `!` hands over to an attribution after it.
  const inside = body.slice(Math.max(quote.start, quote.close - 3), quote.close);
  const followedByComma = body[quote.close] === ',';
  if (!/[,?!]\s*["”’]$/u.test(inside) && !followedByComma) return null;
  const rest = maskQuotes(body.slice(quote.close, sentence.end), spans, quote.close);
  const apposed = AFTER_NAME_APPOSITION.exec(rest);
  if (apposed?.groups) return context.resolvePerson(apposed.groups['role']!) ?? resolve(apposed.groups['np']!);
  const match = AFTER_SUBJECT_VERB.exec(rest) ?? AFTER_VERB_SUBJECT.exec(rest);
  const np = match?.groups?.['np'];
  return np ? resolve(np) : null;
}

/** `X said that "…"`, `X rejected as "…"`, `…, alleging that "…"`: the nearest speech verb before the opening mark. */
function attributeBefore(context: ArticleText, quote: QuoteSpan, sentence: Sentence): LocalPerson | null {
  const { body, spans } = context;
  // A quotation inside another (`“… would ‘bring the war to the cities’ …”`) reads the words before it in the outer one.
  const enclosing = spans.filter((s) => s.open < quote.open && s.close >= quote.close);
  const from = Math.max(sentence.start, ...enclosing.map((s) => s.open + 1));
  const lead = maskQuotes(body.slice(from, quote.open), spans.filter((s) => !enclosing.includes(s)), from);
  let verbAt = lastMatch(FINITE_SPEECH, lead);
  const participleAt = lastMatch(SPEECH_PARTICIPLES, lead);
  if (participleAt !== null && (verbAt === null || participleAt > verbAt)) {
    // A participle borrows the subject of the verb before it: `X wrote a letter, alleging that …`.
    verbAt = lastMatch(GOVERNING_VERB, lead.slice(0, participleAt));
  }
  if (verbAt === null) return null;
  return subjectBefore(context, lead.slice(0, verbAt));
}

/** Offset of the last match of a global pattern, or null. */
function lastMatch(pattern: RegExp, text: string): number | null {
  let last: number | null = null;
  for (const match of text.matchAll(pattern)) last = match.index;
  return last;
}

/** Asides that stand between a subject and its verb: `(UNHCR)`, `– whose name is spelt … –`. */
function withoutAsides(text: string): string {
  return text.replace(/\([^()]*\)/gu, (m) => ' '.repeat(m.length)).replace(/\s[–—]\s[^–—]*?\s[–—]\s/gu, (m) => ' '.repeat(m.length));
}

/** Phrases that open a sentence before its subject: `In a statement carried by …,`, `Asked whether …,`. */
const OPENER = /^(?:In|On|At|After|Before|During|Asked|Speaking|Addressing|According|Following|Despite|Earlier|Later|Meanwhile|Responding|When|While|As|Pressed|Opening|Separately|Elsewhere)\b/u;

/** Clauses that describe rather than name: `who flew to Batken`, `responding to a request`, an age and a home (`Mohamed Camara, 31, from Guinea, said`). */
const ASIDE_CLAUSE = /^(?:who|whom|whose|which|where|that|from|aged|based)\b|^\p{Ll}+ing\b|^\d{1,3}$/u;

/**
 * Who is the subject of the verb that follows `text`: the noun phrase back to the start of its
 * clause, passing over adverbs (`Iravani, however, dismissed`), relative clauses and participles
 * set off by commas (`Nurlan Asanov, who flew to Batken on Wednesday, said`) and appositions
 * (`Ingrid Solberg, a spokeswoman for the UN refugee agency, said`), where an apposition that fits
 * one person settles a shared surname (`Hosseini, the Red Crescent chief,`). A verb joined by
 * `and` to an earlier one has that verb's subject (`told the council … and accused …`).
 */
function subjectBefore(context: ArticleText, text: string, depth = 0): LocalPerson | null {
  const clean = withoutAsides(text);
  const chunks = clean.split(/[,;:]/u);
  let apposition: string | null = null;
  for (let i = chunks.length - 1; i >= 0; i--) {
    const chunk = trimSubject(chunks[i]!);
    if (chunk.length === 0 || ASIDE_CLAUSE.test(chunk)) continue;
    if (/\b(?:and|but)$/iu.test(chunk)) {
      // `… dismissed the claims as “…” and said …`: the subject of the verb before `and`.
      const upto = chunks.slice(0, i + 1).join(',');
      const verb = lastMatch(GOVERNING_VERB, upto.replace(/\s*\b(?:and|but)\s*$/iu, ''));
      return verb !== null && depth < 3 ? subjectBefore(context, upto.slice(0, verb), depth + 1) : null;
    }
    // Relative and subordinate clauses end the subject: `the letter that X wrote` is not about X.
    const parts = chunk.split(/\b(?:that|which|who|because|after|before|when|while|since|as|and then)\s/u);
    const head = parts[0]!.trim();
    const described = /^(?:a|an|the|his|her|its|their)\s/iu.test(head) || (/^\p{Ll}/u.test(head) && rolesIn(head).size > 0);
    if (i > 0 && described && findNames(head).length === 0) {
      // `X, a rebel group that …, said`, `Ingrid Solberg, a spokeswoman for …, said`: an apposition.
      const person = context.resolvePerson(head);
      if (person) return person;
      apposition ??= head;
      const before = trimSubject(chunks[i - 1]!);
      if (/^\p{Lu}/u.test(before) && !OPENER.test(before)) {
        const named = context.resolve(before);
        if (named) return named;
      }
      continue;
    }
    // `the firm that won a contract told`: a relative clause opening with its verb is about the head;
    // `the letter that X wrote` is about X.
    const last = parts[parts.length - 1]!.trim();
    const phrase = parts.length > 1 && /^(?:has|have|had|is|was|were|are|won|\p{Ll}+ed)\b/u.test(last) ? head : last;
    if (OPENER.test(phrase)) continue;
    return context.resolve(phrase) ?? (apposition ? context.resolve(apposition) : null);
  }
  return apposition ? context.resolve(apposition) : null;
}
