/**
 * Runs `task` for every item, at most `limit` at a time, and resolves with the results in the items' order.
 * The first failure rejects at once and no further task starts (tasks already running finish on their own, so
 * callers pass their requests an AbortSignal and abort it). An aborted `signal` rejects the same way.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let stopped = false;

  async function worker(): Promise<void> {
    while (!stopped && next < items.length) {
      signal?.throwIfAborted();
      const index = next++;
      try {
        results[index] = await task(items[index]!, index);
      } catch (error) {
        stopped = true;
        throw error;
      }
    }
  }

  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  signal?.throwIfAborted();
  return results;
}
