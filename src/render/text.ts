/**
 * Answers as plain text for the terminal. Corpus spans are printed as they are, but for control
 * characters, shown as visible escapes (see `showControlCharacters`); labels around them are fixed words.
 */
import type { Answer, QuotationResult, Result } from '../commands/answer.ts';
import { describeProblem } from '../commands/problems.ts';
import { countedLabel } from '../commands/figure-groups.ts';
import { citationLabel, count, GROUP_NOTES, groupNote, KIND_LABELS, NAMED_BY, timeline } from './citation.ts';

/**
 * Control characters but the line break and the tab: a terminal acts on them (`\x1b[2J` clears
 * the screen, `\x1b]0;…` retitles the window, `\r` overwrites the line) rather than showing them.
 */
const CONTROL_CHARACTER = /(?![\n\t])\p{Cc}/gu;

/** Text safe to print to a terminal: each control character but the line break and the tab shown as a visible escape (`\x1b`). */
export function showControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTER, (c) => `\\x${c.codePointAt(0)!.toString(16).padStart(2, '0')}`);
}

/** The answer as lines of text, safe to print to a terminal. */
export function renderText(answer: Answer): string {
  return showControlCharacters(renderPlain(answer));
}

function renderPlain(answer: Answer): string {
  switch (answer.type) {
    case 'problem':
      return describeProblem(answer.problem);
    case 'help':
      return answer.entries
        .filter((e) => !e.discordOnly)
        .map((e) => `${e.usage}\n  ${e.description}\n  Example: ${e.example}`)
        .join('\n\n');
    case 'articles':
      return [
        `${count(answer.articles.length, 'article')} in the corpus:`,
        ...answer.articles.map(
          (s) => `- ${s.article.id}: ${citationLabel(s.article)} (${count(s.sentences, 'sentence')}, ${count(s.words, 'word')}, ${count(s.quotations, 'quotation')}, ${count(s.figures, 'figure')})\n  ${s.article.url}`,
        ),
      ].join('\n');
    case 'article': {
      const { article } = answer.summary;
      const lines = [`${citationLabel(article)}`, article.url, `id ${article.id} · ${answer.summary.sentences} sentences, ${answer.summary.words} words`];
      if (answer.byline) lines.push(`Byline: ${answer.byline}`);
      if (answer.standfirst) lines.push('', `Standfirst (the outlet’s summary): ${answer.standfirst}`);
      for (const caption of answer.captions) lines.push('', `Photo caption: ${caption}`);
      lines.push('', 'Opening:', ...answer.results.map((r) => r.text));
      return lines.join('\n');
    }
    case 'figures': {
      const total = answer.groups.reduce((n, g) => n + g.results.length, 0);
      const lines = [`/figures ${answer.query}: ${count(total, 'result')}`];
      let n = 0;
      for (const group of answer.groups) {
        if (group.articles > 1) lines.push(`== ${countedLabel(group)}: ${timeline(group.results)} (${GROUP_NOTES[groupNote(group)]})`);
        for (const result of group.results) lines.push(renderResult(result, ++n));
      }
      return lines.join('\n\n');
    }
    case 'results':
      return [`/${answer.command} ${answer.command === 'source' ? 'query:' : ''}${answer.query}: ${count(answer.results.length, 'result')}`, ...answer.results.map((r, i) => renderResult(r, i + 1))].join('\n\n');
  }
}

/** One numbered result with its citation, shown as its kind asks. */
function renderResult(result: Result, n: number): string {
  const cite = `   ${citationLabel(result.article)} · ${result.article.url}`;
  switch (result.kind) {
    case 'quotation': {
      const who = result.speaker ?? 'speaker not stated in the article';
      const shown = result.quotationKind === 'reported' ? result.text : `“${result.text}”`;
      const named = namedBy(result);
      return `${n}. ${shown}\n   — ${who} (${KIND_LABELS[result.quotationKind]})\n${named ? `   ${named}\n` : ''}${cite}`;
    }
    case 'figure':
      return `${n}. ${result.text} [${result.category}]\n   ${result.sentence}\n${cite}`;
    case 'sentence': {
      // A neighbour that opens mid-sentence starts with …; a paragraph break shows as a blank line.
      const before = result.before ? `${result.beforeCut ? '…' : ''}${result.before}${result.paragraphBefore ? '\n' : ''}` : null;
      const after = result.after ? `${result.paragraphAfter ? '\n   ' : ''}${result.after}` : null;
      const context = [before, `» ${result.text}`, after].filter((s): s is string => Boolean(s)).join('\n   ');
      return `${n}. ${context}\n${cite}`;
    }
  }
}

/**
 * `named by: “he noted”`: the words of the article that name the speaker; a fixed label when it
 * names nobody; nothing when the rule that found the speaker kept no such words.
 */
function namedBy(result: QuotationResult): string | null {
  if (result.evidence) return `${NAMED_BY.label}: “${result.evidence.text}”`;
  return result.speaker === null ? `${NAMED_BY.label}: ${NAMED_BY.none}` : null;
}
