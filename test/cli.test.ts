/** The command-line ways in, run as a user runs them: `npm run ask`, `npm start` without a token, `npm run ingest`. */
import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/corpus/format.ts';

const exec = promisify(execFile);
/** The environment without Discord variables, so a developer's own .env or shell does not change the outcome. */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_') && k !== 'CORPUS_DIR'));

function tsx(script: string, args: string[], options: { cwd?: string } = {}) {
  return exec(process.execPath, ['--import', 'tsx', script, ...args], { env: ENV, ...options }).catch(
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('npm run ask', () => {
  it('prints the answer as JSON in the documented shape with --json', async () => {
    const { stdout } = await tsx('src/ask.ts', ['/figures casualties', '--json']);
    const json = JSON.parse(stdout) as { command: string; query: string; results: Record<string, unknown>[] };
    expect(json.command).toBe('figures');
    expect(json.query).toBe('casualties');
    expect(Object.keys(json.results[0]!).sort()).toEqual(['article', 'category', 'counted', 'end', 'qualifier', 'rule', 'sentence', 'start', 'text', 'type', 'upper', 'value']);
    expect(json.results[0]).toMatchObject({ type: 'figure' });
    expect(Object.keys(json.results[0]!['article'] as object).sort()).toEqual(['id', 'outlet', 'published', 'title', 'url']);
    const quote = JSON.parse((await tsx('src/ask.ts', ['/quote Khosravi', '--json'])).stdout) as { results: Record<string, unknown>[] };
    expect(Object.keys(quote.results[0]!).sort()).toEqual(['article', 'end', 'evidence', 'kind', 'rule', 'sentence', 'speaker', 'start', 'text', 'type']);
    expect(quote.results[0]).toMatchObject({ type: 'quotation', speaker: 'Kayvan Khosravi', kind: 'statement', rule: expect.any(String) });
  });

  it('writes the chart of each count over time with --chart, the same bytes each time', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-chart-'));
    const file = join(dir, 'out.png');
    const { stderr } = await tsx('src/ask.ts', ['/figures casualties', '--chart', file]);
    expect(stderr).toContain(`Chart written to ${file}`);
    const first = await readFile(file);
    expect(first.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Drawn at twice its 340-px plot plus axis and padding: a picture a phone shows sharp.
    expect(first.readUInt32BE(16)).toBeGreaterThan(680);
    expect(await readFile(join(dir, 'out-2.png'))).toBeInstanceOf(Buffer);
    await tsx('src/ask.ts', ['/figures casualties', '--chart', file]);
    expect((await readFile(file)).equals(first)).toBe(true);
    await rm(dir, { recursive: true, force: true });
  });

  it('uses another corpus folder with --corpus, naming a broken file and serving the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-ask-'));
    await copyFile('corpus/mehr-news-agency-2023-03-25.txt', join(dir, 'mehr.txt'));
    await writeFile(join(dir, 'broken.txt'), 'no front matter here');
    const { stdout, stderr } = await tsx('src/ask.ts', ['/source', '--corpus', dir]);
    expect(stderr).toMatch(/Skipped .*broken\.txt: no front matter/);
    expect(stdout).toMatch(/^1 article in the corpus:/);
  });

  it('exits 2 naming an unknown command', async () => {
    const failure = await tsx('src/ask.ts', ['/quotes Iravani']);
    expect('code' in failure && failure.code).toBe(2);
    expect(failure.stdout).toContain('There is no command “quotes”');
  });
});

describe('npm start without a token', () => {
  it('answers each command typed on its input and stops at the end of it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: ENV });
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

describe('npm run ingest', () => {
  it('turns a raw seed into the same corpus file that ships, listing what it dropped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-ingest-'));
    const { stdout } = await tsx('src/ingest.ts', [
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
    const again = await tsx('src/ingest.ts', ['test/fixtures/raw/004_7e9dd43d31d6cfa1.txt', '--outlet', 'Mehr News Agency', '--published', '2023-03-25', '--url', 'https://x.org/a', '--corpus', dir]);
    expect('code' in again && again.code).toBe(1);
    expect(again.stderr).toContain(`already in the corpus as ${join(dir, 'mehr-news-agency-2023-03-25.txt')} (the same text). Give --replace`);
  });

  it('names the missing facts and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-ingest-'));
    const failure = await tsx('src/ingest.ts', ['test/fixtures/raw/004_7e9dd43d31d6cfa1.txt', '--outlet', 'Mehr', '--corpus', dir]);
    expect('code' in failure && failure.code).toBe(1);
    expect(failure.stderr).toContain('does not state its publication date or address. Give --published YYYY-MM-DD --url https://…. Nothing was written.');
    expect(await readdir(dir)).toEqual([]);
  });

  it('ingests a saved page with the facts its metadata states, saying where each came from and what it dropped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-ingest-'));
    const { stdout } = await tsx('src/ingest.ts', ['test/fixtures/pages/harbour-herald-port-strike.html', '--corpus', dir]);
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
    await tsx('src/ingest.ts', ['test/fixtures/pages/harbour-herald-port-strike.html', '--corpus', dir]);
    const page = await readFile('test/fixtures/pages/harbour-herald-port-strike.html', 'utf8');
    const updated = join(dir, 'updated.html');
    await writeFile(updated, page.replace('due to arrive.</p>', 'due to arrive.</p><p>Update: the mediator has arrived in Valmora.</p>'));
    const refused = await tsx('src/ingest.ts', [updated, '--corpus', dir]);
    expect('code' in refused && refused.code).toBe(1);
    expect(refused.stderr).toContain(`already in the corpus as ${join(dir, 'the-harbour-herald-2024-05-14.txt')} (the same address). Give --replace`);
    const { stdout } = await tsx('src/ingest.ts', [updated, '--replace', '--corpus', dir]);
    expect(stdout).toMatch(/^Updated .*the-harbour-herald-2024-05-14\.txt/u);
    expect(await readdir(dir)).toEqual(['the-harbour-herald-2024-05-14.txt', 'updated.html']);
    expect(await readFile(join(dir, 'the-harbour-herald-2024-05-14.txt'), 'utf8')).toContain('Update: the mediator has arrived in Valmora.');
  });

  it('refuses one article’s facts given for several files', async () => {
    const failure = await tsx('src/ingest.ts', ['test/fixtures/pages/harbour-herald-port-strike.html', 'test/fixtures/pages/northern-ledger-flood.html', '--url', 'https://x.org/a']);
    expect('code' in failure && failure.code).toBe(2);
    expect(failure.stderr).toContain('--url name one article');
  });
});
