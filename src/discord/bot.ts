/**
 * The Discord edge: a client that answers slash commands, their autocomplete and the buttons of
 * its answers from the library. Everything it shows is rendered by `render/discord.ts` from a
 * command's pure answer; this file only routes, limits, times and logs.
 */
import { performance } from 'node:perf_hooks';
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type StringSelectMenuInteraction,
  type Interaction,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
} from 'discord.js';
import { addCommand, handleAdd } from '../commands/add.ts';
import { resultsOf, type Answer, type CommandOptions } from '../commands/answer.ts';
import { contextOf, resolveReference } from '../commands/context.ts';
import { PRIVATE_OPTION } from '../commands/private.ts';
import { findCommand } from '../commands/registry.ts';
import type { ArticleAdder } from '../fetch/add-article.ts';
import type { LibrarySource } from '../live-library.ts';
import { createLogger, type Logger } from '../log.ts';
import { privateNote, renderContext, renderDiscord, type ButtonAction, type DiscordMessage } from '../render/discord.ts';
import { preloadCharts, withCharts, type SendableMessage } from '../render/chart.ts';
import { decodeButton, encodeButton, OptionStore } from './custom-id.ts';
import { NOTES } from './notes.ts';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimit } from './rate-limit.ts';
import { DEFER_AFTER_MS, respondPromptly, type Responder } from './respond.ts';

/** What the bot needs to run. */
export interface BotOptions {
  token: string;
  /** Where each interaction gets the library it answers from (see `LiveLibrary`). */
  library: LibrarySource;
  /** Another REST base (`http://127.0.0.1:PORT/api`); the gateway address is asked of REST. */
  apiUrl?: string | undefined;
  /** Where structured log lines go; default: a logger to standard error that scrubs the token. */
  logger?: Logger;
  /** Answers a user may have in a window (commands and button presses). */
  rateLimit?: RateLimit;
  /** Defer an answer not ready after this long (see `respondPromptly`). */
  deferAfterMs?: number;
  /** What /add adds articles with; without it, /add says adding is not switched on. */
  adder?: ArticleAdder | undefined;
}

/** A running bot. */
export interface Bot {
  client: Client;
  /** Stops taking interactions, lets those in flight finish (at most `graceMs`), then logs out. */
  stop(graceMs?: number): Promise<void>;
  /**
   * Settles with one line for the operator when Discord closes the connection for good (a token
   * revoked while running: close code 4004; a setting Discord refuses): the bot can no longer
   * answer and will not reconnect, so the process should end in failure for its manager to act.
   */
  lost: Promise<string>;
}

/** What mends a refused token, the end of every line that says Discord refused it. */
const RESET_TOKEN = 'Copy a fresh one from the Developer Portal (Bot > Reset Token).';

/** The line logged when Discord refuses the token at start-up. */
export const TOKEN_REFUSED = `Discord refused the token in DISCORD_TOKEN. ${RESET_TOKEN}`;

/** What a close code Discord will not reconnect after means, for the operator (discord.js gives up on these). */
export function lostConnectionMessage(code: number): string {
  if (code === 4004) return `Discord refused the token in DISCORD_TOKEN (it was reset or revoked while the bot ran). ${RESET_TOKEN}`;
  return `Discord closed the connection for good (gateway close code ${code}) and the bot cannot reconnect; see https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes.`;
}

/** How long after connecting the bot loads what its first answers need not wait for (see `startBot`). */
const PRELOAD_DELAY_MS = 3_000;

/** How long `stop` waits for interactions in flight: Discord gives each 3 s, and a retried reply a little more. */
export const STOP_GRACE_MS = 10_000;

