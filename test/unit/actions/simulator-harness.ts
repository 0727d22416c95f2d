import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Context } from 'aws-lambda';
import { clearApiKeyCache } from '../../../functions/lib/atlassian/api-key.js';
import { resetDirectoryCache } from '../../../functions/lib/middleware/directory-deps.js';
import { rootLogger } from '../../../functions/lib/observability.js';
import { clearRegisteredSecrets } from '../../../functions/lib/redaction.js';
import { getAction } from '../../../functions/registry.js';
import { demoIds, startSimulator, type RunningSimulator } from '../../../local/simulator/index.js';
import { fakeContext } from '../middleware/capture-output.js';

/** The simulator accepts this key, so any leak of it into a log line is a real leak. */
export const CANARY_API_KEY = 'CANARY-4f9c1e7a-api-key-must-never-be-logged';

export const IDS = demoIds();
export const EMAIL = {
  active: 'alan.turing@acme.example',
  suspended: 'ken.thompson@acme.example',
  syncedUser: 'linus.torvalds@acme.example',
  withDirectRole: 'grace.hopper@acme.example',
  orgAdmin: 'olivia.admin@acme.example',
} as const;
export const accountIdOf = (email: string) => IDS.accountId(email);

const ENV_KEYS = ['ATLASSIAN_ORG_ID', 'ATLASSIAN_API_BASE_URL', 'ATLASSIAN_API_KEY', 'ATLASSIAN_API_KEY_SECRET_ID',
  'ATLASSIAN_DIRECTORY_API', 'ATLASSIAN_DIRECTORY_ID', 'ATLASSIAN_HTTP_MAX_ATTEMPTS'] as const;

/**
 * One simulator per test file (ephemeral port, canary API key), the handler environment pointing
 * at it, the org reset before every test. Handlers are invoked exactly as Lambda would: through
 * the registry, with a `_meta` correlation block and a Lambda-like context.
 */
export function useSimulator(options: { generation?: 'v1' | 'v2' } = {}) {
  const box: { sim?: RunningSimulator } = {};
  const saved: Record<string, string | undefined> = {};
  let logLevel = rootLogger.getLevelName();
  beforeAll(async () => {
    // Quiet test output: warnings and errors only (the canary test turns DEBUG on for itself).
    logLevel = rootLogger.getLevelName();
    rootLogger.setLogLevel('WARN');
    box.sim = await startSimulator({ apiKey: CANARY_API_KEY, rateLimits: false });
    for (const key of ENV_KEYS) saved[key] = process.env[key];
    for (const key of ENV_KEYS) delete process.env[key];
    Object.assign(process.env, {
      ATLASSIAN_ORG_ID: box.sim.orgId,
      ATLASSIAN_API_BASE_URL: box.sim.baseUrl,
      ATLASSIAN_API_KEY: CANARY_API_KEY,
      ATLASSIAN_DIRECTORY_API: options.generation ?? 'v2',
      // One attempt: the error-path tests see the first failure; the ASL owns the retries.
      ATLASSIAN_HTTP_MAX_ATTEMPTS: '1',
    });
    resetDirectoryCache();
  });
  beforeEach(() => {
    box.sim?.control.reset();
    // reset() keeps the org behaviour switches; tests that flip them must not leak into the next.
    box.sim?.control.setBehaviour({ roleApis: 'enabled', paidSubscription: true, licenseLimit: null });
  });
  afterAll(async () => {
    rootLogger.setLogLevel(logLevel);
    await box.sim?.close();
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    resetDirectoryCache();
    clearApiKeyCache();
    clearRegisteredSecrets();
  });
  return {
    get sim(): RunningSimulator {
      if (!box.sim) throw new Error('simulator not started');
      return box.sim;
    },
  };
}

/** Invokes a registered action's Lambda handler as Step Functions would. */
export async function invoke<T = Record<string, unknown>>(action: string, input: Record<string, unknown>): Promise<T> {
  const handler = await getAction(action).loadHandler();
  const event = { ...input, _meta: { executionName: `test-${action}`, stateName: action } };
  return (await handler(event, fakeContext() as unknown as Context)) as T;
}

/**
 * Invokes each action twice in turn with the same input and returns the outcomes in order: the
 * idempotency round trip (done, already; done, already) every directory change promises.
 */
export async function outcomesOfEachTwice(input: Record<string, unknown>, ...actions: string[]): Promise<unknown[]> {
  const outcomes: unknown[] = [];
  for (const action of actions.flatMap((name) => [name, name])) outcomes.push((await invoke(action, input)).outcome);
  return outcomes;
}
