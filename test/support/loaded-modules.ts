/**
 * Which module files a process loads, for the tests that keep start-up lean: `node` options that
 * list every file the process loads (through a loader hook, and, for CommonJS files, which do not
 * pass through it, the require cache as the process exits), and what the list then says.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What a process loaded: its files, and whether they hold discord.js or the analysis (bundled or not). */
export interface Loaded {
  files: string[];
  discord: boolean;
  analysis: boolean;
}

/** The `node` options that make a process list what it loads, and the reading of that list once it has exited. */
export async function loadProbe(): Promise<{ nodeOptions: string[]; loaded(): Promise<Loaded> }> {
  const dir = await mkdtemp(join(tmpdir(), 'verbatim-loaded-'));
  const list = join(dir, 'loaded.txt');
  const hooks = join(dir, 'hooks.mjs');
  await writeFile(hooks, `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { if (url.startsWith('file:')) appendFileSync(${JSON.stringify(list)}, url + '\\n'); return next(url, context); }\n`);
  const probe = join(dir, 'probe.mjs');
  await writeFile(probe, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  await writeFile(join(dir, 'cjs.cjs'), `process.on('exit', () => require('node:fs').appendFileSync(${JSON.stringify(list)}, Object.keys(require.cache).map((f) => 'file://' + f + '\\n').join('')));\n`);
  return {
    nodeOptions: ['--require', join(dir, 'cjs.cjs'), '--import', probe],
    async loaded() {
      const files = (await readFile(list, 'utf8')).trim().split('\n').map((url) => fileURLToPath(url));
      const sources = await Promise.all(files.filter((f) => /\.[cm]?js$/u.test(f)).map((f) => readFile(f, 'utf8').catch(() => '')));
      return {
        files,
        // discord.js's REST client names itself in its User-Agent.
        discord: sources.some((source) => source.includes('DiscordBot (https://discord.js.org')),
        // The attribution rules' table, by one of its rules' names.
        analysis: sources.some((source) => source.includes("name: 'after-subject-verb'") || source.includes('name: "after-subject-verb"')),
      };
    },
  };
}
