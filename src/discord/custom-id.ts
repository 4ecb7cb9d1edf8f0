/**
 * The custom ids of an answer's buttons.
 *
 * Stateless where it fits: the id itself holds the command, its option, the page or result and
 * the asker's id, and the answer is computed afresh on each press (it takes milliseconds). So the
 * buttons keep working as long as the message exists (well past Discord's 15-minute interaction
 * window), across restarts of the bot, and however many answers are open at once, with no memory
 * held for them. Discord caps a custom id at 100 characters: the rare query too long for that is
 * kept in a bounded, expiring store and the id holds a short key to it; such a button works for
 * `STORE_TTL_MS` and until a restart, then says it has expired.
 */
import { randomBytes } from 'node:crypto';
import type { CommandOptions } from '../commands/answer.ts';
import type { ButtonAction } from '../render/discord.ts';

/** Marks ids this version of the bot made, so a later format can tell them apart. */
const PREFIX = 'v1';
const SEPARATOR = '|';
/** Discord's limit on a custom id. */
export const MAX_CUSTOM_ID = 100;
/** How long a stored query is kept: well over the 15 minutes the buttons must work. */
export const STORE_TTL_MS = 60 * 60_000;
/** How many stored queries are kept at most; the oldest goes first. */
export const STORE_MAX_ENTRIES = 10_000;

/** What a button press or the context menu asks for, and who may page (anyone may see a result's context). */
export interface ButtonState {
  command: string;
  /** The command's options as first given, by name. */
  options: CommandOptions;
  /** The id of the user who asked: only they may press. */
  userId: string;
  action: ButtonAction;
}

/** A bounded, expiring map of the options of queries too long for a custom id. */
export class OptionStore {
  readonly #entries = new Map<string, { options: CommandOptions; expires: number }>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor({ maxEntries = STORE_MAX_ENTRIES, ttlMs = STORE_TTL_MS, now = Date.now }: { maxEntries?: number; ttlMs?: number; now?: () => number } = {}) {
    this.#maxEntries = maxEntries;
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /** Keeps the options and returns their key (8 characters). */
  put(options: CommandOptions): string {
    // A Map iterates in insertion order, so the first entries are the oldest.
    for (const [key, entry] of this.#entries) {
      if (this.#entries.size < this.#maxEntries && entry.expires > this.#now()) break;
      this.#entries.delete(key);
    }
    const key = randomBytes(6).toString('base64url');
    this.#entries.set(key, { options, expires: this.#now() + this.#ttlMs });
    return key;
  }

  /** The options kept under `key`, unless they have expired or were never kept. */
  get(key: string): CommandOptions | undefined {
    const entry = this.#entries.get(key);
    if (!entry || entry.expires <= this.#now()) return undefined;
    return entry.options;
  }

  /** How many entries are held. */
  get size(): number {
    return this.#entries.size;
  }
}

/** The custom id of a button; never longer than Discord allows. */
export function encodeButton(state: ButtonState, store: OptionStore): string {
  const action = state.action.type === 'page' ? `p${state.action.page}` : state.action.type === 'here' ? `h${state.action.page}` : 'x0';
  // The context menu needs no options: each of its values names its result (see `referenceOf`).
  if (state.action.type === 'context') return [PREFIX, state.command, action, state.userId, ''].join(SEPARATOR);
  const head = [PREFIX, state.command, action, state.userId].join(SEPARATOR);
  const given = Object.entries(state.options).filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (given.length <= 1) {
    const id = `${head}${SEPARATOR}${given.map(([name, value]) => `${name}=${value}`).join('')}`;
    if (id.length <= MAX_CUSTOM_ID) return id;
  }
  return `${head}${SEPARATOR}#${store.put(Object.fromEntries(given))}`;
}

/** A decoded custom id: what to do, or why not (`foreign`: not one of ours; `expired`: its stored query is gone). */
export type DecodedButton = { success: true; state: ButtonState } | { success: false; reason: 'foreign' } | { success: false; reason: 'expired'; command: string };

/** Reads a custom id made by `encodeButton`. */
export function decodeButton(customId: string, store: OptionStore): DecodedButton {
  const parts = customId.split(SEPARATOR);
  if (parts.length < 5 || parts[0] !== PREFIX) return { success: false, reason: 'foreign' };
  const [, command, action, userId] = parts as [string, string, string, string];
  const rest = parts.slice(4).join(SEPARATOR);
  const act = /^(?:([ph])(\d{1,6})|(x)0)$/u.exec(action);
  if (!command || !act || !/^\d{1,20}$/u.test(userId)) return { success: false, reason: 'foreign' };
  const n = Number(act[2]);
  const parsedAction: ButtonAction = act[3] ? { type: 'context' } : act[1] === 'p' ? { type: 'page', page: n } : { type: 'here', page: n };
  let options: CommandOptions;
  if (rest === '') options = {};
  else if (rest.startsWith('#')) {
    const stored = store.get(rest.slice(1));
    if (!stored) return { success: false, reason: 'expired', command };
    options = stored;
  } else {
    const eq = rest.indexOf('=');
    if (eq <= 0) return { success: false, reason: 'foreign' };
    options = { [rest.slice(0, eq)]: rest.slice(eq + 1) };
  }
  return { success: true, state: { command, options, userId, action: parsedAction } };
}
