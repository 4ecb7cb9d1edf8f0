/** The command-line ways in, run as a user runs them: `npm run ask`, `npm start` without a token, `npm run ingest`. */
import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/corpus/format.ts';

const exec = promisify(execFile);
/** The environment without Discord variables, so a developer's own .env or shell does not change the outcome. */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_') && k !== 'CORPUS_DIR'));

/** Runs an entry point as `npm run` does: its built file (`src/ask.ts` → `dist/ask.js`), which the tests' set-up builds. */
function built(script: string): string {
  return script.replace(/^src\/(.*)\.ts$/u, 'dist/$1.js');
}

function node(script: string, args: string[], options: { cwd?: string } = {}) {
  return exec(process.execPath, [built(script), ...args], { env: ENV, ...options }).catch(
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('npm run ask', () => {
  it('prints the answer as JSON in the documented shape with --json', async () => {
    const { stdout } = await node('src/ask.ts', ['/figures casualties', '--json']);
    const json = JSON.parse(stdout) as { command: string; query: string; results: Record<string, unknown>[] };
    expect(json.command).toBe('figures');
    expect(json.query).toBe('casualties');
    expect(Object.keys(json.results[0]!).sort()).toEqual(['article', 'category', 'counted', 'end', 'qualifier', 'rule', 'sentence', 'start', 'text', 'type', 'upper', 'value']);
    expect(json.results[0]).toMatchObject({ type: 'figure' });
    expect(Object.keys(json.results[0]!['article'] as object).sort()).toEqual(['id', 'outlet', 'published', 'title', 'url']);
    const quote = JSON.parse((await node('src/ask.ts', ['/quote Khosravi', '--json'])).stdout) as { results: Record<string, unknown>[] };
    expect(Object.keys(quote.results[0]!).sort()).toEqual(['article', 'end', 'evidence', 'kind', 'rule', 'sentence', 'speaker', 'start', 'text', 'type']);
    expect(quote.results[0]).toMatchObject({ type: 'quotation', speaker: 'Kayvan Khosravi', kind: 'statement', rule: expect.any(String) });
  });

  it('uses another corpus folder with --corpus, naming a broken file and serving the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-ask-'));
    await copyFile('corpus/mehr-news-agency-2023-03-25.txt', join(dir, 'mehr.txt'));
    await writeFile(join(dir, 'broken.txt'), 'no front matter here');
    const { stdout, stderr } = await node('src/ask.ts', ['/source', '--corpus', dir]);
    expect(stderr).toMatch(/Skipped .*broken\.txt: no front matter/);
    expect(stdout).toMatch(/^1 article in the corpus:/);
  });

  it('answers one command per input line with `--json -`, one JSON answer a line, going on past a bad line', async () => {
    const child = spawn(process.execPath, ['dist/ask.js', '--json', '-'], { env: ENV });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stdin.end('/quote Khosravi\n\n/quotes Iravani\n/figures casualties\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const [quote, bad, figures] = lines.map((line) => JSON.parse(line) as { command: string; results: { speaker?: string }[]; problem?: { code: string } });
    expect(quote!.command).toBe('quote');
    expect(quote!.results[0]!.speaker).toBe('Kayvan Khosravi');
    expect(bad!.problem!.code).toBe('unknown-command');
    expect(figures!.command).toBe('figures');
    // The same shape as a one-shot `--json` answer.
    const single = JSON.parse((await node('src/ask.ts', ['/figures casualties', '--json'])).stdout) as unknown;
    expect(figures).toEqual(single);
  });

  it('exits 2 naming an unknown command', async () => {
    const failure = await node('src/ask.ts', ['/quotes Iravani']);
    expect('code' in failure && failure.code).toBe(2);
    expect(failure.stdout).toContain('There is no command “quotes”');
  });
});

