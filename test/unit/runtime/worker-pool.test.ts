import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../local/runtime/executor/worker-pool.js';

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('WorkerPool', () => {
  it('grants slots up to its size, then in arrival order as slots come back', async () => {
    // Prepare
    const pool = new WorkerPool(2);
    const granted: string[] = [];
    const take = (name: string) => pool.acquire().then((release) => (granted.push(name), release));

    // Act
    const a = await take('a');
    const b = await take('b');
    const waiting = ['c', 'd', 'e'].map(take);
    await flush();
    const grantedWhileFull = [...granted];
    a();
    a(); // releasing twice gives back one slot
    await flush();
    b();
    const [c] = await Promise.all(waiting.slice(0, 2));
    c!();
    await waiting[2];

    // Assess
    expect(grantedWhileFull).toEqual(['a', 'b']);
    expect(granted).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(pool.peakBusy).toBe(2);
    expect(pool.busy).toBe(2);
  });

  it('an aborted waiter leaves the queue and its turn passes to the next', async () => {
    // Prepare
    const pool = new WorkerPool(1);
    const first = await pool.acquire();
    const controller = new AbortController();
    const aborted = pool.acquire(controller.signal);
    const next = pool.acquire();

    // Act
    controller.abort();
    first();

    // Assess
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    const release = await next;
    expect(pool.busy).toBe(1);
    release();
    expect(pool.busy).toBe(0);
    await expect(pool.acquire(AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });
});
