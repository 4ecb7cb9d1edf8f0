/** The `private` option that /quote, /figures and /source share: answers are public unless it is set. */
import type { OptionSpec } from './answer.ts';

/** The option's name, as the Discord edge reads it. */
export const PRIVATE_OPTION = 'private';

/** `private: True` shows the answer only to the asker. */
export const PRIVATE_OPTION_SPEC: OptionSpec = {
  name: PRIVATE_OPTION,
  type: 'boolean',
  description: 'Show the answer only to you (answers are public by default)',
};
