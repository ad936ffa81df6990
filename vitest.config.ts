import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/setup/build.ts'],
    // Every core runs test files. Vitest's default leaves one free for itself, which on a two-core
    // machine runs the files one at a time, while most of them wait on the programs they start
    // (Chromium, LibreOffice, the command): 221 s against 175 s here.
    maxWorkers: '100%',
    // The browser and office tests start Chromium and LibreOffice, which on a loaded two-core machine
    // have taken more than 30 s; a hang still ends the test.
    testTimeout: 60_000,
  },
});
