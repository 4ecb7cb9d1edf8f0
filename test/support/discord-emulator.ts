/**
 * A small emulator of Discord's HTTP API (v10) and gateway, started by tests on 127.0.0.1 so the
 * real, unmodified discord.js Client can log in and receive interactions with no network.
 *
 *   const emulator = await new DiscordEmulator().start();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emulator.apiUrl } });
 *   await client.login(emulator.token);
 *   const quote = emulator.sendCommand('quote', { query: 'Iravani' });
 *   const { type, data } = await quote.response;      // the bot's first acknowledgement
 *   // quote.events: every callback, edit and follow-up; emulator.requests: every REST request
 *   await client.destroy(); await emulator.stop();  // destroy clients first, or they reconnect forever
 *
 * It copies Discord wherever a bot could notice the difference (status and error codes, the
 * 3-second acknowledgement window, message limits, RESUME after a dropped socket) and is lax
 * elsewhere: one guild, one text channel, no permissions, no rate limits unless injected.
 * It never writes to the console, and its records never hold the token.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type {
  APIApplicationCommand,
  APIApplicationCommandInteractionDataOption,
  APIApplicationCommandOption,
  APIApplicationCommandOptionChoice,
  APIAttachment,
  APIEmbed,
  APIGuildMember,
  APIInteraction,
  APIInteractionResponseCallbackData,
  APIMessage,
  APIRole,
  APITextChannel,
  APIUser,
  ApplicationFlags,
  ChannelFlags,
  GatewayGuildCreateDispatchData,
  GatewayReadyDispatchData,
  GuildMemberFlags,
  GuildSystemChannelFlags,
  Locale,
  RoleFlags,
} from 'discord.js';

// Numbers from Discord's documentation, kept here so the emulator needs discord.js only for types.
const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, PresenceUpdate: 3, VoiceStateUpdate: 4, Resume: 6, Reconnect: 7, RequestGuildMembers: 8, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 } as const;

/** Interaction types (`type` of INTERACTION_CREATE). */
export const InteractionKind = { ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 } as const;

/** Interaction callback types (`type` of the body a bot POSTs to `/callback`). */
export const CallbackType = {
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredMessageUpdate: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
  Modal: 9,
} as const;

const Flag = { SuppressEmbeds: 1 << 2, Ephemeral: 1 << 6, Loading: 1 << 7, IsComponentsV2: 1 << 15 } as const;
const OptionType = { Subcommand: 1, SubcommandGroup: 2, String: 3, Integer: 4, Boolean: 5, User: 6, Channel: 7, Role: 8, Mentionable: 9, Number: 10, Attachment: 11 } as const;

// Which callbacks Discord accepts for each interaction type; anything else is a bot bug worth a 400.
const ALLOWED_CALLBACKS: Readonly<Record<number, readonly number[]>> = {
  [InteractionKind.ApplicationCommand]: [4, 5, 9],
  [InteractionKind.MessageComponent]: [4, 5, 6, 7, 9],
  [InteractionKind.Autocomplete]: [8],
  [InteractionKind.ModalSubmit]: [4, 5, 6, 7],
};

const DISCORD_EPOCH = 1_420_070_400_000n;
const PERMISSIONS = '2248473465835073';
const API_PREFIX = '/api/v10/';
let snowflakeIncrement = 0n;

/** A fresh snowflake for now, so discord.js's `createdAt` getters give sensible dates. */
export function snowflake(at: number = Date.now()): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | snowflakeIncrement).toString();
}

// ---------------------------------------------------------------------------------------------
// Public types

/** How to build an emulator; every field has a default. */
export interface DiscordEmulatorOptions {
  /** The one bot token accepted on REST and the gateway; default: a random token of the real shape. */
  token?: string;
  /** The application's id, also the bot user's id. */
  applicationId?: string;
  /** The guild the bot is in. */
  guildId?: string;
  /** That guild's name. */
  guildName?: string;
  /** The guild's one text channel, where interactions happen. */
  channelId?: string;
  /** The id of the default human who sends interactions. */
  userId?: string;
  /** The bot's username. */
  botUsername?: string;
  /** Sent in HELLO; Discord's 41.25 s means discord.js never heartbeats within a short test. */
  heartbeatIntervalMs?: number;
  /** How long a bot has to acknowledge an interaction (Discord: 3 s). */
  ackDeadlineMs?: number;
  /** How long an interaction's webhook token works for edits and follow-ups (Discord: 15 min). */
  interactionTokenLifetimeMs?: number;
  /** Answer over-limit messages with 400 / 50035 as Discord does (default true). */
  enforceLimits?: boolean;
  /** Receives one line per request and gateway event, for debugging; never given the token. */
  log?: (line: string) => void;
  /** The shard count GET /gateway/bot recommends (default 1). */
  recommendedShards?: number;
  /** `session_start_limit.max_concurrency` of GET /gateway/bot: how many shards may identify at once (default 1). */
  maxConcurrency?: number;
}

/** A file sent as multipart form data. */
export interface RecordedFile {
  /** The form field's name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  size: number;
  /** The file's bytes, so a test can compare what was uploaded (a chart drawn twice is the same bytes). */
  data: Buffer;
}

/** One REST request as the emulator saw and answered it. */
export interface RecordedRequest {
  /** When it arrived (ms since epoch). */
  at: number;
  method: string;
  /** The path after `/api/v10`, percent-decoded (`/webhooks/1/t/messages/@original`); the full path for other prefixes. */
  path: string;
  query: Record<string, string>;
  /** Request headers, lower-case; the Authorization value is masked so records can be printed safely. */
  headers: Record<string, string>;
  /** Whether `Authorization: Bot <token>` was absent, right or wrong. */
  auth: 'none' | 'valid' | 'invalid';
  /** Parsed JSON body, or `payload_json` of a multipart body, or null. */
  body: unknown;
  files: RecordedFile[];
  /** The matched route, e.g. `POST /interactions/:id/:token/callback`; null when no route matched (404/405). */
  route: string | null;
  /** The status the emulator answered with. */
  status: number;
  /** The body the emulator answered with (null for 204). */
  response: unknown;
}

/** One gateway frame the client sent (IDENTIFY/RESUME tokens masked). */
export interface RecordedFrame {
  at: number;
  op: number;
  d: unknown;
}

/** Discord's JSON error body. */
export interface ApiErrorBody {
  message: string;
  /** Discord's error code (40060, 10062, 50035…); absent on 429s. */
  code?: number;
  errors?: Record<string, unknown>;
  retry_after?: number;
  global?: boolean;
}

/** The `data` of an interaction callback: a message, autocomplete choices or a modal. */
export interface CallbackData extends APIInteractionResponseCallbackData {
  choices?: APIApplicationCommandOptionChoice[];
  custom_id?: string;
  title?: string;
}

/** An interaction callback body as the bot sent it. */
export interface InteractionCallback {
  type: number;
  data?: CallbackData;
}

/** Something the bot did to an interaction, accepted or not. */
export interface InteractionEvent {
  /** callback: POST /callback; followup: POST /webhooks/:app/:token; fetch/edit/delete: …/messages/:id. */
  kind: 'callback' | 'followup' | 'fetch' | 'edit' | 'delete';
  /** Milliseconds since the interaction was dispatched. */
  elapsedMs: number;
  /** `@original` or a follow-up's id for fetch/edit/delete; the created message's id for follow-ups. */
  messageId: string | null;
  /** The callback type, for callbacks. */
  callbackType: number | null;
  /** The request body. */
  body: unknown;
  /** The status the emulator answered with; 2xx means Discord would have accepted it. */
  status: number;
  /** The error body for non-2xx answers. */
  error: ApiErrorBody | null;
  /** Files uploaded with it (multipart), in order. */
  files?: RecordedFile[];
}

/** A problem Discord would reject, located like Discord's `errors` tree (`['embeds', 0, 'title']`). */
export interface LimitViolation {
  path: (string | number)[];
  code: string;
  message: string;
}

/** A scalar option value; its Discord type is taken from the registered command, else from the JS type. */
export type OptionValue = string | number | boolean;

/** Slash-command options: by name, or as Discord's option objects (for subcommands and explicit types). */
export type CommandOptionsInput = Readonly<Record<string, OptionValue>> | readonly APIApplicationCommandInteractionDataOption[];

