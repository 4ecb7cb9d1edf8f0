/**
 * The version of the analysis, worked out from what its rules read rather than from their source
 * text: the lexicon, the names of the rule tables in order, and the few word lists kept beside
 * their rules. A saved index is trusted only from the same version (see `src/index/cache.ts`), so
 * a word added to the lexicon, or a rule added, removed or moved, gives another version, while an
 * edited comment does not, and a bundled build, which has no source files to read, works alike.
 *
 * The build works `ANALYSIS_VERSION` out once, from this module, and gives the bundle that value
 * in its place (see `scripts/build.mjs`): importing this module imports every rule, which a start
 * from the saved index has no other use for. Nothing else may be imported from it by `src/`.
 */
import { BEFORE_CUES, CATEGORY_RULES, EXCLUSION_RULES } from './figures/figures.ts';
import * as bodies from './lexicon/bodies.ts';
import * as calendar from './lexicon/calendar.ts';
import * as figures from './lexicon/figures.ts';
import * as grammar from './lexicon/grammar.ts';
import * as names from './lexicon/names.ts';
import * as places from './lexicon/places.ts';
import * as roles from './lexicon/roles.ts';
import * as speech from './lexicon/speech.ts';
import { STATE_NAMES } from './people/organisations.ts';
import { QUOTE_SIEVES, REPORTED_SIEVES } from './quotes/attribution.ts';
import { PERSON_SIEVES, SPEAKER_SIEVES } from './quotes/speakers.ts';
import { NON_TERMINAL_ABBREVIATIONS } from './text/sentences.ts';
import { versionOf } from '../version-of.ts';

export { versionOf };

/**
 * Bump when a rule's code changes what it finds in a way its data does not show: a pattern or a
 * condition rewritten inside a rule, a constant of a rule file changed. A word of the lexicon, or a
 * rule added, removed, renamed or moved, needs no bump: `ANALYSIS_VERSION` sees those.
 */
export const ANALYSIS_FORMAT = 19;

/** A module's exports as a plain object, by name in order: a namespace object's own order may differ between loaders (tsx, vitest). */
function exportsOf(module: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(module).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The names of a rule table, in order: the order is part of the meaning, the first rule that applies deciding. */
function namesOf(rules: readonly { name: string }[]): string[] {
  return rules.map((rule) => rule.name);
}

/** Everything the analysis reads that is data: what `ANALYSIS_VERSION` is the hash of. */
export const ANALYSIS_DATA = {
  format: ANALYSIS_FORMAT,
  lexicon: {
    bodies: exportsOf(bodies),
    calendar: exportsOf(calendar),
    figures: exportsOf(figures),
    grammar: exportsOf(grammar),
    names: exportsOf(names),
    places: exportsOf(places),
    roles: exportsOf(roles),
    speech: exportsOf(speech),
  },
  rules: {
    quote: namesOf(QUOTE_SIEVES),
    reported: namesOf(REPORTED_SIEVES),
    speaker: namesOf(SPEAKER_SIEVES),
    person: namesOf(PERSON_SIEVES),
    beforeCue: namesOf(BEFORE_CUES),
    exclusion: namesOf(EXCLUSION_RULES),
    category: namesOf(CATEGORY_RULES),
  },
  // Word lists kept beside their rules rather than in the lexicon; the state names come from the countries-list package, whose release they follow.
  abbreviations: NON_TERMINAL_ABBREVIATIONS,
  states: STATE_NAMES,
};

/** The version of the analysis: see `versionOf` and `ANALYSIS_FORMAT`. */
export const ANALYSIS_VERSION: string = versionOf(ANALYSIS_DATA);
