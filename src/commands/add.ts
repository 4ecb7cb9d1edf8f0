/**
 * /add url:<link>: fetches a news page and adds its article to the corpus (see
 * `src/fetch/add-article.ts`). Only members who can manage messages see it by default (Discord's
 * `default_member_permissions`; a server's admins can change who may use it under Server Settings >
 * Integrations). The adder gets a private answer saying what was added or why not, and the channel
 * a short public line saying an article was added, and by whom (shown as a mention that pings nobody).
 */
import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { ArticleRef } from '../corpus/article.ts';
import { missingFactsText, type IngestProblem } from '../corpus/prepare.ts';
import type { AddOutcome, ArticleAdder } from '../fetch/add-article.ts';
import { fetchProblemText } from '../fetch/fetch.ts';
import { citationLabel, count } from '../render/citation.ts';
import { escapeText, LIMITS } from '../render/discord.ts';

/** The option holding the link. */
const URL_OPTION = 'url';

/** The /add command's registration. */
export const addCommand = new SlashCommandBuilder()
  .setName('add')
  .setDescription('Add a news article to the corpus from its link')
  .addStringOption((o) => o.setName(URL_OPTION).setDescription('The article’s address (https://…)').setRequired(true).setMaxLength(2000))
  // Adding writes to the corpus every member reads: by default only moderators, and only in servers.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageMessages)
  .setContexts(InteractionContextType.Guild);

/** Why a page is not an article, in words. */
function notAnArticle(problem: IngestProblem): string {
  switch (problem.code) {
    case 'missing-facts':
      return `it does not state its ${missingFactsText(problem.missing)}`;
    case 'empty-body':
      return 'no article text was found on it';
    case 'invalid-facts':
      return `its facts are not usable (${problem.details.replace(/\n\s*/gu, '; ')})`;
    case 'duplicate':
    case 'id-taken':
      return `it clashes with ${problem.file}`;
    case 'too-deep':
      return `its page nests elements ${problem.depth} deep, past what can be read safely`;
  }
}

/** An article as a message names it: outlet, date, headline and id, escaped as corpus text. */
function named(article: ArticleRef): string {
  return `${escapeText(citationLabel(article))} (id \`${article.id}\`)`;
}

/** The private answer to /add: what was added, or why not. Pure. */
export function describeAddition(outcome: AddOutcome): string {
  if (outcome.success) {
    const { article, sentences, quotations, figures } = outcome.added;
    return `Added ${named(article)}: ${count(sentences, 'sentence')}, ${count(quotations, 'quotation')}, ${count(figures, 'figure')}. Try /source article:${article.id}`.slice(0, LIMITS.content);
  }
  const { problem } = outcome;
  const text = (() => {
    switch (problem.code) {
      case 'duplicate':
        return `Already in the corpus: ${named(problem.article)}.`;
      case 'fetch':
        return `Not added. ${fetchProblemText(problem.problem)}`;
      case 'not-an-article':
        return `Not added: that page is not an article Verbatim can add, as ${notAnArticle(problem.problem)}.`;
      case 'not-written':
        return `Not added: the article could not be written to the corpus folder (${problem.detail}).`;
    }
  })();
  return text.slice(0, LIMITS.content);
}

/** The public line for the channel: which article was added, and by whom (a mention that pings nobody). Pure. */
export function announceAddition(article: ArticleRef, userId: string): string {
  return `<@${userId}> added an article to the corpus: ${escapeText(citationLabel(article))}`.slice(0, LIMITS.content);
}

/** A link as people paste it: trimmed, its angle brackets (Discord's way of hiding a preview) removed, `https://` added when it has no scheme. Pure. */
export function linkOf(typed: string): string {
  const link = typed.trim().replace(/^<(.*)>$/su, '$1').trim();
  return /^[a-z][a-z0-9+.-]*:/iu.test(link) ? link : `https://${link}`;
}

/** Nobody is pinged by /add's messages, whatever they hold. */
const NO_PINGS = { parse: [] as never[] };

/**
 * Answers /add: deferred at once (a fetch can take up to its time limit, past Discord's 3 s), then
 * the private answer, then, for an article added, the public line. Resolves to the outcome, for the log.
 */
export async function handleAdd(interaction: ChatInputCommandInteraction, adder: ArticleAdder): Promise<AddOutcome> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const outcome = await adder.add(linkOf(interaction.options.getString(URL_OPTION, true)));
  await interaction.editReply({ content: describeAddition(outcome), allowedMentions: NO_PINGS });
  if (outcome.success) await interaction.followUp({ content: announceAddition(outcome.added.article, interaction.user.id), allowedMentions: NO_PINGS });
  return outcome;
}
