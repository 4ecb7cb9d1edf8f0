/**
 * Pulls the article out of text saved from a news web page.
 *
 * A saved page carries chrome around the article: breadcrumbs, the headline (sometimes twice),
 * text-size controls, share and comment widgets, page codes, footers, photo captions and the
 * outlet's standfirst. `extractArticle` separates the headline, standfirst and captions from the
 * body, drops the chrome (reporting every dropped line with its reason), and keeps every body
 * paragraph exactly as it is in the raw text: lines are only trimmed at their ends, never changed
 * inside. The rules are general (they name no outlet) and lean towards keeping a line: dropping a
 * paragraph of the article is worse than leaving a line of chrome in.
 */
import { MONTH_ABBREVIATIONS, MONTHS, RELATIVE_DAYS, WEEKDAY_ABBREVIATIONS, WEEKDAYS } from '../analysis/lexicon/calendar.ts';

export interface ExtractedArticle {
  /** The headline found on the page, or undefined when the page shows none. */
  title?: string;
  /** The outlet's summary under the headline, kept apart from the body. */
  standfirst?: string;
  /** Photo captions, kept apart from the body. */
  captions: string[];
  /** Paragraphs of article text, each exactly as in the raw file (no trimming of inner characters, no normalisation of quotes/spaces), joined by "\n\n". */
  body: string;
  /** Every raw line that was dropped as chrome, with the reason, for the ingest command to report. */
  dropped: { line: string; reason: string }[];
}

/** A non-empty line of the page. */
interface Line {
  /** The line as in the raw text (without its line break). */
  raw: string;
  /** The line with whitespace (spaces, tabs, non-breaking spaces) trimmed from both ends. */
  text: string;
  /** The number of the block of lines (lines not separated by a blank line) it belongs to. */
  block: number;
  /** Whether the next non-empty line starts a new block (or this is the last line). */
  endsBlock: boolean;
  /** Words: runs of characters holding a letter or digit. */
  words: number;
}

/** Longest line (in words) that can be a headline or a short list entry. */
const MAX_HEADLINE_WORDS = 20;
/** A line without sentence punctuation but longer than this is taken for article text. */
const LONG_LINE_WORDS = 20;
/** The fewest words a line ending in sentence punctuation needs to count as a prose paragraph. */
const MIN_PROSE_WORDS = 6;
/** At the end of the page, a line ending in sentence punctuation with this many words is kept. */
const MIN_FOOTER_PROSE_WORDS = 4;
/** Longest standfirst, in words. */
const MAX_STANDFIRST_WORDS = 60;
/** Longest caption, in words. */
const MAX_CAPTION_WORDS = 80;

/** Sentence punctuation at the end of a line, optionally followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…](?:["'”’»)\]]+)?$/u;

function countWords(text: string): number {
  return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

/** A paragraph of prose: enough words, ending in sentence punctuation. */
function isProse(line: Line, minWords = MIN_PROSE_WORDS): boolean {
  return line.words >= minWords && endsSentence(line.text);
}

/** Text too long to be a headline or a list entry, even without final punctuation. */
function isLongText(line: Line): boolean {
  return line.words > LONG_LINE_WORDS;
}

// ---------------------------------------------------------------------------------------------
// Line patterns

/** Agencies and picture libraries that credit photos. */
const PHOTO_AGENCY = String.raw`(?:AFP|AP|Reuters|EPA(?:-EFE)?|Getty(?:\s+Images)?|Anadolu(?:\s+Agency)?|Xinhua|Bloomberg|Shutterstock|Alamy|PA|UPI|dpa|AAP|Sipa|ANSA|IRNA|WANA|SANA|Tasnim|ISNA|Fars|handout|file)`;

/** Agencies credited after a slash: "Jane Doe/AP". */
const PHOTO_AGENCY_CREDIT = String.raw`(?:AFP|AP|Reuters|EPA(?:-EFE)?|Getty\s+Images|Anadolu(?:\s+Agency)?|Xinhua|Bloomberg|Shutterstock|Alamy|PA|UPI|dpa|AAP|Sipa|ANSA)`;