/** Who sends an interaction, and from where. */
export interface InteractionOptions {
  /** The invoking user's id (default: the emulator's `userId`). */
  userId?: string;
  /** Their username. */
  username?: string;
  /** Send from a DM (user, no member, no guild) instead of the guild channel. */
  dm?: boolean;
  /** The user's locale (default en-US). */
  locale?: string;
  /** Fields merged over the INTERACTION_CREATE payload, for cases the helpers do not cover. */
  overrides?: Record<string, unknown>;
  /** Deliver it to the session of this shard id (default: the session identified last). */
  shard?: number;
}

/** A registered command list, as a PUT replaced it. */
export interface CommandRegistration {
  at: number;
  /** `global`, or the guild's id. */
  scope: string;
  commands: APIApplicationCommand[];
}

// ---------------------------------------------------------------------------------------------
// Waiting

interface Waiter {
  check(): void;
  fail(error: Error): void;
}

/** Lets callers await a condition on state that changes as frames and requests arrive. */
class Signal {
  private readonly waiters = new Set<Waiter>();

  /** Resolves with the probe's first non-undefined value; rejects after timeoutMs. */
  until<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const now = probe();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter: Waiter = {
        check: () => {
          const value = probe();
          if (value === undefined) return;
          finish();
          resolve(value);
        },
        fail: (error) => {
          finish();
          reject(error);
        },
      };
      const timer = setTimeout(() => waiter.fail(new Error(`Discord emulator: timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Re-checks every waiter. */
  notify(): void {
    for (const waiter of [...this.waiters]) waiter.check();
  }

  /** Rejects every waiter. */
  cancelAll(error: Error): void {
    for (const waiter of [...this.waiters]) waiter.fail(error);
  }
}

// ---------------------------------------------------------------------------------------------
// Interactions

/** One dispatched interaction and everything the bot did to it. */
export class EmulatedInteraction {
  /** Its id, as in `/interactions/:id/:token/callback`. */
  readonly id: string;
  /** Its token, as in the callback and webhook routes. */
  readonly token: string;
  /** 2 command, 3 component, 4 autocomplete, 5 modal submit. */
  readonly type: number;
  /** The INTERACTION_CREATE payload as dispatched. */
  readonly payload: APIInteraction;
  /** When it was dispatched (ms since epoch); the acknowledgement deadline counts from here. */
  readonly createdAt: number;
  /** The first acknowledgement Discord accepted; rejects if none came before the deadline (never unhandled). */
  readonly response: Promise<InteractionCallback>;
  /** Every callback, fetch, edit, delete and follow-up, in order, including rejected ones. */
  readonly events: InteractionEvent[] = [];
  /** The accepted acknowledgement, once there is one. */
  acknowledgement: InteractionCallback | null = null;
  /** The current state of the `@original` message, if any. */
  original: APIMessage | null = null;
  /** Follow-up messages, as last edited. */
  readonly followUps: APIMessage[] = [];
  /** For component interactions, the message holding the component (also `@original` after 6/7). */
  readonly componentMessage: APIMessage | null;
  /** True once the deadline passed without an acknowledgement. */
  expired = false;

  private readonly signal = new Signal();
  private settle: { resolve: (callback: InteractionCallback) => void; reject: (error: Error) => void } | null = null;
  private deadline: NodeJS.Timeout | null = null;

  /** @internal Built by DiscordEmulator. */
  constructor(payload: APIInteraction, componentMessage: APIMessage | null) {
    this.payload = payload;
    this.id = payload.id;
    this.token = payload.token;
    this.type = payload.type;
    this.createdAt = Date.now();
    this.componentMessage = componentMessage;
    this.response = new Promise<InteractionCallback>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // Tests that never look at `response` must not see an unhandled rejection when it expires.
    this.response.catch(() => undefined);
  }

  /** Resolves with the first event, past or future, of that kind or matching that predicate. */
  waitForEvent(match: InteractionEvent['kind'] | ((event: InteractionEvent) => boolean), timeoutMs = 5_000): Promise<InteractionEvent> {
    const test = typeof match === 'function' ? match : (event: InteractionEvent) => event.kind === match;
    return this.signal.until(() => this.events.find(test), timeoutMs, `an event on interaction ${this.id}`);
  }

  /** @internal */
  startDeadline(ms: number): void {
    this.deadline = setTimeout(() => {
      if (this.acknowledgement) return;
      this.expired = true;
      this.settle?.reject(new Error(`Discord emulator: interaction ${this.id} was not acknowledged within ${ms} ms`));
      this.settle = null;
    }, ms);
    this.deadline.unref();
  }

  /** @internal */
  acknowledge(callback: InteractionCallback): void {
    this.acknowledgement = callback;
    if (this.deadline) clearTimeout(this.deadline);
    this.settle?.resolve(callback);
    this.settle = null;
  }

  /** @internal */
  record(event: Omit<InteractionEvent, 'elapsedMs'>): void {
    this.events.push({ ...event, elapsedMs: Date.now() - this.createdAt });
    this.signal.notify();
  }

  /** @internal */
  dispose(): void {
    if (this.deadline) clearTimeout(this.deadline);
    this.settle?.reject(new Error('Discord emulator stopped'));
    this.settle = null;
    this.signal.cancelAll(new Error('Discord emulator stopped'));
  }
}

// ---------------------------------------------------------------------------------------------
// Limits Discord enforces on what a bot sends

const codePoints = (text: string): number => [...text].length;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isList = (value: unknown): value is readonly unknown[] => Array.isArray(value);

/**
 * Everything in a message body (content, embeds, components, allowed_mentions) that Discord would
 * reject. With `files` (the upload of a multipart request), an embed image `attachment://name`
 * must name one of them, or an attachment the body keeps.
 */
export function checkMessageLimits(body: unknown, files?: readonly RecordedFile[]): LimitViolation[] {
  const out: LimitViolation[] = [];
  if (!isRecord(body)) return out;
  const maxLength = (path: (string | number)[], value: unknown, max: number): number => {
    if (typeof value !== 'string') return 0;
    const length = codePoints(value);
    if (length > max) out.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
    return length;
  };
  maxLength(['content'], body.content, 2000);

  if (isList(body.embeds)) {
    if (body.embeds.length > 10) out.push({ path: ['embeds'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' });
    let total = 0;
    body.embeds.forEach((embed, i) => {
      if (!isRecord(embed)) return;
      total += maxLength(['embeds', i, 'title'], embed.title, 256);
      total += maxLength(['embeds', i, 'description'], embed.description, 4096);
      if (isRecord(embed.footer)) total += maxLength(['embeds', i, 'footer', 'text'], embed.footer.text, 2048);
      if (isRecord(embed.author)) total += maxLength(['embeds', i, 'author', 'name'], embed.author.name, 256);
      maxLength(['embeds', i, 'url'], embed.url, 2048);
      if (isRecord(embed.image)) {
        maxLength(['embeds', i, 'image', 'url'], embed.image.url, 2048);
        const name = typeof embed.image.url === 'string' ? /^attachment:\/\/(.+)$/u.exec(embed.image.url)?.[1] : undefined;
        const kept = isList(body.attachments) ? body.attachments.filter(isRecord).map((a) => a.filename) : [];
        if (name !== undefined && files !== undefined && !files.some((f) => f.filename === name) && !kept.includes(name)) {
          out.push({ path: ['embeds', i, 'image', 'url'], code: 'ATTACHMENT_NOT_FOUND', message: `No attachment named ${name}` });
        }
      }
      if (isList(embed.fields)) {
        if (embed.fields.length > 25) out.push({ path: ['embeds', i, 'fields'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
        embed.fields.forEach((field, j) => {
          if (!isRecord(field)) return;
          for (const [key, max] of [['name', 256], ['value', 1024]] as const) {
            const value = field[key];
            if (typeof value !== 'string' || value.length === 0) out.push({ path: ['embeds', i, 'fields', j, key], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
            else total += maxLength(['embeds', i, 'fields', j, key], value, max);
          }
        });
      }
    });
    if (total > 6000) out.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
  }

  const flags = typeof body.flags === 'number' ? body.flags : 0;
  if (isList(body.components) && (flags & Flag.IsComponentsV2) === 0) {
    if (body.components.length > 5) out.push({ path: ['components'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' });
    const customIds = new Set<string>();
    body.components.forEach((row, i) => {
      if (!isRecord(row) || !isList(row.components)) return;
      if (row.components.length > 5) out.push({ path: ['components', i, 'components'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' });
      row.components.forEach((component, j) => {
        if (!isRecord(component)) return;
        maxLength(['components', i, 'components', j, 'custom_id'], component.custom_id, 100);
        maxLength(['components', i, 'components', j, 'label'], component.label, 80);
        if (component.type === 2) {
          // A link button (style 5) has a url and no custom_id; every other button the reverse.
          const link = component.style === 5;
          if (link ? typeof component.url !== 'string' || component.custom_id !== undefined : typeof component.custom_id !== 'string' || component.url !== undefined) {
            out.push({ path: ['components', i, 'components', j], code: 'BUTTON_COMPONENT_INVALID', message: link ? 'A link button needs a url and no custom_id' : 'A button needs a custom_id and no url' });
          }
          maxLength(['components', i, 'components', j, 'url'], component.url, 512);
        }
        if (component.type === 3) {
          // A select menu fills its row; it has 1 to 25 options with distinct values, each text at most 100.
          if ((row.components as unknown[]).length > 1) out.push({ path: ['components', i, 'components'], code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', message: 'The specified component exceeds the maximum width' });
          maxLength(['components', i, 'components', j, 'placeholder'], component.placeholder, 150);
          const options = isList(component.options) ? component.options : [];
          if (options.length < 1 || options.length > 25) out.push({ path: ['components', i, 'components', j, 'options'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 25 in length.' });
          const values = new Set<unknown>();
          options.forEach((option, k) => {
            if (!isRecord(option)) return;
            for (const key of ['label', 'value', 'description'] as const) maxLength(['components', i, 'components', j, 'options', k, key], option[key], 100);
            if (typeof option.label !== 'string' || option.label.length === 0) out.push({ path: ['components', i, 'components', j, 'options', k, 'label'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
            if (values.has(option.value)) out.push({ path: ['components', i, 'components', j, 'options', k, 'value'], code: 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED', message: 'Select component option value cannot be duplicated' });
            values.add(option.value);
          });
        }
        if (typeof component.custom_id === 'string') {
          if (customIds.has(component.custom_id)) out.push({ path: ['components', i, 'components', j, 'custom_id'], code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' });
          customIds.add(component.custom_id);
        }
      });
    });
  }

  if (isRecord(body.allowed_mentions)) {
    const mentions = body.allowed_mentions;
    if (isList(mentions.parse)) {
      mentions.parse.forEach((kind, i) => {
        if (kind !== 'users' && kind !== 'roles' && kind !== 'everyone') out.push({ path: ['allowed_mentions', 'parse', i], code: 'BASE_TYPE_CHOICES', message: "Value must be one of ('roles', 'users', 'everyone')." });
      });
      for (const kind of ['users', 'roles'] as const) {
        const list = mentions[kind];
        if (mentions.parse.includes(kind) && isList(list) && list.length > 0) {
          out.push({ path: ['allowed_mentions'], code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE', message: `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.` });
        }
      }
    }
    for (const kind of ['users', 'roles'] as const) {
      const list = mentions[kind];
      if (isList(list) && list.length > 100) out.push({ path: ['allowed_mentions', kind], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
    }
  }
  return out;
}

/** Whether a new message would have nothing to show (Discord: 50006 Cannot send an empty message). */
export function isEmptyMessage(body: unknown, fileCount = 0): boolean {
  if (!isRecord(body)) return fileCount === 0;
  const nonEmpty = (value: unknown): boolean => (typeof value === 'string' ? value.length > 0 : isList(value) ? value.length > 0 : value !== undefined && value !== null);
  return fileCount === 0 && !['content', 'embeds', 'components', 'attachments', 'sticker_ids', 'poll'].some((key) => nonEmpty(body[key]));
}

/** Problems Discord would reject in autocomplete choices. */
export function checkChoices(data: unknown): LimitViolation[] {
  const out: LimitViolation[] = [];
  const choices = isRecord(data) ? data.choices : undefined;
  if (!isList(choices)) return [{ path: ['choices'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }];
  if (choices.length > 25) out.push({ path: ['choices'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  choices.forEach((choice, i) => {
    if (!isRecord(choice)) return;
    if (typeof choice.name !== 'string' || choice.name.length < 1 || codePoints(choice.name) > 100) out.push({ path: ['choices', i, 'name'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
    if (typeof choice.value === 'string' && codePoints(choice.value) > 100) out.push({ path: ['choices', i, 'value'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
    else if (typeof choice.value !== 'string' && typeof choice.value !== 'number') out.push({ path: ['choices', i, 'value'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  });
  return out;
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Devanagari}\p{sc=Thai}]{1,32}$/u;

/** Problems Discord would reject in a bulk command registration. */
export function checkCommands(body: readonly unknown[]): LimitViolation[] {
  const out: LimitViolation[] = [];
  const seen = new Set<string>();
  const checkName = (path: (string | number)[], name: unknown, slash: boolean): void => {
    if (typeof name !== 'string' || (slash ? !COMMAND_NAME.test(name) || name !== name.toLowerCase() : name.length < 1 || codePoints(name) > 32)) {
      out.push({ path, code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
    }
  };
  const checkDescription = (path: (string | number)[], description: unknown): void => {
    if (typeof description !== 'string' || description.length < 1 || codePoints(description) > 100) out.push({ path, code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
  };
  const checkOptions = (path: (string | number)[], options: unknown): void => {
    if (options === undefined) return;
    if (!isList(options)) return void out.push({ path, code: 'LIST_TYPE_CONVERT', message: 'Only iterables may be used in a ListType' });
    if (options.length > 25) out.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
    let optionalSeen = false;
    options.forEach((option, i) => {
      if (!isRecord(option)) return;
      checkName([...path, i, 'name'], option.name, true);
      checkDescription([...path, i, 'description'], option.description);
      if (isList(option.choices) && option.choices.length > 25) out.push({ path: [...path, i, 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
      if (option.required === true && optionalSeen) out.push({ path: [...path, i], code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message: 'Required options must be placed before non-required options' });
      if (option.required !== true && option.type !== OptionType.Subcommand && option.type !== OptionType.SubcommandGroup) optionalSeen = true;
      checkOptions([...path, i, 'options'], option.options);
    });
  };
  if (body.length > 100) out.push({ path: [], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
  body.forEach((command, i) => {
    if (!isRecord(command)) return void out.push({ path: [i], code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' });
    const type = typeof command.type === 'number' ? command.type : 1;
    const slash = type === 1;
    checkName([i, 'name'], command.name, slash);
    if (slash) checkDescription([i, 'description'], command.description);
    checkOptions([i, 'options'], command.options);
    const key = `${type}:${String(command.name)}`;
    if (seen.has(key)) out.push({ path: [i, 'name'], code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: 'Application command names must be unique' });
    seen.add(key);
  });
  return out;
}

/** Discord's nested `errors` tree for 50035 Invalid Form Body. */
function formErrors(violations: readonly LimitViolation[], prefix: readonly (string | number)[] = []): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const violation of violations) {
    let node = root;
    for (const key of [...prefix, ...violation.path]) {
      const next = node[String(key)];
      node = isRecord(next) ? next : (node[String(key)] = {});
    }
    const list = isList(node._errors) ? [...node._errors] : [];
    list.push({ code: violation.code, message: violation.message });
    node._errors = list;
  }
  return root;
}

// ---------------------------------------------------------------------------------------------
// HTTP plumbing

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: RecordedFile[];
}

interface Route {
  method: string;
  pattern: string;
  segments: string[];
  /** Bot routes need `Authorization: Bot <token>`; interaction and webhook routes are authorised by their token. */
  auth: boolean;
  handle: (context: RouteContext) => Reply;
}

const fail = (status: number, code: number, message: string, errors?: Record<string, unknown>): Reply => ({
  status,
  body: errors ? { message, code, errors } : { message, code },
});
const invalidForm = (violations: readonly LimitViolation[], prefix: readonly (string | number)[] = []): Reply => fail(400, 50035, 'Invalid Form Body', formErrors(violations, prefix));
const UNAUTHORIZED = (): Reply => fail(401, 0, '401: Unauthorized');

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** The parts of a multipart/form-data body: text fields by name, and files with their bytes. */
function parseMultipart(raw: Buffer, boundary: string): { fields: Map<string, string>; files: RecordedFile[] } {
  const fields = new Map<string, string>();
  const files: RecordedFile[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let position = raw.indexOf(delimiter);
  while (position !== -1) {
    const start = position + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, start);
    if (next === -1) break;
    // Each part sits between "--boundary\r\n" and "\r\n--boundary".
    const part = raw.subarray(start + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const head = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(head)?.[1];
      const contentType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? 'application/octet-stream';
      if (filename === undefined) fields.set(name, content.toString('utf8'));
      else files.push({ field: name, filename, contentType, size: content.length, data: Buffer.from(content) });
    }
    position = next;
  }
  return { fields, files };
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Gateway state

interface Dispatch {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

interface Session {
  id: string;
  seq: number;
  /** Dispatches kept for RESUME, which replays those after the client's last sequence number. */
  backlog: Dispatch[];
  /** The socket dispatches go to; null while the client is away (dispatches wait in the backlog). */
  socket: WebSocket | null;
  /** False once invalidated (op 9 false, close 1000): RESUME then fails. */
  valid: boolean;
  /** `[shard id, shard count]` as IDENTIFY gave it (`[0, 1]` without sharding). */
  shard: [number, number];
}

interface Connection {
  socket: WebSocket;
  session: Session | null;
}

type Fault = { kind: 'status'; status: number } | { kind: 'rateLimit'; retryAfter: number };

// ---------------------------------------------------------------------------------------------
// The emulator

/** Discord's REST API and gateway on one ephemeral port of 127.0.0.1. */
export class DiscordEmulator {
  /** The only bot token accepted. */
  readonly token: string;
  /** The application's id (and the bot user's). */
  readonly applicationId: string;
  /** The one guild the bot is in. */
  readonly guildId: string;
  /** That guild's text channel, where interactions happen. */
  readonly channelId: string;
  /** The default user sending interactions. */
  readonly userId: string;
  /** The bot's user, as in READY. */
  readonly botUser: APIUser;
  /** How long bots have to acknowledge an interaction; tests may shorten it before dispatching. */
  ackDeadlineMs: number;
  /** How long interaction tokens work for webhooks. */
  interactionTokenLifetimeMs: number;
  /** Whether over-limit messages get Discord's 400. */
  enforceLimits: boolean;

  /** Every REST request, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /** Every frame clients sent over the gateway, tokens masked. */
  readonly frames: RecordedFrame[] = [];
  /** Every interaction dispatched, in order. */
  readonly interactions: EmulatedInteraction[] = [];
  /** Every bulk command registration, in order. */
  readonly registrations: CommandRegistration[] = [];
  /** IDENTIFYs received (including rejected ones). */
  identifyCount = 0;
  /** RESUMEs received (including rejected ones). */
  resumeCount = 0;
  /** Heartbeats received. */
  heartbeatCount = 0;
  /** Gateway connections opened. */
  connectionCount = 0;

  private readonly guildName: string;
  private readonly heartbeatIntervalMs: number;
  private readonly recommendedShards: number;
  private readonly maxConcurrency: number;
  private readonly log: (line: string) => void;
  private readonly signal = new Signal();
  private readonly routes: Route[];
  private readonly connections = new Set<Connection>();
  private readonly sessions = new Map<string, Session>();
  private readonly byId = new Map<string, EmulatedInteraction>();
  private readonly byToken = new Map<string, EmulatedInteraction>();
  private readonly commands = new Map<string, APIApplicationCommand[]>();
  private readonly callbackFaults: Fault[] = [];
  private readonly joinedAt = new Date().toISOString();
  private current: Session | null = null;
  private server: Server | null = null;
  private wss: WebSocketServer | null = null;
  private port = 0;

  constructor(options: DiscordEmulatorOptions = {}) {
    this.applicationId = options.applicationId ?? '1300000000000000001';
    this.guildId = options.guildId ?? '1300000000000000002';
    this.channelId = options.channelId ?? '1300000000000000003';
    this.userId = options.userId ?? '1300000000000000004';
    this.guildName = options.guildName ?? 'Emulated Guild';
    // Real tokens start with the base64 of the application id; config validators may check the shape.
    this.token = options.token ?? `${Buffer.from(this.applicationId).toString('base64url')}.${randomBytes(5).toString('base64url')}.${randomBytes(28).toString('base64url')}`;
    this.botUser = { id: this.applicationId, username: options.botUsername ?? 'emulated-bot', discriminator: '0', global_name: null, avatar: null, bot: true };
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.ackDeadlineMs = options.ackDeadlineMs ?? 3_000;
    this.interactionTokenLifetimeMs = options.interactionTokenLifetimeMs ?? 15 * 60_000;
    this.enforceLimits = options.enforceLimits ?? true;
    this.log = options.log ?? (() => undefined);
    this.recommendedShards = options.recommendedShards ?? 1;
    this.maxConcurrency = options.maxConcurrency ?? 1;
    this.routes = this.buildRoutes();
  }

  // ---- lifecycle ----

  /** Listens on 127.0.0.1 with an ephemeral port; resolves to the emulator once it accepts connections. */
  async start(): Promise<this> {
    if (this.server) throw new Error('Discord emulator: already started');
    const server = createServer((request, response) => void this.onHttp(request, response));
    const wss = new WebSocketServer({ noServer: true });
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => this.onUpgrade(request, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.wss = wss;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  /** Terminates gateway sockets, closes the servers and clears every timer. Destroy clients first, or they keep reconnecting. */
  async stop(): Promise<void> {
    const { server, wss } = this;
    if (!server || !wss) return;
    this.server = null;
    this.wss = null;
    for (const interaction of this.interactions) interaction.dispose();
    this.signal.cancelAll(new Error('Discord emulator stopped'));
    for (const connection of this.connections) connection.socket.terminate();
    this.connections.clear();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The REST base for `new Client({ rest: { api } })` and `new REST({ api })`: `http://127.0.0.1:PORT/api`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.listeningPort()}/api`;
  }

  /** The gateway address handed out by GET /gateway/bot and in READY's resume_gateway_url. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.listeningPort()}`;
  }

  /** Whether a client holds an identified (or resumed) session on an open socket. */
  get connected(): boolean {
    return this.current !== null && this.current.valid && this.current.socket?.readyState === WebSocket.OPEN;
  }

  /** The sequence number of the last dispatch of the current session (0 before any). */
  get sequence(): number {
    return this.current?.seq ?? 0;
  }

  /** Requests no route matched (answered 404 or 405); tests may assert there were none. */
  get unmatchedRequests(): RecordedRequest[] {
    return this.requests.filter((request) => request.route === null);
  }

  /** Requests that matched a route such as `PUT /applications/:app/commands`. */
  requestsTo(route: string): RecordedRequest[] {
    return this.requests.filter((request) => request.route === route);
  }

  /** The commands currently registered globally, or in a guild. */
  registeredCommands(guildId?: string): APIApplicationCommand[] {
    return this.commands.get(guildId ?? 'global') ?? [];
  }

  // ---- waiting ----

  /** Resolves once a client holds a live session (after READY or RESUMED). */
  waitForSession(timeoutMs = 10_000): Promise<void> {
    return this.signal.until(() => (this.connected ? true : undefined), timeoutMs, 'a gateway session').then(() => undefined);
  }

  /** The shards (`[id, count]`) of the sessions live now, one per identified connection, in shard order. */
  liveShards(): [number, number][] {
    return [...this.sessions.values()]
      .filter((session) => session.valid && session.socket?.readyState === WebSocket.OPEN)
      .map((session) => session.shard)
      .sort((a, b) => a[0] - b[0]);
  }

  /** Resolves once `count` sessions are live at the same time (one per shard). */
  waitForShards(count: number, timeoutMs = 20_000): Promise<void> {
    return this.signal.until(() => (this.liveShards().length >= count ? true : undefined), timeoutMs, `${count} live shards`).then(() => undefined);
  }

  /** Resolves once `count` IDENTIFYs have arrived in total and the session is live. */
  waitForIdentify(count = 1, timeoutMs = 10_000): Promise<void> {
    return this.signal.until(() => (this.identifyCount >= count && this.connected ? true : undefined), timeoutMs, `IDENTIFY #${count}`).then(() => undefined);
  }

  /** Resolves once `count` RESUMEs have arrived in total and the session is live again. */
  waitForResume(count = 1, timeoutMs = 10_000): Promise<void> {
    return this.signal.until(() => (this.resumeCount >= count && this.connected ? true : undefined), timeoutMs, `RESUME #${count}`).then(() => undefined);
  }

  /** Resolves with the first REST request, past or future, that matches. */
  waitForRequest(match: (request: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<RecordedRequest> {
    return this.signal.until(() => this.requests.find(match), timeoutMs, 'a matching REST request');
  }

  // ---- interactions ----

  /** Dispatches a slash command; option types come from the registered command when there is one. */
  sendCommand(name: string, options: CommandOptionsInput = {}, who: InteractionOptions = {}): EmulatedInteraction {
    const command = this.findCommand(name, who);
    const data = { id: command?.id ?? this.stableId(`command:${name}`), name, type: 1, options: this.commandOptions(name, options, command) };
    return this.sendInteraction(InteractionKind.ApplicationCommand, who.dm ? data : { ...data, guild_id: this.guildId }, who);
  }

  /** Dispatches an autocomplete request with `focusedName` focused (added with an empty value if absent). */
  sendAutocomplete(name: string, options: CommandOptionsInput, focusedName: string, who: InteractionOptions = {}): EmulatedInteraction {
    const command = this.findCommand(name, who);
    const list = this.commandOptions(name, options, command).map((option) => ('value' in option ? { ...option, value: String(option.value) } : option));
    if (!list.some((option) => option.name === focusedName)) list.push({ name: focusedName, type: OptionType.String, value: '' });
    const focused = list.map((option) => (option.name === focusedName ? { ...option, focused: true } : option));
    const data = { id: command?.id ?? this.stableId(`command:${name}`), name, type: 1, options: focused };
    return this.sendInteraction(InteractionKind.Autocomplete, who.dm ? data : { ...data, guild_id: this.guildId }, who);
  }

  /** Dispatches a button press on `message` (default: a bot message holding that one button). */
  sendButton(customId: string, message: Partial<APIMessage> = {}, who: InteractionOptions = {}): EmulatedInteraction {
    const base = this.makeMessage({ content: '', components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Button', custom_id: customId }] }] }, [], 0, null);
    const full: APIMessage = { ...base, ...message };
    return this.sendInteraction(InteractionKind.MessageComponent, { custom_id: customId, component_type: 2 }, who, full);
  }

  /** Dispatches the choice of `values` in the select menu `customId` on `message`. */
  sendSelect(customId: string, values: string[], message: APIMessage, who: InteractionOptions = {}): EmulatedInteraction {
    return this.sendInteraction(InteractionKind.MessageComponent, { custom_id: customId, component_type: 3, values }, who, message);
  }

  /** Dispatches any interaction type with the given `data`; the other helpers build on this. */
  sendInteraction(type: number, data: Record<string, unknown>, who: InteractionOptions = {}, componentMessage: APIMessage | null = null): EmulatedInteraction {
    const session = who.shard === undefined ? this.current : ([...this.sessions.values()].find((s) => s.valid && s.shard[0] === who.shard) ?? null);
    if (!session || !session.valid) throw new Error(`Discord emulator: no gateway session${who.shard === undefined ? '' : ` for shard ${who.shard}`}; await client.login() or emulator.waitForSession() first`);
    const user = this.userFor(who);
    const common = {
      id: snowflake(),
      application_id: this.applicationId,
      type,
      data,
      token: `aW50ZXJhY3Rpb246${randomBytes(48).toString('base64url')}`,
      version: 1,
      locale: who.locale ?? 'en-US',
      app_permissions: PERMISSIONS,
      entitlements: [],
      attachment_size_limit: 10 * 1024 * 1024,
      ...(componentMessage ? { message: componentMessage } : {}),
    };
    const place = who.dm
      ? {
          channel_id: this.dmChannelId(user.id),
          channel: { id: this.dmChannelId(user.id), type: 1, recipients: [user], last_message_id: null, flags: 0 },
          user,
          context: 1,
          authorizing_integration_owners: { '1': user.id },
        }
      : {
          guild_id: this.guildId,
          guild: { id: this.guildId, locale: 'en-US', features: [] },
          guild_locale: 'en-US',
          channel_id: this.channelId,
          channel: { ...this.textChannel(), permissions: PERMISSIONS },
          member: { ...this.member(user), permissions: PERMISSIONS },
          context: 0,
          authorizing_integration_owners: { '0': this.guildId },
        };
    // The helpers build every field Discord sends; the cast only bridges the open `overrides`.
    const payload = { ...common, ...place, ...who.overrides } as unknown as APIInteraction;
    const interaction = new EmulatedInteraction(payload, componentMessage);
    this.interactions.push(interaction);
    this.byId.set(interaction.id, interaction);
    this.byToken.set(interaction.token, interaction);
    interaction.startDeadline(this.ackDeadlineMs);
    this.dispatchTo(session, 'INTERACTION_CREATE', payload);
    this.log(`gateway: INTERACTION_CREATE type ${type} ${interaction.id}`);
    return interaction;
  }

  /** Sends any dispatch event to the current session (queued for RESUME while the client is away). */
  dispatch(event: string, data: unknown): void {
    if (!this.current) throw new Error('Discord emulator: no gateway session to dispatch to');
    this.dispatchTo(this.current, event, data);
  }

  // ---- fault injection ----

  /** Answers the next `count` interaction callback POSTs with `status` (recorded as rejected attempts). */
  failNextCallbacks(count: number, status = 500): void {
    for (let i = 0; i < count; i++) this.callbackFaults.push({ kind: 'status', status });
  }

  /** Answers the next interaction callback POST with 429 and `retry-after` (fractions allowed, to keep tests fast). */
  rateLimitNextCallback(retryAfterSeconds: number): void {
    this.callbackFaults.push({ kind: 'rateLimit', retryAfter: retryAfterSeconds });
  }

  /** Closes the current gateway socket with `code` (4000/4009 → discord.js resumes; 1000 → re-identifies), or cuts it (1006) when omitted. */
  dropConnection(code?: number, reason = 'Dropped by the emulator'): void {
    const session = this.current;
    const socket = session?.socket;
    if (!session || !socket) throw new Error('Discord emulator: no connected session to drop');
    // Detach first: anything dispatched from now on waits for the RESUME.
    session.socket = null;
    if (code === 1000) session.valid = false;
    if (code === undefined) socket.terminate();
    else socket.close(code, reason);
    this.log(`gateway: dropped the connection (${code ?? 'no close frame'})`);
    this.signal.notify();
  }

  /** Sends op 9 INVALID_SESSION: resumable → the client RESUMEs; not → it IDENTIFYs again (discord.js waits up to 5 s for its throttle). */
  invalidateSession(resumable: boolean): void {
    const connection = this.connectionOf(this.current);
    if (!connection || !connection.session) throw new Error('Discord emulator: no connected session to invalidate');
    const session = connection.session;
    if (!resumable) session.valid = false;
    session.socket = null;
    connection.session = null;
    this.send(connection.socket, { op: Op.InvalidSession, d: resumable });
    this.signal.notify();
  }

  /** Sends op 7 RECONNECT: the client closes the socket and RESUMEs on a new one. */
  requestReconnect(): void {
    const connection = this.connectionOf(this.current);
    if (!connection || !connection.session) throw new Error('Discord emulator: no connected session');
    connection.session.socket = null;
    this.send(connection.socket, { op: Op.Reconnect, d: null });
    this.signal.notify();
  }

  // ---- gateway ----

  private onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const wss = this.wss;
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!wss || url.pathname.startsWith('/api')) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws, url));
  }

  private onConnection(socket: WebSocket, url: URL): void {
    const connection: Connection = { socket, session: null };
    this.connections.add(connection);
    this.connectionCount++;
    socket.on('error', () => undefined);
    socket.on('close', (code) => {
      this.connections.delete(connection);
      const session = connection.session;
      if (session && session.socket === socket) {
        session.socket = null;
        // A client closing with 1000 ends its session, as on Discord.
        if (code === 1000) session.valid = false;
      }
      this.log(`gateway: connection closed (${code})`);
      this.signal.notify();
    });
    // 4012 is one of the codes after which discord.js stops instead of reconnecting in a loop.
    if (url.searchParams.get('v') !== '10') return void socket.close(4012, 'Invalid API version');
    if (url.searchParams.get('encoding') !== 'json' || url.searchParams.has('compress')) return void socket.close(4012, 'The emulator speaks only uncompressed JSON');
    socket.on('message', (data: RawData) => this.onFrame(connection, data));
    this.send(socket, { op: Op.Hello, d: { heartbeat_interval: this.heartbeatIntervalMs } });
    this.log('gateway: connection opened, HELLO sent');
  }

  private onFrame(connection: Connection, data: RawData): void {
    const { socket } = connection;
    let frame: unknown;
    try {
      frame = JSON.parse((Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)).toString('utf8'));
    } catch {
      return void socket.close(4002, 'Error while decoding payload.');
    }
    if (!isRecord(frame) || typeof frame.op !== 'number') return void socket.close(4002, 'Error while decoding payload.');
    const d = frame.d;
    this.frames.push({ at: Date.now(), op: frame.op, d: isRecord(d) && 'token' in d ? { ...d, token: '[masked]' } : d });
    switch (frame.op) {
      case Op.Heartbeat:
        this.heartbeatCount++;
        this.send(socket, { op: Op.HeartbeatAck });
        break;
      case Op.Identify:
        this.onIdentify(connection, d);
        break;
      case Op.Resume:
        this.onResume(connection, d);
        break;
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
      case Op.RequestGuildMembers:
        if (!connection.session) socket.close(4003, 'Not authenticated.');
        break;
      default:
        socket.close(4001, 'Unknown opcode.');
    }
    this.signal.notify();
  }

  private onIdentify(connection: Connection, d: unknown): void {
    this.identifyCount++;
    const { socket } = connection;
    if (connection.session) return void socket.close(4005, 'Already authenticated.');
    if (!isRecord(d) || !this.tokenMatches(d.token)) return void socket.close(4004, 'Authentication failed.');
    if (typeof d.intents !== 'number') return void socket.close(4013, 'Invalid intent(s).');
    const shard: [number, number] = isList(d.shard) && d.shard.length === 2 && typeof d.shard[0] === 'number' && typeof d.shard[1] === 'number' ? [d.shard[0], d.shard[1]] : [0, 1];
    const session: Session = { id: randomBytes(16).toString('hex'), seq: 0, backlog: [], socket, valid: true, shard };
    this.sessions.set(session.id, session);
    connection.session = session;
    this.current = session;
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: this.botUser,
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl,
      shard,
      application: { id: this.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    this.dispatchTo(session, 'READY', ready);
    this.dispatchTo(session, 'GUILD_CREATE', this.guildCreate());
    this.log(`gateway: IDENTIFY accepted, READY sent (session ${session.id.slice(0, 8)})`);
  }

  private onResume(connection: Connection, d: unknown): void {
    this.resumeCount++;
    const { socket } = connection;
    if (connection.session) return void socket.close(4005, 'Already authenticated.');
    if (!isRecord(d) || !this.tokenMatches(d.token)) return void socket.close(4004, 'Authentication failed.');
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    const seq = typeof d.seq === 'number' ? d.seq : null;
    if (!session || !session.valid || seq === null || seq > session.seq) {
      this.log('gateway: RESUME refused, INVALID_SESSION sent');
      return void this.send(socket, { op: Op.InvalidSession, d: false });
    }
    connection.session = session;
    session.socket = socket;
    this.current = session;
    // Whatever the client missed while away (sent after its last sequence number) comes first, as on Discord.
    for (const missed of session.backlog) if (missed.s > seq) this.send(socket, missed);
    this.send(socket, { op: Op.Dispatch, t: 'RESUMED', s: ++session.seq, d: {} });
    this.log(`gateway: RESUME accepted (session ${session.id.slice(0, 8)})`);
  }

  private dispatchTo(session: Session, event: string, data: unknown): void {
    const frame: Dispatch = { op: Op.Dispatch, t: event, s: ++session.seq, d: data };
    session.backlog.push(frame);
    if (session.backlog.length > 1000) session.backlog.shift();
    if (session.socket) this.send(session.socket, frame);
  }

  private send(socket: WebSocket, payload: unknown): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  }

  private connectionOf(session: Session | null): Connection | undefined {
    if (!session) return undefined;
    return [...this.connections].find((connection) => connection.session === session);
  }

  private tokenMatches(value: unknown): boolean {
    return typeof value === 'string' && value.replace(/^Bot\s+/i, '') === this.token;
  }

  // ---- REST ----

  private buildRoutes(): Route[] {
    const route = (method: string, pattern: string, auth: boolean, handle: (context: RouteContext) => Reply): Route => ({
      method,
      pattern,
      segments: pattern.split('/').filter(Boolean),
      auth,
      handle,
    });
    return [
      route('GET', '/gateway', false, () => ({ status: 200, body: { url: this.gatewayUrl } })),
      route('GET', '/gateway/bot', true, () => ({
        status: 200,
        body: { url: this.gatewayUrl, shards: this.recommendedShards, session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: this.maxConcurrency } },
      })),
      route('GET', '/users/@me', true, () => ({ status: 200, body: this.botUser })),
      route('GET', '/applications/@me', true, () => ({ status: 200, body: this.application() })),
      route('GET', '/applications/:app/commands', true, ({ params }) => this.listCommands(params, 'global')),
      route('PUT', '/applications/:app/commands', true, ({ params, body }) => this.putCommands(params, 'global', body)),
      route('GET', '/applications/:app/guilds/:guild/commands', true, ({ params }) => this.listCommands(params, params.guild ?? '')),
      route('PUT', '/applications/:app/guilds/:guild/commands', true, ({ params, body }) => this.putCommands(params, params.guild ?? '', body)),
      route('POST', '/interactions/:id/:token/callback', false, (context) => this.onCallback(context)),
      route('POST', '/webhooks/:app/:token', false, (context) => this.onFollowUp(context)),
      route('GET', '/webhooks/:app/:token/messages/:message', false, (context) => this.onWebhookMessage('fetch', context)),
      route('PATCH', '/webhooks/:app/:token/messages/:message', false, (context) => this.onWebhookMessage('edit', context)),
      route('DELETE', '/webhooks/:app/:token/messages/:message', false, (context) => this.onWebhookMessage('delete', context)),
    ];
  }

  private async onHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const headers = flattenHeaders(request.headers);
    const authorization = headers.authorization;
    const auth = authorization === undefined ? 'none' : authorization === `Bot ${this.token}` ? 'valid' : 'invalid';
    if (authorization !== undefined) headers.authorization = auth === 'valid' ? 'Bot [masked: the right token]' : '[masked: a wrong token]';
    const record: RecordedRequest = {
      at: Date.now(),
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      auth,
      body: null,
      files: [],
      route: null,
      status: 0,
      response: null,
    };
    let reply: Reply;
    try {
      const raw = await readBody(request);
      reply = this.route(record, url, raw);
    } catch (error) {
      reply = fail(500, 0, `500: Discord emulator error: ${(error as Error).message}`);
    }
    record.status = reply.status;
    record.response = reply.body ?? null;
    this.requests.push(record);
    this.log(`rest: ${record.method} ${record.path} → ${reply.status}`);
    this.signal.notify();
    const body = reply.status === 204 || reply.body === undefined ? '' : JSON.stringify(reply.body);
    response.writeHead(reply.status, { ...(body ? { 'content-type': 'application/json' } : {}), ...reply.headers });
    response.end(body);
  }

  private route(record: RecordedRequest, url: URL, raw: Buffer): Reply {
    let hit: { candidate: Route; params: Record<string, string> } | undefined;
    let pathMatched = false;
    if (url.pathname.startsWith(API_PREFIX)) {
      let segments: string[];
      try {
        segments = url.pathname.slice(API_PREFIX.length).split('/').filter(Boolean).map((segment) => decodeURIComponent(segment));
      } catch {
        return fail(400, 0, '400: Bad Request');
      }
      record.path = `/${segments.join('/')}`;
      for (const candidate of this.routes) {
        const params = matchSegments(candidate.segments, segments);
        if (!params) continue;
        pathMatched = true;
        if (candidate.method === record.method) hit = { candidate, params };
      }
    }
    if (hit) record.route = `${hit.candidate.method} ${hit.candidate.pattern}`;
    // Parse even for unknown routes, so the record shows what was sent.
    const contentType = record.headers['content-type'] ?? '';
    if (raw.length > 0) {
      const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
      try {
        if (contentType.startsWith('multipart/form-data') && boundary) {
          const { fields, files } = parseMultipart(raw, boundary[1] ?? boundary[2] ?? '');
          const json = fields.get('payload_json');
          record.body = json === undefined ? Object.fromEntries(fields) : JSON.parse(json);
          record.files = files;
        } else {
          record.body = JSON.parse(raw.toString('utf8'));
        }
      } catch {
        return fail(400, 50109, 'The request body contains invalid JSON.');
      }
    }
    if (!hit) return pathMatched ? fail(405, 0, '405: Method Not Allowed') : fail(404, 0, '404: Not Found');
    if (hit.candidate.auth && record.auth !== 'valid') return UNAUTHORIZED();
    return hit.candidate.handle({ params: hit.params, query: url.searchParams, body: record.body, files: record.files });
  }

  // ---- commands ----

  private checkApplication(app: string | undefined): Reply | null {
    return app === this.applicationId ? null : fail(403, 20012, 'You are not authorized to perform this action on this application');
  }

  private checkGuild(scope: string): Reply | null {
    return scope === 'global' || scope === this.guildId ? null : fail(403, 50001, 'Missing Access');
  }

  private listCommands(params: Record<string, string>, scope: string): Reply {
    const refused = this.checkApplication(params.app) ?? this.checkGuild(scope);
    return refused ?? { status: 200, body: this.registeredCommands(scope) };
  }

  private putCommands(params: Record<string, string>, scope: string, body: unknown): Reply {
    const refused = this.checkApplication(params.app) ?? this.checkGuild(scope);
    if (refused) return refused;
    if (!isList(body)) return invalidForm([{ path: [], code: 'LIST_TYPE_CONVERT', message: 'Only iterables may be used in a ListType' }]);
    const problems = checkCommands(body);
    if (problems.length > 0) return invalidForm(problems);
    const before = this.registeredCommands(scope);
    const commands = body.filter(isRecord).map((command): APIApplicationCommand => {
      const type = typeof command.type === 'number' ? command.type : 1;
      // Discord keeps a command's id when a bulk overwrite keeps its name and type.
      const kept = before.find((old) => old.name === command.name && old.type === type);
      return {
        description: '',
        default_member_permissions: null,
        nsfw: false,
        integration_types: [0],
        contexts: null,
        ...command,
        id: kept?.id ?? snowflake(),
        application_id: this.applicationId,
        version: snowflake(),
        type,
        ...(scope === 'global' ? {} : { guild_id: scope }),
      } as APIApplicationCommand;
    });
    this.commands.set(scope, commands);
    this.registrations.push({ at: Date.now(), scope, commands });
    return { status: 200, body: commands };
  }

  private findCommand(name: string, who: InteractionOptions): APIApplicationCommand | undefined {
    const isSlash = (command: APIApplicationCommand): boolean => command.name === name && command.type === 1;
    return (who.dm ? undefined : this.registeredCommands(this.guildId).find(isSlash)) ?? this.registeredCommands('global').find(isSlash);
  }

  private commandOptions(name: string, input: CommandOptionsInput, command: APIApplicationCommand | undefined): APIApplicationCommandInteractionDataOption[] {
    if (isOptionList(input)) return structuredClone([...input]);
    return Object.entries(input).map(([optionName, value]) => {
      const declared: APIApplicationCommandOption | undefined = command?.options?.find((option) => option.name === optionName);
      if (command && !declared) throw new Error(`Discord emulator: /${name} was registered without an option named ${optionName}`);
      const type = declared?.type ?? (typeof value === 'string' ? OptionType.String : typeof value === 'boolean' ? OptionType.Boolean : Number.isInteger(value) ? OptionType.Integer : OptionType.Number);
      const fits =
        type === OptionType.Boolean ? typeof value === 'boolean'
        : type === OptionType.Integer ? Number.isInteger(value)
        : type === OptionType.Number ? typeof value === 'number'
        : typeof value === 'string';
      if (!fits) throw new Error(`Discord emulator: /${name} ${optionName} has option type ${type}, which ${JSON.stringify(value)} does not fit`);
      return { name: optionName, type, value } as APIApplicationCommandInteractionDataOption;
    });
  }

  // ---- interaction callbacks ----

  private onCallback({ params, query, body, files }: RouteContext): Reply {
    const interaction = params.id === undefined ? undefined : this.byId.get(params.id);
    if (!interaction || interaction.token !== params.token) return fail(404, 10062, 'Unknown interaction');
    const requested = isRecord(body) && typeof body.type === 'number' ? body.type : null;
    const reject = (reply: Reply): Reply => {
      interaction.record({ kind: 'callback', messageId: null, callbackType: requested, body, status: reply.status, error: reply.body as ApiErrorBody });
      return reply;
    };
    const fault = this.callbackFaults.shift();
    if (fault?.kind === 'status') return reject(fail(fault.status, 0, `${fault.status}: Injected failure`));
    if (fault?.kind === 'rateLimit') {
      const body429: ApiErrorBody = { message: 'You are being rate limited.', retry_after: fault.retryAfter, global: false };
      return reject({ status: 429, body: body429, headers: { 'retry-after': String(fault.retryAfter), 'x-ratelimit-scope': 'user' } });
    }
    if (interaction.acknowledgement) return reject(fail(400, 40060, 'Interaction has already been acknowledged.'));
    if (interaction.expired || Date.now() - interaction.createdAt > this.ackDeadlineMs) return reject(fail(404, 10062, 'Unknown interaction'));
    if (requested === null || !isRecord(body)) return reject(invalidForm([{ path: ['type'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }]));
    if (!(ALLOWED_CALLBACKS[interaction.type] ?? []).includes(requested)) {
      return reject(invalidForm([{ path: ['type'], code: 'BASE_TYPE_CHOICES', message: `Value must be one of ${JSON.stringify(ALLOWED_CALLBACKS[interaction.type] ?? [])}.` }]));
    }
    const data = isRecord(body.data) ? (body.data as CallbackData) : undefined;
    if (this.enforceLimits) {
      if (requested === CallbackType.ChannelMessageWithSource && isEmptyMessage(data, files.length)) return reject(fail(400, 50006, 'Cannot send an empty message'));
      const problems = requested === CallbackType.AutocompleteResult ? checkChoices(data) : requested === CallbackType.ChannelMessageWithSource || requested === CallbackType.UpdateMessage ? checkMessageLimits(data, files) : [];
      if (problems.length > 0) return reject(invalidForm(problems, ['data']));
    }

    const flags = typeof data?.flags === 'number' ? data.flags : 0;
    let message: APIMessage | null = null;
    switch (requested) {
      case CallbackType.ChannelMessageWithSource:
        message = this.makeMessage(data ?? {}, files, interaction.type === InteractionKind.ApplicationCommand ? 20 : 19, interaction);
        interaction.original = message;
        break;
      case CallbackType.DeferredChannelMessageWithSource:
        message = this.makeMessage({ content: '', flags: flags | Flag.Loading }, [], interaction.type === InteractionKind.ApplicationCommand ? 20 : 19, interaction);
        interaction.original = message;
        break;
      case CallbackType.DeferredMessageUpdate:
        interaction.original = interaction.componentMessage;
        break;
      case CallbackType.UpdateMessage:
        if (interaction.componentMessage) message = this.editMessage(interaction.componentMessage, data ?? {}, files);
        interaction.original = message;
        break;
    }
    const callback: InteractionCallback = data === undefined ? { type: requested } : { type: requested, data };
    interaction.acknowledge(callback);
    interaction.record({ kind: 'callback', messageId: message?.id ?? null, callbackType: requested, body, status: query.get('with_response') === 'true' ? 200 : 204, error: null, files });
    if (query.get('with_response') !== 'true') return { status: 204 };
    const shown = message ?? interaction.original;
    return {
      status: 200,
      body: {
        interaction: {
          id: interaction.id,
          type: interaction.type,
          ...(shown ? { response_message_id: shown.id, response_message_loading: ((shown.flags ?? 0) & Flag.Loading) !== 0, response_message_ephemeral: ((shown.flags ?? 0) & Flag.Ephemeral) !== 0 } : {}),
        },
        resource: message ? { type: requested, message } : { type: requested },
      },
    };
  }

  // ---- interaction webhooks ----

  /** The interaction behind a webhook route, or the error Discord gives. */
  private webhookInteraction(params: Record<string, string>): EmulatedInteraction | Reply {
    if (params.app !== this.applicationId) return fail(404, 10015, 'Unknown Webhook');
    const interaction = params.token === undefined ? undefined : this.byToken.get(params.token);
    if (!interaction || Date.now() - interaction.createdAt > this.interactionTokenLifetimeMs) return fail(401, 50027, 'Invalid Webhook Token');
    // The webhook only exists once the interaction has been acknowledged.
    if (!interaction.acknowledgement) return fail(404, 10015, 'Unknown Webhook');
    return interaction;
  }

  private onFollowUp({ params, query, body, files }: RouteContext): Reply {
    const found = this.webhookInteraction(params);
    if (!(found instanceof EmulatedInteraction)) return found;
    const record = (reply: Reply, messageId: string | null): Reply => {
      found.record({ kind: 'followup', messageId, callbackType: null, body, status: reply.status, error: reply.status >= 400 ? (reply.body as ApiErrorBody) : null });
      return reply;
    };
    if (this.enforceLimits) {
      if (isEmptyMessage(body, files.length)) return record(fail(400, 50006, 'Cannot send an empty message'), null);
      const problems = checkMessageLimits(body);
      if (problems.length > 0) return record(invalidForm(problems), null);
    }
    const message = this.makeMessage(isRecord(body) ? (body as CallbackData) : {}, files, 0, found);
    found.followUps.push(message);
    return record(query.get('wait') === 'false' ? { status: 204 } : { status: 200, body: message }, message.id);
  }

  private onWebhookMessage(kind: 'fetch' | 'edit' | 'delete', { params, body, files }: RouteContext): Reply {
    const found = this.webhookInteraction(params);
    if (!(found instanceof EmulatedInteraction)) return found;
    const messageId = params.message ?? '';
    const record = (reply: Reply): Reply => {
      found.record({ kind, messageId, callbackType: null, body, status: reply.status, error: reply.status >= 400 ? (reply.body as ApiErrorBody) : null });
      return reply;
    };
    const followUpIndex = found.followUps.findIndex((message) => message.id === messageId);
    const target = messageId === '@original' ? found.original : found.followUps[followUpIndex] ?? null;
    if (!target) return record(fail(404, 10008, 'Unknown Message'));
    if (kind === 'fetch') return record({ status: 200, body: target });
    if (kind === 'delete') {
      if (messageId === '@original') found.original = null;
      else found.followUps.splice(followUpIndex, 1);
      return record({ status: 204 });
    }
    if (this.enforceLimits) {
      const problems = checkMessageLimits(body);
      if (problems.length > 0) return record(invalidForm(problems));
    }
    const edited = this.editMessage(target, isRecord(body) ? (body as CallbackData) : {}, files);
    if (this.enforceLimits && isEmptyMessage(edited, 0)) return record(fail(400, 50006, 'Cannot send an empty message'));
    if (messageId === '@original') found.original = edited;
    else found.followUps[followUpIndex] = edited;
    return record({ status: 200, body: edited });
  }

  // ---- Discord objects ----

  private makeMessage(data: CallbackData, files: readonly RecordedFile[], type: number, interaction: EmulatedInteraction | null): APIMessage {
    const channelId = interaction?.payload.channel?.id ?? this.channelId;
    const user = interaction ? (interaction.payload.member?.user ?? interaction.payload.user) : undefined;
    return {
      id: snowflake(),
      channel_id: channelId,
      author: this.botUser,
      content: data.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: data.tts ?? false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: this.attachments(files),
      embeds: (data.embeds ?? []).map((embed: APIEmbed) => ({ type: 'rich', ...embed }) as APIEmbed),
      pinned: false,
      type,
      flags: data.flags ?? 0,
      components: (data.components ?? []) as APIMessage['components'],
      ...(interaction ? { webhook_id: this.applicationId, application_id: this.applicationId } : {}),
      ...(interaction && user ? { interaction_metadata: { id: interaction.id, type: interaction.type, user, authorizing_integration_owners: {} } } : {}),
      // Plain numbers stand in for discord-api-types' enums (message type, flags).
    } as APIMessage;
  }

  private editMessage(message: APIMessage, data: CallbackData, files: readonly RecordedFile[]): APIMessage {
    const wasLoading = ((message.flags ?? 0) & Flag.Loading) !== 0;
    const kept = isList(data.attachments) ? message.attachments.filter((a) => data.attachments?.some((b) => b.id !== undefined && String(b.id) === a.id)) : message.attachments;
    return {
      ...message,
      ...(data.content !== undefined ? { content: data.content ?? '' } : {}),
      ...(data.embeds !== undefined ? { embeds: (data.embeds ?? []).map((embed) => ({ type: 'rich', ...embed }) as APIEmbed) } : {}),
      ...(data.components !== undefined ? { components: (data.components ?? []) as APIMessage['components'] } : {}),
      attachments: [...kept, ...this.attachments(files)],
      flags: (message.flags ?? 0) & ~Flag.Loading,
      // Completing a deferred reply is not an edit in Discord's eyes.
      edited_timestamp: wasLoading ? null : new Date().toISOString(),
    };
  }

  private attachments(files: readonly RecordedFile[]): APIAttachment[] {
    return files.map((file) => {
      const id = snowflake();
      const url = `https://cdn.discordapp.com/attachments/${this.channelId}/${id}/${encodeURIComponent(file.filename)}`;
      return { id, filename: file.filename, size: file.size, url, proxy_url: url, content_type: file.contentType };
    });
  }

  private userFor(who: InteractionOptions): APIUser {
    const id = who.userId ?? this.userId;
    return { id, username: who.username ?? (id === this.userId ? 'tester' : `user${id.slice(-4)}`), discriminator: '0', global_name: null, avatar: null };
  }

  private member(user: APIUser): APIGuildMember {
    return { user, roles: [], joined_at: this.joinedAt, deaf: false, mute: false, flags: 0 as GuildMemberFlags, nick: null, avatar: null, banner: null, premium_since: null, pending: false, communication_disabled_until: null };
  }

  private textChannel(): APITextChannel {
    return {
      id: this.channelId,
      type: 0,
      guild_id: this.guildId,
      name: 'general',
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      parent_id: null,
      flags: 0 as ChannelFlags,
    };
  }

  private guildCreate(): GatewayGuildCreateDispatchData {
    const everyone = {
      id: this.guildId,
      name: '@everyone',
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: 0,
      permissions: PERMISSIONS,
      managed: false,
      mentionable: false,
      flags: 0 as RoleFlags,
    } satisfies APIRole;
    return {
      id: this.guildId,
      name: this.guildName,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: this.userId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [everyone],
      emojis: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0 as GuildSystemChannelFlags,
      rules_channel_id: null,
      max_members: 500_000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US' as Locale,
      public_updates_channel_id: null,
      nsfw_level: 0,
      stickers: [],
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      hub_type: null,
      incidents_data: null,
      joined_at: this.joinedAt,
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      // With only the Guilds intent Discord still sends the bot's own member.
      members: [this.member(this.botUser)],
      channels: [this.textChannel()],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  private application(): Record<string, unknown> {
    return {
      id: this.applicationId,
      name: this.botUser.username,
      icon: null,
      description: '',
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: randomBytes(32).toString('hex'),
      flags: 0,
      team: null,
      bot: this.botUser,
      owner: { id: this.userId, username: 'tester', discriminator: '0', global_name: null, avatar: null },
    };
  }

  private dmChannelId(userId: string): string {
    return this.stableId(`dm:${userId}`);
  }

  private readonly stableIds = new Map<string, string>();

  /** One snowflake per key for the emulator's life, so repeated commands keep their id. */
  private stableId(key: string): string {
    let id = this.stableIds.get(key);
    if (!id) this.stableIds.set(key, (id = snowflake()));
    return id;
  }

  private listeningPort(): number {
    if (!this.server) throw new Error('Discord emulator: call start() first');
    return this.port;
  }
}

function isOptionList(input: CommandOptionsInput): input is readonly APIApplicationCommandInteractionDataOption[] {
  return Array.isArray(input);
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i] ?? '';
    const got = actual[i] ?? '';
    if (want.startsWith(':')) params[want.slice(1)] = got;
    else if (want !== got) return null;
  }
  return params;
}
