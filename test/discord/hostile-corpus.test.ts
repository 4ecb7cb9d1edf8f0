/**
 * Whatever lands in the corpus folder of a running bot, answers go on (a long article under a
 * stream of interactions is in process.test.ts, where the bot has its own event loop): a pipe or a
 * link to a device is skipped rather than read, a file over MAX_ARTICLE_BYTES is skipped, a file
 * with a byte-order mark is read, and a new file reusing an article's id does not displace it.
 * The real discord.js client against the local Discord emulator, on a watched temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, readFile, symlink, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveLibrary } from '../../src/live-library.ts';
import type { DiscordEmulator } from '../support/discord-emulator.ts';
import { startLiveBot, type LiveBot } from '../support/live-bot.ts';
import { longArticle } from '../support/long-article.ts';

const EPHEMERAL = 64;


describe('the bot with hostile and unlucky files dropped into its corpus folder', () => {
  let running: LiveBot | undefined;
  let emulator: DiscordEmulator;
  let live: LiveLibrary;
  let dir: string;
  let lines: Record<string, unknown>[] = [];
  let user = 1700000000000000000n;
  const who = (): { userId: string } => ({ userId: String(user++) });

  /** The first `corpus reloaded` line after the first `from` lines (that `match` accepts: a burst of writes may take two reloads). */
  const reloaded = (from: number, timeoutMs = 60_000, match: (line: Record<string, unknown>) => boolean = () => true): Promise<Record<string, unknown>> =>
    running!.logged((line) => line.msg === 'corpus reloaded' && match(line), from, timeoutMs);
  const warnings = (from: number): Record<string, unknown>[] => lines.slice(from).filter((line) => line.level === 40);

  beforeAll(async () => {
    running = await startLiveBot('verbatim-hostile-', { maxArticleBytes: 1_000_000 });
    ({ emulator, live, dir, lines } = running);
  });

  afterAll(() => running?.stop());

  it('skips a named pipe, a link to /dev/zero and a file over MAX_ARTICLE_BYTES, each by name and reason, and goes on serving what comes after', async () => {
    const before = lines.length;
    execFileSync('mkfifo', [join(dir, 'a-pipe.txt')]);
    await symlink('/dev/zero', join(dir, 'b-zero.txt'));
    await writeFile(join(dir, 'c-huge.txt'), await longArticle('huge', 1_100_000));
    await copyFile('corpus/press-tv-2021-03-15.txt', join(dir, 'press-tv-2021-03-15.txt'));
    const change = await reloaded(before, 15_000, (line) => (line.added as string[]).includes(join(dir, 'press-tv-2021-03-15.txt')));
    expect(change.articles).toBe(2);
    const skipped = Object.fromEntries(warnings(before).map((line) => [line.file, line.reason]));
    expect(skipped[join(dir, 'a-pipe.txt')]).toMatch(/named pipe \(FIFO\), not a regular file/u);
    expect(skipped[join(dir, 'b-zero.txt')]).toMatch(/character device, not a regular file/u);
    expect(skipped[join(dir, 'c-huge.txt')]).toMatch(/over the limit of 1\.0 MB \(MAX_ARTICLE_BYTES\)/u);
    const answer = await emulator.sendCommand('quote', { query: 'Takht-Ravanchi' }, who()).response;
    expect(answer.data?.embeds?.[0]?.author?.name).toBe('Majid Takht-Ravanchi');
    const removing = lines.length;
    await Promise.all(['a-pipe.txt', 'b-zero.txt', 'c-huge.txt'].map((name) => unlink(join(dir, name))));
    await reloaded(removing, 15_000, (line) => (line.removed as string[]).length === 3);
  }, 30_000);

  it('reads a file that starts with a byte-order mark', async () => {
    const before = lines.length;
    const text = (await readFile('corpus/press-tv-2024-01-30.txt', 'utf8')).replace(/^id: .*$/mu, 'id: bom-article');
    await writeFile(join(dir, 'bom-article.txt'), `\uFEFF${text}`);
    expect(await reloaded(before, 15_000)).toMatchObject({ added: [join(dir, 'bom-article.txt')], problems: 0 });
    expect(live.current().articles.map((a) => a.id)).toContain('bom-article');
  }, 30_000);

  it('keeps the article a new file repeats the id of, and names the new file as the one skipped', async () => {
    const before = lines.length;
    const existing = join(dir, 'press-tv-2023-11-10.txt');
    const original = live.current().articles.find((a) => a.file === existing)!;
    // Named to sort first, and the older of the two by time, so neither name nor date decides for it.
    const intruder = join(dir, 'aaa-copy.txt');
    await writeFile(intruder, (await readFile(existing, 'utf8')).replace(/^title: .*$/mu, 'title: An impostor'));
    await utimes(intruder, new Date('2001-01-01'), new Date('2001-01-01'));
    await reloaded(before, 15_000);
    const kept = live.current().articles.find((a) => a.id === original.id)!;
    expect(kept.file).toBe(existing);
    expect(kept.title).toBe(original.title);
    const warning = warnings(before).find((line) => line.file === intruder);
    expect(warning?.reason).toBe(`id "${original.id}" is already used by ${existing}`);
    await unlink(intruder);
  }, 30_000);

  it('answers a malformed button privately and an autocomplete with no focused option with no choices, never leaving them unanswered', async () => {
    const button = await emulator.sendButton('not-a-verbatim-button', {}, who()).response;
    expect((button.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(button.data?.content).toContain("couldn't read that button");
    const interaction = emulator.sendInteraction(4, { id: emulator.registeredCommands(emulator.guildId).find((c) => c.name === 'quote')!.id, name: 'quote', type: 1, options: [{ name: 'query', type: 3, value: 'Ira' }] }, who());
    const autocomplete = await interaction.response;
    expect(autocomplete.type).toBe(8);
    expect(autocomplete.data?.choices).toEqual([]);
  });
});
