// Test build only (core/build-mode.ts): a census of what the content script holds alive in its frame, for the soak
// test (tests/e2e/soak.test.ts) and `npm run bench -- --soak` (issue 21: no listener or timer count grows, the
// registered ranges follow what is on the page). entrypoints/content.ts installs it before anything else runs, under
// `if (PROBES)`, so a release build carries none of it and exposes nothing.
//
// It wraps, in the content script's own world only (Chromium's isolated world, Firefox's sandbox: the page's own
// functions and prototypes are not these), the functions that register work for later: addEventListener and
// removeEventListener, setTimeout / setInterval / requestAnimationFrame and their clears. What it counts is what is
// still registered: a listener until it is removed, its `once` fires, its signal aborts, or the AbortSignal it
// listens on has aborted; a timeout until it fires or is cleared; an interval until it is cleared; a frame callback
// until it runs or is cancelled. The counts are read through CENSUS_KEY on the same global, which no page script
// sees and scripting.executeScript reaches (as the wake hook, core/frame-wake.ts).
import { CENSUS_KEY, CURRENT_HIGHLIGHT, FAINT_HIGHLIGHT, HIGHLIGHT_STYLES, highlightName } from '../core/page-names';

/** What the census answers. */
interface Census {
  /** Listeners still registered, by the kind of target and the event (`AbortSignal abort`, `Window keydown`…). */
  listeners: Record<string, number>;
  /** Listeners on nodes no longer in the document. */
  detachedListeners: number;
  timeouts: number;
  intervals: number;
  frames: number;
  /** Ranges registered in our highlights. */
  ranges: number;
  /** Tooltip hosts in the document (the test build names them: core/page-names.ts TOOLTIP_HOST). */
  hosts: number;
}

const HIGHLIGHTS = [...HIGHLIGHT_STYLES.map(highlightName), FAINT_HIGHLIGHT, CURRENT_HIGHLIGHT];

/**
 * `signals`: signals made before the census (WXT's context's): in Firefox they are instrumented one by one (below).
 */
