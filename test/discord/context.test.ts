/**
 * The context menu of an answer names each result by its article and offsets (issue 16, case 3):
 * after the corpus changes under a running bot, it shows the same words, or says the article
 * changed or is gone; never someone else's words.
 */
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.ts';
import { startBot, type Bot } from '../../src/discord/bot.ts';
import type { Library } from '../../src/index/library.ts';
import { buildLibrary } from '../../src/index/assemble.ts';
import { createLogger } from '../../src/log.ts';
import { checkMessageLimits, DiscordEmulator, type InteractionCallback } from '../support/discord-emulator.ts';
import { seedArticles } from '../support/seed-library.ts';

const EPHEMERAL = 64;
/** A fresh user per interaction, so the per-user rate limit never answers instead. */
let nextUser = 1500000000000000000n;
const who = (): { userId: string } => ({ userId: String(nextUser++) });

interface Option {
  label: string;
  value: string;
}

function menuOf(message: APIMessage | null): { custom_id: string; options: Option[] } {
  const rows = (message?.components ?? []) as unknown as { components: { type: number; custom_id: string; options?: Option[] }[] }[];
  const select = rows.flatMap((row) => row.components).find((c) => c.type === 3);
  if (!select?.options) throw new Error('test: no context menu');
  return { custom_id: select.custom_id, options: select.options };
}

describe('the context menu across corpus changes', () => {
  let emulator: DiscordEmulator;
  let bot: Bot;
  let seed: Article[];
  let current: Library;

  beforeAll(async () => {
    emulator = await new DiscordEmulator().start();
    seed = await seedArticles();
    current = buildLibrary(seed);
    bot = await startBot({ token: emulator.token, library: { current: () => current }, apiUrl: emulator.apiUrl, logger: createLogger({ secrets: [emulator.token], destination: { write: () => undefined } }) });
    await emulator.waitForSession();
  });

  afterAll(async () => {
    await bot?.client.destroy();
    await emulator?.stop();
  });

  /** Asks /quote Iravani on the seed corpus, and returns the answer's message. */
  const ask = async (): Promise<APIMessage> => {
    current = buildLibrary(seed);
    const command = emulator.sendCommand('quote', { query: 'Iravani' }, who());
    await command.response;
    return command.original!;
  };

  const choose = async (message: APIMessage, n: number): Promise<InteractionCallback> => {
    const menu = menuOf(message);
    const option = menu.options.find((o) => o.label.startsWith(`${n} · `))!;
    return emulator.sendSelect(menu.custom_id, [option.value], message, who()).response;
  };

  it('shows the same words after an article is added ahead of the result’s and another is removed', async () => {
    const message = await ask();
    const before = await choose(message, 4);
    const ahead: Article = { ...seed[0]!, id: 'aaa-earlier-2023-11-09', file: 'aaa.txt', published: '2023-11-09', url: 'https://example.org/aaa', body: '“We have said very clearly that nothing happened,” Amir Saeid Iravani told reporters.' };
    current = buildLibrary([ahead, ...seed.filter((a) => a.id !== 'gercek-news-2023-11-08')]);
    const after = await choose(message, 4);
    expect((after.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(checkMessageLimits(after.data)).toEqual([]);
    expect(after.data?.embeds?.[0]?.description).toBe(before.data?.embeds?.[0]?.description);
    expect(after.data?.content).toBeUndefined();
  });

  it('says the article has changed when the words at those offsets are no longer the same', async () => {
    const message = await ask();
    const target = seed.find((a) => a.id === 'press-tv-2024-01-30')!;
    current = buildLibrary([...seed.filter((a) => a !== target), { ...target, body: `A new opening paragraph.\n\n${target.body}` }]);
    const reply = await choose(message, 4);
    expect((reply.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.data?.content).toContain('That article has changed since this answer');
    expect(reply.data?.embeds ?? []).toEqual([]);
  });

  it('says the article is gone when it has been removed', async () => {
    const message = await ask();
    current = buildLibrary(seed.filter((a) => a.id !== 'press-tv-2024-01-30'));
    const reply = await choose(message, 4);
    expect(reply.data?.content).toContain('That article is no longer in the corpus');
  });

  it('keeps every custom id and option value within Discord’s 100 characters', async () => {
    const message = await ask();
    const menu = menuOf(message);
    expect(menu.custom_id.length).toBeLessThanOrEqual(100);
    for (const option of menu.options) expect(option.value.length).toBeLessThanOrEqual(100);
  });
});
