import type { IncomingHttpHeaders } from 'node:http';

/** Why a request was refused before any route saw it. */
export interface Refusal {
  status: 403 | 415;
  message: string;
}

/**
 * The runtime holds a real org's API key when pointed at one, so it refuses what a web page in a
 * browser on the same machine could make it do:
 * - a `Host` other than the loopback address and port it listens on: a DNS-rebinding page reaches
 *   127.0.0.1 under its own host name, which is refused here;
 * - any `Origin` header: browsers send one with cross-site requests (and every POST); the AWS
 *   SDK, the AWS CLI, curl and HR systems do not.
 */
export function refuseBrowserRequests(headers: IncomingHttpHeaders, port: number): Refusal | undefined {
  const host = headers.host;
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`, ...(port === 80 ? ['127.0.0.1', 'localhost'] : [])];
  if (!host || !allowed.includes(host.toLowerCase())) {
    return {
      status: 403,
      message: `Host ${JSON.stringify(host ?? '')} is not this runtime's loopback address: send requests to http://127.0.0.1:${port} (refused to prevent DNS rebinding).`,
    };
  }
  if (headers.origin !== undefined) {
    return {
      status: 403,
      message: `Requests with an Origin header (${JSON.stringify(headers.origin)}) are refused: browsers send one, and no web page may drive this runtime. Use the AWS SDK or CLI.`,
    };
  }
  return undefined;
}

/** For the Step Functions API: a body that is not AWS JSON 1.0 (a browser's simple form POST cannot send it without a CORS preflight). */
export function refuseNonAwsJson(headers: IncomingHttpHeaders): Refusal | undefined {
  return mediaTypeOf(headers) === 'application/x-amz-json-1.0'
    ? undefined
    : { status: 415, message: `Content-Type must be application/x-amz-json-1.0 (AWS JSON 1.0), not ${JSON.stringify(headers['content-type'] ?? '')}.` };
}

/** For JSON control endpoints: `application/json` only. */
export function refuseNonJson(headers: IncomingHttpHeaders): Refusal | undefined {
  return mediaTypeOf(headers) === 'application/json'
    ? undefined
    : { status: 415, message: `Content-Type must be application/json, not ${JSON.stringify(headers['content-type'] ?? '')}.` };
}

function mediaTypeOf(headers: IncomingHttpHeaders): string {
  return (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