/** Logs in and answers interactions; resolves once connected. Rejects with discord.js's `TokenInvalid` for a refused token. */
export async function startBot({ token, library, apiUrl, logger = createLogger({ secrets: [token] }), rateLimit = DEFAULT_RATE_LIMIT, deferAfterMs = DEFER_AFTER_MS, adder }: BotOptions): Promise<Bot> {
  const client = new Client({
    // Slash commands need no privileged intents; Guilds lets interaction.guild resolve.
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(apiUrl ? { rest: { api: apiUrl } } : {}),
  });
  const handler = new InteractionHandler(library, logger, new RateLimiter(rateLimit), new OptionStore(), deferAfterMs, adder);
  const inFlight = new Set<Promise<void>>();
  let stopping: Promise<void> | null = null;

  client.on(Events.InteractionCreate, (interaction) => {
    const work = stopping ? handler.refuseWhileStopping(interaction) : handler.handle(interaction);
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  client.once(Events.ClientReady, (ready) => logger.info({ user: ready.user.tag, articles: library.current().articles.length }, 'logged in to Discord'));
  // discord.js emits this only for the close codes it will not reconnect after (4004 and the like).
  const lost = new Promise<string>((resolve) => client.on(Events.ShardDisconnect, (event) => resolve(lostConnectionMessage(event.code))));
  client.on(Events.ShardDisconnect, (event) => logger.warn({ code: event.code }, 'gateway connection closed'));
  client.on(Events.ShardReconnecting, () => logger.info('gateway reconnecting'));
  client.on(Events.ShardResume, (_shard, replayed) => logger.info({ replayed }, 'gateway session resumed'));
  client.on(Events.ShardReady, () => logger.info('gateway session ready'));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'Discord client error'));

  try {
    await client.login(token);
  } catch (error) {
    await client.destroy();
    throw error;
  }
  // In the background, once the first interactions after connecting are answered: the article
  // search index of a saved library (some 150 ms at 10,000 articles) and the charting libraries
  // (some 300 ms) each hold the event loop, which neither logging in nor the first answers should
  // wait for. An answer that needs one before then loads it itself.
  setTimeout(() => {
    library.current().loadIndexes().catch((error: unknown) => logger.warn({ err: error }, 'could not load the search indexes'));
    preloadCharts().catch((error: unknown) => logger.warn({ err: error }, 'could not load the charting libraries'));
  }, PRELOAD_DELAY_MS).unref();

  async function stop(graceMs = STOP_GRACE_MS): Promise<void> {
    logger.info({ inFlight: inFlight.size }, 'stopping: no new interactions, finishing those in flight');
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([Promise.allSettled([...inFlight]), grace]);
    clearTimeout(timer);
    await client.destroy();
    logger.info('logged out of Discord');
  }
  return {
    client,
    stop: (graceMs) => (stopping ??= stop(graceMs)),
    lost,
  };
}

/** The options of a slash command as plain strings, by name (booleans such as `private` are read apart). */
function optionsOf(interaction: ChatInputCommandInteraction): CommandOptions {
  return Object.fromEntries(interaction.options.data.filter((o) => typeof o.value === 'string').map((o) => [o.name, o.value as string]));
}

/** How long the options' text is, for the log: the words themselves are the user's and are not logged. */
function queryLength(options: CommandOptions): number {
  return Object.values(options).reduce((n, v) => n + (v?.length ?? 0), 0);
}

/** How many results an answer holds, for the log. */
function resultCount(answer: Answer | undefined): number {
  if (!answer) return 0;
  if (answer.type === 'articles') return answer.articles.length;
  if (answer.type === 'help') return answer.entries.length;
  return resultsOf(answer).length;
}

/** What kind of interaction it is, for the log. */
function kindOf(interaction: Interaction): 'autocomplete' | 'button' | 'select' | 'command' | 'other' {
  return interaction.isAutocomplete() ? 'autocomplete' : interaction.isButton() ? 'button' : interaction.isStringSelectMenu() ? 'select' : interaction.isChatInputCommand() ? 'command' : 'other';
}

