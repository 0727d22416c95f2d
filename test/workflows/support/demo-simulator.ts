import { afterAll, beforeAll, beforeEach } from 'vitest';
import { clearInMemoryChangeBudget } from '../../../functions/lib/change-budget/resolve-store.js';
import type { RunningSimulator } from '../../../local/simulator/index.js';
import { startDemoSimulator } from './workflow-harness.js';

/**
 * One demo simulator for the calling `describe` block, reset to the seed before each test.
 * Returns a getter: the simulator only exists once `beforeAll` has run.
 */
export function useDemoSimulator(): () => RunningSimulator {
  let sim: RunningSimulator | undefined;
  beforeAll(async () => {
    sim = await startDemoSimulator();
  });
  afterAll(async () => {
    await sim?.close();
  });
  beforeEach(() => {
    current().control.reset();
    // The org-wide daily leaver budget lives in this process's memory: each test counts from zero.
    clearInMemoryChangeBudget();
  });
  function current(): RunningSimulator {
    if (!sim) throw new Error('The demo simulator is not running: call useDemoSimulator() inside a describe block and use it from tests.');
    return sim;
  }
  return current;
}