const CAPTION_PATTERNS: RegExp[] = [
  // "… (Photo by AP)", "(Photo: Reuters)", "(AP Photo/Jane Doe)", "(File photo)", "(Image via X)"
  /\([^()]*\b(?:photo|photos|photograph|picture|pic|image|file\s+photo|illustration|screen\s*grab|screenshot)\b[^()]*\)\s*\.?$/iu,
  // "… Photo: Reuters", "… Photo by Jane Doe", "… Photo credit: AFP"
  /\b(?:photo|photograph|picture|image)s?(?:\s+credit)?\s*(?:by\s|:)\s*[^.!?:]{1,80}$/iu,
  // "… Credit: Jane Doe/AP"
  /\bcredit\s*:\s*[^.!?:]{1,80}$/iu,
  // "… (AFP)", "(Reuters)", "[Getty Images]"
  new RegExp(String.raw`[(\[]\s*${PHOTO_AGENCY}\s*[)\]]\s*\.?$`, 'iu'),
  // "… Getty Images", "… AFP via Getty Images"
  /\bGetty\s+Images\s*\.?$/u,
  // "… / AP", "Jane Doe/Reuters"
  new RegExp(String.raw`/\s*${PHOTO_AGENCY_CREDIT}\s*\.?$`, 'u'),
];

function isCaption(line: Line): boolean {
  return line.words >= 2 && line.words <= MAX_CAPTION_WORDS && CAPTION_PATTERNS.some((re) => re.test(line.text));
}

/** "News / Politics / Iraq", "Home > World > Middle East", "World » Asia". */
function isBreadcrumb(line: Line): boolean {
  const segments = line.text.split(/\s+(?:\/|>|»|›|→|\\)\s+/u);
  if (segments.length < 2) return false;
  const short = segments.every(
    (segment) => segment.length > 0 && segment.length <= 40 && countWords(segment) <= 4 && !endsSentence(segment),
  );
  if (!short) return false;
  return segments.length >= 3 || /^(?:home|homepage|news|main|start)$/iu.test(segments[0] ?? '');
}

/** "A+ A-", "A A A", "A- A A+", "Text size", "Font size: A+ A-". */
function isTextSizeControl(line: Line): boolean {
  if (/^(?:text|font)\s*size\b/iu.test(line.text)) return true;
  const tokens = line.text.split(/\s+/u);
  return (
    tokens.length >= 2 &&
    tokens.length <= 6 &&
    tokens.every((token) => /^(?:[+\-−–]?A[+\-−–]?|[+\-−–])$/u.test(token)) &&
    /[+\-−–]/u.test(line.text)
  );
}

/** Words that date a line on their own: a month (`jan`, `january`), `today`, `yesterday`. */
const DATED = new RegExp(`^(?:${[...MONTHS.map((m) => m.slice(0, 3)), ...RELATIVE_DAYS].map((w) => w.toLowerCase()).join('|')})`, 'u');

const DATE_WORDS = new Set(
  [
    ...[...MONTHS, ...MONTH_ABBREVIATIONS, ...WEEKDAYS, ...WEEKDAY_ABBREVIATIONS].map((w) => w.toLowerCase()),
    'am', 'pm', 'a', 'p', 'm', 'gmt', 'utc', 'est', 'edt',
    'cst', 'cdt', 'pst', 'pdt', 'cet', 'cest', 'bst', 'ist', 'irst', 'ast', 'msk', 'eet', 'eest', 'trt',
    'published', 'updated', 'posted', 'last', 'modified', 'created', 'on', 'at', 'date', 'time', 'ago', 'h',
    'hour', 'hours', 'hr', 'hrs', 'min', 'mins', 'minute', 'minutes', 'day', 'days', ...RELATIVE_DAYS,
    'local', 'of', 'st', 'nd', 'rd', 'th',
  ],
);

