import type { ZodType } from 'zod';
import type { AtlassianError } from '../../errors.js';
import { silentLogger, type ClientLogger } from './client-logger.js';
import { parseErrorBody } from './error-body.js';
import { httpFailureToError, networkFailureToError } from './http-failure-errors.js';
import { toPacer, type Pacer, type PacerOptions } from './pacer.js';
import { toSearchParams, type QueryParams } from './request-path.js';
import { parseResponseBody, throwUnexpected } from './response-validation.js';
import { shouldRetry, withAttemptCount } from './retry-decision.js';
import {
  backoffDelayMs,
  resolveRetryOptions,
  serverRequestedDelayMs,
  type RetryMode,
  type RetryOptions,
} from './retry-policy.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Per-attempt timeout when the caller sets none. */
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface HttpClientOptions {
  /** e.g. `https://api.atlassian.com/admin` (no trailing slash needed). */
  baseUrl: string;
  apiKey: () => Promise<string>;
  /** Where the key comes from, e.g. "the ATLASSIAN_API_KEY environment variable": named when Atlassian rejects it. */
  apiKeySource?: string;
  logger?: ClientLogger;
  fetch?: typeof fetch;
  retry?: Partial<RetryOptions>;
  pacer?: Pacer | PacerOptions;
  /** @default 10_000 */
  timeoutMs?: number;
  /** Injected for tests; default real timers, Math.random and Date.now. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface RequestSpec<T> {
  /** Names the call in logs and errors, e.g. `v2.suspendUser`. */
  operation: string;
  method: HttpMethod;
  /** Path relative to the base URL, built with `apiPath`. */
  path: string;
  query?: QueryParams;
  /** Sent as JSON when present. */
  body?: unknown;
  /** Validates the 2xx body; omit for endpoints whose success has no body worth reading. */
  schema?: ZodType<T>;
  /** @default 'idempotent' for GET/PUT/DELETE, 'notProcessedOnly' for POST */
  retryMode?: RetryMode;
}

export interface HttpResult<T> {
  status: number;
  data: T;
  requestId?: string;
}

/**
 * The one place that talks HTTP to Atlassian: bearer auth, per-attempt timeout, pacing, retries
 * with Retry-After / X-RateLimit-Reset / full-jitter backoff, error parsing into named errors, and
 * zod validation of every 2xx body. The API key is read per call and never logged or echoed.
 */
export class AtlassianHttpClient {
  private readonly baseUrl: string;
  private readonly retry: RetryOptions;
  private readonly pacer?: Pacer;
  private readonly logger: ClientLogger;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  /** Set on the first HTTP answer: a later connect failure then says the API was reachable. */
  private answered = false;

  constructor(private readonly options: HttpClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.retry = resolveRetryOptions(options.retry);
    this.pacer = toPacer(options.pacer);
    this.logger = options.logger ?? silentLogger;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  /** Sends the request, retrying what is safe to retry, and returns the validated body. */
  async request<T = undefined>(spec: RequestSpec<T>): Promise<HttpResult<T>> {
    const mode = spec.retryMode ?? (spec.method === 'POST' ? 'notProcessedOnly' : 'idempotent');
    const url = this.urlFor(spec);
    let waitedMs = 0;
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.attempt(spec, url);
      if (!('error' in outcome)) return outcome;
      const error = outcome.error;
      const delayMs = error.retryAfterMs ?? backoffDelayMs(attempt, this.retry, this.random);
      const retryable = shouldRetry(error, mode) && attempt < this.retry.maxAttempts;
      if (!retryable || waitedMs + delayMs > this.retry.maxTotalWaitMs) {
        throw attempt > 1 ? withAttemptCount(error, attempt) : error;
      }
      this.logger.warn('Retrying Atlassian request', {
        operation: spec.operation,
        error: error.name,
        status: error.status,
        code: error.code,
        attempt,
        delayMs,
      });
      await this.sleep(delayMs);
      waitedMs += delayMs;
    }
  }

  private urlFor(spec: RequestSpec<unknown>): string {
    const query = toSearchParams(spec.query).toString();
    return `${this.baseUrl}${spec.path}${query ? `?${query}` : ''}`;
  }

  /** One HTTP exchange: a result, or the named error it failed with. */
  private async attempt<T>(spec: RequestSpec<T>, url: string): Promise<HttpResult<T> | { error: AtlassianError }> {
    await this.pacer?.acquire();
    const apiKey = await this.options.apiKey();
    const startedAt = this.now();
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(url, {
        method: spec.method,
        headers: {
          Authorization: `Bearer ${apiKey}`,
          Accept: 'application/json',
          ...(spec.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        body: spec.body !== undefined ? JSON.stringify(spec.body) : undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (cause) {
      this.logger.debug('Atlassian request failed without a response', { operation: spec.operation, method: spec.method, path: spec.path });
      return { error: networkFailureToError(spec.operation, cause, this.timeoutMs, { baseUrl: this.baseUrl, answeredBefore: this.answered }) };
    }
    this.answered = true;
    const requestId = response.headers.get('x-request-id') ?? response.headers.get('atl-traceid') ?? undefined;
    this.logger.debug('Atlassian request', {
      operation: spec.operation,
      method: spec.method,
      path: spec.path,
      status: response.status,
      requestId,
      durationMs: this.now() - startedAt,
    });
    const body = parseJson(text);
    if (!response.ok) {
      const parsed = parseErrorBody(body.ok ? body.value : undefined);
      if (parsed.summary) parsed.summary = redact(parsed.summary, apiKey);
      const retryAfterMs = serverRequestedDelayMs(response.headers, this.now(), response.status);
      const apiKeySource = this.options.apiKeySource;
      return { error: httpFailureToError({ operation: spec.operation, status: response.status, parsed, requestId, retryAfterMs, apiKeySource }) };
    }
    if (!spec.schema) return { status: response.status, data: undefined as T, requestId };
    if (!body.ok) throwUnexpected(spec.operation, 'the body is not JSON', { status: response.status, requestId });
    const data = parseResponseBody(spec.operation, spec.schema, body.value, { status: response.status, requestId });
    return { status: response.status, data, requestId };
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Removes the key if a server ever echoes it back, so it cannot reach a message or log. */
function redact(value: string, apiKey: string): string {
  return apiKey.length >= 4 ? value.split(apiKey).join('[REDACTED]') : value;
}
