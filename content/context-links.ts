// Tying what lives less than the page to WXT's content script context without leaving anything on the context once it
// is gone: the context lives as long as the frame, and every listener added to it stays until then.
import type { ContentScriptContext as WxtContext } from 'wxt/utils/content-script-context';

/**
 * Aborts `controller` with the context, and forgets it when it aborts first: a run of the engine or a look-up's
 * tooltips lasts less than the page, and a listener per run left on the context would pile up as the reader switches
 * a site off and on (tests/e2e/soak.test.ts).
 */
export function linkToContext(ctx: WxtContext, controller: AbortController): void {
  const unlink = ctx.onInvalidated(() => controller.abort());
  controller.signal.addEventListener('abort', unlink, { once: true });
}

/**
 * The context as seen by something that lives only while `signal` does (`signal` aborts with the context): what it
 * registers with onInvalidated goes on `signal`, and is freed with it. WXT's createShadowRootUi registers its
 * removal with ctx.onInvalidated and never unregisters it, so each card host created for a run (the tooltip view,
 * content/tooltip/view.tsx) would stay referenced by the context, detached, for the page's life.
 */
export function scopedContext<T extends WxtContext>(ctx: T, signal: AbortSignal): T {
  return Object.create(ctx, {
    onInvalidated: {
      value: (callback: () => void) => {
        signal.addEventListener('abort', callback, { once: true });
        return () => signal.removeEventListener('abort', callback);
      },
    },
  }) as T;
}
