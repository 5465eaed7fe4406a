import { coalesceReads } from '../../src/kernel/cache/coalesce-reads';

/** A read whose completion the test controls, numbering the reads in the order they started. */
function controlledRead() {
  const started: ((value: number) => void)[] = [];
  const read = () => new Promise<number>((resolve) => started.push(resolve));
  return { read, started, finish: (i: number) => started[i](i + 1) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('coalesced data-version reads', () => {
  it('shares a read between callers that arrived before it started, never with a later one', async () => {
    const { read, started, finish } = controlledRead();
    const versions = coalesceReads(read);
    const [a, b] = [versions(), versions()];
    await tick();
    expect(started).toHaveLength(1);
    // Arrives while read 1 runs: a commit made just before it may be missing from read 1, so it must get read 2.
    const c = versions();
    const d = versions();
    finish(0);
    await expect(Promise.all([a, b])).resolves.toEqual([1, 1]);
    await tick();
    expect(started).toHaveLength(2);
    finish(1);
    await expect(Promise.all([c, d])).resolves.toEqual([2, 2]);
  });

  it('passes a failed read to its callers only, and reads afresh for the next one', async () => {
    let calls = 0;
    const versions = coalesceReads(async () => {
      calls += 1;
      if (calls === 1) throw new Error('connection lost');
      return 'v2';
    });
    await expect(versions()).rejects.toThrow('connection lost');
    await expect(versions()).resolves.toBe('v2');
  });
});