describe('npm start without a token', () => {
  it('answers each command typed on its input and stops at the end of it', async () => {
    const child = spawn(process.execPath, ['dist/main.js'], { env: ENV });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stdin.end('/quote Takht-Ravanchi\n/help\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\/quote Takht-Ravanchi: \d+ results/);
    expect(stdout).toContain('— Majid Takht-Ravanchi (statement)');
    expect(stdout).toContain('/figures topic:<words>');
  });
});

describe('starting in the terminal', () => {
  /** What a process loaded: a loader hook lists every module file it loads; `discord` says whether any holds discord.js's REST client (bundled or not). */
  async function loadedBy(args: string[], input: string): Promise<{ discord: boolean; files: string[] }> {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-loaded-'));
    const list = join(dir, 'loaded.txt');
    const hooks = join(dir, 'hooks.mjs');
    await writeFile(hooks, `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { if (url.startsWith('file:')) appendFileSync(${JSON.stringify(list)}, url + '\\n'); return next(url, context); }\n`);
    const probe = join(dir, 'probe.mjs');
    await writeFile(probe, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    // CommonJS files (discord.js unbundled) do not pass through the hooks: list those as the process exits.
    await writeFile(join(dir, 'cjs.cjs'), `process.on('exit', () => require('node:fs').appendFileSync(${JSON.stringify(list)}, Object.keys(require.cache).map((f) => 'file://' + f + '\\n').join('')));\n`);
    const child = spawn(process.execPath, ['--require', join(dir, 'cjs.cjs'), '--import', probe, ...args], { env: ENV });
    child.stdin.end(input);
    await new Promise((resolve) => child.on('close', resolve));
    const files = (await readFile(list, 'utf8')).trim().split('\n').map((url) => fileURLToPath(url));
    const sources = await Promise.all(files.filter((f) => f.endsWith('.js') || f.endsWith('.mjs') || f.endsWith('.cjs')).map((f) => readFile(f, 'utf8').catch(() => '')));
    return { discord: sources.some((source) => source.includes('DiscordBot (https://discord.js.org')), files };
  }

  it('never loads discord.js without a token, in the console or in npm run ask, nor the page reader for a folder of .txt files', async () => {
    for (const [args, input] of [[['dist/main.js'], '/quote Iravani\n'], [['dist/ask.js', '/quote Iravani'], '']] as const) {
      const loaded = await loadedBy([...args], input);
      expect(loaded.discord).toBe(false);
      expect(loaded.files.filter((f) => f.includes('/node_modules/linkedom/'))).toEqual([]);
    }
    // The probe sees discord.js when it is loaded: registering the commands needs it.
    expect((await loadedBy(['dist/deploy-commands.js'], '')).discord).toBe(true);
  });
});

describe('npm run ingest', () => {
  it('turns a raw seed into the same corpus file that ships, listing what it dropped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-ingest-'));
    const { stdout } = await node('src/ingest.ts', [
      'test/fixtures/raw/004_7e9dd43d31d6cfa1.txt',
      '--outlet',
      'Mehr News Agency',
      '--published',
      '2023-03-25',
      '--url',
      'https://en.mehrnews.com/news/198808/Iran-reacts-to-US-allegations-after-recent-attacks-in-Syria',
      '--corpus',
      dir,
    ]);
    expect(stdout).toContain('dropped (page code): News Code 198808');
    expect(await readFile(join(dir, 'mehr-news-agency-2023-03-25.txt'), 'utf8')).toBe(await readFile('corpus/mehr-news-agency-2023-03-25.txt', 'utf8'));
    const again = await node('src/ingest.ts', ['test/fixtures/raw/004_7e9dd43d31d6cfa1.txt', '--outlet', 'Mehr News Agency', '--published', '2023-03-25', '--url', 'https://x.org/a', '--corpus', dir]);
    expect('code' in again && again.code).toBe(1);
    expect(again.stderr).toContain(`already in the corpus as ${join(dir, 'mehr-news-agency-2023-03-25.txt')} (the same text). Give --replace`);
  });

  it('names the missing facts and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-ingest-'));
    const failure = await node('src/ingest.ts', ['test/fixtures/raw/004_7e9dd43d31d6cfa1.txt', '--outlet', 'Mehr', '--corpus', dir]);
    expect('code' in failure && failure.code).toBe(1);
    expect(failure.stderr).toContain('does not state its publication date or address. Give --published YYYY-MM-DD --url https://…. Nothing was written.');
    expect(await readdir(dir)).toEqual([]);
  });

  it('ingests a saved page with the facts its metadata states, saying where each came from and what it dropped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-ingest-'));
    const { stdout } = await node('src/ingest.ts', ['test/fixtures/pages/harbour-herald-port-strike.html', '--corpus', dir]);
    expect(stdout).toContain('outlet: The Harbour Herald (from the page)');
    expect(stdout).toContain('dropped (share widget): Facebook | Twitter | WhatsApp | Email');
    const written = parseArticle(await readFile(join(dir, 'the-harbour-herald-2024-05-14.txt'), 'utf8'), 'x.txt');
    expect(written).toMatchObject({
      success: true,
      article: {
        id: 'the-harbour-herald-2024-05-14',
        title: 'Valmora dockworkers strike over contract talks',
        outlet: 'The Harbour Herald',
        byline: 'Ines Carvalho and Tomas Berg',
        published: '2024-05-14',
        url: 'https://www.harbourherald.example/news/2024/05/14/valmora-dockworkers-strike',
        standfirst: expect.stringMatching(/^Hundreds of port workers/u),
        captions: [expect.stringMatching(/^Pickets outside/u)],
      },
    });
    // Nothing but the article file is left behind: the temporary file was renamed into place.
    expect(await readdir(dir)).toEqual(['the-harbour-herald-2024-05-14.txt']);
  });

  it('refuses a page already in the corpus, naming its file, and updates that file with --replace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-ingest-'));
    await node('src/ingest.ts', ['test/fixtures/pages/harbour-herald-port-strike.html', '--corpus', dir]);
    const page = await readFile('test/fixtures/pages/harbour-herald-port-strike.html', 'utf8');
    const updated = join(dir, 'updated.html');
    await writeFile(updated, page.replace('due to arrive.</p>', 'due to arrive.</p><p>Update: the mediator has arrived in Valmora.</p>'));
    const refused = await node('src/ingest.ts', [updated, '--corpus', dir]);
    expect('code' in refused && refused.code).toBe(1);
    expect(refused.stderr).toContain(`already in the corpus as ${join(dir, 'the-harbour-herald-2024-05-14.txt')} (the same address). Give --replace`);
    const { stdout } = await node('src/ingest.ts', [updated, '--replace', '--corpus', dir]);
    expect(stdout).toMatch(/^Updated .*the-harbour-herald-2024-05-14\.txt/u);
    expect(await readdir(dir)).toEqual(['the-harbour-herald-2024-05-14.txt', 'updated.html']);
    expect(await readFile(join(dir, 'the-harbour-herald-2024-05-14.txt'), 'utf8')).toContain('Update: the mediator has arrived in Valmora.');
  });

  it('refuses one article’s facts given for several files', async () => {
    const failure = await node('src/ingest.ts', ['test/fixtures/pages/harbour-herald-port-strike.html', 'test/fixtures/pages/northern-ledger-flood.html', '--url', 'https://x.org/a']);
    expect('code' in failure && failure.code).toBe(2);
    expect(failure.stderr).toContain('--url name one article');
  });
});
