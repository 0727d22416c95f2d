import type { ZodType, core } from 'zod';
import type { ActionLogger } from '../observability.js';
import { createActionHandler, type ActionHandler } from '../middleware/create-action-handler.js';
import { loadJmlConfig } from '../config/load-jml-config.js';
import type { JmlConfig } from '../config/jml-config-schema.js';
import { handlerNow } from '../handler-clock.js';

/** What a workflow-logic action's core receives: the JML config, a logger and a clock. */
export interface LogicDeps {
  config: JmlConfig;
  logger: ActionLogger;
  now: () => Date;
}

/**
 * The Lambda handler of a workflow-logic action (no Atlassian API, no secret): the shared
 * middleware stack around `run`, with the config from `JML_CONFIG` / `JML_CONFIG_FILE`.
 */
export function logicActionHandler<S extends ZodType, R>(
  name: string,
  inputSchema: S,
  run: (input: core.output<S>, deps: LogicDeps) => Promise<R>,
): ActionHandler<R> {
  return createActionHandler({
    name,
    inputSchema,
    resolveDeps: (logger): LogicDeps => ({ config: loadJmlConfig(), logger, now: handlerNow }),
    run,
  });
}
