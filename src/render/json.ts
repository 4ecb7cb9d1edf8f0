/** Answers as JSON in the stable shape scripts depend on (see the README). */
import type { Answer, FigureGroupResult, Result } from '../commands/answer.ts';
import { describeProblem } from '../commands/problems.ts';

/** The answer as a JSON-ready object: `{ command, query, results }`, plus what other answer types carry. */
export function renderJson(answer: Answer): Record<string, unknown> {
  switch (answer.type) {
    case 'results':
      return { command: answer.command, query: answer.query, results: answer.results.map(resultJson) };
    case 'figures':
      // `results` stays the flat list every command gives; `groups` says which figures go together.
      return { command: answer.command, query: answer.query, results: answer.groups.flatMap((g) => g.results.map(resultJson)), groups: answer.groups.map(groupJson) };
    case 'problem':
      return { command: answer.command, query: answer.query, results: [], problem: { code: answer.problem.code, message: describeProblem(answer.problem) } };
    case 'articles':
      return { command: answer.command, query: '', results: [], articles: answer.articles };
    case 'article':
      return {
        command: answer.command,
        query: answer.summary.article.id,
        results: answer.results.map(resultJson),
        article: { ...answer.summary, byline: answer.byline, standfirst: answer.standfirst, captions: answer.captions },
      };
    case 'help':
      return { command: answer.command, query: '', results: [], help: answer.entries.filter((e) => !e.discordOnly) };
  }
}

/**
 * A result in the JSON shape: `type` says which kind of result it is (`quotation`, `figure`,
 * `sentence`). A quotation's kind (`statement`, `phrase`, `reported`) stays under `kind`, as
 * scripts written before results had a type read it.
 */
export function resultJson(result: Result): Record<string, unknown> {
  const { text, sentence, start, end, article } = result;
  const base = { type: result.kind, text, sentence, start, end, article };
  switch (result.kind) {
    case 'quotation':
      return { ...base, speaker: result.speaker, kind: result.quotationKind, rule: result.rule, evidence: result.evidence && { text: result.evidence.text, start: result.evidence.start, end: result.evidence.end } };
    case 'figure':
      return { ...base, value: result.value, upper: result.upper, qualifier: result.qualifier, counted: result.counted, category: result.category, rule: result.rule };
    case 'sentence':
      return { ...base, before: result.before, after: result.after };
  }
}

function groupJson(group: FigureGroupResult): Record<string, unknown> {
  return { ...group, results: group.results.map(resultJson) };
}
