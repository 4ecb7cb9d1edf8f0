/** Answers as JSON in the stable shape scripts depend on (see the README). */
import type { Answer } from '../commands/answer.ts';
import { describeProblem } from '../commands/problems.ts';

/** The answer as a JSON-ready object: `{ command, query, results }`, plus what other answer types carry. */
export function renderJson(answer: Answer): Record<string, unknown> {
  switch (answer.type) {
    case 'results':
      return { command: answer.command, query: answer.query, results: answer.results };
    case 'figures':
      // `results` stays the flat list every command gives; `groups` says which figures go together.
      return { command: answer.command, query: answer.query, results: answer.groups.flatMap((g) => g.results), groups: answer.groups };
    case 'problem':
      return { command: answer.command, query: answer.query, results: [], problem: { code: answer.problem.code, message: describeProblem(answer.problem) } };
    case 'articles':
      return { command: answer.command, query: '', results: [], articles: answer.articles };
    case 'article':
      return {
        command: answer.command,
        query: answer.summary.article.id,
        results: answer.results,
        article: { ...answer.summary, byline: answer.byline, standfirst: answer.standfirst, captions: answer.captions },
      };
    case 'help':
      return { command: answer.command, query: '', results: [], help: answer.entries };
  }
}
