import { describe, expect, it } from 'vitest';
import { reserveChangeBudget, type ReserveDeps } from '../../../functions/actions/reserve-change-budget.js';
import { InMemoryChangeBudgetStore } from '../../../functions/lib/change-budget/memory-store.js';
import { parseJmlConfig } from '../../../functions/lib/config/load-jml-config.js';
import { rootLogger } from '../../../functions/lib/observability.js';
import { NOW, rejection } from './logic-fixtures.js';

const config = parseJmlConfig({ accessRules: [], limits: { maxLeaversPerDay: 1 } });

function deps(store = new InMemoryChangeBudgetStore()): ReserveDeps {
  return { config, store, scope: 'org-1', now: () => NOW, logger: rootLogger };
}

const input = (executionName: string, overrideLimits = false) => ({ kind: 'leaver' as const, executionName, subject: 'jane@example.com (acc-1)', overrideLimits });

describe('reserveChangeBudget', () => {
  it('counts the execution against today (UTC) and says so', async () => {
    // Act
    const reservation = await reserveChangeBudget(input('leaver-1'), deps());

    // Assess
    expect(reservation).toEqual({ kind: 'leaver', day: '2026-11-28', limit: 1, used: 1, outcome: 'reserved', detail: 'Counted as leaver 1 of 1 today (UTC 2026-11-28).' });
  });

  it('a retried Task of the same execution is not counted again', async () => {
    // Prepare
    const shared = deps();
    await reserveChangeBudget(input('leaver-1'), shared);

    // Act
    const retried = await reserveChangeBudget(input('leaver-1'), shared);

    // Assess
    expect(retried).toMatchObject({ outcome: 'already', used: 1 });
  });

  it('over the limit: Jml.BlastRadiusExceeded naming the setting, the subject and how to proceed', async () => {
    // Prepare
    const shared = deps();
    await reserveChangeBudget(input('leaver-1'), shared);

    // Act
    const message = await rejection(reserveChangeBudget(input('leaver-2'), shared), 'Jml.BlastRadiusExceeded');

    // Assess
    expect(message).toContain('limits.maxLeaversPerDay is 1');
    expect(message).toMatch(/For jane@example.com \(acc-1\), nothing was changed\.$/);
    expect(message).toContain('"overrideLimits": true');
  });

  it('an override is counted and recorded, never refused', async () => {
    // Prepare
    const shared = deps();
    await reserveChangeBudget(input('leaver-1'), shared);

    // Act
    const overridden = await reserveChangeBudget(input('leaver-2', true), shared);

    // Assess
    expect(overridden).toMatchObject({ outcome: 'overridden', used: 2 });
    expect(overridden.detail).toContain('limits.maxLeaversPerDay overridden by "overrideLimits": true');
  });
});
