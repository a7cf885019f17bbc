// What the content script does in one frame for its whole life: obey the site's settings (start, stop, restyle
// live), answer the extension's messages, and report the frame's terms for the badge and an open popup. Everything
// ends with the WXT context (extension unloaded, reloaded or updated).
//
// What a frame pays before it has anything to show (issue 12): a subframe too small to read, or one whose text no
// form can occur in, reads no settings, registers no listener or timer and starts no engine until that changes
// (content/frame-gate.ts). The top frame reads the settings at once (one storage call), because the badge needs a
// report from the top frame of every new document (background/badge.ts) and that report says whether highlighting
// is on, and it answers the popup and the keyboard commands.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { frameHost } from '../core/hosts';
import { listen, parseToPage, sendToExtension, type PageTerms, type ToPage } from '../core/messages';
import { CURRENT_HIGHLIGHT, HIGHLIGHT_STYLES, highlightName } from '../core/page-names';
import { matcher as matcherData } from 'virtual:rls-lens/page-data';
import { matcherFrom } from '../core/matcher';
import { DEFAULT_PREFERENCES } from '../settings/schema';
import { readFrameSettings, watchFrameSettings } from '../settings/frame-settings';
import type { EffectiveSettings } from '../settings/site-settings';
import { startEngine } from './engine';
import { afterNextFrame } from './yield-to-page';
import { whenWorthScanning } from './frame-gate';
import { frameRequests } from './frame-requests';
import type { HighlightLayer } from './highlights';
import { startTooltips, type Tooltips } from './tooltip';

/** Counts reach the badge at most this often while a page keeps changing. */
const REPORT_MS = 250;
/** The longest a frame waits for its page's load event before starting anyway (a page still loading images). */
const LOAD_WAIT_MS = 300;

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

export function startPageSession(ctx: ContentScriptContext): void {
  const host = frameHost(location, document.referrer);
  // One matcher per frame, from the build's precompiled data: the frame gate and the engine share it.
  const matcher = matcherFrom(matcherData);
  let settings: EffectiveSettings | null = null;
  let run: { controller: AbortController; layer: HighlightLayer; tooltips: Tooltips } | null = null;
  const preferences = () => settings?.preferences ?? DEFAULT_PREFERENCES;
  // Chrome runs content scripts in the page around its PDF viewer, which has no text: the popup says why.
  const pdf = document.contentType === 'application/pdf' ? { pdf: true } : {};
  // Active: highlighting is on here. A frame with nothing worth scanning is active with no terms.
  const terms = (): PageTerms => ({
    host,
    active: run !== null || (settings?.enabled ?? false),
    counts: run ? run.layer.counts() : {},
    ...pdf,
  });
  // Tab-wide steps and the side panel's requests (content/frame-requests.ts).
  const frame = frameRequests({
    run: () => run && { index: run.layer, tooltips: run.tooltips },
    terms,
    report: () => report(),
  });

  let reportTimer = 0;
  const report = () => {
    if (reportTimer || ctx.signal.aborted) return;
    reportTimer = ctx.setTimeout(() => {
      reportTimer = 0;
      sendToExtension<'rls-lens:found'>({ type: 'rls-lens:found', ...terms() });
    }, REPORT_MS);
  };

  const start = () => {
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const signal = controller.signal;
    const { highlightStyle, firstOnly } = preferences();
    const layer = startEngine({ matcher, signal, style: highlightStyle, firstOnly });
    layer.onChange(report, signal);
    const tooltips = startTooltips({
      ctx,
      signal,
      index: layer,
      getPreferences: preferences,
      onPointerOpen: frame.onPointerOpen,
    });
    run = { controller, layer, tooltips };
    // A small page can be read completely inside startEngine, before any change listener could hear it.
    report();
  };
  const stop = () => {
    run?.controller.abort();
    run = null;
    report();
  };
  /** The frame has text worth scanning (content/frame-gate.ts). */
  let worthScanning = false;
  const apply = (next: EffectiveSettings) => {
    const first = settings === null;
    settings = next;
    if (next.enabled && !run && worthScanning) start();
    else if (!next.enabled && run) stop();
    // Switched off from the start, or nothing to scan here: an open popup and the badge still hear of it.
    else if (first && !run) report();
    else if (run) {
      run.layer.setStyle(next.preferences.highlightStyle);
      run.layer.setFirstOnly(next.preferences.firstOnly);
    }
  };

  let reading: Promise<void> | undefined;
  /** Reads the settings once (one storage call) and watches them from then on (one listener). */
  const readSettings = () =>
    (reading ??= (() => {
      // Watch before the first read, so a change made while reading is not lost. The watch stops with the context.
      watchFrameSettings(host, apply, ctx.signal);
      return readFrameSettings(host).then(
        (s) => void (settings ?? apply(s)),
        () => apply({ enabled: true, globalEnabled: true, rule: null, preferences: { ...DEFAULT_PREFERENCES } }),
      );
    })());

  let awake = false;
  /**
   * What a frame sets up once it has something to do (the top frame at once, a subframe when it is worth scanning):
   * nothing of it touches the extension APIs or the page's highlight registry before.
   */
  const wake = () => {
    if (awake) return;
    awake = true;
    // Highlights an earlier instance left in this document's registry: Firefox unloads a content script (extension
    // reloaded, updated, reinstalled) without running any of its code, so that instance could not remove them. Our
    // own set() would replace an entry of the same name, but not the keyboard's mark or another style's entry.
    // By name, not by iterating the registry: Firefox's content-script view of CSS.highlights cannot be iterated.
    // (An earlier instance highlighted only a frame with terms, which is worth scanning now too.)
    for (const name of [...HIGHLIGHT_STYLES.map(highlightName), CURRENT_HIGHLIGHT]) CSS.highlights.delete(name);
    // Chromium never tells a content script that its extension was unloaded or reloaded: WXT notices only when
    // asked, and every tick of ctx.setInterval asks (ctx.isValid reads runtime.id), so highlights and listeners go
    // within a second of an unload.
    ctx.setInterval(() => undefined, 1000);
    // The frame's one message listener. Senders address one frame (the background routes steps and reveals over
    // the frames that reported; the badge asks those frames too), so one request never opens a tooltip in every
    // frame, and a subframe that never started is never asked.
    listen<ToPage>(
      parseToPage,
      {
        // The top frame may not have read the settings yet: it reads them to answer truthfully.
        'rls-lens:page-terms': () => (settings ? terms() : readSettings().then(terms)),
        ...frame.handlers,
      },
      ctx.signal,
    );
    void readSettings();
  };

  afterLoad(() => {
    if (window === window.top) wake();
    whenWorthScanning({
      mayHold: (text) => matcher.mayHold(text),
      open: () => {
        worthScanning = true;
        wake();
        if (settings) apply(settings);
      },
      signal: ctx.signal,
    });
  }, ctx.signal);
}
