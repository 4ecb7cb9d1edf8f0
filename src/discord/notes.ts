/** The one place for what the Discord edge tells a user privately, apart from a command's own problems (`commands/problems.ts`). */

/** The notes, by situation. */
export const NOTES = {
  // Not "ask again yourself": a second public answer would only crowd the channel.
  notYours: (command: string) => `Paging this answer is left to the person who asked, so it does not move under everyone else. "Show context for…" works for anyone; to page on your own, ask /${command} with private: True.`,
  expired: (command: string) => `These buttons have expired. Ask /${command} again for a fresh answer.`,
  contextGone: (reason: 'changed' | 'gone' | 'malformed', command: string) =>
    reason === 'gone'
      ? `That article is no longer in the corpus, so its context cannot be shown. Ask /${command} again.`
      : reason === 'changed'
        ? `That article has changed since this answer, and those words are no longer where they were. Ask /${command} again.`
        : `That menu is not one Verbatim can read. Ask /${command} again.`,
  rateLimited: (ms: number) => `You are asking faster than Verbatim answers one person: please wait ${Math.max(1, Math.ceil(ms / 1000))} s and ask again.`,
  unreadableButton: "Verbatim couldn't read that button. Ask the command again for a fresh answer.",
  restarting: 'Verbatim is restarting. Please ask again in a minute.',
  failed: 'Sorry, something went wrong while answering. Please try again.',
  addUnavailable: 'Adding articles is not switched on for this bot.',
} as const;
