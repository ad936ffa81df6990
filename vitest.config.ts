import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/setup/build.ts'],
    // Every core runs test files. Vitest's default leaves one free for itself, which on a two-core
    // machine runs the files one at a time, while most of them wait on the programs they start
    // (Chromium, LibreOffice, the command): 221 s against 175 s here.
    maxWorkers: '100%',
    // The browser tests start Chromium; give them room on a loaded machine.
    testTimeout: 30_000,
  },
});
