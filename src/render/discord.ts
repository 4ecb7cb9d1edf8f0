/**
 * Answers as Discord messages: within Discord's limits, with corpus text escaped so it shows
 * exactly as printed, and never pinging anyone.
 */
import { escapeMarkdown, MessageFlags, type InteractionReplyOptions } from 'discord.js';
import type { Answer, Result } from '../commands/answer.ts';
import { describeProblem } from '../commands/problems.ts';
import { citationLabel, KIND_LABELS } from './citation.ts';

/** Discord refuses message content longer than this. */
export const MAX_CONTENT = 2000;

/** Text from the corpus or a user, escaped so Discord shows it as written (no bold, no links, no mentions). */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { escape: true, heading: true, bulletedList: true, numberedList: true, maskedLink: true })
    .replace(/\[/gu, '\\[')
    .replace(/\]/gu, '\\]')
    .replace(/[<>]/gu, (c) => `\\${c}`)
    .replace(/@/gu, '@\u200b') // never a mention or @everyone, even where allowedMentions would already stop the ping
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/gu, '');
}

/** A link to the article whose text is the citation. `<…>` keeps Discord from adding a preview. */
function citationLink(result: Result): string {
  return `[${escapeText(citationLabel(result.article))}](<${result.article.url}>)`;
}

/** Text quoted as a Discord block quote, every line of it. */
function blockQuote(text: string): string {
  return escapeText(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** One result as message lines. */
function renderResult(command: string, result: Result): string {
  if (command === 'quote') {
    const who = result.speaker ? `**${escapeText(result.speaker)}**` : '*speaker not stated in the article*';
    return `${blockQuote(result.text)}\n— ${who} (${KIND_LABELS[result.kind ?? 'statement']}) · ${citationLink(result)}`;
  }
  if (command === 'figures') {
    return `**${escapeText(result.text)}** · ${result.category}\n${blockQuote(result.sentence)}\n${citationLink(result)}`;
  }
  const context = [result.before, result.text, result.after].filter((s): s is string => Boolean(s));
  return `${context.map((s) => (s === result.text ? blockQuote(s).replace(/^> /u, '> » ') : blockQuote(s))).join('\n')}\n${citationLink(result)}`;
}

/** Joins blocks under a heading, as many as fit in one message, and says how many were left out. */
function fit(heading: string, blocks: string[]): string {
  let content = heading;
  for (let i = 0; i < blocks.length; i++) {
    const more = blocks.length - i - 1;
    const tail = more > 0 ? `\n\n*…and ${more} more: narrow the query to see them.*` : '';
    const next = `${content}\n\n${blocks[i]}`;
    if (next.length + tail.length > MAX_CONTENT) {
      if (i === 0) {
        // A single result longer than a message: show its start, cut at a word and marked as cut.
        const room = MAX_CONTENT - heading.length - tail.length - 8;
        const cut = blocks[0]!.slice(0, room).replace(/\s+\S*$/u, '').replace(/\\$/u, '');
        return `${heading}\n\n${cut} […]${tail}`;
      }
      return `${content}\n\n*…and ${blocks.length - i} more: narrow the query to see them.*`.slice(0, MAX_CONTENT);
    }
    content = next;
  }
  return content;
}

/** The reply for an answer: public when it answers, private when it is a problem or help. */
export function renderDiscord(answer: Answer): InteractionReplyOptions & { content: string } {
  const publicReply = (content: string) => ({ content, allowedMentions: { parse: [] as [] } });
  const privateReply = (content: string) => ({ content, allowedMentions: { parse: [] as [] }, flags: MessageFlags.Ephemeral as const });
  switch (answer.type) {
    case 'problem':
      return privateReply(escapeText(describeProblem(answer.problem)).slice(0, MAX_CONTENT));
    case 'help':
      return privateReply(answer.entries.map((e) => `**${e.usage}**\n${e.description}\nExample: \`${e.example}\``).join('\n\n'));
    case 'articles':
      return publicReply(
        fit(
          `**${answer.articles.length} articles in the corpus**`,
          answer.articles.map((s) => `\`${s.article.id}\` · [${escapeText(citationLabel(s.article))}](<${s.article.url}>) · ${s.words} words`),
        ),
      );
    case 'article': {
      const { article } = answer.summary;
      const blocks = answer.results.map((r) => blockQuote(r.text));
      if (answer.standfirst) blocks.unshift(`*Standfirst (the outlet’s summary):*\n${blockQuote(answer.standfirst)}`);
      return publicReply(fit(`**[${escapeText(citationLabel(article))}](<${article.url}>)**\n\`${article.id}\` · ${answer.summary.words} words`, blocks));
    }
    case 'results': {
      const heading = `**/${answer.command}** ${escapeText(answer.query)} · ${answer.results.length} result${answer.results.length === 1 ? '' : 's'}`;
      return publicReply(fit(heading.slice(0, 300), answer.results.map((r) => renderResult(answer.command, r))));
    }
  }
}
