import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../sim-client.js';

/**
 * One test simulator for the calling test file, reset to the seed before each test, with lookups
 * of seeded users and groups. `sim` is a getter: the simulator only exists once `beforeAll` has run.
 */
export function useTestSimulator() {
  let running: TestSimulator | undefined;
  beforeAll(async () => {
    running = await startTestSimulator();
  });
  afterAll(() => running?.close());
  beforeEach(() => sim().control.reset());
  function sim(): TestSimulator {
    if (!running) throw new Error('The test simulator is not running: call useTestSimulator() at file or describe level and use it from tests.');
    return running;
  }
  return {
    sim,
    accountOf: (email: string) => sim().state.findUserByEmail(email)!.accountId,
    groupOf: (name: string) => sim().state.findGroupByName(name)!.id,
  };
}

/** The first error code of an API error response. */
export const codeOf = (response: { body: any }) => response.body?.errors?.[0]?.code;
