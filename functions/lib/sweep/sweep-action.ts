import type { ZodType, core } from 'zod';
import type { Directory } from '../atlassian/directory.js';
import { loadJmlConfig } from '../config/load-jml-config.js';
import type { JmlConfig } from '../config/jml-config-schema.js';
import { createActionHandler, type ActionHandler } from '../middleware/create-action-handler.js';
import { resolveDirectory } from '../middleware/directory-deps.js';
import type { ActionLogger } from '../observability.js';
import { reportStoreFromEnv } from '../report-store/report-store-from-env.js';
import type { ReportStore } from '../report-store/report-store.js';
import { resolveSweepSource } from './sweep-source-deps.js';
import type { SweepSource } from './sweep-source.js';
import { handlerNow } from '../handler-clock.js';

/**
 * What a sweep action's core may use. Everything is built on first use, so a logic-only step
 * never needs the Atlassian settings and an API step never parses what it does not read.
 */
export interface SweepDeps {
  logger: ActionLogger;
  now: () => Date;
  config: () => JmlConfig;
  store: () => Promise<ReportStore>;
  source: () => Promise<SweepSource>;
  directory: () => Promise<Directory>;
  /** Milliseconds since the invocation started (for time budgets). */
  elapsedMs: () => number;
}

/** The Lambda handler of a sweep step: the shared middleware stack around `run`. */
export function sweepActionHandler<S extends ZodType, R>(
  name: string,
  inputSchema: S,
  run: (input: core.output<S>, deps: SweepDeps) => Promise<R>,
): ActionHandler<R> {
  return createActionHandler({
    name,
    inputSchema,
    resolveDeps: (logger): SweepDeps => {
      const started = Date.now();
      return {
        logger,
        now: handlerNow,
        config: () => loadJmlConfig(),
        store: () => reportStoreFromEnv(),
        source: () => resolveSweepSource(),
        directory: () => resolveDirectory(),
        elapsedMs: () => Date.now() - started,
      };
    },
    run,
  });
}
