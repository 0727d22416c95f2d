/**
 * HR webhook receiver benchmark (`npm run bench:webhook`): acknowledgement latency (p50 / p99) of
 * the real receiver handler, behind the local API Gateway v2 adapter over HTTP on 127.0.0.1, under
 * a burst of signed deliveries (BambooHR, HiBob, Standard Webhooks in turn) with 10% duplicates,
 * against a bare node:http server answering 200 measured in the same run. Step Functions is an
 * in-process stand-in (aws-sdk-client-mock) that records StartExecution and refuses a used name as
 * Step Functions does; the run fails unless the executions started equal the distinct events.
 *
 * Env: BENCH_DELIVERIES (default 1000), BENCH_DUPLICATE_SHARE (default 0.1), BENCH_CONCURRENCY (default 50).
 */
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand, type StartExecutionCommandInput } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { rootLogger } from '../functions/lib/observability.js';
import { handler } from '../functions/triggers/hr-webhook.js';
import { bambooHrEventBody, DEFAULT_WEBHOOK_SECRETS, demoCompany, hiBobEventBody, signDelivery, type WebhookDelivery } from '../local/hr-simulator/index.js';
import { startWebhookServer } from '../local/webhooks/webhook-routes.js';

const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 1000);
const DUPLICATE_SHARE = Number(process.env.BENCH_DUPLICATE_SHARE ?? 0.1);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);

Object.assign(process.env, {
  JML_CONFIG_FILE: new URL('../config/jml.example.yaml', import.meta.url).pathname,
  JML_HR_EVENT_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:123456789012:stateMachine:bench-hr-event',
  JML_HR_BAMBOOHR_WEBHOOK_KEY: DEFAULT_WEBHOOK_SECRETS.bamboohr,
  JML_HR_HIBOB_WEBHOOK_SECRET: DEFAULT_WEBHOOK_SECRETS.hibob,
  JML_HR_STANDARD_WEBHOOK_SECRET: DEFAULT_WEBHOOK_SECRETS.standard,
  POWERTOOLS_METRICS_DISABLED: 'true',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
});
delete process.env.JML_CONFIG;
rootLogger.setLogLevel('SILENT');

/** The in-process Step Functions stand-in: records every start, a used name is ExecutionAlreadyExists. */
const started = new Set<string>();
let startCalls = 0;
mockClient(SFNClient).on(StartExecutionCommand).callsFake((input: StartExecutionCommandInput) => {
  startCalls += 1;
  if (started.has(input.name ?? '')) throw new ExecutionAlreadyExists({ message: 'Execution Already Exists', $metadata: {} });
  started.add(input.name ?? '');
  return { executionArn: `arn:aws:states:us-east-1:123456789012:execution:bench-hr-event:${input.name}`, startDate: new Date() };
});

/** `count` deliveries: distinct events in turn per source, and redeliveries of earlier ones mixed in. */
function makeDeliveries(count: number): { deliveries: WebhookDelivery[]; distinct: number } {
  const people = demoCompany(new Date().toISOString().slice(0, 10));
  const duplicates = Math.round(count * DUPLICATE_SHARE);
  const distinct = count - duplicates;
  const now = Date.now();
  const events: Array<{ source: 'bamboohr' | 'hibob' | 'standard'; body: string; id: string }> = [];
  for (let i = 0; i < distinct; i++) {
    const person = people[i % people.length];
    const at = new Date(now - i * 1000);
    const source = (['bamboohr', 'hibob', 'standard'] as const)[i % 3];
    const body =
      source === 'bamboohr' ? bambooHrEventBody(person, 'employee.updated', ['department'], at)
      : source === 'hibob' ? hiBobEventBody(person, 'employee.updated', at)
      : JSON.stringify({ type: 'change', person: { id: person.bambooId, workEmail: person.workEmail, department: person.department ?? 'Engineering' }, reference: `BENCH-${i}` });
    events.push({ source, body, id: `msg_bench_${i}` });
  }
  const deliveries = events.map((event) => signDelivery(event.source, event.body, { id: event.id }));
  for (let d = 0; d < duplicates; d++) {
    const event = events[(d * 7919) % events.length];
    // A redelivery: same event, signed again as the sender retries; spread through the burst.
    deliveries.splice(Math.floor(((d + 1) * deliveries.length) / (duplicates + 1)), 0, signDelivery(event.source, event.body, { id: event.id }));
  }
  return { deliveries, distinct };
}

