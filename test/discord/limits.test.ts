/**
 * Discord's limits hold for every reply whatever the articles hold (issue 16, case 4): headlines of
 * thousands of characters with markdown and mentions in them, 3,000-character percent-encoded
 * links, very long ids. Each reply goes through the emulator, which refuses what Discord would.
 */
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.ts';
import { startBot, type Bot } from '../../src/discord/bot.ts';
import { buildLibrary } from '../../src/index/assemble.ts';
import { fixedLibrary } from '../../src/live-library.ts';
import { createLogger } from '../../src/log.ts';
import { checkMessageLimits, DiscordEmulator, type EmulatedInteraction } from '../support/discord-emulator.ts';

let nextUser = 1600000000000000000n;
const who = (): { userId: string } => ({ userId: String(nextUser++) });

/** A slug of Persian words, percent-encoded as some outlets print them: about 3,000 characters. */
const ENCODED_SLUG = encodeURIComponent('خبرگزاری-'.repeat(60));
const HOSTILE_TITLE = `**Breaking** @everyone <@123> [click](https://evil.example) \`code\` ${'Headline words '.repeat(400)}`;

function article(n: number, published: string, url: string, body: string): Article {
  return { id: `${'a-very-long-article-id-'.repeat(6)}${n}`, title: HOSTILE_TITLE, outlet: `Outlet @here <@&456> ${'name '.repeat(80)}`, published, url, body, file: `${n}.txt` };
}

const ARTICLES: Article[] = [
  article(1, '2023-11-08', `https://example.org/news/${ENCODED_SLUG}`, '“We deny every claim made against us,” Jane Roe, the spokeswoman, said on Monday.\n\nAt least 46 troops were injured in the attacks, officials said.'),
  article(2, '2023-11-10', `https://example.org/news/${ENCODED_SLUG}-2`, '“We deny it again today, and we will deny it tomorrow,” Jane Roe said.\n\nA total of 56 troops have been injured in the attacks, officials said.'),
  // An address with markdown characters in it, short enough to link: they must reach Discord as they are.
  { ...article(3, '2023-11-12', 'https://example.org/a_b*c~d/story_(1)', '“We deny it a third time,” Jane Roe said.'), id: 'markdown-url' },
];

describe('replies within Discord’s limits, whatever the articles hold', () => {
  let emulator: DiscordEmulator;
  let bot: Bot;

  beforeAll(async () => {
    emulator = await new DiscordEmulator().start();
    bot = await startBot({ token: emulator.token, library: fixedLibrary(buildLibrary(ARTICLES)), apiUrl: emulator.apiUrl, logger: createLogger({ secrets: [emulator.token], destination: { write: () => undefined } }) });
    await emulator.waitForSession();
  });

  afterAll(async () => {
    await bot?.client.destroy();
    await emulator?.stop();
  });

  /** Every reply of the interaction was accepted, within the limits, and is an answer rather than the apology. */
  const expectAccepted = async (interaction: EmulatedInteraction, what: string): Promise<APIMessage | null> => {
    const response = await interaction.response;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(interaction.events.map((e) => e.status < 300), what).not.toContain(false);
    expect(checkMessageLimits(response.data), what).toEqual([]);
    expect(response.data?.content ?? '', what).not.toContain('something went wrong');
    // Where Discord renders markdown (content, embed texts), no mention survives; select options show plain text and never ping.
    const shown = JSON.stringify({ content: response.data?.content, embeds: response.data?.embeds });
    expect(shown, what).not.toMatch(/@everyone|<@123>|<@&456>|@here/u);
    return interaction.original;
  };

  it('answers /quote, /figures and every /source, and shows the context of every result, within every limit', async () => {
    for (const [name, options] of [
      ['quote', { query: 'Roe' }],
      ['figures', { topic: 'injured' }],
      ['source', {}],
      ['source', { query: 'deny' }],
      ['source', { article: ARTICLES[0]!.id }],
    ] as const) {
      const what = `${name} ${JSON.stringify(options)}`;
      const message = await expectAccepted(emulator.sendCommand(name, options, who()), what);
      expect(message?.embeds.length, what).toBeGreaterThan(0);
      const rows = (message?.components ?? []) as unknown as { components: { type: number; custom_id: string; options?: { label: string; value: string }[] }[] }[];
      const select = rows.flatMap((row) => row.components).find((c) => c.type === 3);
      if (!select?.options) continue;
      for (const option of select.options) {
        const context = await expectAccepted(emulator.sendSelect(select.custom_id, [option.value], message!, who()), `${what} context ${option.label}`);
        expect(context?.embeds.length, `${what} context`).toBe(1);
      }
    }
  });

  it('attaches the chart of figures over several dates even when the headlines and links are hostile', async () => {
    const interaction = emulator.sendCommand('figures', { topic: 'injured' }, who());
    await expectAccepted(interaction, 'figures');
    const files = interaction.events.find((e) => e.kind === 'callback' && e.status < 300)?.files ?? [];
    expect(files.map((f) => f.filename)).toEqual(['figures-1.png']);
    expect(interaction.original?.embeds[0]?.image?.url).toBe('attachment://figures-1.png');
  });

  it('shortens citation links that are too long, and leaves markdown characters in an address unescaped', async () => {
    const interaction = emulator.sendCommand('quote', { query: 'Roe' }, who());
    const message = await expectAccepted(interaction, 'quote');
    const text = JSON.stringify(message?.embeds);
    expect(text).toContain('(https://example.org/a_b*c~d/story_%281%29#:~:text=');
    expect(text).not.toContain('a\\\\_b');
    for (const embed of message?.embeds ?? []) {
      expect((embed.url ?? '').length).toBeLessThanOrEqual(2048);
      for (const link of (embed.description ?? '').matchAll(/\]\(([^)]*)\)/gu)) expect(link[1]!.length).toBeLessThanOrEqual(512);
    }
  });
});
