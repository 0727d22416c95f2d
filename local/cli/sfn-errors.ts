import type { SfnTargetSpec } from './sfn-target-options.js';

/** A command that could not do what was asked (the CLI prints the message and exits 1). */
export class CommandFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandFailure';
  }
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

/**
 * A Step Functions call that failed: which operation, and `code`, the service's error name
 * (`ExecutionAlreadyExists`, `AccessDeniedException`, ...) or the socket's (`ECONNREFUSED`).
 */
export class SfnCallError extends Error {
  readonly code: string;
  readonly httpStatus?: number;

  constructor(readonly operation: string, readonly error: unknown) {
    const failure = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number }; $response?: { statusCode?: number } };
    super(failure?.message || String(error), { cause: error });
    this.name = 'SfnCallError';
    this.code = connectionCode(error) ?? failure?.name ?? 'Error';
    this.httpStatus = failure?.$metadata?.httpStatusCode ?? failure?.$response?.statusCode;
  }

  /** The answer was not a Step Functions response at all (HTML, an unrelated JSON, no error type). */
  get isForeignResponse(): boolean {
    return /Deserialization error/i.test(this.message) || this.code === 'SyntaxError' || this.code === 'UnknownError' || this.code === 'Unknown';
  }

  get isConnectionFailure(): boolean {
    return CONNECTION_CODES.has(this.code);
  }
}

/** The socket error code of a failed connection, also when wrapped (AggregateError for localhost's two addresses, `cause`). */
function connectionCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue = [error];
  while (queue.length > 0) {
    const current = queue.shift() as { code?: unknown; errors?: unknown[]; cause?: unknown } | undefined;
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    if (typeof current.code === 'string' && CONNECTION_CODES.has(current.code)) return current.code;
    queue.push(...(Array.isArray(current.errors) ? current.errors : []), current.cause);
  }
  return undefined;
}

/**
 * A failed call in words: what went wrong and what to do. Never includes credentials (the SDK's
 * messages do not carry them; nothing here reads them).
 */
export function explainCallError(error: SfnCallError, target: SfnTargetSpec): string {
  const { operation, code } = error;
  if (error.isConnectionFailure) {
    return target.kind === 'local'
      ? `no local runtime at ${target.endpoint}: start it with \`npm start\`, or pass --endpoint / --aws (${code})`
      : `cannot reach AWS Step Functions${target.region ? ` in ${target.region}` : ''} (${code}): check the network, --region and any proxy settings`;
  }
  if (code === 'CredentialsProviderError' || /Could not load credentials/i.test(error.message)) {
    return 'no AWS credentials found: jml --aws uses the AWS SDK\'s default chain (AWS_PROFILE, aws sso login, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or an instance role)';
  }
  if (/Region is missing/i.test(error.message)) return 'no AWS region: pass --region (e.g. --region eu-west-1) or set AWS_REGION';
  if (/AccessDenied|UnrecognizedClient|InvalidSignature|ExpiredToken|NotAuthorized/i.test(code)) {
    return `AWS refused ${operation} (${code}): ${error.message}. The credentials need states:${operation} on the stack's state machines and executions; check AWS_PROFILE and --region.`;
  }
  if (/Throttling|TooManyRequests/i.test(code)) return `${operation} was throttled (${code}): wait a moment and try again`;
  if (error.isForeignResponse) {
    const where = target.kind === 'local' ? `${target.endpoint} answered` : 'AWS answered';
    return `${where}${error.httpStatus ? ` HTTP ${error.httpStatus}` : ''} to ${operation} with something that is not a Step Functions response${target.kind === 'local' ? ': is it the jml local runtime (`npm start`)?' : ''}`;
  }
  return `${operation} failed: ${code}: ${error.message}`;
}
