// What the content script does in one frame for its whole life: obey the site's settings (start, stop, restyle
// live), answer the extension's messages, and report the frame's terms for the badge and an open popup. Everything
// ends with the WXT context (extension unloaded, reloaded or updated).
//
// This module is not in what every frame evaluates: the bootstrap (content/bootstrap.ts) imports it only when the
// frame's text can hold a term, or when the popup or a command asks a frame that stayed silent (issue 22). So a
// frame that runs it has something to do; the badge is cleared on navigation by the background, not by a report.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { frameHost } from '../core/hosts';
import { listen, parseToPage, sendToExtension, type PageTerms, type ToPage } from '../core/messages';
import { CURRENT_HIGHLIGHT, FAINT_HIGHLIGHT, HIGHLIGHT_STYLES, highlightName } from '../core/page-names';
import type { Matcher } from '../core/matcher';
import { DEFAULT_PREFERENCES } from '../settings/schema';
import { readFrameSettings, watchFrameSettings } from '../settings/frame-settings';
import type { EffectiveSettings } from '../settings/site-settings';
import { startEngine } from './engine';
import { frameRequests } from './frame-requests';
import type { HighlightLayer } from './highlights';
import { startTooltips, type Tooltips } from './tooltip';
import { startLookUp } from './look-up';
import { linkToContext } from './context-links';
import { removeStaleHosts } from './stale-hosts';

/** Counts reach the badge at most this often while a page keeps changing. */
const REPORT_MS = 250;

/** What the bootstrap (content/bootstrap.ts) drives once it has loaded this module. */
export interface PageSession {
  /** The frame is asked for (the popup or a command found it silent): read the settings and listen. */
  wake(): void;
  /** The frame has text worth scanning (content/frame-gate.ts): wake, and start the engine if the site is on. */
  open(): void;
}

/** What `page-session.js` (entrypoints/page-session.ts) exports as its default. */
export interface PageSessionModule {
  startPageSession(ctx: ContentScriptContext, matcher: Matcher): PageSession;
}

/** `matcher`: the bootstrap's, built from the page data once per frame (the frame gate and the engine share it). */
export function startPageSession(ctx: ContentScriptContext, matcher: Matcher): PageSession {
  const host = frameHost(location, document.referrer);
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

  // The context menu's look-up: in the engine's tooltips while it runs, else in tooltips of its own.
  const lookUp = startLookUp(ctx, preferences, () => run?.tooltips);

  let reportTimer = 0;
  // One invalidation listener for every report, not ctx.setTimeout: that adds a listener to the context per call,
  // which a page that keeps changing would pile up for as long as it stays open (tests/e2e/soak.test.ts).
  ctx.onInvalidated(() => clearTimeout(reportTimer));
  const report = () => {
    if (reportTimer || ctx.signal.aborted) return;
    reportTimer = window.setTimeout(() => {
      reportTimer = 0;
      // ctx.isValid also notices an extension unloaded under a Chromium page (it reads runtime.id).
      if (ctx.isValid) sendToExtension<'rls-lens:found'>({ type: 'rls-lens:found', ...terms() });
    }, REPORT_MS);
  };

  const start = () => {
    const controller = new AbortController();
    linkToContext(ctx, controller);
    const signal = controller.signal;
    const { highlightStyle, firstOnly, privateReading, knownTerms } = preferences();
    const layer = startEngine({
      matcher,
      signal,
      style: highlightStyle,
      firstOnly,
      hidden: privateReading,
      known: knownTerms,
    });
    layer.onChange(report, signal);
    const tooltips = startTooltips({
      ctx,
      signal,
      index: layer,
      getPreferences: preferences,
      onPointerOpen: frame.onPointerOpen,
    });
    run = { controller, layer, tooltips };
    lookUp.handOver();
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
      run.layer.setHidden(next.preferences.privateReading);
      run.layer.setKnown(next.preferences.knownTerms);
      run.tooltips.setPrivate(next.preferences.privateReading);
      run.tooltips.refresh();
    }
    lookUp.refresh(next.preferences.privateReading);
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
    for (const name of [...HIGHLIGHT_STYLES.map(highlightName), FAINT_HIGHLIGHT, CURRENT_HIGHLIGHT])
      CSS.highlights.delete(name);
    // And the card such an instance left open (content/stale-hosts.ts).
    removeStaleHosts();
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
        // Private reading is known only once the settings are read: a frame just woken for it reads them first.
        'rls-lens:look-up': ({ entryId }) => {
          const shown = () => ({ shown: lookUp.open(entryId) });
          return settings ? shown() : readSettings().then(shown);
        },
        ...frame.handlers,
      },
      ctx.signal,
    );
    void readSettings();
  };

  return {
    wake,
    open() {
      worthScanning = true;
      wake();
      if (settings) apply(settings);
    },
  };
}
