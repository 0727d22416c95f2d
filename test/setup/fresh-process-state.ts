import { beforeAll } from 'vitest';
import { clearInMemoryChangeBudget } from '../../functions/lib/change-budget/resolve-store.js';

/**
 * Most suites share one module graph per worker (vitest.config.ts). Process-wide state a handler
 * keeps on purpose is reset before each file, so no file sees another's: the in-memory leaver brake
 * (one per process, as in a one-shot `jml run`) counts from zero.
 */
beforeAll(() => {
  clearInMemoryChangeBudget();
});
