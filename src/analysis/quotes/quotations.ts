/**
 * Quotations in an article body and who said them: the spans (`spans.ts`), their kinds
 * (`kinds.ts`), then attribution in two stages, quotation to mention (`attribution.ts`) and
 * mention to speaker (`speakers.ts`), reading the article in order. Pure: body and sentences in,
 * quotations with article-local speakers out (`src/index/speakers.ts` joins speakers across articles).
 */
import { DOCUMENT_NOUNS } from '../lexicon/bodies.ts';
import { ArticlePeople, collectPeople, type LocalPerson } from '../people/people.ts';
import type { QuotationKind, Sentence } from '../types.ts';
import { attributeQuote, attributeReported, subjectPerson, type ArticleText, type Attribution, type Span } from './attribution.ts';
import { kindOf } from './kinds.ts';
import { findQuoteSpans, type QuoteSpan } from './spans.ts';
import { startReading } from './speakers.ts';

/** A quotation of one article with the local person who said it. */
export interface LocalQuotation extends QuoteSpan {
  text: string;
  kind: QuotationKind;
  speaker: LocalPerson | null;
  /** Index of the sentence holding the opening mark. */
  sentence: number;
  /** The sieves that chose the speaker or declined to (`after-subject-verb/pronoun`). */
  rule: string;
  /** The words that name the speaker, or null. */
  evidence: Span | null;
}

/**
 * Declines whose mention names somebody the text does not let us settle (a name not known to the
 * article, a pronoun with no one or two people to mean): the words are somebody's, not a scare quote.
 */
function namedButUnsettled({ rule, mention }: Attribution): boolean {
  // (A body by its common noun, `the group said`, is somebody too, though no body the article named.)
  if (/\/(?:pronoun|pronoun-ambiguous|pronoun-it|pronoun-they|organisation-head)$/u.test(rule)) return true;
  if (!/\/(?:organisation-name|surname-not-body|name)$/u.test(rule) || !mention) return false;
  // A proper word past the first (`the envoy Halloran`, `Halvard's minister`): a sentence's capitalised first word is no name.
  return mention.split(/\s+/u).some((word, i) => i > 0 && /^\p{Lu}/u.test(word));
}

