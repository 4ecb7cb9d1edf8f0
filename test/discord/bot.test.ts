/**
 * End to end: the real discord.js client of the bot logs in to a local emulator of Discord's API
 * (test/support/discord-emulator.ts, on 127.0.0.1) and answers real interaction payloads: every
 * command, autocomplete and button, each reply checked against Discord's limits and the verbatim
 * rule, through Discord's faults.
 */
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type Bot } from '../../src/discord/bot.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import type { Library } from '../../src/index/library.ts';
import { fixedLibrary } from '../../src/live-library.ts';
import { createLogger } from '../../src/log.ts';
import { checkChoices, checkMessageLimits, DiscordEmulator, type EmulatedInteraction, type InteractionCallback } from '../support/discord-emulator.ts';
import { seedLibrary } from '../support/seed-library.ts';
import { shownText, verbatimViolations } from '../support/shown-text.ts';

const EPHEMERAL = 64;
const REPLY = 4;
const UPDATE = 7;
const AUTOCOMPLETE = 8;

/** A fresh user id per test, so the per-user rate limit only meets the test that is about it. */
let nextUser = 1400000000000000000n;
const aUser = (): { userId: string } => ({ userId: String(nextUser++) });

interface Button {
  label: string;
  custom_id?: string;
  url?: string;
  disabled?: boolean;
}

function buttonsOf(message: { components?: unknown } | null | undefined): Button[] {
  return ((message?.components ?? []) as { components: Button[] }[]).flatMap((row) => row.components);
}

