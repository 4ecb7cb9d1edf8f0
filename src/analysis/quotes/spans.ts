/**
 * Quoted spans of an article body: where each quotation opens and closes, before anyone is said to
 * have spoken it. Pure functions over the body; offsets point into it as given.
 */

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


const LETTER = /[\p{L}\p{N}]/u;

/**
 * Finds quoted spans: curly double (“…”), straight double ("…", paired by position: an opening mark
 * follows a space or starts a paragraph) and curly single (‘…’) quotes. A `’` followed by a letter is
 * an apostrophe (`Norland’s`), not a closing mark. A quotation left open at the end of a paragraph
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
    // Two apostrophes typed for a closing mark: `…except one,'' said …`.
    if (closer === '"' && ch === "'" && after === "'" && !LETTER.test(body[i + 2] ?? '')) {
      spans.push(span(body, openAt, i + 2, true, 2));
      openAt = null;
      i++;
      continue;
    }
    const closes = ch === closer && (closer !== '’' || !LETTER.test(after));
    const strayCurlyClose = closer === '"' && ch === '”';
    // A curly opening closed by a straight mark, when no curly closing comes later in the paragraph.
    const strayStraightClose = closer === '”' && ch === '"' && !/\s/u.test(before) && !LETTER.test(after) && !/^[^\n]*”/u.test(body.slice(i + 1));
    if (closes || strayCurlyClose || strayStraightClose) {
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

/** The span of a quotation from its opening mark to just past its closing mark (`closingLength` characters long). */
function span(body: string, open: number, close: number, closed: boolean, closingLength = 1): QuoteSpan {
  let start = open + 1;
  let end = closed ? close - closingLength : close;
  while (start < end && /\s/u.test(body[start]!)) start++;
  while (end > start && /\s/u.test(body[end - 1]!)) end--;
  // `…region,” X said`: the comma belongs to the attribution, not to the words shown.
  if (body[end - 1] === ',') end--;
  return { open, close, start, end };
}

/** Quote marks and what they enclose are masked before looking for verbs, so a quoted `said` is not an attribution. */
export function maskQuotes(text: string, spans: readonly { open: number; close: number }[], offset: number): string {
  let masked = text;
  for (const s of spans) {
    const a = Math.max(0, s.open - offset);
    const b = Math.min(text.length, s.close - offset);
    if (b > a) masked = masked.slice(0, a) + ' '.repeat(b - a) + masked.slice(b);
  }
  return masked;
}

