/**
 * Answers as Discord messages: within Discord's limits, with corpus text escaped so it shows
 * exactly as printed, and never pinging anyone.
 */
import { escapeMarkdown, MessageFlags, type InteractionReplyOptions } from 'discord.js';
import type { Answer, Result } from '../commands/answer.ts';
import { describeProblem } from '../commands/problems.ts';
import type { ArticleRef } from '../corpus/article.ts';
import { citationLabel, count, groupLabel, KIND_LABELS } from './citation.ts';

/** Discord refuses message content longer than this. */
export const MAX_CONTENT = 2000;

/** Text from the corpus or a user, escaped so Discord shows it as written (no bold, no links, no mentions). */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { escape: true, heading: true, bulletedList: true, numberedList: true })
    .replace(/[[\]<>]/gu, (c) => `\\${c}`)
    .replace(/^-#/gmu, '\\-#') // subtext, which escapeMarkdown leaves alone
    .replace(/@/gu, '@\u200b') // never a mention or @everyone, even where allowedMentions would already stop the ping
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/gu, '');
}

/** An address safe inside `(<…>)`: the characters that would end the link are percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(/[<>()\s]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A link to the article whose text is the citation. `<…>` keeps Discord from adding a preview. */
function citationLink(article: ArticleRef): string {
  return `[${escapeText(citationLabel(article))}](<${linkTarget(article.url)}>)`;
}

/** Text quoted as a Discord block quote, every line of it; `marker` opens the first line. */
function blockQuote(text: string, marker = ''): string {
  return escapeText(text)
    .split('\n')
    .map((line, i) => `> ${i === 0 ? marker : ''}${line}`)
    .join('\n');
}

/** A piece of a message: corpus text that may be cut if it alone is too long, and a line that never is. */
interface Block {
  text: string;
  footer: string;
}

/** One result as a block: the verbatim text, then who said it and where it comes from. */
function resultBlock(command: string, result: Result): Block {
  if (command === 'quote') {
    const who = result.speaker ? `**${escapeText(result.speaker)}**` : '*speaker not stated in the article*';
    return { text: blockQuote(result.text), footer: `— ${who} (${KIND_LABELS[result.kind ?? 'statement']}) · ${citationLink(result.article)}` };
  }
  if (command === 'figures') {
    return { text: `**${escapeText(result.text)}** · ${result.category}\n${blockQuote(result.sentence)}`, footer: citationLink(result.article) };
  }
  const context = [result.before && blockQuote(result.before), blockQuote(result.text, '» '), result.after && blockQuote(result.after)];
  return { text: context.filter(Boolean).join('\n'), footer: citationLink(result.article) };
}

/** What is said when results are left out. */
function moreNote(n: number): string {
  return `*…and ${count(n, 'more result')}: add words to narrow the query.*`;
}

/**
 * Joins blocks under a heading, as many as fit in one message, and says how many were left out.
 * A first block too long for a message keeps its footer (speaker, citation); its text is cut at
 * a word and marked `[…]`.
 */
function fit(heading: string, blocks: readonly Block[]): string {
  let content = heading;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const left = blocks.length - i - 1;
    const tail = left > 0 ? `\n\n${moreNote(left)}` : '';
    const next = `${content}\n\n${block.text}\n${block.footer}`;
    if (next.length + tail.length <= MAX_CONTENT) {
      content = next;
      continue;
    }
    if (i > 0) return `${content}\n\n${moreNote(blocks.length - i)}`;
    const room = MAX_CONTENT - heading.length - block.footer.length - tail.length - 10;
    const cut = block.text.slice(0, Math.max(0, room)).replace(/\s+\S*$/u, '').replace(/\\+$/u, '');
    return `${heading}\n\n${cut} […]\n${block.footer}${tail}`;
  }
  return content;
}

/** A reply everyone in the channel sees. */
function publicReply(content: string): InteractionReplyOptions & { content: string } {
  return { content, allowedMentions: { parse: [] } };
}

/** A reply only the person who asked sees. */
function privateReply(content: string): InteractionReplyOptions & { content: string } {
  return { content, allowedMentions: { parse: [] }, flags: MessageFlags.Ephemeral };
}

/** The reply for an answer: public when it answers, private when it is a problem or help. */
export function renderDiscord(answer: Answer): InteractionReplyOptions & { content: string } {
  switch (answer.type) {
    case 'problem':
      return privateReply(escapeText(describeProblem(answer.problem)).slice(0, MAX_CONTENT));
    case 'help':
      return privateReply(answer.entries.map((e) => `**${e.usage}**\n${e.description}\nExample: \`${e.example}\``).join('\n\n'));
    case 'articles':
      return publicReply(
        fit(
          `**${count(answer.articles.length, 'article')} in the corpus**`,
          answer.articles.map((s) => ({ text: `\`${s.article.id}\` · ${citationLink(s.article)}`, footer: count(s.words, 'word') })),
        ),
      );
    case 'article': {
      const { article } = answer.summary;
      const blocks: Block[] = [];
      if (answer.standfirst) blocks.push({ text: blockQuote(answer.standfirst), footer: '*the outlet’s standfirst (its summary), not article text*' });
      for (const caption of answer.captions) blocks.push({ text: blockQuote(caption), footer: '*a photo caption*' });
      blocks.push({ text: answer.results.map((r) => blockQuote(r.text)).join('\n'), footer: '*the opening of the article*' });
      return publicReply(fit(`**${citationLink(article)}**\n\`${article.id}\` · ${count(answer.summary.words, 'word')}`, blocks));
    }
    case 'figures': {
      const total = answer.groups.reduce((n, g) => n + g.results.length, 0);
      const heading = `**/figures** ${escapeText(answer.query).slice(0, 200)} · ${count(total, 'result')}`;
      // A group from several articles opens with its heading, so the reader sees which figures are compared.
      const blocks = answer.groups.flatMap((group) =>
        group.results.map((r, i) => {
          const block = resultBlock('figures', r);
          return i === 0 && group.articles > 1 ? { ...block, text: `__${escapeText(groupLabel(group))}__\n${block.text}` } : block;
        }),
      );
      return publicReply(fit(heading, blocks));
    }
    case 'results': {
      const heading = `**/${answer.command}** ${escapeText(answer.query).slice(0, 200)} · ${count(answer.results.length, 'result')}`;
      return publicReply(fit(heading, answer.results.map((r) => resultBlock(answer.command, r))));
    }
  }
}
