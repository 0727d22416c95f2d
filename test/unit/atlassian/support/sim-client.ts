import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../../local/simulator/index.js';
import { clearDirectoryIdCache } from '../../../../functions/lib/atlassian/directory/directory-id.js';
import { createDirectory, type CreateDirectoryOptions } from '../../../../functions/lib/atlassian/directory/create-directory.js';
import { createAdminApi } from '../../../../functions/lib/atlassian/admin-api.js';
import type { ClientLogger } from '../../../../functions/lib/atlassian/http/client-logger.js';
import type { Directory } from '../../../../functions/lib/atlassian/directory.js';

/** Fast retry settings for loopback tests: same logic, millisecond waits. */
export const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 20 } as const;

/** A logger that keeps every line, to assert on what the client logs. */
export function recordingLogger(): ClientLogger & { lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (message: string, attributes?: Record<string, unknown>) =>
    void lines.push(`${level} ${message} ${JSON.stringify(attributes ?? {})}`);
  return { lines, debug: record('debug'), info: record('info'), warn: record('warn') };
}

/** Starts a simulator (rate limits off unless asked) on an ephemeral port. */
export async function startTestSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  clearDirectoryIdCache();
  return startSimulator({ rateLimits: false, ...options });
}

/**
 * One simulator for the calling describe block (started in beforeAll, closed in afterAll), the
 * demo org put back before every test with the default org behaviour (reset() keeps the switches).
 * `connect` runs once it is up: the place to keep it and build the clients under test.
 */
export function useDemoOrgSimulator(connect: (sim: RunningSimulator) => void | Promise<void>): void {
  let sim: RunningSimulator | undefined;
  beforeAll(async () => {
    sim = await startTestSimulator();
    await connect(sim);
  });
  afterAll(() => sim?.close());
  beforeEach(() => {
    sim!.control.reset();
    sim!.control.setBehaviour({ roleApis: 'enabled', paidSubscription: true, licenseLimit: null });
  });
}

/** useDemoOrgSimulator with a `Directory` (these overrides) built on it: both handed to `ready`. */
export function useDemoOrgDirectory(overrides: Partial<CreateDirectoryOptions>, ready: (connected: { sim: RunningSimulator; directory: Directory }) => void): void {
  useDemoOrgSimulator(async (sim) => ready({ sim, directory: await directoryFor(sim, overrides) }));
}

/** A `Directory` of the given generation talking to the simulator. */
export function directoryFor(
  sim: RunningSimulator,
  overrides: Partial<CreateDirectoryOptions> = {},
): Promise<Directory> {
  return createDirectory({
    orgId: sim.orgId,
    baseUrl: sim.baseUrl,
    apiKey: async () => sim.apiKey,
    retry: FAST_RETRY,
    ...overrides,
  });
}

/** The full typed client talking to the simulator. */
export function adminApiFor(sim: RunningSimulator, overrides: Partial<CreateDirectoryOptions> = {}) {
  return createAdminApi({ orgId: sim.orgId, baseUrl: sim.baseUrl, apiKey: async () => sim.apiKey, retry: FAST_RETRY, ...overrides });
}
