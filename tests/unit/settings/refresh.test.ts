// Reading settings again after changes: a burst costs one read, results arrive in order, repeats are not delivered.
import { describe, expect, it } from 'vitest';
import { refresher } from '../../../settings/refresh';

const flush = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('refresher', () => {
  it('reads once for a burst of changes and delivers only what differs from the last delivery', async () => {
    let reads = 0;
    let value = 'a';
    const delivered: string[] = [];
    const controller = new AbortController();
    const refresh = refresher(
      async () => (reads++, value),
      (v) => delivered.push(v),
      controller.signal,
    );
    refresh();
    refresh();
    refresh();
    await flush();
    expect(reads).toBeLessThanOrEqual(2);
    expect(delivered).toEqual(['a']);
    refresh();
    await flush();
    expect(delivered).toEqual(['a']);
    value = 'b';
    refresh();
    await flush();
    expect(delivered).toEqual(['a', 'b']);
    controller.abort();
    value = 'c';
    refresh();
    await flush();
    expect(delivered).toEqual(['a', 'b']);
  });
});
