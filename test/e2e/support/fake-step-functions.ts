/**
 * TEST DOUBLE, not a Step Functions implementation: a scripted HTTP server that speaks just enough
 * of the AWS JSON 1.0 wire format (POST /, `X-Amz-Target: AWSStepFunctions.<Operation>`,
 * `application/x-amz-json-1.0`, errors as `{"__type", "message"}`) to test the `jml` execution
 * commands' wire path: what the SDK sends and how the CLI reads answers and errors. Each test
 * scripts the answers. The real end-to-end test runs against the local runtime
 * (test/e2e/cli-runtime.test.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it. */
export interface FakeSfnRequest {
  operation: string;
  target: string | undefined;
  contentType: string | undefined;
  /** The SigV4 Authorization header (the CLI signs with fixed dummy credentials for a local endpoint). */
  authorization: string | undefined;
  body: Record<string, unknown>;
}

/** What an operation answers: a JSON body (200), a service error, or raw bytes with a status. */
export type FakeSfnAnswer =
  | { body: unknown }
  | { error: string; message: string; status?: number }
  | { raw: string; status: number; contentType?: string };

export type FakeSfnScript = (operation: string, body: Record<string, unknown>) => FakeSfnAnswer;

export interface FakeStepFunctions {
  endpoint: string;
  requests: FakeSfnRequest[];
  close(): Promise<void>;
}

export async function startFakeStepFunctions(script: FakeSfnScript): Promise<FakeStepFunctions> {
  const requests: FakeSfnRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = req.headers['x-amz-target'] as string | undefined;
      const operation = target?.replace(/^AWSStepFunctions\./, '') ?? '';
      const text = Buffer.concat(chunks).toString('utf8');
      const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      requests.push({ operation, target, contentType: req.headers['content-type'], authorization: req.headers.authorization, body });
      const answer = script(operation, body);
      if ('raw' in answer) {
        res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'text/html' }).end(answer.raw);
      } else if ('error' in answer) {
        res.writeHead(answer.status ?? 400, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify({ __type: answer.error, message: answer.message }));
      } else {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify(answer.body));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
