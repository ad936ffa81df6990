import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/setup/build.ts'],
    // The browser tests start Chromium; give them room on a loaded machine.
    testTimeout: 30_000,
  },
});
