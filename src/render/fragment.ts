/**
 * Links that open an article at the quoted sentence, with a URL text fragment
 * (`#:~:text=start,end`, the URL Fragment Text Directives spec): browsers that support it scroll
 * to the sentence and highlight it; others open the article at the top.
 */

/**
 * How many words of the sentence's start and of its end the link names. Enough to be unique on
 * a news page; a sentence of up to twice as many words is named whole.
 */
export const FRAGMENT_WORDS = 5;

/**
 * Percent-encodes a text directive term. Everything but ASCII letters and digits is encoded,
 * as Firefox does: `-`, `&` and `,` are the directive's own syntax and must be, and encoding
 * more is harmless.
 */
export function encodeFragmentTerm(text: string): string {
  return encodeURIComponent(text).replace(/[-!'()*._~]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The start and end terms naming a sentence (end null when the start names it whole). The words
 * keep the spaces between them as printed (a no-break space stays one), so the terms match the page.
 */
export function fragmentTerms(sentence: string): { start: string; end: string | null } {
  // A stretch of several paragraphs is named by the first words of its first and the last words of its last.
  const lines = sentence.split(/\n+/u).map((l) => l.trim()).filter(Boolean);
  const first = lines[0] ?? '';
  const last = lines[lines.length - 1] ?? '';
  const firstWords = [...first.matchAll(/\S+/gu)];
  const lastWords = [...last.matchAll(/\S+/gu)];
  if (lines.length <= 1 && firstWords.length <= FRAGMENT_WORDS * 2) return { start: first, end: null };
  const startEnd = firstWords[Math.min(FRAGMENT_WORDS, firstWords.length) - 1]!;
  const endStart = lastWords[Math.max(0, lastWords.length - FRAGMENT_WORDS)]!;
  return { start: first.slice(0, startEnd.index + startEnd[0].length), end: last.slice(endStart.index) };
}

/** The article's address with a text fragment that scrolls to `sentence`; the address alone when the sentence is blank. */
export function linkToSentence(url: string, sentence: string): string {
  const { start, end } = fragmentTerms(sentence);
  if (!start) return url;
  const directive = `:~:text=${encodeFragmentTerm(start)}${end ? `,${encodeFragmentTerm(end)}` : ''}`;
  // A fragment directive may follow an existing fragment: `#section:~:text=…`.
  return url.includes('#') ? `${url}${directive}` : `${url}#${directive}`;
}
