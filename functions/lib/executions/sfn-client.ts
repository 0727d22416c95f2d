import { handlerEnvironment } from '../handler-environment-scope.js';
import { SFNClient } from '@aws-sdk/client-sfn';

/**
 * The Step Functions client of the functions that start executions. On AWS it is the real service
 * (region and credentials from the Lambda environment); locally `JML_SFN_ENDPOINT` points it at the
 * durable local runtime (its Step Functions API on 127.0.0.1:8083), with placeholder credentials
 * when none are set: the local API does not check them. The same handler code runs in both places.
 */
export const SFN_ENDPOINT_VARIABLE = 'JML_SFN_ENDPOINT';

export interface SfnClientOptions {
  env?: NodeJS.ProcessEnv;
  /** Per HTTP attempt. @default 2000 */
  requestTimeoutMs?: number;
  /** To establish the connection. @default min(1000, requestTimeoutMs) */
  connectionTimeoutMs?: number;
  /** @default 3 (the SDK's standard retry with backoff, for throttling and 5xx) */
  maxAttempts?: number;
}

export function createSfnClient(options: SfnClientOptions = {}): SFNClient {
  const env = options.env ?? handlerEnvironment();
  const endpoint = env[SFN_ENDPOINT_VARIABLE]?.trim() || undefined;
  const local = endpoint !== undefined && !env.AWS_ACCESS_KEY_ID;
  return new SFNClient({
    ...(endpoint ? { endpoint } : {}),
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    ...(local ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: {
      connectionTimeout: options.connectionTimeoutMs ?? Math.min(1_000, options.requestTimeoutMs ?? 2_000),
      requestTimeout: options.requestTimeoutMs ?? 2_000,
    },
  });
}
