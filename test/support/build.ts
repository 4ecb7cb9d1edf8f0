/**
 * Vitest's global set-up: builds dist/ first, so that the tests which start Verbatim as a user
 * does (`node dist/main.js`, `node dist/ask.js`) run the code under test, not an older build.
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
