import { vi } from 'vitest';

/** Everything written to stdout and stderr while capturing, as raw text and as parsed JSON lines. */
export interface CapturedOutput {
  text(): string;
  /** Lines that parse as JSON objects (Powertools log lines and EMF documents). */
  json(): Array<Record<string, unknown>>;
  restore(): void;
}

/**
 * Captures process.stdout/stderr writes. Powertools Logger and Metrics write through their own
 * `Console` bound to these streams, so spying on `write` sees every log line and EMF document.
 */
export function captureOutput(): CapturedOutput {
  const chunks: string[] = [];
  const record = (chunk: unknown): boolean => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(record as typeof process.stdout.write);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(record as typeof process.stderr.write);
  return {
    text: () => chunks.join(''),
    json: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.trim().startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    restore: () => {
      out.mockRestore();
      err.mockRestore();
    },
  };
}

/** A minimal Lambda context, as the local engine passes one. */
export function fakeContext(overrides: Record<string, unknown> = {}) {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'jml-test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:jml-test',
    memoryLimitInMB: '256',
    awsRequestId: 'req-1',
    logGroupName: '/aws/lambda/jml-test',
    logStreamName: 'stream',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
    ...overrides,
  };
}
