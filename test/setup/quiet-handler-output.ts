import { dropHandlerOutput } from './handler-output-filter.js';

/**
 * The handlers write Powertools JSON log lines and EMF metric documents to stdout/stderr, as
 * Lambda wants; in a test run they bury the vitest summary (hundreds of lines). Dropped here
 * unless JML_TEST_LOGS=1. Tests that assert on logs or metrics are unaffected: they spy on
 * `write` themselves (test/unit/middleware/capture-output.ts), in front of this filter.
 */
if (process.env.JML_TEST_LOGS !== '1') {
  dropHandlerOutput(process.stdout);
  dropHandlerOutput(process.stderr);
}
