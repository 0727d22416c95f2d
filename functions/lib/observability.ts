import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { ActionLogger, noteInvocationStart } from './action-logger.js';
import { redactingJsonReplacer } from './redaction.js';

/**
 * The process-wide Powertools instances of the action handlers. Constructing them touches no AWS
 * service: Logger writes JSON lines and Metrics writes EMF lines to stdout, and CloudWatch picks
 * both up from the Lambda log stream.
 */

const SERVICE_NAME = 'atlassian-jml';
const METRICS_NAMESPACE = 'AtlassianJml';

/** Root logger. Handlers log through a per-invocation child (see `createInvocationLogger`). */
export const rootLogger = new ActionLogger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? SERVICE_NAME,
  jsonReplacerFn: redactingJsonReplacer,
});

/** Root metrics. Every datum goes out as a single EMF document with its own dimensions. */
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? METRICS_NAMESPACE,
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? SERVICE_NAME,
});

export type { ActionLogger };

/** Correlation keys for one invocation; absent values are simply not logged. */
export interface CorrelationKeys {
  action: string;
  executionName?: string;
  stateName?: string;
}

/**
 * A child logger carrying the invocation's correlation keys. A child per invocation (rather than
 * `appendKeys` on the shared root) keeps concurrent invocations apart in the local engine, where
 * Parallel and Map branches run handlers side by side in one process.
 */
export function createInvocationLogger(keys: CorrelationKeys, context?: { awsRequestId?: string }): ActionLogger {
  noteInvocationStart();
  // A silent logger prints nothing, so its per-invocation child would be pure cost (the local engine's default).
  if (rootLogger.getLevelName() === 'SILENT') return rootLogger;
  const persistentKeys = Object.fromEntries(Object.entries(keys).filter(([, value]) => value !== undefined));
  const logger = rootLogger.createChild({ persistentKeys });
  // The local engine may pass a bare object; only a real-looking Lambda context is attached.
  if (context && typeof context.awsRequestId === 'string') logger.addContext(context as Parameters<ActionLogger['addContext']>[0]);
  return logger;
}

/**
 * Read once per container: with metrics off (the local engine), each `singleMetric()` would still
 * build a Metrics instance and its console on every invocation.
 */
const METRICS_DISABLED = ['true', '1'].includes((process.env.POWERTOOLS_METRICS_DISABLED ?? '').toLowerCase());

/** Counts one finished invocation by action and outcome, and records its latency. */
export function recordInvocation(action: string, outcome: string, latencyMs: number): void {
  if (METRICS_DISABLED) return;
  const count = metrics.singleMetric();
  count.addDimensions({ action, outcome });
  count.addMetric('ActionInvocations', MetricUnit.Count, 1);
  const latency = metrics.singleMetric();
  latency.addDimension('action', action);
  latency.addMetric('ActionLatency', MetricUnit.Milliseconds, latencyMs);
}

/** Counts one failed invocation by error name and Atlassian error code (`none` when absent). */
export function recordError(action: string, errorName: string, code: string | undefined): void {
  if (METRICS_DISABLED) return;
  const errors = metrics.singleMetric();
  errors.addDimensions({ action, errorName, code: code ?? 'none' });
  errors.addMetric(errorName.startsWith('Atlassian.') ? 'AtlassianErrors' : 'ActionErrors', MetricUnit.Count, 1);
}

/** Counts one HTTP response of a trigger by status class (`2xx`, `4xx`, `5xx`) and records its latency. */
export function recordHttpResponse(trigger: string, statusCode: number, latencyMs: number): void {
  const count = metrics.singleMetric();
  count.addDimensions({ trigger, statusClass: `${Math.floor(statusCode / 100)}xx` });
  count.addMetric('TriggerResponses', MetricUnit.Count, 1);
  const latency = metrics.singleMetric();
  latency.addDimension('trigger', trigger);
  latency.addMetric('TriggerLatency', MetricUnit.Milliseconds, latencyMs);
}

/** The metric the signature-failure alarm watches (infra/hr-webhooks.ts): namespace, name, dimension-free total. */
export const SIGNATURE_FAILURE_METRIC = 'WebhookSignatureFailures';

/**
 * Counts one refused webhook signature: once without dimensions (what the alarm watches) and once
 * by source and reason (what a person reads to see which sender and why).
 */
export function recordSignatureFailure(source: string, reason: string): void {
  const total = metrics.singleMetric();
  total.addMetric(SIGNATURE_FAILURE_METRIC, MetricUnit.Count, 1);
  const detailed = metrics.singleMetric();
  detailed.addDimensions({ source, reason });
  detailed.addMetric(SIGNATURE_FAILURE_METRIC, MetricUnit.Count, 1);
}
