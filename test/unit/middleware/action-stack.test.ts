import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AtlassianError, ErrorNames } from '../../../functions/lib/errors.js';
import { createActionHandler } from '../../../functions/lib/middleware/create-action-handler.js';
import { currentLogger } from '../../../functions/lib/middleware/logger-scope.js';
import { captureOutput, fakeContext, type CapturedOutput } from './capture-output.js';

const inputSchema = z.strictObject({ accountId: z.string().min(1, { message: 'accountId is empty' }) });

/** A test action whose core behaviour each test chooses. */
function makeHandler(run: (input: { accountId: string }) => Promise<unknown>) {
  return createActionHandler({ name: 'testAction', inputSchema, resolveDeps: () => ({}), run: (input) => run(input) });
}

const META = { _meta: { executionName: 'exec-42', stateName: 'SuspendUser' } };

describe('the shared action middleware stack', () => {
  let output: CapturedOutput;
  beforeEach(() => {
    output = captureOutput();
  });
  afterEach(() => output.restore());

  it('strips _meta before strict validation and logs the execution and state names', async () => {
    // Prepare
    const core = vi.fn(async (input: { accountId: string }) => {
      currentLogger().info('inside the core');
      return { action: 'testAction', target: input.accountId, outcome: 'done', detail: 'ok' };
    });
    const handler = makeHandler(core);

    // Act
    const result = await handler({ accountId: 'a-1', ...META }, fakeContext() as never);

    // Assess
    expect(core).toHaveBeenCalledWith({ accountId: 'a-1' });
    expect(result).toMatchObject({ outcome: 'done' });
    const logs = output.json().filter((line) => line.message !== undefined);
    const inside = logs.find((line) => line.message === 'inside the core');
    expect(inside).toMatchObject({ action: 'testAction', executionName: 'exec-42', stateName: 'SuspendUser', function_request_id: 'req-1' });
  });

  it('rejects invalid input with Jml.InvalidInput naming the field, without running the core', async () => {
    // Prepare
    const core = vi.fn(async () => ({}));
    const handler = makeHandler(core);

    // Act
    const failure = handler({ accountId: '', extra: true }, fakeContext() as never);

    // Assess
    await expect(failure).rejects.toMatchObject({ name: ErrorNames.InvalidInput });
    await expect(failure).rejects.toThrow(/Invalid input for action 'testAction': accountId: accountId is empty; \(the whole input\): Unrecognized key: "extra"/);
    expect(core).not.toHaveBeenCalled();
  });

  it('keeps the name of an Atlassian error and counts it by name and code in EMF', async () => {
    // Prepare
    const handler = makeHandler(async () => {
      throw new AtlassianError(ErrorNames.LicenseLimit, 'out of seats', { operation: 'v2.invite', status: 402, code: 'ADMIN-UAM-402-1' });
    });

    // Act
    const failure = handler({ accountId: 'a-1' }, fakeContext() as never);

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'Atlassian.LicenseLimit', code: 'ADMIN-UAM-402-1' });
    const emf = output.json().filter((line) => line._aws !== undefined);
    expect(emf).toContainEqual(expect.objectContaining({ action: 'testAction', outcome: 'error', ActionInvocations: 1 }));
    expect(emf).toContainEqual(
      expect.objectContaining({ action: 'testAction', errorName: 'Atlassian.LicenseLimit', code: 'ADMIN-UAM-402-1', AtlassianErrors: 1 }),
    );
  });

  it('counts a successful invocation by outcome and records its latency', async () => {
    // Prepare
    const handler = makeHandler(async (input) => ({ action: 'testAction', target: input.accountId, outcome: 'already', detail: '' }));

    // Act
    await handler({ accountId: 'a-1' }, fakeContext() as never);

    // Assess
    const emf = output.json().filter((line) => line._aws !== undefined);
    expect(emf).toContainEqual(expect.objectContaining({ action: 'testAction', outcome: 'already', ActionInvocations: 1 }));
    const latency = emf.find((line) => 'ActionLatency' in line);
    expect(latency).toMatchObject({ action: 'testAction' });
    expect(typeof latency?.ActionLatency).toBe('number');
  });

  it('maps an AWS SDK configuration error to Jml.Configuration with advice', async () => {
    // Prepare
    const sdkError = Object.assign(new Error("Secrets Manager can't find the specified secret."), {
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 400 },
    });
    const handler = makeHandler(async () => {
      throw sdkError;
    });

    // Act
    const failure = handler({ accountId: 'a-1' }, fakeContext() as never);

    // Assess
    await expect(failure).rejects.toMatchObject({ name: ErrorNames.Configuration, cause: sdkError });
    await expect(failure).rejects.toThrow(/ATLASSIAN_API_KEY_SECRET_ID names an existing secret/);
  });

  it('keeps concurrent invocations apart in the logs and works without a Lambda context', async () => {
    // Prepare
    const handler = makeHandler(async (input) => {
      await new Promise((resolve) => setTimeout(resolve, input.accountId === 'first' ? 20 : 1));
      currentLogger().info('core done', { who: input.accountId });
      return {};
    });

    // Act
    await Promise.all([
      handler({ accountId: 'first', _meta: { executionName: 'exec-1' } }, {} as never),
      handler({ accountId: 'second', _meta: { executionName: 'exec-2' } }, {} as never),
    ]);

    // Assess
    const done = output.json().filter((line) => line.message === 'core done');
    expect(done).toHaveLength(2);
    for (const line of done) expect(line.executionName).toBe(line.who === 'first' ? 'exec-1' : 'exec-2');
  });

  it('ignores a malformed _meta instead of failing the action', async () => {
    // Prepare
    const handler = makeHandler(async () => ({ ok: true }));

    // Act
    const result = await handler({ accountId: 'a-1', _meta: { executionName: 42, stateName: 'S' } }, fakeContext() as never);

    // Assess
    expect(result).toEqual({ ok: true });
    expect(output.json().find((line) => line.message === 'Action finished')).toMatchObject({ stateName: 'S' });
  });
});
