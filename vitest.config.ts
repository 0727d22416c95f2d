import { defineConfig } from 'vitest/config';

/**
 * Suites that share one module graph per worker: units, the contract checks, the CDK assertions
 * (aws-cdk-lib alone takes seconds to load), the engine's workflow scenarios (each against its own
 * simulator) and the CLI's end-to-end suites. Suites that start the runtime in their process keep a
 * module graph per file: tried shared with a shuffled order, a dozen failed on state an earlier file
 * left in a module.
 */
const SHARED = ['test/unit/**/*.test.ts', 'test/contract/**/*.test.ts', 'test/infra/**/*.test.ts', 'test/workflows/**/*.test.ts', 'test/e2e/**/*.test.ts'];

/** End-to-end suites that start the runtime in their process: isolated, as test/runtime is. */
const RUNTIME_IN_PROCESS = [
  'test/e2e/cli-executions-paging.test.ts',
  'test/e2e/cli-runtime.test.ts',
  'test/e2e/hr-webhooks.test.ts',
  'test/e2e/webhook-signing-recipes.test.ts',
];

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
          exclude: [...ISOLATED_UNITS, ...RUNTIME_IN_PROCESS],
          // One module graph per worker: aws-cdk-lib and the handlers load once instead of once per file.
          isolate: false,
          // Added to the shared setup files: resets what a handler keeps per process, before each file.
          setupFiles: ['test/setup/fresh-process-state.ts'],
        },
      },
      { extends: true, test: { name: 'isolated', include: ['test/**/*.test.ts'], exclude: SHARED } },
      { extends: true, test: { name: 'isolated-e2e', include: RUNTIME_IN_PROCESS } },
      { extends: true, test: { name: 'isolated-units', include: ISOLATED_UNITS } },
    ],
  },
});
