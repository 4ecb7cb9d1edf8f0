/** The command-line ways in, run as a user runs them: `npm run ask`, `npm start` without a token, `npm run ingest`. */
import { execFile, spawn } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/corpus/format.ts';
import { loadProbe, type Loaded } from './support/loaded-modules.ts';

const exec = promisify(execFile);
/** The environment without Discord variables, so a developer's own .env or shell does not change the outcome. */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_') && k !== 'CORPUS_DIR'));

/** Runs an entry point as `npm run` does: its built file (`src/ask.ts` → `dist/ask.js`), which the tests' set-up builds. */
function built(script: string): string {
  return script.replace(/^src\/(.*)\.ts$/u, 'dist/$1.js');
}

function node(script: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  return exec(process.execPath, [built(script), ...args], { ...options, env: { ...ENV, ...options.env } }).catch(
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

  it('writes the chart of each count over time with --chart, the same bytes each time', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-chart-'));
    const file = join(dir, 'out.png');
    const { stderr } = await node('src/ask.ts', ['/figures casualties', '--chart', file]);
    expect(stderr).toContain(`Chart written to ${file}`);
    const first = await readFile(file);
    expect(first.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Drawn at twice its 340-px plot plus axis and padding: a picture a phone shows sharp.
    expect(first.readUInt32BE(16)).toBeGreaterThan(680);
    expect(await readFile(join(dir, 'out-2.png'))).toBeInstanceOf(Buffer);
    await node('src/ask.ts', ['/figures casualties', '--chart', file]);
    expect((await readFile(file)).equals(first)).toBe(true);
    await rm(dir, { recursive: true, force: true });
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

  it('starts over a folder holding a named pipe and a link to /dev/zero, naming each as skipped, never reading them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-ask-'));
    await copyFile('corpus/mehr-news-agency-2023-03-25.txt', join(dir, 'mehr.txt'));
    await exec('mkfifo', [join(dir, 'pipe.txt')]);
    await symlink('/dev/zero', join(dir, 'zero.txt'));
    const { stdout, stderr } = await node('src/ask.ts', ['/source', '--corpus', dir]);
    expect(stderr).toContain(`Skipped ${join(dir, 'pipe.txt')}: is a named pipe (FIFO), not a regular file`);
    expect(stderr).toContain(`Skipped ${join(dir, 'zero.txt')}: is a character device, not a regular file`);
    expect(stdout).toMatch(/^1 article in the corpus:/u);
  });

  it('answers over a malformed DISCORD_TOKEN, which it does not use', async () => {
    const { stdout } = await node('src/ask.ts', ['/source'], { env: { DISCORD_TOKEN: 'not-a-token', LOG_LEVEL: 'INFO' } });
    expect(stdout).toMatch(/^5 articles in the corpus:/u);
  });

  it('shows control characters in an article as visible escapes, never acting on the terminal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-ask-'));
    const text = (await readFile('corpus/mehr-news-agency-2023-03-25.txt', 'utf8')).replace(/^title: .*$/mu, 'title: "Talks \\x1b[2Jend \\x1b]0;pwned\\x07"');
    await writeFile(join(dir, 'mehr.txt'), text);
    const { stdout } = await node('src/ask.ts', ['/source', '--corpus', dir]);
    expect(stdout).toContain('Talks \\x1b[2Jend \\x1b]0;pwned\\x07');
    expect(stdout).not.toMatch(/[\x1b\x07]/u);
  });

  it('stops with one clear line and status 1 when the corpus folder is missing or is a file', async () => {
    const missing = await node('src/ask.ts', ['/source', '--corpus', join(tmpdir(), 'verbatim-no-such-folder')]);
    expect('code' in missing && missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^The corpus folder .*verbatim-no-such-folder does not exist\. Set CORPUS_DIR \(or --corpus\) to a folder of article files\.$/u);
    const file = await node('src/ask.ts', ['/source', '--corpus', 'README.md']);
    expect('code' in file && file.code).toBe(1);
    expect(file.stderr.trim()).toMatch(/^The corpus folder README\.md is a file, not a folder\./u);
  });

  it('warns in one line when CACHE_DIR is a file or read-only, and answers all the same', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-cache-'));
    await writeFile(join(dir, 'cache'), '');
    const { stdout, stderr } = await node('src/ask.ts', ['/source'], { env: { CACHE_DIR: join(dir, 'cache') } });
    expect(stderr).toContain(`CACHE_DIR ${join(dir, 'cache')} is a file, not a folder: the index cannot be saved`);
    expect(stdout).toMatch(/^5 articles in the corpus:/u);
    // Permissions bind only a user other than root: run as `nobody` when the tests run as root.
    const readOnly = join(dir, 'read-only');
    await mkdir(readOnly, { mode: 0o555 });
    await chmod(dir, 0o755);
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = await exec(process.execPath, ['dist/ask.js', '/source'], { env: { ...ENV, CACHE_DIR: readOnly }, ...asNobody });
    expect(run.stderr).toContain(`CACHE_DIR ${readOnly} cannot be written to (EACCES): the index cannot be saved`);
    expect(run.stdout).toMatch(/^5 articles in the corpus:/u);
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
  /** What a process started with `args` and given `input` loaded (see `loadProbe`). */
  async function loadedBy(args: string[], input: string, env: Record<string, string> = {}): Promise<Loaded> {
    const probe = await loadProbe();
    const child = spawn(process.execPath, [...probe.nodeOptions, ...args], { env: { ...ENV, ...env } });
    child.stdin.end(input);
    await new Promise((resolve) => child.on('close', resolve));
    return probe.loaded();
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

  it('loads a saved index the sources wrote as of its own version, without loading the analysis', async () => {
    // The build gives the bundle ANALYSIS_VERSION as a constant it worked out (scripts/build.mjs): were
    // it another than the sources', the bundle would take this index for another version's and rebuild it.
    const cache = await mkdtemp(join(tmpdir(), 'verbatim-cache-'));
    const { openLibrary } = await import('../src/index/open.ts');
    const opened = await openLibrary('corpus', { cacheDir: cache });
    expect(opened).toMatchObject({ success: true, report: { outcome: 'built' } });
    const env = { CORPUS_DIR: 'corpus', CACHE_DIR: cache, LOG_LEVEL: 'info' };
    const { stdout, stderr } = await node('src/ask.ts', ['/quote Iravani'], { env });
    expect(stdout).toContain('Iravani');
    expect(stderr).not.toMatch(/Index (built|updated)/u);
    const loaded = await loadedBy(['dist/main.js'], '/quote Iravani\n', env);
    expect(loaded.analysis).toBe(false);
    // The probe sees the analysis when it is loaded: a folder without a saved index is derived.
    expect((await loadedBy(['dist/main.js'], '/quote Iravani\n', { CORPUS_DIR: 'corpus', CACHE_DIR: await mkdtemp(join(tmpdir(), 'verbatim-cache-')) })).analysis).toBe(true);
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

  it('drops control characters from what it stores, with a note, and shows them escaped in what it prints', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-ingest-'));
    const page = join(dir, 'page.txt');
    await writeFile(page, 'Talks end\n\nThe minister said the \x1b[2Jtalks \x1b]0;pwned\x07were over for the year.\n\nAnother paragraph\x07 came after it.\n');
    const corpus = join(dir, 'corpus');
    const { stdout } = await node('src/ingest.ts', [page, '--outlet', 'Wire\x1b[31m', '--published', '2024-01-01', '--url', 'https://wire.example/a', '--corpus', corpus]);
    expect(stdout).toContain('dropped 20 control characters (terminal escape codes and the like)');
    expect(stdout).not.toMatch(/[\x1b\x07]/u);
    const [name] = await readdir(corpus);
    const stored = await readFile(join(corpus, name!), 'utf8');
    expect(stored).toContain('The minister said the talks were over for the year.\n\nAnother paragraph came after it.');
    expect(stored).toContain('outlet: Wire\n');
    expect(stored).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/u);
  });

  it('ends a failed write (as on a full disk) in one line and status 1, leaving no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-ingest-'));
    const page = join(dir, 'long.txt');
    await writeFile(page, `Headline\n\n${'The minister said the talks were over, and the next round would begin in the spring. '.repeat(2_000)}\n`);
    const corpus = join(dir, 'corpus');
    // The shell caps the size of a file this process may write at 100 KB: the write fails part way, as on a full disk.
    const args = [page, '--outlet', 'Wire', '--published', '2024-01-01', '--url', 'https://wire.example/long', '--corpus', corpus].map((a) => `'${a}'`).join(' ');
    const failure = await exec('sh', ['-c', `trap '' XFSZ; ulimit -f 200; exec '${process.execPath}' --import tsx src/ingest.ts ${args}`], { env: ENV }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect('code' in failure && failure.code).toBe(1);
    expect(failure.stderr.trim()).toMatch(/^Cannot ingest .*long\.txt: EFBIG: .*Nothing was written for it\.$/u);
    expect(await readdir(corpus)).toEqual([]);
  });

  it('refuses an over-long --id, a --corpus that is a file, a page nested 50,000 deep, an article over MAX_ARTICLE_BYTES and a device, each in one line with status 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-ingest-'));
    const page = join(dir, 'page.txt');
    await writeFile(page, 'Talks end\n\nThe minister said the talks were over for the year.\n');
    const facts = ['--outlet', 'Wire', '--published', '2024-01-01', '--url', 'https://wire.example/a'];
    const corpus = join(dir, 'corpus');
    const oneLine = (failure: { stderr: string }): void => expect(failure.stderr).not.toMatch(/\n\s+at /u);

    const longId = await node('src/ingest.ts', [page, ...facts, '--id', 'a'.repeat(300), '--corpus', corpus]);
    expect('code' in longId && longId.code).toBe(1);
    expect(longId.stderr).toContain('the id is 300 characters long; at most 100');
    oneLine(longId);

    const intoFile = await node('src/ingest.ts', [page, ...facts, '--corpus', page]);
    expect('code' in intoFile && intoFile.code).toBe(1);
    expect(intoFile.stderr.trim()).toBe(`The corpus folder ${page} is a file, not a folder: give --corpus a folder (or set CORPUS_DIR). Nothing was written.`);

    const deep = join(dir, 'deep.html');
    await writeFile(deep, `<html><head><title>Deep</title></head><body>${'<div>'.repeat(50_000)}<p>Words.</p>${'</div>'.repeat(50_000)}</body></html>`);
    const tooDeep = await node('src/ingest.ts', [deep, ...facts, '--corpus', corpus]);
    expect('code' in tooDeep && tooDeep.code).toBe(1);
    expect(tooDeep.stderr).toContain('its elements are nested 50003 deep');
    oneLine(tooDeep);

    const tooLarge = await node('src/ingest.ts', [page, ...facts, '--corpus', corpus], { env: { MAX_ARTICLE_BYTES: '100' } });
    expect('code' in tooLarge && tooLarge.code).toBe(1);
    expect(tooLarge.stderr).toMatch(/the article would be \d+ bytes, over MAX_ARTICLE_BYTES \(100\)/u);

    // Not even read: a saved text past the limit, and a device that never ends.
    const unread = await node('src/ingest.ts', [page, ...facts, '--corpus', corpus], { env: { MAX_ARTICLE_BYTES: '10' } });
    expect(unread.stderr.trim()).toMatch(/^Cannot ingest .*page\.txt: it is \d+ bytes, more than 10 \(MAX_ARTICLE_BYTES\)\. Nothing was written\.$/u);
    const device = await node('src/ingest.ts', ['/dev/zero', ...facts, '--corpus', corpus]);
    expect('code' in device && device.code).toBe(1);
    expect(device.stderr.trim()).toBe('Cannot ingest /dev/zero: it is not a regular file (a folder, a pipe or a device). Nothing was written.');
    expect(await readdir(corpus)).toEqual([]);
  }, 30_000);

  it('refuses one article’s facts given for several files', async () => {
    const failure = await node('src/ingest.ts', ['test/fixtures/pages/harbour-herald-port-strike.html', 'test/fixtures/pages/northern-ledger-flood.html', '--url', 'https://x.org/a']);
    expect('code' in failure && failure.code).toBe(2);
    expect(failure.stderr).toContain('--url name one article');
  });
});
