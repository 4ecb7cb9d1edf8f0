/** /figures: the numbers the articles give on a topic, each with its sentence and citation. */
import { SlashCommandBuilder } from 'discord.js';
import { groupFigures } from '../index/figure-groups.ts';
import { sentenceKey, type Library } from '../index/library.ts';
import { queryTerms } from '../index/search.ts';
import type { Figure, FigureCategory } from '../index/types.ts';
import { figureResult, searchWords, type Answer, type Command, type CommandOptions } from './answer.ts';

/**
 * Topic words people use that articles rarely print, mapped to what the sentences say. News
 * reports `killed`, `wounded` and `missing`, almost never `casualties`; each entry names the
 * figure categories (see `findFigures`) that answer it. Other topic words are searched in the text.
 */
export const TOPICS: Readonly<Record<string, readonly FigureCategory[]>> = {
  casualties: ['killed', 'injured', 'missing'],
  casualty: ['killed', 'injured', 'missing'],
  victims: ['killed', 'injured', 'missing'],
  toll: ['killed', 'injured', 'missing'],
  deaths: ['killed'],
  dead: ['killed'],
  killed: ['killed'],
  fatalities: ['killed'],
  injuries: ['injured'],
  injured: ['injured'],
  wounded: ['injured'],
  missing: ['missing'],
  attacks: ['attacks', 'rockets'],
  strikes: ['attacks', 'rockets'],
  rockets: ['rockets'],
  missiles: ['rockets'],
  deployments: ['deployed'],
  deployment: ['deployed'],
  deployed: ['deployed'],
  reinforcements: ['deployed'],
};

/**
 * Answers /figures: figures of the topic's categories, or in sentences matching its words. Figures
 * on the same thing from several articles come first, side by side in date order; then the rest,
 * oldest article first.
 */
export function answerFigures(library: Library, options: CommandOptions): Answer {
  const asked = searchWords(figures, options, 'topic', 'topic');
  if (!asked.success) return asked.answer;
  const topic = asked.query;
  const terms = queryTerms(topic);
  const categories = new Set(terms.flatMap((t) => TOPICS[t] ?? []));
  const words = terms.filter((t) => !(t in TOPICS));
  let found: Figure[] = library.figures.filter((f) => categories.size === 0 || categories.has(f.category));
  if (words.length > 0) {
    // The remaining words narrow to the sentences that hold them (or the article's headline and outlet).
    const withFigures = new Set(found.map((f) => sentenceKey(f.articleId, f.sentence)));
    const hits = library.searchSentences(words.join(' '), (ref) => withFigures.has(sentenceKey(ref.article.id, ref.sentence.index)));
    const matching = new Set(hits.map((r) => sentenceKey(r.article.id, r.sentence.index)));
    found = found.filter((f) => matching.has(sentenceKey(f.articleId, f.sentence)));
  }
  if (found.length === 0) return { type: 'problem', command: 'figures', query: topic, problem: { code: 'nothing-found', query: topic } };
  const order = new Map(library.articles.map((a, i) => [a.id, i]));
  found.sort((a, b) => order.get(a.articleId)! - order.get(b.articleId)! || a.start - b.start);
  const groups = groupFigures(found, (id) => library.article(id)!.published).map(({ figures: members, ...group }) => ({
    ...group,
    results: members.map((f) => figureResult(library, f)),
  }));
  return { type: 'figures', command: 'figures', query: topic, groups };
}

/** The /figures command. */
export const figures: Command = {
  data: new SlashCommandBuilder()
    .setName('figures')
    .setDescription('The numbers the articles give on a topic, with their sentences and sources')
    .addStringOption((o) => o.setName('topic').setDescription('What the numbers are about: casualties, attacks, troops…').setRequired(true).setMaxLength(200)),
  defaultOption: 'topic',
  help: {
    usage: '/figures topic:<words>',
    description: 'The figures on a topic (killed, injured, missing, attacks, …), each with its sentence and source.',
    example: '/figures casualties',
  },
  answer: answerFigures,
};
