/**
 * `npm run build` (run by npm's `prepare`, so `npm ci` leaves a built dist/): the entry points
 * bundled into dist/ with esbuild, so that starting compiles nothing and resolves few files.
 * Bundling matters as much as compiling: the terminal's start-up was mostly Node resolving and
 * linking hundreds of small modules (zod, yaml, our own), not running them.
 *
 * Kept out of the bundle, and loaded from node_modules when first imported:
 * - discord.js and pino: only the bot uses them, through `import()` in src/main.ts, so the terminal
 *   never loads them; discord.js also requires optional native packages a bundle cannot hold, and
 *   pino starts its transports from files of its own;
 * - linkedom and Readability: only reading saved web pages uses them.
 */
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

const ENTRY_POINTS = ['src/main.ts', 'src/ask.ts', 'src/ingest.ts', 'src/deploy-commands.ts'];
const EXTERNAL = ['discord.js', 'pino', 'linkedom', '@mozilla/readability'];

await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: ENTRY_POINTS,
  outdir: 'dist',
  bundle: true,
  // Shared code goes into chunks, and each `import()` of src/main.ts into its own, loaded only when run.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  sourcemap: true,
  logLevel: 'warning',
  // Bundled CommonJS packages (cli-progress) call `require` for Node's own modules, which ESM lacks.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
