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
 * `path` picks the words: a webhook is told about webhooks, the Step Functions API about its clients.
 */
export function refuseBrowserRequests(headers: IncomingHttpHeaders, port: number, path = '/'): Refusal | undefined {
  const host = headers.host;
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`, ...(port === 80 ? ['127.0.0.1', 'localhost'] : [])];
  if (!host || !allowed.includes(host.toLowerCase())) {
    return {
      status: 403,
      message: `Host ${JSON.stringify(host ?? '')} is not this runtime's loopback address: send requests to http://127.0.0.1:${port} (refused to prevent DNS rebinding).`,
    };
  }
  if (headers.origin !== undefined) return { status: 403, message: originRefusal(JSON.stringify(headers.origin), path) };
  return undefined;
}

/** Why a request with an Origin is refused, in the words of the route it was for. */
function originRefusal(origin: string, path: string): string {
  const refused = `Requests with an Origin header (${origin}) are refused: browsers send one, and no web page may drive this runtime.`;
  if (path === '/webhooks' || path.startsWith('/webhooks/')) {
    return `${refused} HR systems deliver webhooks server to server, without an Origin; a browser cannot deliver one. Send it from the HR system, or test with \`npm run hr-simulator -- send ...\` or curl.`;
  }
  if (path.startsWith('/__control/')) return `${refused} Call the control endpoints with curl or a script.`;
  return `${refused} Use the AWS SDK or CLI, or \`npm run jml -- start|executions|describe|history|stop\`.`;
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
