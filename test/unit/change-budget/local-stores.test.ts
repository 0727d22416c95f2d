import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChangeBudgetStore, ReservationRequest } from '../../../functions/lib/change-budget/change-budget-store.js';
import { InMemoryChangeBudgetStore } from '../../../functions/lib/change-budget/memory-store.js';
import { SqliteChangeBudgetStore } from '../../../functions/lib/change-budget/sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'jml-budget-store-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const request = (executionName: string, overrides: Partial<ReservationRequest> = {}): ReservationRequest => ({
  kind: 'leaver', scope: 'org-1', executionName, day: '2026-12-01', limit: 2, enforce: true, at: '2026-12-01T10:00:00Z', ...overrides,
});

const stores: Array<[string, () => ChangeBudgetStore]> = [
  ['in memory', () => new InMemoryChangeBudgetStore()],
  ['SQLite', () => new SqliteChangeBudgetStore(join(dir, `budget-${++files}.db`))],
];

describe.each(stores)('the change budget %s', (_name, createStore) => {
  it('reserves up to the limit, then refuses without counting', async () => {
    // Prepare
    const store = createStore();

    // Act
    const outcomes = [await store.reserve(request('a')), await store.reserve(request('b')), await store.reserve(request('c'))];

    // Assess
    expect(outcomes).toEqual([{ status: 'reserved', used: 1 }, { status: 'reserved', used: 2 }, { status: 'exceeded', used: 2 }]);
    expect(await store.reserve(request('c'))).toEqual({ status: 'exceeded', used: 2 });
  });

  it('counts an execution once, however often its Task is retried (also the next day)', async () => {
    // Prepare
    const store = createStore();
    await store.reserve(request('a'));

    // Act
    const retried = await store.reserve(request('a'));
    const nextDay = await store.reserve(request('a', { day: '2026-12-02' }));

    // Assess
    expect(retried).toEqual({ status: 'already', day: '2026-12-01', used: 1 });
    expect(nextDay).toMatchObject({ status: 'already', day: '2026-12-01' });
    expect(await store.reserve(request('b'))).toEqual({ status: 'reserved', used: 2 });
  });

  it('keeps kinds, orgs and days apart, and counts an override without refusing it', async () => {
    // Prepare
    const store = createStore();
    await store.reserve(request('a', { limit: 1 }));

    // Act
    const otherOrg = await store.reserve(request('b', { limit: 1, scope: 'org-2' }));
    const otherKind = await store.reserve(request('c', { limit: 1, kind: 'sweepAction' }));
    const otherDay = await store.reserve(request('d', { limit: 1, day: '2026-12-02' }));
    const overridden = await store.reserve(request('e', { limit: 1, enforce: false }));

    // Assess
    expect([otherOrg, otherKind, otherDay]).toEqual([{ status: 'reserved', used: 1 }, { status: 'reserved', used: 1 }, { status: 'reserved', used: 1 }]);
    expect(overridden).toEqual({ status: 'reserved', used: 2 });
  });

  it('lets exactly the limit through when many reserve at once', async () => {
    // Prepare
    const store = createStore();

    // Act
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => store.reserve(request(`x-${i}`, { limit: 7 }))));

    // Assess
    expect(outcomes.filter((o) => o.status === 'reserved')).toHaveLength(7);
    expect(outcomes.filter((o) => o.status === 'exceeded')).toHaveLength(13);
  });
});

describe('the SQLite change budget', () => {
  it('is shared by every store on the same file (two processes, or a restart)', async () => {
    // Prepare
    const path = join(dir, 'nested', 'shared.db');
    const first = new SqliteChangeBudgetStore(path);
    const second = new SqliteChangeBudgetStore(path);

    // Act
    await first.reserve(request('a'));
    await second.reserve(request('b'));
    first.close();
    const reopened = new SqliteChangeBudgetStore(path);
    const third = await reopened.reserve(request('c'));
    const retried = await reopened.reserve(request('a'));

    // Assess
    expect(third).toEqual({ status: 'exceeded', used: 2 });
    expect(retried).toMatchObject({ status: 'already' });
    second.close();
    reopened.close();
  });

  it('forgets days older than the retention period', async () => {
    // Prepare
    const store = new SqliteChangeBudgetStore(join(dir, 'prune.db'));
    await store.reserve(request('old', { day: '2026-11-01' }));

    // Act: a reservation a month later prunes the old day
    await store.reserve(request('new', { day: '2026-12-01' }));
    const oldAgain = await store.reserve(request('old', { day: '2026-12-01' }));

    // Assess: the old execution is unknown again (its unit expired with its day)
    expect(oldAgain).toEqual({ status: 'reserved', used: 2 });
    store.close();
  });

  it('names JML_CHANGE_BUDGET_DB when the file cannot be opened', () => {
    // Prepare: the parent "folder" is a file
    const notADir = join(dir, 'plain-file');
    writeFileSync(notADir, 'x');

    // Act / Assess
    expect(() => new SqliteChangeBudgetStore(join(notADir, 'budget.db'))).toThrow(/JML_CHANGE_BUDGET_DB/);
  });
});