interface Burst { latencies: number[]; statuses: Map<string, number>; seconds: number }

/** Sends every delivery with CONCURRENCY in flight over keep-alive sockets; records each answer's latency. */
async function burst(port: number, deliveries: readonly WebhookDelivery[]): Promise<Burst> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  const statuses = new Map<string, number>();
  let next = 0;
  const burstStarted = performance.now();
  const one = (delivery: WebhookDelivery) =>
    new Promise<void>((resolve, reject) => {
      const body = Buffer.isBuffer(delivery.body) ? delivery.body : Buffer.from(delivery.body);
      const startedAt = performance.now();
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: `/webhooks/${delivery.source}`, agent, headers: { ...delivery.headers, 'Content-Length': String(body.length) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          latencies.push(performance.now() - startedAt);
          let status = String(res.statusCode);
          try {
            status += ` ${(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { status?: string }).status ?? ''}`.trimEnd();
          } catch {
            // The baseline answers {} .
          }
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          resolve();
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < deliveries.length) await one(deliveries[next++]);
  }));
  agent.destroy();
  return { latencies, statuses, seconds: (performance.now() - burstStarted) / 1000 };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function bareServer(): Promise<Server> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 2 });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function main(): Promise<void> {
  const { deliveries, distinct } = makeDeliveries(DELIVERIES);
  const baseline = await bareServer();
  const receiver = await startWebhookServer({ handler });
  const receiverPort = Number(new URL(receiver.url).port);
  const baselinePort = (baseline.address() as AddressInfo).port;

  // Warm-up (JIT, module caches, the receiver's config and secrets): not measured, not counted.
  const warmup = makeDeliveries(30).deliveries.map((delivery) => ({ ...delivery, source: delivery.source }));
  await burst(baselinePort, warmup);
  await burst(receiverPort, warmup);
  started.clear();
  startCalls = 0;

  const bare = await burst(baselinePort, deliveries);
  const measured = await burst(receiverPort, deliveries);
  await receiver.close();
  baseline.close();

  const row = (label: string, result: Burst) =>
    `  ${label.padEnd(34)} p50 ${percentile(result.latencies, 50).toFixed(2).padStart(7)} ms   p99 ${percentile(result.latencies, 99).toFixed(2).padStart(7)} ms   ${Math.round(DELIVERIES / result.seconds).toString().padStart(6)} deliveries/s`;
  const ratio = (p: number) => (percentile(measured.latencies, p) / percentile(bare.latencies, p)).toFixed(1);
  const accepted = measured.statuses.get('202 accepted') ?? 0;
  const duplicates = measured.statuses.get('200 duplicate') ?? 0;
  const other = DELIVERIES - accepted - duplicates;
  const ok = started.size === distinct && accepted === distinct && other === 0;
  console.log(`HR webhook receiver: a burst of ${DELIVERIES} signed deliveries (${distinct} distinct events, ${DELIVERIES - distinct} duplicates), ${CONCURRENCY} in flight, HTTP on 127.0.0.1`);
  console.log('  Step Functions: an in-process stand-in (aws-sdk-client-mock) that records StartExecution; no call leaves the process');
  console.log('  latency = time to the answer, queueing behind the other deliveries in flight included (one process, like one local runtime)');
  console.log(row('baseline (bare node:http 200)', bare));
  console.log(`${row('receiver (verify, parse, start)', measured)}   (${ratio(50)}x / ${ratio(99)}x the baseline)`);
  console.log(`  answers: ${accepted} x 202 accepted, ${duplicates} x 200 duplicate, ${other} other ${other > 0 ? JSON.stringify(Object.fromEntries(measured.statuses)) : ''}`);
  console.log(`  executions started: ${started.size} of ${startCalls} StartExecution calls (distinct events: ${distinct}) ${ok ? 'OK' : 'MISMATCH'}`);
  if (!ok) process.exitCode = 1;
}

await main();
