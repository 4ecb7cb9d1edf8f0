/** /figures: the numbers the articles give on a topic, each with its sentence and citation. */
import { queryTerms, type Library } from '../index/library.ts';
import type { FigureCategory } from '../analysis/types.ts';
import { count } from '../render/citation.ts';
import { groupFigures } from './figure-groups.ts';
import { figureResult, folded, resultsOf, MAX_RESULTS, MAX_SUGGESTIONS, searchWords, suggestion, type Answer, type Command, type CommandOptions, type Suggestion } from './answer.ts';
import { PRIVATE_OPTION_SPEC } from './private.ts';

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
  const categories = [...new Set(terms.flatMap((t) => TOPICS[t] ?? []))];
  // The other words narrow to the paragraphs that hold them all (see `Library.figuresMatching`).
  const words = terms.filter((t) => !(t in TOPICS));
  // The newest figures when there are too many, a story's latest numbers being the ones discussed; shown oldest first, as the story ran.
  // Only figures that state a number: `dozens of` is no figure to set beside another (the sentence is still found by /source).
  const found = library.figuresMatching({ categories, words, limit: MAX_RESULTS, numbered: true }).reverse();
  if (found.length === 0) return { type: 'problem', command: 'figures', query: topic, problem: { code: 'nothing-found', query: topic } };
  const groups = groupFigures(found, (id) => library.article(id)!.published).map(({ figures: members, ...group }) => ({
    ...group,
    results: members.map((f) => figureResult(library, f)),
  }));
  return { type: 'figures', command: 'figures', query: topic, groups };
}

/** How many nouns of what figures count (`troops`, `people`) are offered as topics besides `TOPICS`, the most frequent first. */
const COUNTED_TOPICS = 30;

/** Every topic autocomplete can offer, with how many figures /figures gives for it; worked out once per library. */
const topicsOf = new WeakMap<Library, { topic: string; figures: number; first: boolean }[]>();

function topicList(library: Library): { topic: string; figures: number; first: boolean }[] {
  let list = topicsOf.get(library);
  if (list) return list;
  const frequency = new Map<string, number>();
  for (const [counted, figures] of library.figuresByCounted()) {
    // The last word of what is counted is its noun (`US troops`, `illegal US bases`): the topic a person would type.
    const noun = queryTerms(counted).pop();
    if (noun && noun.length >= 4 && !(noun in TOPICS)) frequency.set(noun, (frequency.get(noun) ?? 0) + figures);
  }
  const counted = [...frequency.entries()].sort((a, b) => b[1] - a[1]).slice(0, COUNTED_TOPICS).map(([word]) => word);
  const seen = new Set<string>();
  list = [...Object.keys(TOPICS), ...counted].map((topic) => {
    const answer = answerFigures(library, { topic });
    // Topics that ask for the same categories (casualties, victims, toll) are offered once when nothing is typed.
    const key = TOPICS[topic]?.join() ?? topic;
    const first = !seen.has(key);
    seen.add(key);
    return { topic, figures: resultsOf(answer).length, first };
  });
  list = list.filter((t) => t.figures > 0).sort((a, b) => b.figures - a.figures || a.topic.localeCompare(b.topic));
  topicsOf.set(library, list);
  return list;
}

/**
 * The form of a topic word that its other forms share (`casualties`, `casualty` → `casualty`;
 * `deployments` → `deployment`), so autocomplete offers one of them.
 */
export function wordForm(word: string): string {
  return word.replace(/ies$/u, 'y').replace(/(?<!s)s$/u, '');
}

/** Autocomplete for /figures: topics starting with what is typed, each with how many figures it finds, each word offered in one form. */
export function suggestFigures(library: Library, option: string, typed: string): Suggestion[] {
  if (option !== 'topic') return [];
  const prefix = folded(typed.trim());
  const offered = new Set<string>();
  return topicList(library)
    .filter((t) => (prefix ? t.topic.startsWith(prefix) : t.first))
    .filter((t) => !offered.has(wordForm(t.topic)) && Boolean(offered.add(wordForm(t.topic))))
    .slice(0, MAX_SUGGESTIONS)
    .map((t) => suggestion(`${t.topic} (${count(t.figures, 'figure')})`, t.topic));
}

/** The /figures command. */
export const figures: Command = {
  name: 'figures',
  description: 'The numbers the articles give on a topic, with their sentences and sources',
  options: [
    { name: 'topic', type: 'string', description: 'What the numbers are about: casualties, attacks, troops…', required: true, maxLength: 200, autocomplete: true },
    PRIVATE_OPTION_SPEC,
  ],
  defaultOption: 'topic',
  help: {
    usage: '/figures topic:<words>',
    description: 'The figures on a topic (killed, injured, missing, attacks, …), each with its sentence and source.',
    example: '/figures casualties',
  },
  answer: answerFigures,
  suggest: suggestFigures,
};