/** A line holding only a date and/or time, maybe labelled: "Published: Wed 8 Nov 2023, 10:45 GMT". */
function isDateOnly(line: Line): boolean {
  const text = line.text;
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|\s*[+-]\d{2}:?\d{2})?)?$/u.test(text)) return true;
  if (line.words > 14) return false;
  const tokens = text
    .toLowerCase()
    .split(/[\s,./:|\-–—()[\]]+/u)
    .filter((token) => token.length > 0);
  if (tokens.length === 0) return false;
  let dated = false;
  for (const token of tokens) {
    if (/^\+?\d{1,4}(?:st|nd|rd|th)?$/u.test(token)) {
      dated = true;
      continue;
    }
    if (!DATE_WORDS.has(token)) return false;
    if (token.length >= 3 && !['on', 'at', 'of', 'ago', 'min', 'day', 'date', 'time', 'last', 'local'].includes(token)) {
      dated ||= DATED.test(token);
    }
  }
  return dated;
}

/** "By Jane Doe", "By Jane Doe and John Roe | Reuters". */
function isByline(line: Line): boolean {
  return /^[Bb]y\s+\p{Lu}/u.test(line.text) && line.words <= 12 && !endsSentence(line.text);
}

/** Section headings after which a page lists other stories: what follows is not the article. */
const RELATED_HEADING =
  /^(?:related(?:\s+(?:articles?|stories|story|news|posts?|content|coverage|topics|links|reading|videos?))?|read\s+more|read\s+also|also\s+read|see\s+also|read\s+next|what\s+to\s+read\s+next|more\s+(?:stories|news|articles|headlines|coverage)(?:\s+from\s+.{1,40})?|more\s+(?:from|on)\s+.{1,40}|you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in|have\s+missed)|recommended(?:\s+(?:for\s+you|stories|articles|reading))?|most\s+(?:read|popular|viewed|shared|commented)|trending(?:\s+(?:now|stories|news))?|top\s+stories|latest\s+(?:news|stories|articles|headlines)|editor'?s\s+picks?|popular\s+(?:stories|articles|now))\s*[:：]?$/iu;

/** Headings of a comment section: what follows is readers' text, not the article. */
const COMMENT_HEADING =
  /^(?:(?:\d+\s+)?comments?(?:\s*\(\d+\))?|(?:your|leave\s+a|post\s+a|add\s+a|write\s+a|submit\s+a|send\s+a)\s+(?:comment|reply|response)|join\s+the\s+(?:discussion|conversation)|(?:show|view|load|read)\s+(?:all\s+)?(?:\d+\s+)?comments?|reader\s+comments)\s*[:：]?$/iu;

