import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from './map-with-concurrency';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('mapWithConcurrency', () => {
  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapWithConcurrency(
      Array.from({ length: 20 }, (_, i) => i),
      6,
      async (n) => {
        running++;
        most = Math.max(most, running);
        await tick();
        running--;
        return n * 2;
      },
    );
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
    expect(most).toBe(6);
  });

  it('rejects with the first failure and starts no further task', async () => {
    const started: number[] = [];
    const run = mapWithConcurrency([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await tick();
      if (n === 1) throw new Error('page 1 failed');
      return n;
    });
    await expect(run).rejects.toThrow('page 1 failed');
    await tick();
    expect(started).toEqual([0, 1, 2]);
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const run = mapWithConcurrency(
      [0, 1, 2, 3],
      1,
      async (n) => {
        started.push(n);
        if (n === 1) controller.abort();
        await tick();
        return n;
      },
      controller.signal,
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(started).toEqual([0, 1]);
  });

  it('resolves with nothing for no items', async () => {
    expect(await mapWithConcurrency([], 6, async () => 1)).toEqual([]);
  });
});