function isPrivate(message: DiscordMessage): boolean {
  return ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

/** A rendered message as a first reply, its charts as files. */
function asReply(message: SendableMessage): InteractionReplyOptions {
  const { charts: _charts, ...rest } = message;
  return { ...rest, flags: message.flags as MessageFlags.Ephemeral | undefined };
}

/** A rendered message replacing the message a button is on (flags cannot change there); the old page's charts go, the new page's come. */
function asUpdate(message: SendableMessage): InteractionUpdateOptions {
  const { flags: _flags, charts: _charts, ...rest } = message;
  return { ...rest, content: message.content ?? '', attachments: [] };
}

/** Makes a message private, for `private: True`. */
function privately(message: DiscordMessage): DiscordMessage {
  return { ...message, flags: (message.flags ?? 0) | MessageFlags.Ephemeral };
}

/** Answers each kind of interaction; one catch per interaction answers privately when anything goes wrong. */
class InteractionHandler {
  constructor(
    private readonly source: LibrarySource,
    private readonly logger: Logger,
    private readonly limiter: RateLimiter,
    private readonly store: OptionStore,
    private readonly deferAfterMs: number,
    private readonly adder: ArticleAdder | undefined,
  ) {}

  async handle(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const fields: Record<string, unknown> = { interaction: kindOf(interaction) };
    try {
      // Each handler fills in `fields` as it learns them, so a failure is logged with what was known.
      if (interaction.isChatInputCommand()) await this.command(interaction, fields);
      else if (interaction.isAutocomplete()) await this.autocomplete(interaction, fields);
      else if (interaction.isButton() || interaction.isStringSelectMenu()) await this.button(interaction, fields);
      else return;
      this.logger.info({ ...fields, ms: Math.round((performance.now() - started) * 10) / 10 }, 'answered');
    } catch (error) {
      this.logger.error({ ...fields, ms: Math.round((performance.now() - started) * 10) / 10, err: error }, 'answering failed');
      // An autocomplete must be answered too, or Discord shows its own error: with no suggestion.
      if (interaction.isAutocomplete() && !interaction.responded) return void (await interaction.respond([]).catch((e: unknown) => this.logger.error({ err: e }, 'could not report the failure')));
      if (interaction.isRepliable() && interaction.deferred && !interaction.replied) {
        await interaction.editReply({ content: NOTES.failed }).catch((e: unknown) => this.logger.error({ err: e }, 'could not report the failure'));
        return;
      }
      if (!interaction.isRepliable() || interaction.replied || interaction.deferred) return;
      await interaction.reply(asReply(privateNote(NOTES.failed))).catch((e: unknown) => this.logger.error({ err: e }, 'could not report the failure'));
    }
  }

  /** While stopping: a private note instead of an answer, so nobody waits on an interaction that will fail. */
  async refuseWhileStopping(interaction: Interaction): Promise<void> {
    const fields = { interaction: kindOf(interaction), ...('commandName' in interaction ? { command: interaction.commandName } : {}), results: 0, refused: 'stopping' };
    try {
      if (interaction.isAutocomplete()) await interaction.respond([]);
      else if (interaction.isRepliable()) await interaction.reply(asReply(privateNote(NOTES.restarting)));
      // The same line as every other refusal, so one filter on `answered` counts every interaction.
      this.logger.info(fields, 'answered');
    } catch (error) {
      this.logger.warn({ err: error }, 'could not refuse an interaction while stopping');
    }
  }

  private async command(interaction: ChatInputCommandInteraction, fields: Record<string, unknown>): Promise<void> {
    const options = optionsOf(interaction);
    Object.assign(fields, { command: interaction.commandName, queryLength: queryLength(options) });
    if (interaction.commandName === addCommand.name) return this.add(interaction, fields);
    const command = findCommand(interaction.commandName);
    if (!command) throw new Error(`bot: no command named ${interaction.commandName}`);
    const wait = this.limiter.take(interaction.user.id);
    if (wait > 0) {
      await interaction.reply(asReply(privateNote(NOTES.rateLimited(wait))));
      Object.assign(fields, { results: 0, refused: 'rate-limit' });
      return;
    }
    const hidden = interaction.options.getBoolean(PRIVATE_OPTION) ?? false;
    // One library for the whole answer, even if a reload swaps in another meanwhile.
    const library = this.source.current();
    let answer: Answer | undefined;
    const buttonId = (action: ButtonAction) => encodeButton({ command: command.name, options, userId: interaction.user.id, action }, this.store);
    const responder: Responder<SendableMessage> = {
      reply: (message) => interaction.reply(asReply(message)),
      defer: () => interaction.deferReply(hidden ? { flags: MessageFlags.Ephemeral } : {}),
      edit: async (message) => {
        // A problem is private, but a public deferral cannot become private: replace it with a private follow-up.
        if (isPrivate(message) && !hidden) {
          await interaction.deleteReply();
          return interaction.followUp(asReply(message));
        }
        return interaction.editReply(asUpdate(message));
      },
    };
    const response = await respondPromptly(
      () => {
        answer = command.answer(library, options);
        const message = renderDiscord(answer, { page: 0, buttonId });
        return withCharts(hidden ? privately(message) : message);
      },
      responder,
      this.deferAfterMs,
    );
    Object.assign(fields, { results: resultCount(answer), response });
  }

  /** /add: writes rather than answers, so it has its own path (see `commands/add.ts`). */
  private async add(interaction: ChatInputCommandInteraction, fields: Record<string, unknown>): Promise<void> {
    if (!this.adder) {
      await interaction.reply(asReply(privateNote(NOTES.addUnavailable)));
      return void Object.assign(fields, { results: 0, refused: 'unavailable' });
    }
    const wait = this.limiter.take(interaction.user.id);
    if (wait > 0) {
      await interaction.reply(asReply(privateNote(NOTES.rateLimited(wait))));
      return void Object.assign(fields, { results: 0, refused: 'rate-limit' });
    }
    const outcome = await handleAdd(interaction, this.adder);
    if (outcome.success) Object.assign(fields, { results: 1, added: outcome.added.article.id });
    else Object.assign(fields, { results: 0, refused: outcome.problem.code === 'fetch' ? outcome.problem.problem.code : outcome.problem.code });
  }

  private async autocomplete(interaction: AutocompleteInteraction, fields: Record<string, unknown>): Promise<void> {
    Object.assign(fields, { command: interaction.commandName });
    // Discord always marks one option focused, but a request without one gets no suggestion rather than an error.
    const focused = interaction.options.data.find((option) => option.focused);
    if (!focused) {
      await interaction.respond([]);
      return void Object.assign(fields, { results: 0, refused: 'no-focused-option' });
    }
    Object.assign(fields, { option: focused.name, queryLength: String(focused.value ?? '').length });
    const command = findCommand(interaction.commandName);
    const choices = command?.suggest?.(this.source.current(), focused.name, String(focused.value ?? '')) ?? [];
    await interaction.respond(choices);
    fields.results = choices.length;
  }

  /** A paging button (the asker's) or the context menu (anyone's: the context is shown privately to whoever chose). */
  private async button(interaction: ButtonInteraction | StringSelectMenuInteraction, fields: Record<string, unknown>): Promise<void> {
    const decoded = decodeButton(interaction.customId, this.store);
    if (!decoded.success) {
      if (decoded.reason === 'foreign') {
        fields.refused = 'unknown-button';
        return void (await interaction.reply(asReply(privateNote(NOTES.unreadableButton))));
      }
      Object.assign(fields, { command: decoded.command, refused: 'expired' });
      await interaction.reply(asReply(privateNote(NOTES.expired(decoded.command))));
      return;
    }
    const { state } = decoded;
    Object.assign(fields, { command: state.command, action: state.action.type, queryLength: queryLength(state.options) });
    const refuse = async (note: string, reason: string): Promise<void> => {
      await interaction.reply(asReply(privateNote(note)));
      Object.assign(fields, { results: 0, refused: reason });
    };
    const wait = this.limiter.take(interaction.user.id);
    if (state.action.type === 'context') {
      if (wait > 0) return refuse(NOTES.rateLimited(wait), 'rate-limit');
      const reference = interaction.isStringSelectMenu() ? (interaction.values[0] ?? '') : '';
      const library = this.source.current();
      const response = await respondPromptly(
        () => {
          const resolved = resolveReference(library, reference);
          if (!resolved.success) return privateNote(NOTES.contextGone(resolved.reason, state.command));
          const context = contextOf(library, resolved.result);
          return context ? renderContext(context, resolved.result) : privateNote(NOTES.contextGone('gone', state.command));
        },
        { reply: (message) => interaction.reply(asReply(message)), defer: () => interaction.deferReply({ flags: MessageFlags.Ephemeral }), edit: (message) => interaction.editReply(asUpdate(message)) },
        this.deferAfterMs,
      );
      Object.assign(fields, { results: 1, response });
      return;
    }
    if (state.userId !== interaction.user.id) return refuse(NOTES.notYours(state.command), 'not-the-asker');
    const command = findCommand(state.command);
    if (!command) return refuse(NOTES.expired(state.command), 'expired');
    if (wait > 0) return refuse(NOTES.rateLimited(wait), 'rate-limit');
    const buttonId = (action: ButtonAction) => encodeButton({ ...state, action }, this.store);
    const library = this.source.current();
    const page = state.action.page;
    let answer: Answer | undefined;
    const responder: Responder<SendableMessage> = {
      // A note (the answer changed) goes privately to the presser; anything else replaces the answer's message.
      reply: (message) => (isPrivate(message) ? interaction.reply(asReply(message)) : interaction.update(asUpdate(message))),
      defer: () => interaction.deferUpdate(),
      edit: (message) => (isPrivate(message) ? interaction.followUp(asReply(message)) : interaction.editReply(asUpdate(message))),
    };
    const response = await respondPromptly(
      () => {
        answer = command.answer(library, state.options);
        return withCharts(renderDiscord(answer, { page, buttonId }));
      },
      responder,
      this.deferAfterMs,
    );
    Object.assign(fields, { results: resultCount(answer), response });
  }
}