export function installCensus(hostSelector: string, signals: AbortSignal[]): void {
  const shared = globalThis as Record<string, unknown>;
  if (shared[CENSUS_KEY]) return;
  const proto = EventTarget.prototype;
  const add = proto.addEventListener;
  const remove = proto.removeEventListener;
  // Held as the browser holds them: a target's listeners only while the target lives (a WeakMap), the targets only
  // weakly, so the census keeps nothing alive (a card host dropped by the page must be collectable).
  type Listeners = Map<string, Set<EventListenerOrEventListenerObject>>;
  const byTarget = new WeakMap<EventTarget, Listeners>();
  const targets = new Set<WeakRef<EventTarget>>();
  const keyOf = (type: string, capture: boolean) => `${type}|${capture}`;
  const track = (target: EventTarget, key: string, listener: EventListenerOrEventListenerObject) => {
    let listeners = byTarget.get(target);
    if (!listeners) {
      byTarget.set(target, (listeners = new Map()));
      targets.add(new WeakRef(target));
    }
    let set = listeners.get(key);
    if (!set) listeners.set(key, (set = new Set()));
    set.add(listener);
  };
  const forget = (target: EventTarget, key: string, listener: EventListenerOrEventListenerObject) =>
    byTarget.get(target)?.get(key)?.delete(listener);

  const addWrapped = function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    add.call(this, type, listener, options);
    if (!listener) return;
    const opts = typeof options === 'object' ? options : { capture: options === true };
    if (opts.signal?.aborted) return;
    const key = keyOf(type, opts.capture ?? false);
    track(this, key, listener);
    const ref = new WeakRef(this);
    const drop = () => {
      const target = ref.deref();
      if (target) forget(target, key, listener);
    };
    if (opts.once) add.call(this, type, drop, { once: true, capture: opts.capture });
    if (opts.signal) add.call(opts.signal, 'abort', drop, { once: true });
  };
  const removeWrapped = function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) {
    remove.call(this, type, listener, options);
    if (!listener) return;
    const capture = typeof options === 'object' ? (options.capture ?? false) : options === true;
    forget(this, keyOf(type, capture), listener);
  };
  proto.addEventListener = addWrapped;
  proto.removeEventListener = removeWrapped;
  // Firefox's sandbox sees the page's DOM through Xrays, whose prototypes keep their native methods: the patch above
  // does not reach `document.addEventListener` there. So the targets our code listens on get the wrappers as their
  // own properties (visible to this world only): the window, the document, the viewport and navigation, the
  // context's signal, and every signal of an AbortController made from now on.
  if (document.addEventListener !== addWrapped) {
    const instrument = (target: EventTarget | undefined | null) => {
      if (!target) return;
      Object.assign(target, { addEventListener: addWrapped, removeEventListener: removeWrapped });
    };
    const withNavigation = window as Window & { navigation?: EventTarget };
    for (const target of [window, document, window.visualViewport, withNavigation.navigation, ...signals])
      instrument(target);
    const Native = AbortController;
    const Counted = function () {
      const controller = new Native();
      instrument(controller.signal);
      return controller;
    } as unknown as typeof AbortController;
    Counted.prototype = Native.prototype;
    shared.AbortController = Counted;
  }

  const timeouts = new Set<number>();
  const intervals = new Set<number>();
  const frames = new Set<number>();
  const st = window.setTimeout.bind(window);
  const ct = window.clearTimeout.bind(window);
  const si = window.setInterval.bind(window);
  const ci = window.clearInterval.bind(window);
  const raf = window.requestAnimationFrame.bind(window);
  const caf = window.cancelAnimationFrame.bind(window);
  shared.setTimeout = (handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = st(
      (...a: unknown[]) => {
        timeouts.delete(id);
        if (typeof handler === 'function') (handler as (...x: unknown[]) => void)(...a);
      },
      ms,
      ...args,
    );
    timeouts.add(id);
    return id;
  };
  shared.clearTimeout = (id?: number) => {
    if (id !== undefined) timeouts.delete(id);
    ct(id);
  };
  shared.setInterval = (handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = si(handler, ms, ...args);
    intervals.add(id);
    return id;
  };
  shared.clearInterval = (id?: number) => {
    if (id !== undefined) intervals.delete(id);
    ci(id);
  };
  shared.requestAnimationFrame = (callback: FrameRequestCallback) => {
    const id = raf((time) => {
      frames.delete(id);
      callback(time);
    });
    frames.add(id);
    return id;
  };
  shared.cancelAnimationFrame = (id: number) => {
    frames.delete(id);
    caf(id);
  };

  shared[CENSUS_KEY] = (): Census => {
    const listeners: Record<string, number> = {};
    let detachedListeners = 0;
    for (const ref of targets) {
      const target = ref.deref();
      const registered = target && byTarget.get(target);
      // Gone with its target, or on a signal that has aborted (its listeners can never run again).
      if (!target || !registered || (target instanceof AbortSignal && target.aborted)) {
        targets.delete(ref);
        continue;
      }
      const name = target.constructor?.name ?? 'EventTarget';
      for (const [key, set] of registered) {
        // On a node out of the document (a card host gone, not yet collected): counted apart.
        if (target instanceof Node && !target.isConnected) detachedListeners += set.size;
        else if (set.size > 0)
          listeners[`${name} ${key.split('|')[0]}`] = (listeners[`${name} ${key.split('|')[0]}`] ?? 0) + set.size;
      }
    }
    let ranges = 0;
    // Sizes only: Firefox's sandbox can neither iterate a page's Highlight nor pass it a callback. Where the ranges
    // point is read from the page's own world (tests/harness/page-probes.mjs).
    for (const name of HIGHLIGHTS) ranges += CSS.highlights.get(name)?.size ?? 0;
    return {
      listeners,
      detachedListeners,
      timeouts: timeouts.size,
      intervals: intervals.size,
      frames: frames.size,
      ranges,
      hosts: document.querySelectorAll(hostSelector).length,
    };
  };
}
