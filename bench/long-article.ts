/**
 * A long article added to a running bot: the bot as its own process (`src/main.ts`, as a service
 * manager runs it) on the seeds in a temporary folder, against the local Discord emulator
 * (127.0.0.1 only) in this process, then a 2 MB article written into the folder while a /quote
 * arrives every 100 ms. The bot and the emulator do not share an event loop, so each wait is the
 * one a user would see. Prints how long the article took to be served, the longest any of those
 * interactions waited for its answer (and how many missed Discord's 3 seconds), and the reload's
 * longest busy stretch as the bot logged it. Run by `npm run bench` (`--bytes` for another size);
 * asserts nothing, since timings here are noisy.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { deployCommands } from '../src/discord/deploy.ts';
import { DiscordEmulator } from '../test/support/discord-emulator.ts';
import { longArticle } from '../test/support/long-article.ts';

const { values } = parseArgs({ options: { bytes: { type: 'string', default: String(2_000_000) }, every: { type: 'string', default: '100' } } });
const bytes = Number(values.bytes);
const everyMs = Number(values.every);


const dir = await mkdtemp(join(tmpdir(), 'verbatim-bench-long-'));
const emulator = await new DiscordEmulator().start();
const corpus = join(dir, 'corpus');
try {
  await mkdir(corpus);
  for (const name of (await readdir('corpus')).filter((n) => n.endsWith('.txt'))) await writeFile(join(corpus, name), await readFile(join('corpus', name)));
  await deployCommands({ token: emulator.token, clientId: emulator.applicationId, guildId: emulator.guildId, apiUrl: emulator.apiUrl });
  const env = { ...process.env, DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl, CORPUS_DIR: corpus, CACHE_DIR: join(dir, 'cache'), LOG_LEVEL: 'info' };
  const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  let partial = '';
  bot.stderr.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop()!;
    for (const line of parts) if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  const logged = async (msg: string): Promise<Record<string, unknown>> => {
    for (;;) {
      const found = lines.find((line) => line.msg === msg);
      if (found) return found;
      if (bot.exitCode !== null) throw new Error(`bench: the bot stopped (${bot.exitCode})`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  try {
    await logged('logged in to Discord');
    await emulator.waitForSession();
    const text = await longArticle('long-read', bytes, { notOver: true });
    const written = performance.now();
    await writeFile(join(corpus, 'long-read.txt'), text);
    let served: Record<string, unknown> | undefined;
    let servedMs = 0;
    void logged('corpus reloaded').then((line) => {
      served = line;
      servedMs = performance.now() - written;
    });
    const waits: Promise<number | null>[] = [];
    let user = 1800000000000000000n;
    // Interactions keep coming until the article is served, and for one second after.
    while (served === undefined || performance.now() < written + servedMs + 1_000) {
      const interaction = emulator.sendCommand('quote', { query: 'Iravani' }, { userId: String(user++) });
      waits.push(interaction.response.then(() => interaction.events[0]!.elapsedMs, () => null));
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
    const answered = await Promise.all(waits);
    const missed = answered.filter((ms) => ms === null || ms > 3_000).length;
    const sorted = answered.map((ms) => ms ?? Infinity).sort((a, b) => a - b);
    console.log(`\nlong article: ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB added to the running bot (its own process), a /quote every ${everyMs} ms meanwhile`);
    console.log(
      `served ${(servedMs / 1000).toFixed(1)} s after it was written; ${answered.length} interactions: longest wait for an answer ${sorted.at(-1)!.toFixed(0)} ms, p99 ${sorted[Math.floor(sorted.length * 0.99)]!.toFixed(0)} ms, p50 ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, ${missed} past Discord's 3 s; the reload's longest busy stretch (blockedMs) ${String(served!.blockedMs)} ms`,
    );
  } finally {
    bot.kill('SIGKILL');
  }
} finally {
  await emulator.stop();
  await rm(dir, { recursive: true, force: true });
}