/** Lines that are page widgets or furniture, with the reason reported when one is dropped. */
const WIDGET_PATTERNS: { re: RegExp; reason: string }[] = [
  {
    re: /^share(?:\s+(?:this(?:\s+(?:article|story|page|post))?|on\s+\S+|via\s+\S+|article|story|link|now))?\s*[:：!]?$|\bshare\s+(?:this\s+(?:article|story|page|post)|on\s+(?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|social\s+media))\b/iu,
    reason: 'share widget',
  },
  { re: /^(?:print|e-?mail|save|bookmark|listen|tweet|copy\s+link|send)(?:\s+(?:this|the))?(?:\s+(?:article|story|page|link))?$/iu, reason: 'page widget' },
  {
    re: /^(?:(?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|email|e-mail|print|messenger|flipboard|copy\s+link|tweet|share)[\s|·•,/]*)+$/iu,
    reason: 'share widget',
  },
  { re: /\breplying\s+to\b|^reply$|^cancel\s+reply$/iu, reason: 'comment widget' },
  { re: /\bcaptcha\b/iu, reason: 'comment widget' },
  { re: COMMENT_HEADING, reason: 'comment widget' },
  {
    re: /^(?:subscribe|sign\s+up|register|log\s*in|sign\s+in|newsletters?)\b|\bour\s+(?:\w+\s+)?newsletters?\b|\bsubscribe\s+(?:now|today|here|for\s+free)\b/iu,
    reason: 'subscription widget',
  },
  { re: /\bfollow\s+us\b|^follow\s+(?:@|on\b)|^(?:find|join)\s+us\s+on\b/iu, reason: 'follow widget' },
  { re: RELATED_HEADING, reason: 'related-stories heading' },
  { re: /^(?:read\s+more|read\s+also|also\s+read|see\s+also|related|more|watch|listen|recommended)\s*[:：|]/iu, reason: 'related-story link' },
  { re: /^(?:tags?|topics?|keywords?|filed\s+under|categories?)\s*(?:[:：]|$)/iu, reason: 'tags' },
  {
    re: /\b(?:we|this\s+(?:site|website))\s+uses?\s+cookies\b|\bcookies?\s+(?:policy|settings|preferences|consent|notice)\b|^(?:accept|reject|allow)(?:\s+all)?\s+cookies\b/iu,
    reason: 'cookie notice',
  },
  { re: /^(?:advertisement|advertising|sponsored(?:\s+content)?|ad|promoted|story\s+continues\s+below(?:\s+advertisement)?|scroll\s+to\s+continue(?:\s+with\s+content)?|continue\s+reading(?:\s+below)?)$/iu, reason: 'advertisement' },
  { re: /©|\(c\)\s*\d{4}|\ball\s+rights\s+reserved\b|^copyright\b/iu, reason: 'copyright notice' },
  { re: /^(?:https?:\/\/\S+|www\.\S+|(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/\S*)?)$/iu, reason: 'address' },
  { re: /^(?:(?:news|article|story|post|content|page)\s+)?(?:code|id|no\.?|number)\s*[:#.]?\s*\d+$/iu, reason: 'page code' },
  { re: /^\d+\s*min(?:ute)?s?\s+read$|^reading\s+time\b/iu, reason: 'reading time' },
  { re: /^(?:back\s+to\s+top|top|next\s+(?:article|story)|previous\s+(?:article|story)|skip\s+to\s+content|menu|search|home)$/iu, reason: 'navigation' },
];

/** The widget a line is, if it is one. Long lines (article text) are never widgets. */
function widgetReason(line: Line): string | undefined {
  if (line.words > MAX_HEADLINE_WORDS) return undefined;
  return WIDGET_PATTERNS.find(({ re }) => re.test(line.text))?.reason;
}

/** The header chrome a line is, if it is any: breadcrumb, text-size control, date, byline, widget. */
function headerChromeReason(line: Line): string | undefined {
  if (isBreadcrumb(line)) return 'breadcrumb';
  if (isTextSizeControl(line)) return 'text-size control';
  if (isDateOnly(line)) return 'date line';
  if (isByline(line)) return 'byline';
  return widgetReason(line);
}

// ---------------------------------------------------------------------------------------------

function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  let block = 0;
  let blankSincePrevious = false;
  for (const rawLine of raw.replace(/^\uFEFF/u, '').split(/\r?\n|\r/u)) {
    const text = rawLine.trim();
    if (text.length === 0) {
      blankSincePrevious = true;
      continue;
    }
    const previous = lines[lines.length - 1];
    if (previous && blankSincePrevious) {
      previous.endsBlock = true;
      block += 1;
    }
    blankSincePrevious = false;
    lines.push({ raw: rawLine, text, block, endsBlock: false, words: countWords(text) });
  }
  const last = lines[lines.length - 1];
  if (last) last.endsBlock = true;
  return lines;
}

/** Whether the lines after `index` in its block are all captions or header chrome. */
function restOfBlockIsChrome(lines: Line[], index: number): boolean {
  for (let i = index; !lines[i]!.endsBlock; i++) {
    const next = lines[i + 1]!;
    if (!isCaption(next) && headerChromeReason(next) === undefined) return false;
  }
  return true;
}

type Fate =
  | { kind: 'body' }
  | { kind: 'title' }
  | { kind: 'standfirst' }
  | { kind: 'caption' }
  | { kind: 'dropped'; reason: string };

/** Takes the article out of the text of a saved news page. Pure: the same text gives the same result. */
export function extractArticle(raw: string): ExtractedArticle {
  const lines = splitLines(raw);
  const fates: Fate[] = lines.map(() => ({ kind: 'body' }));
  const drop = (index: number, reason: string): void => {
    fates[index] = { kind: 'dropped', reason };
  };

  const startsText = (line: Line): boolean =>
    isProse(line) || isLongText(line) || (line.words >= 3 && endsSentence(line.text));

  // Whether prose paragraphs are separated by blank lines (then blocks say which lines belong together).
  const proseBlocks = lines.filter((line) => startsText(line) && !isCaption(line)).map((line) => line.block);
  let separated = 0;
  for (let i = 1; i < proseBlocks.length; i++) if (proseBlocks[i] !== proseBlocks[i - 1]) separated += 1;
  const blankLineParagraphs = proseBlocks.length > 1 && separated * 2 >= proseBlocks.length - 1;

  // ---- Header: everything before the first prose paragraph.

  let bodyStart = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isCaption(line)) continue;
    if (headerChromeReason(line) !== undefined) continue;
    if (startsText(line)) {
      bodyStart = i;
      break;
    }
  }

  // The headline: a short line without sentence punctuation; one shown twice wins, else the longest.
  let title: string | undefined;
  const candidates: number[] = [];
  for (let i = 0; i < bodyStart; i++) {
    const line = lines[i]!;
    if (isCaption(line) || headerChromeReason(line) !== undefined) continue;
    if (line.words >= 3 && line.words <= MAX_HEADLINE_WORDS && !endsSentence(line.text)) candidates.push(i);
  }
  const repeated = candidates.find((i) => candidates.some((j) => j !== i && lines[j]!.text === lines[i]!.text));
  const best =
    repeated ??
    candidates.reduce<number | undefined>(
      (found, i) => (found === undefined || lines[i]!.words > lines[found]!.words ? i : found),
      undefined,
    );
  if (best !== undefined) title = lines[best]!.text;

  const titleBlocks = new Set<number>();
  let titleSeen = false;
  for (let i = 0; i < bodyStart; i++) {
    const line = lines[i]!;
    if (isCaption(line)) {
      fates[i] = { kind: 'caption' };
    } else if (title !== undefined && line.text === title) {
      if (titleSeen) drop(i, 'repeated headline');
      else fates[i] = { kind: 'title' };
      titleSeen = true;
      titleBlocks.add(line.block);
    } else {
      drop(i, headerChromeReason(line) ?? 'header line before the article text');
    }
  }

  // The standfirst: a prose line in the same block as the headline (or the controls right under it),
  // on a page whose paragraphs are separated by blank lines, with article text after it.
  let standfirst: string | undefined;
  const first = lines[bodyStart];
  if (
    first !== undefined &&
    title !== undefined &&
    blankLineParagraphs &&
    titleBlocks.has(first.block) &&
    first.words <= MAX_STANDFIRST_WORDS &&
    restOfBlockIsChrome(lines, bodyStart)
  ) {
    const next = lines
      .slice(bodyStart + 1)
      .findIndex((line) => !isCaption(line) && headerChromeReason(line) === undefined && startsText(line));
    if (next >= 0) {
      standfirst = first.text;
      fates[bodyStart] = { kind: 'standfirst' };
      const nextStart = bodyStart + 1 + next;
      for (let i = bodyStart + 1; i < nextStart; i++) {
        const line = lines[i]!;
        if (isCaption(line)) fates[i] = { kind: 'caption' };
        else if (line.text === title) drop(i, 'repeated headline');
        else drop(i, headerChromeReason(line) ?? 'header line before the article text');
      }
      bodyStart = nextStart;
    }
  }

  // ---- Footer: comment sections and related-story lists, then non-prose lines at the end.
  let bodyEnd = lines.length;
  for (let i = bodyStart + 1; i < lines.length; i++) {
    const line = lines[i]!;
    // A comment section's heading ends the article, except a bare "Comments", which could be a subheading.
    const comments = COMMENT_HEADING.test(line.text) && !/^comments?\s*[:：]?$/iu.test(line.text);
    const related = RELATED_HEADING.test(line.text) || /^(?:tags?|comments?)\s*[:：]?$/iu.test(line.text);
    if (!comments && !related) continue;
    const rest = lines.slice(i + 1);
    const onlyList = rest.every((next) => next.words <= MAX_HEADLINE_WORDS || widgetReason(next) !== undefined);
    if (comments || onlyList) {
      for (let j = i; j < lines.length; j++) {
        const reason = widgetReason(lines[j]!) ?? (comments ? 'comment section' : 'related-stories list');
        drop(j, j === i ? (widgetReason(line) ?? 'section heading') : reason);
      }
      bodyEnd = i;
      break;
    }
    // A related-stories box inside the article: drop its heading and the headlines under it.
    drop(i, widgetReason(line) ?? 'related-stories heading');
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j]!;
      if (next.words > MAX_HEADLINE_WORDS || endsSentence(next.text) || isCaption(next)) break;
      drop(j, 'related-stories list');
      i = j;
    }
  }

  for (let i = bodyEnd - 1; i >= bodyStart; i--) {
    const line = lines[i]!;
    if (isCaption(line)) {
      fates[i] = { kind: 'caption' };
      continue;
    }
    const widget = widgetReason(line);
    if (widget !== undefined) {
      drop(i, widget);
      continue;
    }
    if (isProse(line, MIN_FOOTER_PROSE_WORDS) || isLongText(line)) break;
    if (/[:：]$/u.test(line.text)) drop(i, 'footer line introducing a list');
    else drop(i, 'footer line that is not prose');
  }

  // ---- Body: captions and unmistakable widget lines come out; everything else stays.
  for (let i = bodyStart; i < bodyEnd; i++) {
    const fate = fates[i]!;
    if (fate.kind !== 'body') continue;
    const line = lines[i]!;
    if (isCaption(line)) {
      fates[i] = { kind: 'caption' };
      continue;
    }
    if (!endsSentence(line.text)) {
      const widget = widgetReason(line);
      if (widget !== undefined) drop(i, widget);
    }
  }

  const captions: string[] = [];
  const paragraphs: string[] = [];
  const dropped: { line: string; reason: string }[] = [];
  lines.forEach((line, i) => {
    const fate = fates[i]!;
    if (fate.kind === 'body') paragraphs.push(line.text);
    else if (fate.kind === 'caption') captions.push(line.text);
    else if (fate.kind === 'dropped') dropped.push({ line: line.raw, reason: fate.reason });
  });

  const result: ExtractedArticle = { captions, body: paragraphs.join('\n\n'), dropped };
  if (title !== undefined) result.title = title;
  if (standfirst !== undefined) result.standfirst = standfirst;
  return result;
}

/**
 * Why a paragraph standing on its own is page chrome (a breadcrumb, text-size control, date line,
 * byline or widget), if it is. For text that is already split into paragraphs, such as a page's
 * article element.
 */
export function chromeReason(text: string): string | undefined {
  const trimmed = text.trim();
  return headerChromeReason({ raw: text, text: trimmed, block: 0, endsBlock: true, words: countWords(trimmed) });
}

/** Whether a line heads a comment section or a list of other stories: what follows it is not the article. */
export function sectionHeading(text: string): 'comments' | 'related' | undefined {
  const trimmed = text.trim();
  if (COMMENT_HEADING.test(trimmed)) return 'comments';
  if (RELATED_HEADING.test(trimmed)) return 'related';
  return undefined;
}