/** Finds every quotation of an article with its kind and, where the article says, its speaker. */
export function findQuotations(body: string, sentences: readonly Sentence[]): { quotations: LocalQuotation[]; people: ArticlePeople } {
  const people = collectPeople(sentences);
  const spans = findQuoteSpans(body);
  const quotations: LocalQuotation[] = [];
  const state = startReading(people);
  const context: ArticleText = { body, sentences, spans, state };

  const sentenceAt = (offset: number): Sentence =>
    sentences.find((s) => offset >= s.start && offset < s.end) ??
    sentences.find((s) => s.start >= offset) ??
    sentences[sentences.length - 1]!;

  let spanIndex = 0;
  for (const sentence of sentences) {
    people.position = sentence.index;
    const inSentence: QuoteSpan[] = [];
    while (spanIndex < spans.length && spans[spanIndex]!.open < sentence.end) {
      inSentence.push(spans[spanIndex]!);
      spanIndex++;
    }
    let sentenceSpeaker: LocalPerson | null = null;
    let sentenceAttribution: Attribution | null = null;
    /** Where each quotation opened in this sentence that has a speaker closes: how far a pronoun may reach back to them. */
    const closings: { speaker: LocalPerson; at: number }[] = [];
    for (const quote of inSentence) {
      const opening = sentenceAt(quote.open);
      const closing = sentenceAt(Math.max(quote.open, quote.close - 1));
      // `Halloran issued a statement saying “… ¶ “…,” he said.`: the person who opens the
      // quotation's own sentence is whom a pronoun after it means, not someone of the sentences before.
      if (quote === inSentence[0] && opening === sentence && body.slice(sentence.start, quote.open).trim()) {
        const lead = subjectPerson(context, sentence);
        if (lead?.kind === 'person') {
          state.topic = lead;
          state.topicAt = sentence.index;
        }
      }
      let kind = kindOf(body, quote, opening);
      let attribution: Attribution = { speaker: null, rule: 'scare-quote', evidence: null };
      if (kind !== 'scare') attribution = attributeQuote(context, quote, opening, closing, () => continuedFrom(quotations, quote, opening, closing, sentences, spans, state.topic, people));
      // A few quoted words nobody is said to have spoken are held at a distance: `as a means of "self-defense."`.
      // (Words a speech verb governs are someone's, even when the text does not settle whose.)
      if (kind === 'phrase' && attribution.speaker === null && !namedButUnsettled(attribution) && body.slice(quote.start, quote.end).split(/\s+/u).length <= 3) {
        kind = 'scare';
        attribution = { ...attribution, rule: `short-unattributed-phrase (${attribution.rule})` };
      }
      if (attribution.speaker) {
        sentenceSpeaker = attribution.speaker;
        sentenceAttribution = attribution;
      }
      quotations.push({ ...quote, text: body.slice(quote.start, quote.end), kind, speaker: attribution.speaker, sentence: opening.index, rule: attribution.rule, evidence: attribution.evidence });
      if (attribution.speaker && opening === sentence) closings.push({ speaker: attribution.speaker, at: closing.index });
    }
    // A sentence whose only quote marks are scare quotes can still report what someone said.
    const quoted = quotations.slice(quotations.length - inSentence.length).some((q) => q.kind !== 'scare');
    // A sentence that only attributes the quotation before it (`"…" Halloran told reporters.`) reports nothing more.
    const attributing = quotations.find((q) => q.sentence < sentence.index && q.evidence && q.evidence.start >= sentence.start && q.evidence.end <= sentence.end);
    if (attributing) sentenceSpeaker = attributing.speaker;
    else if (!quoted && !spans.some((q) => q.open < sentence.start && q.close > sentence.start)) {
      sentenceAttribution = attributeReported(context, sentence);
      sentenceSpeaker = sentenceAttribution?.speaker ?? null;
      if (sentenceAttribution && sentenceSpeaker) {
        const { start, end, text } = sentence;
        quotations.push({ open: start, close: end, start, end, text, kind: 'reported', speaker: sentenceSpeaker, sentence: sentence.index, rule: sentenceAttribution.rule, evidence: sentenceAttribution.evidence });
      }
    }
    for (const q of quotations.slice(quotations.length - inSentence.length)) if (q.speaker) people.seen(q.speaker);
    if (sentenceSpeaker) people.seen(sentenceSpeaker);
    for (const person of people.namedIn(sentence.index)) people.seen(person);
    // Whoever the sentence is about is who a later `he` or `she` (or, for a body, `it`) means: a
    // person, or someone unnamed or speaking for a body (`a militia official said` … `he said`).
    const about = sentenceSpeaker ?? subjectPerson(context, sentence);
    const spokenForBody = sentenceAttribution !== null && /\/(?:spokesperson|unnamed-source)$/u.test(sentenceAttribution.rule);
    // (Not several unnamed people, `Residents fled the area`: a later `he said` cannot mean them.)
    const several = about?.kind === 'unnamed' && /(?:[^s]s|people|police|media)$/iu.test(about.name);
    if (about?.kind === 'person' || (about?.kind === 'unnamed' && !several) || (about && spokenForBody && !several)) {
      state.topic = about;
      // A speaker's words running on over paragraphs keep them the one a later `he added` means:
      // the pronoun's reach counts from where their quotation ends.
      state.topicAt = Math.max(sentence.index, ...closings.filter((c) => c.speaker === about).map((c) => c.at));
    }
    if (about?.kind === 'organisation') {
      state.topicOrganisation = about;
      state.topicOrganisationAt = sentence.index;
    }
    state.previousOrganisation = sentenceSpeaker?.kind === 'organisation' ? sentenceSpeaker : null;
    if (sentenceSpeaker) {
      for (const noun of DOCUMENT_NOUNS) if (new RegExp(`\\b${noun}\\b`, 'iu').test(sentence.text)) state.documents.set(noun, sentenceSpeaker);
    }
  }
  return { quotations, people };
}

/**
 * `"It is hard," Halloran said. "But we hold."` — a quotation standing alone as a sentence, with no
 * attribution of its own, continues the statement of the quotation just before it, in the same
 * paragraph or the one before, as news style writes a speaker's next words. It keeps that
 * quotation's evidence: those words name its speaker too.
 */
function continuedFrom(
  earlier: readonly LocalQuotation[],
  quote: QuoteSpan,
  opening: Sentence,
  closing: Sentence,
  sentences: readonly Sentence[],
  spans: readonly QuoteSpan[],
  topic: LocalPerson | null,
  people: ArticlePeople,
): Attribution | null {
  const previous = earlier.filter((q) => !q.inner).at(-1);
  if (!previous?.speaker) return null;
  // Nothing but the quotation in its sentences: no verb, no other words that could name a speaker.
  const around = opening.text.slice(0, quote.open - opening.start) + closing.text.slice(quote.close - closing.start);
  if (/[\p{L}\p{N}]/u.test(around)) return null;
  const previousSentence = sentences[previous.sentence]!;
  // The paragraph before, or two before when the one between is about the same speaker (`Halloran
  // woke to the sound of the blast.`): news style breaks a speaker's words with a line of narrative.
  const gap = opening.paragraph - previousSentence.paragraph;
  if (gap > 2 || (gap === 2 && topic !== previous.speaker)) return null;
  // (Only when nobody else is named in the narrative between: `Her neighbour, Idris Saleh, ran out.`)
  const between = sentences.filter((s) => s.paragraph > previousSentence.paragraph && s.paragraph < opening.paragraph);
  if (between.some((s) => people.namedIn(s.index).some((p) => p !== previous.speaker))) return null;
  // Another quotation in between breaks the thread.
  if (spans.some((s) => !s.inner && s.open > previous.open && s.open < quote.open)) return null;
  return { speaker: previous.speaker, rule: gap === 2 ? 'continued/after-narrative' : 'continued/previous-quotation', evidence: previous.evidence };
}
