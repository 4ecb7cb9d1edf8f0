/** A per-user limit on answers in a short window, so one person cannot flood a channel or the bot. */

/** How many answers a user gets in a window, and how long the window is. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** Six answers in ten seconds: paging quickly through an answer stays well within it. */
export const DEFAULT_RATE_LIMIT: RateLimit = { limit: 6, windowMs: 10_000 };

/** When the map of users is this large, users with no answer left in the window are dropped. */
const SWEEP_AT = 10_000;

/**
 * A sliding-window log per user: the times of their answers in the last window. A Map with
 * timestamps is all this needs; the sweep keeps it bounded by the users active in one window.
 */
export class RateLimiter {
  readonly #times = new Map<string, number[]>();
  readonly #limit: RateLimit;
  readonly #now: () => number;

  constructor(limit: RateLimit = DEFAULT_RATE_LIMIT, now: () => number = Date.now) {
    this.#limit = limit;
    this.#now = now;
  }

  /** Counts an answer for the user: 0 when allowed, otherwise how many milliseconds until one is. Refused attempts are not counted. */
  take(userId: string): number {
    const now = this.#now();
    const since = now - this.#limit.windowMs;
    if (this.#times.size >= SWEEP_AT) for (const [user, times] of this.#times) if ((times[times.length - 1] ?? 0) <= since) this.#times.delete(user);
    const times = (this.#times.get(userId) ?? []).filter((t) => t > since);
    if (times.length >= this.#limit.limit) {
      this.#times.set(userId, times);
      return times[0]! + this.#limit.windowMs - now;
    }
    times.push(now);
    this.#times.set(userId, times);
    return 0;
  }

  /** How many users are tracked. */
  get users(): number {
    return this.#times.size;
  }
}
