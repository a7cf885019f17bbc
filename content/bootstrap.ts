// What every frame of every page evaluates (issue 22): a gate, and nothing else until it opens. It waits for the
// page's load, asks the frame gate (content/frame-gate.ts) whether the frame's text can hold a glossary form, and
// only then imports the session (`page-session.js`: the engine, the context rule, the highlight layer, the tooltip's
// wiring, the settings and the message listener). A frame whose answer is no reads no storage, registers no
// extension listener and touches no extension API; the gate's one MutationObserver (at most one check every
// 250 ms) opens it when text that could hold a term arrives later (single-page apps, feeds, frames written into).
// The popup and the commands reach a silent top frame through the wake hook (core/frame-wake.ts).
//
// How the session loads: like the tooltip UI (content/tooltip/lazy-view.ts), an ES module listed in
// web_accessible_resources (with Chrome's dynamic id), imported into the content script's own world; written
// `import(chrome.runtime.getURL(…))`, the one computed import addons-linter accepts.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { matcher as matcherData } from 'virtual:rls-lens/page-data';
import { matcherFrom } from '../core/matcher';
import { WAKE_KEY } from '../core/page-names';
import { whenWorthScanning } from './frame-gate';
import type { PageSession, PageSessionModule } from './page-session';
import { afterNextFrame } from './yield-to-page';

/** The longest a frame waits for its page's load event before starting anyway (a page still loading images). */
const LOAD_WAIT_MS = 300;
/** Where the build writes entrypoints/page-session.ts. */
const SESSION_FILE = '/page-session.js';

/** The browsers' own extension API object, as a global: see lazy-view.ts for why the import is written this way. */
declare const chrome: { runtime: { id?: string; getURL(path: string): string } };

/**
 * Runs `start` in a task of its own once the page has loaded (or LOAD_WAIT_MS from now at most) and drawn its next
 * frame, so that nothing of ours runs before the page's load event, inside it, or ahead of the frame it draws after
 * it: a page's load time and first paint are its own. (The first frame after a page's load is often its most
 * expensive, with nothing of ours in it: docs/performance.md#the-first-frame-after-load.)
 */
function afterLoad(start: () => void, signal: AbortSignal): void {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    window.removeEventListener('load', onLoad);
    clearTimeout(timer);
    if (!signal.aborted) afterNextFrame(() => signal.aborted || start());
  };
  // Not in the load event's own task: its listeners' time counts in the page's load. Already "complete": the load
  // event may still be on its way (document_idle can come between the two), so a task of our own too.
  const onLoad = () => setTimeout(go, 0);
  const timer = setTimeout(go, document.readyState === 'complete' ? 0 : LOAD_WAIT_MS);
  window.addEventListener('load', onLoad, { once: true });
}

export function startBootstrap(ctx: ContentScriptContext): void {
  let matcher: ReturnType<typeof matcherFrom> | undefined;
  // Built on first use: a frame too small to read never needs it.
  const frameMatcher = () => (matcher ??= matcherFrom(matcherData));
  let session: Promise<PageSession | undefined> | undefined;
  /**
   * Imports and starts the session once; a failed import (extension reloaded meanwhile) is tried again next time.
   * An orphaned instance (Chrome keeps running the old script after an update or reload, and a silent frame has no
   * watchdog) stops here instead: `ctx.isValid` notices and aborts the context, which stops the gate's observer.
   * Inside a promise, so that getURL's "Extension context invalidated." can never reach the page uncaught.
   */
  const load = () =>
    (session ??= new Promise<{ default: PageSessionModule }>((resolve) => {
      if (!ctx.isValid) throw new Error('RLS Lens: the extension was updated or removed.');
      resolve(
        import(/* @vite-ignore */ chrome.runtime.getURL(SESSION_FILE)) as Promise<{ default: PageSessionModule }>,
      );
    }).then(
      (module) => (ctx.signal.aborted ? undefined : module.default.startPageSession(ctx, frameMatcher())),
      (error: unknown) => {
        session = undefined;
        if (!ctx.signal.aborted) console.warn('RLS Lens: could not start in this frame.', error);
        return undefined;
      },
    ));

  // The wake hook, on the global of the content script's own world (Chrome's isolated world, Firefox's sandbox): no
  // page script can see it; an extension script injected into this frame (scripting.executeScript) can.
  (globalThis as Record<string, unknown>)[WAKE_KEY] = () =>
    load().then((s) => {
      s?.wake();
      return s !== undefined;
    });

  afterLoad(() => {
    whenWorthScanning({
      mayHold: (text) => frameMatcher().mayHold(text),
      open: () => void load().then((s) => s?.open()),
      signal: ctx.signal,
    });
  }, ctx.signal);
}
