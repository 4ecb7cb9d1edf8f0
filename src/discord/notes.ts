/** The one place for what the Discord edge tells a user privately, apart from a command's own problems (`commands/problems.ts`). */

/** The notes, by situation. */
export const NOTES = {
  notYours: (command: string) => `These buttons belong to the person who asked. Ask /${command} yourself to get your own answer to page through.`,
  expired: (command: string) => `These buttons have expired. Ask /${command} again for a fresh answer.`,
  changed: (command: string) => `That result is no longer in the answer (the articles have changed). Ask /${command} again.`,
  rateLimited: (ms: number) => `You are asking faster than Verbatim answers one person: please wait ${Math.max(1, Math.ceil(ms / 1000))} s and ask again.`,
  unreadableButton: "Verbatim couldn't read that button. Ask the command again for a fresh answer.",
  restarting: 'Verbatim is restarting. Please ask again in a minute.',
  failed: 'Sorry, something went wrong while answering. Please try again.',
  addUnavailable: 'Adding articles is not switched on for this bot.',
} as const;
