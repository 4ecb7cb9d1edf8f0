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
import { corpusPart, shownText, verbatimViolations } from '../support/shown-text.ts';

const EPHEMERAL = 64;
const REPLY = 4;
const UPDATE = 7;
const AUTOCOMPLETE = 8;

/** A fresh user id per test, so the per-user rate limit only meets the test that is about it. */
let nextUser = 1400000000000000000n;
const aUser = (): { userId: string } => ({ userId: String(nextUser++) });

interface Button {
  type: number;
  label: string;
  custom_id?: string;
  url?: string;
  disabled?: boolean;
}

interface Select {
  type: 3;
  custom_id: string;
  placeholder?: string;
  options: { label: string; value: string; description?: string }[];
}

function buttonsOf(message: { components?: unknown } | null | undefined): Button[] {
  return ((message?.components ?? []) as { components: (Button | Select)[] }[]).flatMap((row) => row.components).filter((c): c is Button => c.type === 2);
}

function selectOf(message: { components?: unknown } | null | undefined): Select | undefined {
  return ((message?.components ?? []) as { components: (Button | Select)[] }[]).flatMap((row) => row.components).find((c): c is Select => c.type === 3);
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

  /** Chooses the option numbered `n` in the message's "Show context for…" menu, as `who`. */
  const choose = async (message: APIMessage | null, n: number, who: { userId: string }): Promise<{ interaction: EmulatedInteraction; response: InteractionCallback }> => {
    const select = selectOf(message);
    const option = select?.options.find((o) => o.label.startsWith(`${n} · `));
    if (!select || !option || !message) throw new Error(`test: no context option ${n}`);
    const interaction = emulator.sendSelect(select.custom_id, [option.value], message, who);
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

  it('answers /quote Iravani publicly in the first response: what was matched first, his words verbatim in one card per article, five on the page, nothing that pings', async () => {
    const response = await emulator.sendCommand('quote', { query: 'Iravani' }, aUser()).response;
    expect(response.type).toBe(REPLY); // the answer itself, not a deferral
    expect((response.data?.flags ?? 0) & EPHEMERAL).toBe(0);
    expectSound(response.data);
    expect(response.data?.content).toBe('**\u2068Amir Saeid Iravani\u2069** · 19 quotations in 3 articles, 8 Nov 2023 – 30 Jan 2024');
    const embeds = response.data?.embeds ?? [];
    // His statements of two articles: one card each, the speaker and the citation once.
    expect(embeds.map((e) => e.title?.slice(0, 22))).toEqual(['10 Nov 2023 · Press TV', '30 Jan 2024 · Press TV']);
    const his = library.quotations.filter((q) => q.speakerId && library.speaker(q.speakerId)?.name === 'Amir Saeid Iravani').map((q) => q.text);
    const lines = embeds.flatMap((e) => (e.description ?? '').split('\n'));
    expect(lines.map((l) => /^\[\*\*(\d+)\*\*\]\(https:\/\/presstv\.ir\/[^)]+#:~:text=[^)]+\) “/u.exec(l)?.[1])).toEqual(['1', '2', '3', '4', '5']);
    // The speaker once, as the first card's author; the card that goes on with him leaves the name out.
    expect(embeds.map((e) => e.author?.name)).toEqual(['Amir Saeid Iravani', undefined]);
    for (const embed of embeds) {
      // Each his words, whole or (a long one, marked […]) their start.
      for (const line of (embed.description ?? '').split('\n')) expect(his.some((h) => (line.endsWith(' […]') ? h.startsWith(corpusPart(line).text) : h === corpusPart(line).text)), line).toBe(true);
    }
    expect(selectOf(response.data)?.placeholder).toBe('Show context for…');
    expect(selectOf(response.data)?.options.map((o) => o.label.slice(0, 30))).toEqual([
      '1 · We have said very clearly ',
      '2 · an occupying entity is not',
      '3 · The US remarks were aimed ',
      '4 · there is no group affiliat',
      '5 · Therefore, the Islamic Rep',
    ]);
    expect(buttonsOf(response.data).map((b) => b.label)).toEqual(['◀ Previous', '1 / 4', 'Next ▶']);
  });

  it('says which speaker a misspelt name matched: /quote Irvani', async () => {
    const response = await emulator.sendCommand('quote', { query: 'Irvani' }, aUser()).response;
    expect(response.data?.content).toBe('**\u2068Amir Saeid Iravani\u2069** · 19 quotations in 3 articles, 8 Nov 2023 – 30 Jan 2024 (matched “\u2068Irvani\u2069”)');
  });

  it('pages with next and previous, as updates of the answer, the indicator between them', async () => {
    const asker = aUser();
    const command = emulator.sendCommand('quote', { query: 'Iravani' }, asker);
    await command.response;
    const next = await press(command.original, 'Next', asker);
    expect(next.response.type).toBe(UPDATE);
    expectSound(next.response.data, 'page 2');
    expect(buttonsOf(next.response.data).map((b) => b.label)).toEqual(['◀ Previous', '2 / 4', 'Next ▶']);
    expect(selectOf(next.response.data)?.options.map((o) => o.label.split(' · ')[0])).toEqual(['6', '7', '8', '9', '10']);
    const previous = await press(next.interaction.original, '◀ Previous', asker);
    expect(buttonsOf(previous.response.data).map((b) => b.label)).toContain('1 / 4');
  });

  it('shows the context privately to whoever chooses it, the asker or anyone else, and leaves the public answer as it was', async () => {
    const asker = aUser();
    const command = emulator.sendCommand('quote', { query: 'Iravani' }, asker);
    const answer = await command.response;
    const before = JSON.stringify(command.original);
    for (const who of [asker, aUser()]) {
      const context = await choose(command.original, 2, who);
      expect(context.response.type).toBe(REPLY);
      expect((context.response.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expectSound(context.response.data, 'context');
      const [embed] = context.response.data?.embeds ?? [];
      const bold = /\*\*(.+?)\*\*/su.exec(embed?.description ?? '')?.[1] ?? '';
      expect(shownText(bold)).toBe(corpusPart((answer.data?.embeds?.[0]?.description ?? '').split('\n')[1]!).text.replace(/^…/u, ''));
      expect(embed?.author?.name).toBe('Amir Saeid Iravani');
      expect(buttonsOf(context.response.data).find((b) => b.url)?.url).toBe(embed?.url);
      // The words that name the speaker, as the article prints them among the sentences shown.
      const [named] = embed?.fields ?? [];
      expect(named?.name).toBe('Named by');
      const evidence = /^“(.+)”$/su.exec(named?.value ?? '')?.[1] ?? '';
      expect(evidence).not.toBe('');
      expect(shownText(embed?.description ?? '')).toContain(shownText(evidence));
    }
    expect(JSON.stringify(command.original)).toBe(before);
  });

  it('refuses the paging buttons, politely and privately, to anyone but the person who asked', async () => {
    const command = emulator.sendCommand('quote', { query: 'Iravani' }, aUser());
    await command.response;
    const other = await press(command.original, 'Next', aUser());
    expect(other.response.type).toBe(REPLY);
    expect((other.response.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(other.response.data?.content).toContain('Paging this answer is left to the person who asked');
    expect(other.response.data?.content).toContain('private: True');
    expect(buttonsOf(command.original).map((b) => b.label)).toContain('1 / 4'); // the answer is unchanged
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

  it('attaches to /figures casualties a PNG chart of each count over time, the card’s image, the same bytes each time', async () => {
    const first = emulator.sendCommand('figures', { topic: 'casualties' }, aUser());
    const response = await first.response;
    expectSound(response.data);
    const embeds = response.data?.embeds ?? [];
    expect(embeds.map((e) => [e.author?.name, e.description, e.image?.url])).toEqual([
      ['troops injured', '**46 (8 Nov 2023) → 56 (10 Nov 2023)**', 'attachment://figures-1.png'],
      ['people killed', '**at least 10,818 (10 Nov 2023) → more than 26,600 (30 Jan 2024)**', 'attachment://figures-2.png'],
    ]);
    expect(embeds.map((e) => e.color)).toEqual([0x99aab5, 0x99aab5]); // a timeline, not a disagreement
    expect(embeds[0]?.fields?.map((f) => f.name)).toEqual(['1 · 8 Nov 2023 · Gerçek News', '2 · 10 Nov 2023 · Press TV']);
    const filesOf = (interaction: EmulatedInteraction) => interaction.events.find((e) => e.kind === 'callback' && e.status < 300)?.files ?? [];
    const files = filesOf(first);
    expect(files.map((f) => [f.filename, f.contentType])).toEqual([
      ['figures-1.png', 'image/png'],
      ['figures-2.png', 'image/png'],
    ]);
    expect(files[0]!.data.subarray(1, 4).toString('latin1')).toBe('PNG');
    const again = emulator.sendCommand('figures', { topic: 'casualties' }, aUser());
    await again.response;
    expect(filesOf(again).map((f) => f.data.equals(files[filesOf(again).indexOf(f)]!.data))).toEqual([true, true]);
  });

  it('pages through every page of /figures casualties, each within the limits and verbatim', async () => {
    const asker = aUser();
    const command = emulator.sendCommand('figures', { topic: 'casualties' }, asker);
    let page = await command.response;
    let message = command.original;
    const pages = Number(/^1 \/ (\d+)$/u.exec(buttonsOf(page.data)[1]?.label ?? '')?.[1]);
    expect(pages).toBeGreaterThan(2);
    for (let n = 2; n <= pages; n++) {
      const next = await press(message, 'Next', asker);
      page = next.response;
      message = next.interaction.original;
      expectSound(page.data, `page ${n}`);
      expect(buttonsOf(page.data)[1]?.label).toBe(`${n} / ${pages}`);
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
    expect(response.data?.embeds).toHaveLength(2);
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
    // The first page: the US troops injured, from two articles, as one card.
    expect(response.data?.embeds?.[0]?.author?.name).toBe('troops injured');
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
    expect(buttonsOf(next.response.data).map((b) => b.label)).toContain('2 / 4');
    expect((await choose(command.original, 1, aUser())).response.data?.embeds?.[0]?.author?.name).toBe('Amir Saeid Iravani');
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
