import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRuntime, type RunningRuntime } from '../../local/runtime/start-runtime.js';
import { DEFAULT_WEBHOOK_SECRETS, hrSimulatorEnvironment, startHrSimulator, type RunningHrSimulator } from '../../local/hr-simulator/index.js';
import { setProcessEnv } from '../support/process-env.js';

/** Asynchronous: the runtime answering the recipe's curl runs in this very process. */
const run = promisify(execFile);
const DOC = new URL('../../docs/webhooks.md', import.meta.url);

/** The shell block between the signing-recipes markers of docs/webhooks.md, as a reader copies it. */
function recipes(): string {
  const text = readFileSync(DOC, 'utf8');
  const block = /<!-- signing-recipes:start -->\s*```sh\n([\s\S]*?)```\s*<!-- signing-recipes:end -->/.exec(text);
  if (!block) throw new Error('docs/webhooks.md has no signing-recipes block');
  return block[1];
}

const haveTools = ['openssl', 'curl', 'base64', 'od'].every((tool) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
if (!haveTools) console.warn('Signing recipe test skipped: it needs openssl, curl, base64 and od on PATH.');

describe.skipIf(!haveTools)('docs/webhooks.md: the openssl signing recipes', () => {
  let hr: RunningHrSimulator;
  let runtime: RunningRuntime;
  let dataDir: string;
  let env: Record<string, string>;
  let restoreEnv: (() => void) | undefined;

  beforeAll(async () => {
    hr = await startHrSimulator();
    env = hrSimulatorEnvironment(hr, DEFAULT_WEBHOOK_SECRETS);
    restoreEnv = setProcessEnv(env);
    dataDir = mkdtempSync(join(tmpdir(), 'jml-signing-recipes-'));
    runtime = await startRuntime({ port: 0, dataDir, clock: 'manual', log: () => {}, sweepSchedule: false });
  }, 60_000);
  afterAll(async () => {
    await runtime?.close();
    await hr?.close();
    restoreEnv?.();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('each recipe signs a delivery the runtime accepts (BambooHR, HiBob, Standard Webhooks)', async () => {
    // Act: the documented block as is, with the runtime's address and the secrets in the environment
    const { stdout: out } = await run('bash', ['-c', recipes()], { env: { ...process.env, ...env, RUNTIME: runtime.endpoint }, encoding: 'utf8', timeout: 30_000 });

    // Assess: one status per delivery, each accepted (202) or, for an event that changes nothing, 200
    const statuses = out.trim().split('\n');
    expect(statuses).toHaveLength(3);
    for (const status of statuses) expect(['200', '202']).toContain(status);
    expect(statuses[2]).toBe('202');
  });

  it('a recipe run with the wrong secret is refused 401', async () => {
    const { stdout: out } = await run('bash', ['-c', recipes()], {
      env: { ...process.env, ...env, RUNTIME: runtime.endpoint, JML_HR_HIBOB_WEBHOOK_SECRET: 'not-the-secret', JML_HR_BAMBOOHR_WEBHOOK_KEY: 'nope', JML_HR_STANDARD_WEBHOOK_SECRET: 'whsec_bm90LXRoZS1zZWNyZXQtYXQtYWxsLTEyMzQ1Njc4' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(out.trim().split('\n')).toEqual(['401', '401', '401']);
  });
});
