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
 * - linkedom and Readability: only reading saved web pages uses them, and `src/corpus/page.ts`
 *   requires them when it first reads one (the bot, whose /add imports it, starts without them);
 * - Vega, Vega-Lite and resvg (whose renderer is a native file of its own): only drawing a chart
 *   uses them, and `src/render/chart.ts` imports them when it first draws.
 */
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

/**
 * `ANALYSIS_VERSION` (see src/analysis/version.ts), worked out here from the analysis's data: the
 * module that works it out imports every rule, and the bundle gets the value in its place, so that
 * a start from the saved index does not load the analysis just to know the index is of this version.
 */
async function analysisVersion() {
  const { outputFiles } = await build({ entryPoints: ['src/analysis/version.ts'], bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
  const { ANALYSIS_VERSION } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
  if (typeof ANALYSIS_VERSION !== 'string' || !/^[0-9a-f]{16}$/u.test(ANALYSIS_VERSION)) throw new Error(`build: ANALYSIS_VERSION came out as ${ANALYSIS_VERSION}`);
  return ANALYSIS_VERSION;
}

/** Gives src/analysis/version.ts, wherever the bundle imports it, as the one constant worked out above. */
function analysisVersionAsConstant(version) {
  return {
    name: 'analysis-version',
    setup(bundler) {
      bundler.onLoad({ filter: /[\\/]src[\\/]analysis[\\/]version\.ts$/ }, () => ({ contents: `export const ANALYSIS_VERSION = ${JSON.stringify(version)};\n`, loader: 'ts' }));
    },
  };
}

const ENTRY_POINTS = ['src/main.ts', 'src/ask.ts', 'src/ingest.ts', 'src/deploy-commands.ts'];
const EXTERNAL = ['zlib-sync', 'bufferutil', 'utf-8-validate', 'pino', 'yaml', 'cli-progress', 'linkedom', '@mozilla/readability', 'vega', 'vega-lite', '@resvg/resvg-js'];

const version = await analysisVersion();
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
  plugins: [analysisVersionAsConstant(version)],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
