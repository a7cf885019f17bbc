// What ties a run (or a card's UI) to WXT's context leaves nothing on the context once the run is over
// (content/context-links.ts; the soak E2E counts it in a real page: tests/e2e/soak.test.ts).
import { describe, expect, it } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { linkToContext, scopedContext } from '../../../content/context-links';

/** A context with WXT's onInvalidated, counting what is registered on it. */
function fakeContext() {
  const controller = new AbortController();
  const registered = new Set<() => void>();
  const ctx = {
    options: { name: 'test' },
    signal: controller.signal,
    onInvalidated(callback: () => void) {
      registered.add(callback);
      controller.signal.addEventListener('abort', callback);
      return () => {
        registered.delete(callback);
        controller.signal.removeEventListener('abort', callback);
      };
    },
  };
  return { ctx: ctx as unknown as ContentScriptContext, invalidate: () => controller.abort(), registered };
}

describe('linkToContext', () => {
  it('aborts the run with the context', () => {
    const { ctx, invalidate } = fakeContext();
    const run = new AbortController();
    linkToContext(ctx, run);
    invalidate();
    expect(run.signal.aborted).toBe(true);
  });

  it('leaves nothing on the context after runs that stopped first', () => {
    const { ctx, registered } = fakeContext();
    for (let i = 0; i < 10; i++) {
      const run = new AbortController();
      linkToContext(ctx, run);
      run.abort();
    }
    const live = new AbortController();
    linkToContext(ctx, live);
    expect(registered.size).toBe(1);
  });
});

describe('scopedContext', () => {
  it('registers on the run’s signal, not on the context, and keeps the rest of the context', () => {
    const { ctx, registered } = fakeContext();
    const run = new AbortController();
    const scoped = scopedContext(ctx, run.signal);
    let removed = 0;
    scoped.onInvalidated(() => removed++);
    expect(registered.size).toBe(0);
    expect(scoped.options).toBe(ctx.options);
    run.abort();
    expect(removed).toBe(1);
  });

  it('unregisters when asked', () => {
    const { ctx } = fakeContext();
    const run = new AbortController();
    let calls = 0;
    const off = scopedContext(ctx, run.signal).onInvalidated(() => calls++);
    off();
    run.abort();
    expect(calls).toBe(0);
  });
});
