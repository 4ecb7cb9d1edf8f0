/** The command-line ways in, run as a user runs them: `npm run ask`, `npm start` without a token, `npm run ingest`. */
import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

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
    expect(Object.keys(json.results[0]!).sort()).toEqual(['article', 'category', 'counted', 'end', 'qualifier', 'sentence', 'start', 'text', 'value']);
    expect(Object.keys(json.results[0]!['article'] as object).sort()).toEqual(['id', 'outlet', 'published', 'title', 'url']);
    const quote = JSON.parse((await tsx('src/ask.ts', ['/quote Khosravi', '--json'])).stdout) as { results: Record<string, unknown>[] };
    expect(quote.results[0]).toMatchObject({ speaker: 'Kayvan Khosravi', kind: 'statement' });
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
    expect(again.stderr).toMatch(/already exists.*--replace/);
  });

  it('names the missing facts and writes nothing', async () => {
    const failure = await tsx('src/ingest.ts', ['test/fixtures/raw/004_7e9dd43d31d6cfa1.txt', '--outlet', 'Mehr']);
    expect('code' in failure && failure.code).toBe(2);
    expect(failure.stderr).toContain('Give --url, --published');
  });
});