describe('the bot against a local Discord', () => {
  let emulator: DiscordEmulator;
  let bot: Bot | undefined;
  const lines: string[] = [];
  let library: Library;

  const start = async (): Promise<Bot> => {
    const logger = createLogger({ secrets: [emulator.token], destination: { write: (line: string) => lines.push(line) } });
    return startBot({ token: emulator.token, library: fixedLibrary(library), apiUrl: emulator.apiUrl, logger });
  };

  /** Every check a message the bot sent must pass. */
  const expectSound = (data: unknown, what = ''): void => {
    expect(checkMessageLimits(data), what).toEqual([]);
    expect((data as { allowed_mentions?: unknown }).allowed_mentions, what).toEqual({ parse: [] });
    expect(verbatimViolations(data, library), what).toEqual([]);
  };

  /** Presses the button whose label starts with `label` on `message`, as `who`. */
  const press = async (message: APIMessage | null, label: string, who: { userId: string }): Promise<{ interaction: EmulatedInteraction; response: InteractionCallback }> => {
    const button = buttonsOf(message).find((b) => b.label.startsWith(label));
    if (!button?.custom_id || !message) throw new Error(`test: no button ${label}`);
    const interaction = emulator.sendButton(button.custom_id, message, who);
    return { interaction, response: await interaction.response };
  };

  beforeAll(async () => {
    emulator = await new DiscordEmulator().start();
    library = await seedLibrary();
    await deployCommands({ token: emulator.token, clientId: emulator.applicationId, guildId: emulator.guildId, apiUrl: emulator.apiUrl });
    bot = await start();
    await emulator.waitForSession();
  });

  afterAll(async () => {
    await bot?.client.destroy();
    await emulator?.stop();
  });

  it('registers every command in the guild, with autocomplete on the options that suggest', () => {
    const commands = emulator.registeredCommands(emulator.guildId);
    expect(commands.map((c) => c.name).sort()).toEqual(['add', 'figures', 'help', 'quote', 'source']);
    const autocompleted = commands.flatMap((c) => (c.options ?? []).filter((o) => 'autocomplete' in o && o.autocomplete).map((o) => `${c.name} ${o.name}`));
    expect(autocompleted.sort()).toEqual(['figures topic', 'quote query', 'source article']);
  });

  it('answers /quote Iravani publicly in the first response: his words verbatim as embeds, him as author, nothing that pings', async () => {
    const response = await emulator.sendCommand('quote', { query: 'Iravani' }, aUser()).response;
    expect(response.type).toBe(REPLY); // the answer itself, not a deferral
    expect((response.data?.flags ?? 0) & EPHEMERAL).toBe(0);
    expectSound(response.data);
    const embeds = response.data?.embeds ?? [];
    expect(embeds).toHaveLength(3);
    const his = library.quotations.filter((q) => q.speakerId && library.speaker(q.speakerId)?.name === 'Amir Saeid Iravani').map((q) => q.text);
    for (const embed of embeds) {
      expect(embed.author?.name).toBe('Amir Saeid Iravani');
      expect(his).toContain(shownText(embed.description ?? ''));
      expect(embed.url).toMatch(/^https:\/\/presstv\.ir\/.+#:~:text=/u);
    }
    expect(buttonsOf(response.data).map((b) => b.label)).toEqual(['◀ Previous', 'Next ▶', 'Context 1', 'Context 2', 'Context 3']);
  });

  it('pages with next and previous, and shows the sentences around a result and back, all as updates of the answer', async () => {
    const asker = aUser();
    const command = emulator.sendCommand('quote', { query: 'Iravani' }, asker);
    await command.response;
    const next = await press(command.original, 'Next', asker);
    expect(next.response.type).toBe(UPDATE);
    expectSound(next.response.data, 'page 2');
    expect(next.response.data?.content).toContain('page 2 of 7');
    expect(next.response.data?.embeds?.[0]?.footer?.text).toMatch(/^4 of 19/u);

    const context = await press(next.interaction.original, 'Context 5', asker);
    expect(context.response.type).toBe(UPDATE);
    expectSound(context.response.data, 'context');
    const description = context.response.data?.embeds?.[0]?.description ?? '';
    const bold = /\*\*(.+?)\*\*/su.exec(description)?.[1] ?? '';
    expect(shownText(bold)).toBe(shownText(next.response.data?.embeds?.[1]?.description ?? ''));
    expect(buttonsOf(context.response.data).find((b) => b.url)?.url).toBe(context.response.data?.embeds?.[0]?.url);
    // The words that name the speaker, as the article prints them among the sentences shown.
    const [named] = context.response.data?.embeds?.[0]?.fields ?? [];
    expect(named?.name).toBe('Named by');
    const evidence = /^“(.+)”$/su.exec(named?.value ?? '')?.[1] ?? '';
    expect(evidence).not.toBe('');
    expect(shownText(description)).toContain(shownText(evidence));

    const back = await press(context.interaction.original, '◀ Back', asker);
    expect(back.response.data?.content).toContain('page 2 of 7');
    const previous = await press(back.interaction.original, '◀ Previous', asker);
    expect(previous.response.data?.content).toContain('page 1 of 7');
  });

  it('refuses the buttons, politely and privately, to anyone but the person who asked', async () => {
    const command = emulator.sendCommand('quote', { query: 'Iravani' }, aUser());
    await command.response;
    const other = await press(command.original, 'Next', aUser());
    expect(other.response.type).toBe(REPLY);
    expect((other.response.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(other.response.data?.content).toContain('belong to the person who asked');
    expect(command.original?.content).toContain('page 1 of 7'); // the answer is unchanged
  });

  it('suggests speakers with their counts, topics and articles as people type', async () => {
    const quote = await emulator.sendAutocomplete('quote', { query: 'ira' }, 'query', aUser()).response;
    expect(quote.type).toBe(AUTOCOMPLETE);
    expect(checkChoices(quote.data)).toEqual([]);
    expect(quote.data?.choices?.[0]).toEqual({ name: 'Amir Saeid Iravani (19 quotations)', value: 'Amir Saeid Iravani' });

    const figures = await emulator.sendAutocomplete('figures', { topic: 'cas' }, 'topic', aUser()).response;
    expect(checkChoices(figures.data)).toEqual([]);
    expect(figures.data?.choices?.map((c) => c.value)).toContain('casualties');

    const source = await emulator.sendAutocomplete('source', { article: 'gerçek' }, 'article', aUser()).response;
    expect(checkChoices(source.data)).toEqual([]);
    expect(source.data?.choices).toEqual([{ name: '2023-11-08 · Gerçek News · Tehran denies involvement in attacks on US bases in Syria and Iraq', value: 'gercek-news-2023-11-08' }]);

    const empty = await emulator.sendAutocomplete('quote', {}, 'query', aUser()).response;
    expect(empty.data?.choices?.length).toBeGreaterThan(3);
  });

  it('answers /figures, every form of /source and /help within Discord’s limits, verbatim; /help privately', async () => {
    for (const [name, options] of [
      ['figures', { topic: 'casualties' }],
      ['source', {}],
      ['source', { query: 'Ain al-Asad' }],
      ['source', { article: 'press-tv-2021-03-15' }],
      ['help', {}],
    ] as const) {
      const response = await emulator.sendCommand(name, options, aUser()).response;
      const what = `${name} ${JSON.stringify(options)}`;
      expect(response.type, what).toBe(REPLY);
      expectSound(response.data, what);
      expect((response.data?.flags ?? 0) & EPHEMERAL, what).toBe(name === 'help' ? EPHEMERAL : 0);
    }
  });

  it('pages through every page of /figures casualties, each within the limits and verbatim', async () => {
    const asker = aUser();
    const command = emulator.sendCommand('figures', { topic: 'casualties' }, asker);
    let page = await command.response;
    let message = command.original;
    const pages = Number(/page 1 of (\d+)/u.exec(page.data?.content ?? '')?.[1]);
    expect(pages).toBeGreaterThan(2);
    for (let n = 2; n <= pages; n++) {
      const next = await press(message, 'Next', asker);
      page = next.response;
      message = next.interaction.original;
      expectSound(page.data, `page ${n}`);
      expect(page.data?.content).toContain(`page ${n} of ${pages}`);
    }
    expect(buttonsOf(page.data).find((b) => b.label.startsWith('Next'))?.disabled).toBe(true);
  });

  it('answers a query that matches nothing privately, and echoes a hostile query without pinging, linking or breaking the layout', async () => {
    const query = `@everyone <@123> **bold** \`code\` https://example.org \u0007\u202eשלום ${'x'.repeat(6000)}`;
    const response = await emulator.sendCommand('quote', { query }, aUser()).response;
    expect((response.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(checkMessageLimits(response.data)).toEqual([]);
    const content = response.data?.content ?? '';
    expect(content).toContain('Nothing in the corpus matches');
    expect(content).not.toContain('@everyone');
    expect(content).not.toContain('<@123>');
    expect(content).not.toMatch(/[\u0007\u202e]/u);
    expect(content.length).toBeLessThan(300);
  });

  it('answers privately when asked with private: True, buttons and all', async () => {
    const response = await emulator.sendCommand('quote', { query: 'Iravani', private: true }, aUser()).response;
    expect((response.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(response.data?.embeds).toHaveLength(3);
    expect(buttonsOf(response.data).length).toBeGreaterThan(0);
  });

  it('limits answers per user in a short window, with a private note when the limit is hit', async () => {
    const flooder = aUser();
    const responses = [];
    for (let i = 0; i < 7; i++) responses.push(await emulator.sendCommand('quote', { query: 'Khosravi' }, flooder).response);
    expect(responses.slice(0, 6).every((r) => r.data?.embeds?.length)).toBe(true);
    const last = responses[6]!;
    expect((last.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(last.data?.content).toMatch(/please wait \d+ s/u);
    // Someone else is not held back by it.
    expect((await emulator.sendCommand('quote', { query: 'Khosravi' }, aUser()).response).data?.embeds?.length).toBeGreaterThan(0);
  });

  it('answers through a 500 on the reply, which discord.js retries', async () => {
    emulator.failNextCallbacks(1, 500);
    const interaction = emulator.sendCommand('quote', { query: 'Khosravi' }, aUser());
    const response = await interaction.response;
    expect(response.data?.embeds?.[0]?.author?.name).toBe('Kayvan Khosravi');
    expect(interaction.events.map((e) => e.status < 300)).toEqual([false, true]);
    expect(interaction.events[0]?.status).toBe(500);
  });

  it('honours a 429 with retry-after on the reply and still answers within the 3-second window', async () => {
    emulator.rateLimitNextCallback(0.4);
    const interaction = emulator.sendCommand('quote', { query: 'Khosravi' }, aUser());
    const response = await interaction.response;
    expect(response.data?.embeds?.length).toBeGreaterThan(0);
    const [limited, answered] = interaction.events;
    expect(limited?.status).toBe(429);
    expect(answered!.elapsedMs - limited!.elapsedMs).toBeGreaterThanOrEqual(400);
    expect(answered!.elapsedMs).toBeLessThan(3000);
  });

  it('apologises privately when the reply keeps failing, and logs the failure without the token or the interaction token', async () => {
    emulator.failNextCallbacks(4, 500); // the first attempt and discord.js's three retries
    const interaction = emulator.sendCommand('quote', { query: 'Khosravi' }, aUser());
    const apology = await interaction.waitForEvent((e) => e.status < 300);
    expect((apology.body as { data?: { content?: string; flags?: number } }).data?.content).toContain('Sorry, something went wrong');
    const failure = lines.find((l) => l.includes('answering failed'));
    expect(failure).toBeDefined();
    expect(JSON.parse(failure!)).toMatchObject({ level: 50, interaction: 'command', command: 'quote', err: { status: 500, message: 'Internal Server Error' } });
    expect(failure).not.toContain('Khosravi'); // the query itself is the user's: only its length is logged
    expect(failure).not.toContain(interaction.token);
    expect(failure).not.toContain(emulator.token);
  });

  it('resumes after the gateway drops the connection and answers the next interaction', async () => {
    const resumes = emulator.resumeCount;
    emulator.dropConnection(4000);
    await emulator.waitForResume(resumes + 1);
    const response = await emulator.sendCommand('quote', { query: 'Khosravi' }, aUser()).response;
    expect(response.data?.embeds?.[0]?.author?.name).toBe('Kayvan Khosravi');
  });

  it('identifies afresh after an invalid session and answers the next interaction', async () => {
    const identifies = emulator.identifyCount;
    emulator.invalidateSession(false);
    await emulator.waitForIdentify(identifies + 1, 15_000);
    const response = await emulator.sendCommand('figures', { topic: 'casualties' }, aUser()).response;
    // The first page: the US troops injured, from two articles, as one block.
    expect(response.data?.embeds?.[0]?.author?.name).toBe('injured: troops · 3 figures from 2 articles, which differ');
  }, 20_000);

  it('keeps the buttons of an answer working after the bot restarts: they hold no state in memory', async () => {
    const asker = aUser();
    const command = emulator.sendCommand('quote', { query: 'Iravani' }, asker);
    await command.response;
    await bot!.stop();
    bot = await start();
    await emulator.waitForSession();
    const next = await press(command.original, 'Next', asker);
    expect(next.response.type).toBe(UPDATE);
    expect(next.response.data?.content).toContain('page 2 of 7');
  }, 20_000);

  it('logs one JSON line per answer with the command, query length, result count and time, and never the token', () => {
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const answered = entries.filter((e) => e.msg === 'answered' && e.interaction === 'command' && e.command === 'quote' && !e.refused);
    expect(answered.length).toBeGreaterThan(5);
    for (const entry of answered) {
      expect(entry).toMatchObject({ level: 30, command: 'quote', response: 'replied' });
      expect(typeof entry.queryLength).toBe('number');
      expect(typeof entry.results).toBe('number');
      expect(typeof entry.ms).toBe('number');
    }
    expect(entries.some((e) => e.msg === 'gateway session resumed')).toBe(true);
    for (const line of lines) expect(line).not.toContain(emulator.token);
    for (const interaction of emulator.interactions) for (const line of lines) expect(line).not.toContain(interaction.token);
  });
});
