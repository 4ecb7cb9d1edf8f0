/**
 * `npm run build` (run by npm's `prepare`, so `npm ci` leaves a built dist/): the entry points
 * bundled into dist/ with esbuild, so that starting compiles nothing and resolves few files.
 * Bundling matters as much as compiling: the terminal's start-up was mostly Node resolving and
 * linking hundreds of small modules (zod, yaml, our own), not running them.
 *
 * discord.js is bundled too, into the bot's own chunk, which src/main.ts imports only when a token
 * is set: bundled, it loads in half the time (its hundreds of files were most of the bot's start).
 *
 * Kept out of the bundle, and loaded from node_modules when first imported:
 * - the optional native packages discord.js and ws try (`zlib-sync`, `bufferutil`,
 *   `utf-8-validate`): absent, as here, they are skipped as they would be unbundled;
 * - pino, which starts its transports from files of its own;
 * - yaml, which `src/corpus/format.ts` requires when it first reads or writes front matter (a
 *   start from the saved index never does), and cli-progress, which `src/setup.ts` requires when
 *   it first shows a progress bar;
 * - linkedom and Readability: only reading saved web pages uses them;
 * - Vega, Vega-Lite and resvg (whose renderer is a native file of its own): only drawing a chart
 *   uses them, and `src/render/chart.ts` imports them when it first draws.
 */
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

const ENTRY_POINTS = ['src/main.ts', 'src/ask.ts', 'src/ingest.ts', 'src/deploy-commands.ts'];
const EXTERNAL = ['zlib-sync', 'bufferutil', 'utf-8-validate', 'pino', 'yaml', 'cli-progress', 'linkedom', '@mozilla/readability', 'vega', 'vega-lite', '@resvg/resvg-js'];

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
  // Bundled CommonJS packages (discord.js, cli-progress) call `require` for Node's own modules, which ESM lacks.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
