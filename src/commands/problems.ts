/** The one place where a problem becomes words for a person. */
import type { Problem } from './answer.ts';

/** The message a user sees for a problem. */
export function describeProblem(problem: Problem): string {
  switch (problem.code) {
    case 'empty-query':
      return `Give the ${problem.option} to look for, for example ${problem.example}.`;
    case 'only-common-words':
      return `“${problem.query}” has only words too common to search for. Add a name or a more telling word.`;
    case 'nothing-found':
      return `Nothing in the corpus matches “${problem.query}”.`;
    case 'unknown-article':
      return `No article in the corpus has the id “${problem.id}”. /source lists the articles and their ids.`;
    case 'unknown-command':
      return `There is no command “${problem.name}”. Try /help.`;
    case 'too-many-options':
      return `Give only one of ${problem.options.join(' or ')}.`;
  }
}
