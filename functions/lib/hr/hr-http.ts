import { ErrorNames, JmlError } from '../errors.js';

/**
 * One HTTP call to an HR API, errors named for the workflow: 5xx, 429, timeouts and network
 * failures are `Hr.Unavailable` (the hr-event workflow retries them for hours), 404 is
 * `Hr.NotFound`, 401/403 are `Jml.Configuration` (wrong or under-privileged credentials: retrying
 * will not help), anything else unexpected is `Hr.UnexpectedResponse`. One attempt per call on
 * purpose: the retries belong to the state machine, where they show in the execution history.
 * Messages never carry the credentials or the response body (it may hold personal data).
 */

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface HrRequest {
  /** `BambooHR` or `HiBob`: the vendor, for messages. */
  vendor: string;
  /** e.g. `get employee 67890`. */
  operation: string;
  url: string;
  method: 'GET' | 'POST';
  authorization: string;
  body?: unknown;
  timeoutMs: number;
  fetch?: FetchLike;
}

/** The parsed JSON of a 2xx answer. */
export async function hrRequestJson(request: HrRequest): Promise<unknown> {
  const doFetch = request.fetch ?? ((url, init) => fetch(url, init));
  let response: Response;
  try {
    response = await doFetch(request.url, {
      method: request.method,
      headers: {
        Accept: 'application/json',
        Authorization: request.authorization,
        ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    const why = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError') ? `no answer within ${request.timeoutMs} ms` : 'network error';
    throw new JmlError(ErrorNames.HrUnavailable, `${request.vendor} API: ${request.operation} failed (${why}). It is retried; nothing was changed.`, { cause: error });
  }
  if (response.status === 404) {
    await response.body?.cancel();
    throw new JmlError(ErrorNames.HrNotFound, `${request.vendor} API: ${request.operation}: not found (404). The record may have been deleted, or the credentials may not see it.`);
  }
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel();
    throw new JmlError(
      ErrorNames.Configuration,
      `${request.vendor} API: ${request.operation} was refused (${response.status}). Check the ${request.vendor} API credentials in their secret and their permissions (employee fields: read).`,
    );
  }
  if (response.status === 429 || response.status >= 500) {
    await response.body?.cancel();
    throw new JmlError(ErrorNames.HrUnavailable, `${request.vendor} API: ${request.operation} answered ${response.status}. It is retried; nothing was changed.`);
  }
  const text = await response.text();
  if (response.status < 200 || response.status >= 300) {
    throw new JmlError(ErrorNames.HrUnexpectedResponse, `${request.vendor} API: ${request.operation} answered ${response.status}, which was not expected.`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new JmlError(ErrorNames.HrUnexpectedResponse, `${request.vendor} API: ${request.operation} answered ${response.status} without JSON.`);
  }
}

/** `Basic base64(user:password)`. */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}
