/**
 * The Discord emulator against the real, unmodified discord.js: if these pass, tests that drive the
 * bot through the emulator exercise the same REST and gateway code paths they would against Discord.
 */
import { Client, DiscordAPIError, DiscordjsErrorCodes, Events, GatewayIntentBits, REST, Routes, type Interaction } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkMessageLimits, DiscordEmulator } from './discord-emulator.ts';

type Handler = (interaction: Interaction) => Promise<void>;

describe('DiscordEmulator with a logged-in discord.js Client', () => {
  let emulator: DiscordEmulator;
  let client: Client;
  let readyFired = false;
  // Each test installs its own handler; failures inside it would otherwise vanish in the event loop.
  let handler: Handler = async () => undefined;
  const handlerErrors: unknown[] = [];

  beforeAll(async () => {
    emulator = await new DiscordEmulator().start();
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emulator.apiUrl } });
    client.on(Events.InteractionCreate, (interaction) => void handler(interaction).catch((error: unknown) => handlerErrors.push(error)));
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(emulator.token);
    await ready;
    readyFired = true;
  });

  afterEach(() => {
    handler = async () => undefined;
    expect(handlerErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await client?.destroy();
    await emulator?.stop();
  });

  it('logs the client in: READY, then the guild, so ClientReady fires with the guild cached', () => {
    expect(readyFired).toBe(true);
    expect(client.user?.id).toBe(emulator.botUser.id);
    expect(client.guilds.cache.get(emulator.guildId)?.channels.cache.has(emulator.channelId)).toBe(true);
    expect(emulator.identifyCount).toBe(1);
    expect(emulator.connected).toBe(true);
    expect(emulator.requestsTo('GET /gateway/bot')[0]?.auth).toBe('valid');
  });

  it('delivers /quote query:Iravani and records the reply, allowed_mentions included', async () => {
    let seen: Record<string, unknown> = {};
    handler = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen = { command: interaction.commandName, query: interaction.options.getString('query'), guild: interaction.guild?.name, channel: interaction.channelId, user: interaction.user.id };
      await interaction.reply({ content: 'x', allowedMentions: { parse: [] } });
    };
    const quote = emulator.sendCommand('quote', { query: 'Iravani' });
    const response = await quote.response;

    expect(response.type).toBe(4);
    expect(response.data?.content).toBe('x');
    expect(response.data?.allowed_mentions).toEqual({ parse: [] });
    expect(seen).toEqual({ command: 'quote', query: 'Iravani', guild: 'Emulated Guild', channel: emulator.channelId, user: emulator.userId });
    expect(quote.original?.content).toBe('x');
    const [callback] = emulator.requestsTo('POST /interactions/:id/:token/callback');
    expect(callback).toMatchObject({ auth: 'none', status: 204, query: { with_response: 'false' }, path: `/interactions/${quote.id}/${quote.token}/callback` });
    expect(emulator.unmatchedRequests).toEqual([]);
  });

  it('follows a deferred reply through the edit of @original and a follow-up', async () => {
    handler = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      const edited = await interaction.editReply({ content: 'found it', allowedMentions: { parse: [] } });
      expect(edited.content).toBe('found it');
      await interaction.followUp({ content: 'and more', allowedMentions: { parse: [] } });
    };
    const quote = emulator.sendCommand('quote', { query: 'Iravani' });
    expect((await quote.response).type).toBe(5);
    await quote.waitForEvent('followup');

    expect(quote.events.map((event) => [event.kind, event.messageId, event.status])).toEqual([
      ['callback', quote.original?.id, 204],
      ['edit', '@original', 200],
      ['followup', quote.followUps[0]?.id, 200],
    ]);
    expect(quote.original).toMatchObject({ content: 'found it', flags: 0 });
    expect(emulator.requestsTo('PATCH /webhooks/:app/:token/messages/:message')[0]?.path).toBe(`/webhooks/${emulator.applicationId}/${quote.token}/messages/@original`);
  });

  it('records failed callback attempts: discord.js retries two 500s and then a 429', async () => {
    handler = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'eventually', allowedMentions: { parse: [] } });
    };
    emulator.failNextCallbacks(2, 500);
    emulator.rateLimitNextCallback(0.05);
    const quote = emulator.sendCommand('quote', { query: 'Iravani' });

    expect((await quote.response).data?.content).toBe('eventually');
    expect(quote.events.map((event) => event.status)).toEqual([500, 500, 429, 204]);
    const limited = emulator.requests.find((request) => request.status === 429);
    expect(limited?.response).toEqual({ message: 'You are being rate limited.', retry_after: 0.05, global: false });
  });

  it('answers a second acknowledgement with 40060 and a late one with 10062', async () => {
    handler = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'first', allowedMentions: { parse: [] } });
    };
    const quote = emulator.sendCommand('quote', { query: 'Iravani' });
    await quote.response;
    // discord.js refuses a second reply itself, so send it as raw REST.
    const rest = new REST({ api: emulator.apiUrl });
    const again = rest.post(Routes.interactionCallback(quote.id, quote.token), { body: { type: 4, data: { content: 'again' } }, auth: false });
    await expect(again).rejects.toMatchObject({ status: 400, code: 40060 });

    const deadline = emulator.ackDeadlineMs;
    emulator.ackDeadlineMs = 100;
    let lateReply: Promise<unknown> = Promise.resolve();
    handler = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
      lateReply = interaction.reply({ content: 'too late', allowedMentions: { parse: [] } }).catch((error: unknown) => error);
    };
    try {
      const late = emulator.sendCommand('quote', { query: 'Iravani' });
      await expect(late.response).rejects.toThrow(/not acknowledged within 100 ms/);
      await late.waitForEvent('callback');
      const lateError = await lateReply;
      expect(lateError).toBeInstanceOf(DiscordAPIError);
      expect(lateError).toMatchObject({ status: 404, code: 10062 });
    } finally {
      emulator.ackDeadlineMs = deadline;
    }
  });

  it("rejects what Discord rejects: content over 2000 characters gets 50035, and the bot's fallback goes through", async () => {
    let tooLong: unknown;
    handler = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'é'.repeat(2001), allowedMentions: { parse: [] } }).catch((error: unknown) => (tooLong = error));
      await interaction.reply({ content: 'shorter', allowedMentions: { parse: [] } });
    };
    const quote = emulator.sendCommand('quote', { query: 'Iravani' });
    expect((await quote.response).data?.content).toBe('shorter');
    expect(tooLong).toMatchObject({ status: 400, code: 50035, rawError: { errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } });
  });

  it('delivers autocomplete, button presses and DMs', async () => {
    const seen: string[] = [];
    handler = async (interaction) => {
      if (interaction.isAutocomplete()) {
        const focused = interaction.options.getFocused(true);
        seen.push(`autocomplete ${focused.name}=${focused.value}`);
        await interaction.respond([{ name: 'Iravani', value: 'Iravani' }]);
      } else if (interaction.isButton()) {
        seen.push(`button ${interaction.customId} on ${interaction.message.id}`);
        await interaction.update({ content: 'pressed', components: [] });
      } else if (interaction.isChatInputCommand()) {
        seen.push(`dm ${interaction.inGuild()} ${interaction.user.id}`);
        await interaction.reply({ content: 'in private', allowedMentions: { parse: [] } });
      }
    };
    const complete = emulator.sendAutocomplete('quote', { query: 'Ira' }, 'query');
    expect(await complete.response).toEqual({ type: 8, data: { choices: [{ name: 'Iravani', value: 'Iravani' }] } });

    const button = emulator.sendButton('more:1');
    expect((await button.response).type).toBe(7);
    expect(button.original).toMatchObject({ id: button.componentMessage?.id, content: 'pressed', components: [] });

    const dm = emulator.sendCommand('quote', { query: 'Iravani' }, { dm: true, userId: '1300000000000000099' });
    expect((await dm.response).data?.content).toBe('in private');
    expect(seen).toEqual(['autocomplete query=Ira', `button more:1 on ${button.componentMessage?.id}`, 'dm false 1300000000000000099']);
  });

  it('delivers a choice in a select menu, and a file uploaded with a reply, bytes and all, for an embed image that names it', async () => {
    const png = Buffer.from('\x89PNG\r\n\x1a\nnot really a picture', 'latin1');
    handler = async (interaction) => {
      if (!interaction.isStringSelectMenu()) return;
      await interaction.reply({ content: `chose ${interaction.values.join()}`, embeds: [{ image: { url: 'attachment://chart.png' } }], files: [{ attachment: png, name: 'chart.png' }], flags: 64 });
    };
    const message = { components: [{ type: 1, components: [{ type: 3, custom_id: 'menu', options: [{ label: 'One', value: 'one' }] }] }] } as unknown as Parameters<DiscordEmulator['sendSelect']>[2];
    const select = emulator.sendSelect('menu', ['one'], message);
    expect((await select.response).data?.content).toBe('chose one');
    const files = (await select.waitForEvent('callback')).files ?? [];
    expect(files.map((f) => [f.filename, f.data.equals(png)])).toEqual([['chart.png', true]]);
    expect(select.original?.attachments.map((a) => a.filename)).toEqual(['chart.png']);
  });

  it('refuses, as Discord would, a select menu beside another component, over 25 options, a duplicate value, a long label, and an image naming no upload', () => {
    const option = (value: string, label = value) => ({ label, value });
    const body = {
      embeds: [{ image: { url: 'attachment://missing.png' } }],
      components: [{ type: 1, components: [{ type: 3, custom_id: 'menu', options: [...Array.from({ length: 25 }, (_, i) => option(String(i))), option('0', 'x'.repeat(101))] }, { type: 2, style: 2, custom_id: 'b', label: 'B' }] }],
    };
    expect(checkMessageLimits(body, []).map((v) => `${v.path.join('.')} ${v.code}`).sort()).toEqual([
      'components.0.components COMPONENT_LAYOUT_WIDTH_EXCEEDED',
      'components.0.components.0.options BASE_TYPE_BAD_LENGTH',
      'components.0.components.0.options.25.label BASE_TYPE_MAX_LENGTH',
      'components.0.components.0.options.25.value SELECT_COMPONENT_OPTION_VALUE_DUPLICATED',
      'embeds.0.image.url ATTACHMENT_NOT_FOUND',
    ]);
  });

  it('registers commands globally and in the guild, echoing them with ids that survive a re-registration', async () => {
    const rest = new REST({ api: emulator.apiUrl }).setToken(emulator.token);
    const quote = { name: 'quote', description: 'Quotations by a person', options: [{ name: 'query', description: 'Who', type: 3, required: true }] };
    const help = { name: 'help', description: 'How to ask' };

    const global = (await rest.put(Routes.applicationCommands(emulator.applicationId), { body: [quote, help] })) as { id: string; name: string; application_id: string }[];
    expect(global.map((command) => command.name)).toEqual(['quote', 'help']);
    expect(global.every((command) => /^\d{17,20}$/.test(command.id) && command.application_id === emulator.applicationId)).toBe(true);

    const guild = (await rest.put(Routes.applicationGuildCommands(emulator.applicationId, emulator.guildId), { body: [quote] })) as { id: string; guild_id: string }[];
    expect(guild).toMatchObject([{ name: 'quote', guild_id: emulator.guildId, options: quote.options }]);

    const again = (await rest.put(Routes.applicationGuildCommands(emulator.applicationId, emulator.guildId), { body: [quote] })) as { id: string }[];
    expect(again[0]?.id).toBe(guild[0]?.id);
    expect(emulator.registrations.map((registration) => [registration.scope, registration.commands.length])).toEqual([
      ['global', 2],
      [emulator.guildId, 1],
      [emulator.guildId, 1],
    ]);
    expect(emulator.requestsTo('PUT /applications/:app/commands')[0]?.body).toEqual([quote, help]);
    // The log masks the token, so printing it cannot leak it.
    expect(JSON.stringify(emulator.requests)).not.toContain(emulator.token);

    // Dispatched commands now carry the registered id, and options are checked against the registration.
    handler = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: interaction.commandId, allowedMentions: { parse: [] } });
    };
    expect((await emulator.sendCommand('quote', { query: 'Iravani' }).response).data?.content).toBe(guild[0]?.id);
    expect(() => emulator.sendCommand('quote', { qeury: 'Iravani' })).toThrow(/without an option named qeury/);

    await expect(rest.put(Routes.applicationCommands(emulator.applicationId), { body: [{ name: 'Bad Name', description: '' }] })).rejects.toMatchObject({ status: 400, code: 50035 });
  });

  it('resumes after the gateway drops the connection with 4000, and still answers interactions', async () => {
    handler = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'still here', allowedMentions: { parse: [] } });
    };
    emulator.dropConnection(4000);
    await emulator.waitForResume(1);
    expect((await emulator.sendCommand('quote', { query: 'Iravani' }).response).data?.content).toBe('still here');

    // An interaction dispatched while the client is away is replayed when it resumes.
    emulator.dropConnection(4000);
    const missed = emulator.sendCommand('quote', { query: 'Iravani' });
    expect((await missed.response).data?.content).toBe('still here');
    expect([emulator.identifyCount, emulator.resumeCount]).toEqual([1, 2]);
  });

  it('answers unknown routes with 404 and bad JSON with 400, recording both', async () => {
    const before = emulator.requests.length;
    const unknown = await fetch(`${emulator.apiUrl}/v10/channels/1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(unknown.status).toBe(404);
    const broken = await fetch(`${emulator.apiUrl}/v10/applications/${emulator.applicationId}/commands`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{' });
    expect([broken.status, await broken.json()]).toEqual([400, { message: 'The request body contains invalid JSON.', code: 50109 }]);
    expect(emulator.requests.slice(before).map((request) => [request.method, request.path, request.status, request.route])).toEqual([
      ['POST', '/channels/1/messages', 404, null],
      ['PUT', `/applications/${emulator.applicationId}/commands`, 400, 'PUT /applications/:app/commands'],
    ]);
  });
});

describe('DiscordEmulator refusing a wrong token', () => {
  let emulator: DiscordEmulator;
  let client: Client | undefined;

  beforeAll(async () => {
    emulator = await new DiscordEmulator().start();
  });

  afterEach(async () => {
    await client?.destroy();
    client = undefined;
  });

  afterAll(async () => {
    await emulator?.stop();
  });

  it('makes client.login() reject with TokenInvalid', async () => {
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emulator.apiUrl } });
    await expect(client.login(`${emulator.token}x`)).rejects.toMatchObject({ code: DiscordjsErrorCodes.TokenInvalid });
    expect(emulator.requestsTo('GET /gateway/bot').map((request) => [request.auth, request.status])).toEqual([['invalid', 401]]);
    expect(emulator.identifyCount).toBe(0);
  });
});
