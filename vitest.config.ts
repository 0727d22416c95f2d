import { defineConfig } from 'vitest/config';

/**
 * Suites that share one module graph per worker: units, the contract checks, the CDK assertions
 * (aws-cdk-lib alone takes seconds to load) and the engine's workflow scenarios (each against its own
 * simulator). The runtime and end-to-end suites keep a module graph per file: shared, in a shuffled
 * order, a dozen of them failed on state an earlier file had left in a module.
 */
const SHARED = ['test/unit/**/*.test.ts', 'test/contract/**/*.test.ts', 'test/infra/**/*.test.ts', 'test/workflows/**/*.test.ts'];

/**
 * Units that need a module graph of their own: they assert on Powertools metrics and logs, whose
 * modules read their settings (metrics on, log level) once, when first loaded.
 */
const ISOLATED_UNITS = [
  'test/unit/middleware/action-stack.test.ts',
  'test/unit/middleware/http-handler.test.ts',
  'test/unit/setup/handler-output-filter.test.ts',
];

export default defineConfig({
  test: {
    // Handler logs and EMF metrics are dropped from the output unless JML_TEST_LOGS=1.
    setupFiles: ['test/setup/polyfills.ts', 'test/setup/quiet-handler-output.ts'],
    testTimeout: 30_000,
    // Infra suites synthesize the whole stack (bundling every function) in beforeAll.
    hookTimeout: 120_000,
    // 2-core CI machine: a couple of workers is faster than many contending ones.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: SHARED,
          exclude: ISOLATED_UNITS,
          // One module graph per worker: aws-cdk-lib and the handlers load once instead of once per file.
          isolate: false,
          // Added to the shared setup files: resets process-wide state (the in-memory brake, process.env) per file.
          setupFiles: ['test/setup/fresh-process-state.ts'],
        },
      },
      { extends: true, test: { name: 'isolated', include: ['test/**/*.test.ts'], exclude: SHARED } },
      { extends: true, test: { name: 'isolated-units', include: ISOLATED_UNITS } },
    ],
  },
});
