import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Handler logs and EMF metrics are dropped from the output unless JML_TEST_LOGS=1.
    setupFiles: ['test/setup/polyfills.ts', 'test/setup/quiet-handler-output.ts'],
    testTimeout: 30_000,
    // Infra suites synthesize the whole stack (bundling every function) in beforeAll.
    hookTimeout: 120_000,
    // 2-core CI machine: a couple of workers is faster than many contending ones.
    maxWorkers: 2,
  },
});
