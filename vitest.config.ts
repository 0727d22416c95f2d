import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/polyfills.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // 2-core CI machine: a couple of workers is faster than many contending ones.
    maxWorkers: 2,
  },
});
