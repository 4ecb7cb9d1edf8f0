import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/build.ts'],
    // The end-to-end tests start a local Discord emulator; give them room on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
