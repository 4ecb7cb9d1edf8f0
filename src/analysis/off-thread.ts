/**
 * Deriving articles on a worker thread, so that a running bot goes on answering meanwhile. A long
 * article takes seconds to derive (about 7 ms a kilobyte: a 2 MB one, some fifteen seconds), all
 * in one call that cannot be sliced; on the main thread it would hold every interaction past
 * Discord's 3-second window. The worker is started for one batch and ended after it: a reload with
 * a long article is rare, and an idle thread would hold the analysis modules in memory for nothing.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Article } from '../corpus/article.ts';
import { indexArticle, type ArticleIndex } from './analyse.ts';

/** What marks the worker this module starts, so that no other worker thread (a test runner's) takes up the role. */
const ROLE = 'verbatim:derive';

/** The worker's answer for one article. */
type Reply = { id: string; index: ArticleIndex } | { id: string; error: string };

if (!isMainThread && workerData === ROLE) {
  parentPort!.on('message', (article: Article) => {
    let reply: Reply;
    try {
      reply = { id: article.id, index: indexArticle(article) };
    } catch (error) {
      reply = { id: article.id, error: (error as Error).stack ?? String(error) };
    }
    parentPort!.postMessage(reply);
  });
}

/**
 * The code a worker starts with: this module, after TypeScript support when it is run from its
 * `.ts` source (through tsx, whose loader a worker does not inherit).
 */
function workerSource(): string {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return `import(${JSON.stringify(self)});`;
  const tsx = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(self)}); });`;
}

/**
 * Each article's derived data, computed on one worker thread, by article id. Rejects when the
 * worker cannot start or fails; the caller may then derive in place.
 */
export function deriveOffThread(articles: readonly Article[]): Promise<Map<string, ArticleIndex>> {
  const indexes = new Map<string, ArticleIndex>();
  if (articles.length === 0) return Promise.resolve(indexes);
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource(), { eval: true, workerData: ROLE });
    // A stop of the process does not wait for a derivation under way.
    worker.unref();
    let settled = false;
    const finish = (error: Error | null): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve(indexes);
    };
    worker.on('message', (reply: Reply) => {
      if ('error' in reply) return finish(new Error(`off-thread: deriving ${reply.id} failed: ${reply.error}`));
      indexes.set(reply.id, reply.index);
      if (indexes.size === articles.length) finish(null);
    });
    worker.on('error', (error) => finish(error));
    worker.on('exit', (code) => finish(new Error(`off-thread: the worker stopped (exit code ${code}) with ${articles.length - indexes.size} articles left`)));
    // As plain data, the body read out: an article from the saved index reads its body through a getter of its class, which a copy to another thread would leave behind.
    for (const article of articles) worker.postMessage({ ...article, body: article.body });
  });
}
