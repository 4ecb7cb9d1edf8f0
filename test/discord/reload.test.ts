/**
 * End to end, a corpus that grows while the bot runs: the real discord.js client against the
 * local Discord emulator, answering from a watched corpus folder into which a saved page is
 * ingested with `npm run ingest`, then deleted, then joined by a broken file.
 */
import { execFile } from 'node:child_process';
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveLibrary } from '../../src/live-library.ts';
import { checkMessageLimits, type DiscordEmulator } from '../support/discord-emulator.ts';
import { startLiveBot, type LiveBot } from '../support/live-bot.ts';
import { corpusPart, verbatimViolations } from '../support/shown-text.ts';

const run = promisify(execFile);
const ARTICLE = 'the-harbour-herald-2024-05-14';

/** Text of the saved page's chrome; none of it may appear in an answer. */
const CHROME = ['cookies', 'Facebook', 'WhatsApp', 'Share this', 'Read more', 'Related stories', 'Shipping rates climb', 'harbourwatcher', 'Subscribe', 'Advertisement', 'All rights reserved', 'Topics:'];

describe('the bot with a corpus that changes while it runs', () => {
  let running: LiveBot | undefined;
  let emulator: DiscordEmulator;
  let live: LiveLibrary;
  let dir: string;
  let lines: Record<string, unknown>[] = [];
  let user = 1600000000000000000n;
  const who = (): { userId: string } => ({ userId: String(user++) });

  /** The first log line after the first `from` lines with this message (or passing this test), waiting for it. */
  const logged = async (match: string | ((line: Record<string, unknown>) => boolean), from: number, timeoutMs = 10_000): Promise<Record<string, unknown>> => {
    const test = typeof match === 'string' ? (line: Record<string, unknown>) => line.msg === match : match;
    return running!.logged(test, from, timeoutMs);
  };

  /** Every check an answer must pass, against the library in force. */
  const expectSound = (data: unknown): void => {
    expect(checkMessageLimits(data)).toEqual([]);
    expect(verbatimViolations(data, live.current())).toEqual([]);
    const shown = JSON.stringify(data);
    for (const chrome of CHROME) expect(shown, chrome).not.toContain(chrome);
  };

  beforeAll(async () => {
    running = await startLiveBot('verbatim-reload-');
    ({ emulator, live, dir, lines } = running);
  });

  afterAll(() => running?.stop());

  it('serves a page put through npm run ingest within seconds, in /source, /quote and autocomplete, with none of its chrome; then forgets it once deleted', async () => {
    const before = lines.length;
    await run(process.execPath, ['dist/ingest.js', 'test/fixtures/pages/harbour-herald-port-strike.html', '--corpus', dir]);
    const reloaded = await logged('corpus reloaded', before);
    expect(reloaded).toMatchObject({ added: [join(dir, `${ARTICLE}.txt`)], changed: [], removed: [], articles: 2, analysed: 1 });

    const article = await emulator.sendCommand('source', { article: ARTICLE }, who()).response;
    expectSound(article.data);
    const embed = article.data?.embeds?.[0];
    expect(embed?.title).toContain('The Harbour Herald');
    expect(embed?.title).toContain('2024-05-14');
    expect(embed?.title).toContain('Valmora dockworkers strike over contract talks');
    expect(embed?.fields?.map((f) => [f.name, f.value])).toContainEqual(['Byline', 'Ines Carvalho and Tomas Berg']);
    expect(embed?.url).toMatch(/^https:\/\/www\.harbourherald\.example\/news\/2024\/05\/14\/valmora-dockworkers-strike/u);

    const list = await emulator.sendCommand('source', {}, who()).response;
    expectSound(list.data);
    expect(JSON.stringify(list.data)).toContain('Valmora dockworkers strike over contract talks');

    const quote = await emulator.sendCommand('quote', { query: 'Ilves' }, who()).response;
    expectSound(quote.data);
    const quotes = quote.data?.embeds ?? [];
    expect(quotes[0]?.author?.name).toBe('Marta Ilves');
    expect(quotes.flatMap((e) => (e.description ?? '').split('\n')).map((line) => corpusPart(line).text)).toContain('We will stay out until the contract is signed');

    const speakers = await emulator.sendAutocomplete('quote', { query: 'ilv' }, 'query', who()).response;
    expect(speakers.data?.choices?.map((c) => c.value)).toContain('Marta Ilves');
    const articles = await emulator.sendAutocomplete('source', { article: 'valmora' }, 'article', who()).response;
    expect(articles.data?.choices?.map((c) => c.value)).toEqual([ARTICLE]);

    const removing = lines.length;
    await unlink(join(dir, `${ARTICLE}.txt`));
    expect(await logged('corpus reloaded', removing)).toMatchObject({ removed: [join(dir, `${ARTICLE}.txt`)], articles: 1 });
    const gone = await emulator.sendCommand('quote', { query: 'Ilves' }, who()).response;
    expect(JSON.stringify(gone.data)).not.toContain('stay out until');
    const unknown = await emulator.sendCommand('source', { article: ARTICLE }, who()).response;
    expect(unknown.data?.content ?? '').toMatch(/no article/iu);
    const none = await emulator.sendAutocomplete('source', { article: 'valmora' }, 'article', who()).response;
    expect(none.data?.choices).toEqual([]);
  });

  it('logs a broken new file by name and reason, and keeps answering from the rest', async () => {
    const before = lines.length;
    await writeFile(join(dir, 'half-done.txt'), '---\nid: half-done\noutlet: X\n---\nNo date, no address.\n');
    const warning = await logged((line) => line.level === 40, before);
    expect(warning).toMatchObject({ file: join(dir, 'half-done.txt'), reason: expect.stringMatching(/published|url/u) });
    expect(warning.msg).toContain(`Skipped ${join(dir, 'half-done.txt')}`);
    expect(await logged('corpus reloaded', before)).toMatchObject({ added: [join(dir, 'half-done.txt')], problems: 1, articles: 1 });
    const answer = await emulator.sendCommand('quote', { query: 'Iravani' }, who()).response;
    expect(answer.data?.embeds?.[0]?.author?.name).toBe('Amir Saeid Iravani');
  });
});
