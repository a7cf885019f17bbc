// The lazily loaded view: loads once, draws only the latest wanted state, survives a failed load.
import { describe, expect, it, vi } from 'vitest';
import { lazyTooltipView, type TooltipUi } from '../../../../content/tooltip/lazy-view';
import type { TooltipState, TooltipView, TooltipViewOptions } from '../../../../content/tooltip/view';

function harness() {
  const shown: string[] = [];
  let hides = 0;
  const real: TooltipView = {
    show: async (state) => void shown.push(state.entryId),
    hide: () => void hides++,
    isOwnUi: () => true,
    termOf: (entryId) => (entryId === 'iron' ? 'Iron' : undefined),
  };
  let release!: (ui: TooltipUi) => void;
  let fail!: (error: Error) => void;
  const load = vi.fn(
    () =>
      new Promise<TooltipUi>((resolve, reject) => {
        release = resolve;
        fail = reject;
      }),
  );
  const created = vi.fn((_options: Omit<TooltipViewOptions, 'glossary'>) => real);
  const controller = new AbortController();
  const options = { signal: controller.signal } as unknown as Omit<TooltipViewOptions, 'glossary'>;
  const view = lazyTooltipView(options, load);
  return {
    view,
    load,
    created,
    shown,
    hides: () => hides,
    controller,
    release: () => release({ createTooltipView: created }),
    fail: (message: string) => fail(new Error(message)),
  };
}

const state = (entryId: string) => ({ entryId, term: { entryId } }) as unknown as TooltipState;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('lazy tooltip view', () => {
  it('loads the UI on the first show, once, and then shows directly', async () => {
    const h = harness();
    expect(h.load).not.toHaveBeenCalled();
    const first = h.view.show(state('iron'));
    expect(h.load).toHaveBeenCalledTimes(1);
    h.release();
    await first;
    await h.view.show(state('ferritin'));
    expect(h.load).toHaveBeenCalledTimes(1);
    expect(h.created).toHaveBeenCalledTimes(1);
    expect(h.shown).toEqual(['iron', 'ferritin']);
  });

  it('draws only the latest state asked for while loading, and nothing after a hide', async () => {
    const h = harness();
    const a = h.view.show(state('iron'));
    const b = h.view.show(state('ferritin'));
    h.release();
    await Promise.all([a, b]);
    expect(h.shown).toEqual(['ferritin']);

    const k = harness();
    const c = k.view.show(state('iron'));
    k.view.hide();
    k.release();
    await c;
    expect(k.shown).toEqual([]);
  });

  it("is not the page's own UI and knows no term before it exists, and asks the real view after", async () => {
    const h = harness();
    expect(h.view.isOwnUi(new Event('pointermove'))).toBe(false);
    expect(h.view.termOf('iron')).toBeUndefined();
    const shown = h.view.show(state('iron'));
    h.release();
    await shown;
    expect(h.view.isOwnUi(new Event('pointermove'))).toBe(true);
    expect(h.view.termOf('iron')).toBe('Iron');
    h.view.hide();
    expect(h.hides()).toBe(1);
  });

  it('prefetches without showing', async () => {
    const h = harness();
    h.view.prefetch();
    h.view.prefetch();
    expect(h.load).toHaveBeenCalledTimes(1);
    h.release();
    await settle();
    expect(h.created).toHaveBeenCalledTimes(1);
    expect(h.shown).toEqual([]);
  });

  it('tries again after a failed load, and creates nothing once stopped', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const h = harness();
    const failed = h.view.show(state('iron'));
    h.fail('extension reloaded');
    await failed;
    expect(h.shown).toEqual([]);
    expect(warn).toHaveBeenCalledWith('RLS Lens: could not load the tooltip.', expect.any(Error));
    const retried = h.view.show(state('iron'));
    expect(h.load).toHaveBeenCalledTimes(2);
    h.controller.abort();
    h.release();
    await retried;
    expect(h.created).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
