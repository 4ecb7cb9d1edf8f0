/**
 * A package required the first time it is used, not when the module that needs it is imported: for
 * packages only some runs use (YAML for front matter, linkedom for saved pages, the progress bar),
 * so that a start that does not use them does not load them. A synchronous `require`, so that the
 * code using them stays plain functions; `scripts/build.mjs` leaves each out of the bundle.
 */
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

/** A function that gives the package `name`, requiring it at the first call. */
export function whenFirstUsed<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireHere(name) as T);
}
