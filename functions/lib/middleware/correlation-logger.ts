import type { MiddlewareObj } from '@middy/core';
import * as z from 'zod';
import { createInvocationLogger } from '../observability.js';
import { attachInvocationState } from './invocation-context.js';

/**
 * What the ASL adds to every Task payload: `"_meta": { "executionName.$": "$$.Execution.Name",
 * "stateName.$": "$$.State.Name" }`. Optional; other fields are ignored, never fatal, because
 * correlation must not be the reason an action fails.
 */
export const CorrelationMetaSchema = z.object({
  executionName: z.string().min(1).max(256).optional().catch(undefined),
  stateName: z.string().min(1).max(256).optional().catch(undefined),
});

export const META_FIELD = '_meta';

/** Splits `_meta` off an event; the rest is what the action's input schema validates. */
export function splitCorrelationMeta(event: unknown): { input: unknown; meta: z.infer<typeof CorrelationMetaSchema> } {
  if (typeof event !== 'object' || event === null || Array.isArray(event) || !(META_FIELD in event)) {
    return { input: event, meta: {} };
  }
  const { [META_FIELD]: rawMeta, ...input } = event as Record<string, unknown>;
  const parsed = CorrelationMetaSchema.safeParse(rawMeta);
  return { input, meta: parsed.success ? parsed.data : {} };
}

/**
 * First middleware of every action: strips `_meta` from the event and gives the invocation a
 * child logger whose every line carries the action, execution name and state name.
 */
export function correlationLogger(action: string): MiddlewareObj {
  return {
    name: 'correlationLogger',
    before: (request) => {
      const { input, meta } = splitCorrelationMeta(request.event);
      request.event = input;
      const logger = createInvocationLogger({ action, ...meta }, request.context);
      attachInvocationState(request, { action, logger, startedAt: performance.now() });
    },
  };
}
