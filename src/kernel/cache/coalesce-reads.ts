/**
 * Shares one read between the callers that arrive before it starts, never with one that arrives after it started:
 * every caller gets a value read after it asked (a commit that returned before the request is always seen), while
 * a burst of concurrent requests costs one round trip. At most one read runs at a time; the next one waits for it.
 */
export function coalesceReads<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<unknown> = Promise.resolve();
  let waiting: Promise<T> | null = null;
  return () => {
    if (waiting) return waiting;
    const next: Promise<T> = running.then(() => {
      // From here on, callers queue for the read after this one.
      waiting = null;
      return read();
    });
    waiting = next;
    running = next.catch(() => undefined);
    return next;
  };
}
