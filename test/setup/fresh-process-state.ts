import { afterAll, beforeAll } from 'vitest';
import { clearInMemoryChangeBudget } from '../../functions/lib/change-budget/resolve-store.js';

/**
 * Most suites share one module graph per worker (vitest.config.ts). What one file changes for the
 * whole process is put back for the next: the in-memory leaver brake (one per process, as in a
 * one-shot `jml run`) counts from zero, and `process.env` is restored to what it was before the file.
 */
let environmentBefore: NodeJS.ProcessEnv = {};

beforeAll(() => {
  clearInMemoryChangeBudget();
  environmentBefore = { ...process.env };
});

afterAll(() => {
  for (const name of Object.keys(process.env)) if (!(name in environmentBefore)) delete process.env[name];
  Object.assign(process.env, environmentBefore);
});
