/**
 * End to end: the real discord.js client of the bot logs in to a local emulator of Discord's API
 * (test/support/discord-emulator.ts, on 127.0.0.1), receives slash commands and replies.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../../src/discord/bot.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import { seedLibrary } from '../support/seed-library.ts';
import type { Library } from '../../src/index/library.ts';
import { checkMessageLimits, DiscordEmulator } from '../support/discord-emulator.ts';

const run = promisify(execFile);
const EPHEMERAL = 64;

describe('the bot against a local Discord', () => {
  let emulator: DiscordEmulator;
  let client: Client | undefined;
  const logs: string[] = [];
  let library: Library;

  beforeAll(async () => {
    emulator = await new DiscordEmulator().start();
    library = await seedLibrary();
    await deployCommands({ token: emulator.token, clientId: emulator.applicationId, guildId: emulator.guildId, apiUrl: emulator.apiUrl });
    client = await startBot({ token: emulator.token, library, apiUrl: emulator.apiUrl, log: (line) => logs.push(line) });
    await emulator.waitForSession();
  });

  afterAll(async () => {
    await client?.destroy();
    await emulator?.stop();
  });

  it('registers every command in the guild, each within Discord’s limits', () => {
    expect(emulator.registeredCommands(emulator.guildId).map((c) => c.name).sort()).toEqual(['figures', 'help', 'quote', 'source']);
  });

  it('answers /quote query:Iravani publicly, in the first response, with his words verbatim and nothing that pings', async () => {
    const interaction = emulator.sendCommand('quote', { query: 'Iravani' });
    const response = await interaction.response;
    expect(response.type).toBe(4); // a reply, not a deferral
    const content = response.data?.content ?? '';
    expect(response.data?.allowed_mentions).toEqual({ parse: [] });
    expect((response.data?.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(checkMessageLimits(response.data)).toEqual([]);
    expect(content).toContain('Amir Saeid Iravani');
    // The first statement shown is one of his, as printed in its article (markdown escapes aside).
    const first = /^> (.+)$/mu.exec(content)?.[1]?.replace(/\\(.)/gu, '$1') ?? '';
    const his = library.quotations.filter((q) => q.speakerId && library.speaker(q.speakerId)?.name === 'Amir Saeid Iravani').map((q) => q.text);
    expect(his).toContain(first);
  });

  it('answers a query that matches nothing privately, saying so', async () => {
    const response = await emulator.sendCommand('quote', { query: 'zzqx unmatched words' }).response;
    expect(response.data?.content).toContain('Nothing in the corpus matches');
    expect((response.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('answers /figures, /source and /help within Discord’s limits', async () => {
    for (const [name, options] of [
      ['figures', { topic: 'casualties' }],
      ['source', {}],
      ['source', { query: 'Ain al-Asad' }],
      ['help', {}],
    ] as const) {
      const response = await emulator.sendCommand(name, options).response;
      expect(response.type, name).toBe(4);
      expect(checkMessageLimits(response.data), name).toEqual([]);
      expect(response.data?.allowed_mentions, name).toEqual({ parse: [] });
    }
  });

  it('resumes after the gateway drops the connection and answers the next interaction', async () => {
    const resumes = emulator.resumeCount;
    emulator.dropConnection(4000);
    await emulator.waitForResume(resumes + 1);
    const response = await emulator.sendCommand('quote', { query: 'Khosravi' }).response;
    expect(response.data?.content).toContain('Kayvan Khosravi');
  });

  it('keeps the token out of every log line', () => {
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) expect(line).not.toContain(emulator.token);
  });

  it('exits non-zero with a clear message when Discord refuses the token, without printing it', async () => {
    const token = `${'A'.repeat(24)}.${'B'.repeat(6)}.${'C'.repeat(27)}`;
    const env = { ...process.env, DISCORD_TOKEN: token, DISCORD_API_URL: emulator.apiUrl, CORPUS_DIR: 'corpus' };
    const failure = await run(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env }).catch((error: { code: number; stderr: string; stdout: string }) => error);
    expect('code' in failure && failure.code).toBe(1);
    expect(failure.stderr).toContain('Discord refused the token');
    expect(failure.stderr + failure.stdout).not.toContain(token);
  });

  it('registers the commands globally through npm run deploy-commands when no guild is set', async () => {
    const env = { ...process.env, DISCORD_TOKEN: emulator.token, DISCORD_CLIENT_ID: emulator.applicationId, DISCORD_API_URL: emulator.apiUrl, DISCORD_GUILD_ID: '' };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/deploy-commands.ts'], { env });
    expect(stdout).toContain('Registered 4 commands globally');
    expect(emulator.registeredCommands().map((c) => c.name).sort()).toEqual(['figures', 'help', 'quote', 'source']);
  });
});
