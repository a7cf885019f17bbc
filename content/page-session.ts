// What the content script does in one frame for its whole life: obey the site's settings (start, stop, restyle
// live), answer the popup, and keep the badge's counts current. Everything ends with the context.

import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Glossary } from '../glossary/types';
import { DEFAULT_PREFERENCES, HIGHLIGHT_STYLES, siteSettings, watchSiteSettings, type EffectiveSettings } from '../settings';
import { CURRENT_HIGHLIGHT, highlightName } from '../core/page-names';
import { startEngine } from './engine';
import type { HighlightLayer } from './highlights';
import { isContentRequest, type FoundMessage, type PageTerms } from '../core/messages';
import { startTooltips } from './tooltip-wiring';

/** Counts reach the badge at most this often while a page keeps changing. */
const REPORT_MS = 250;

/** The host whose rule applies: an about:blank or srcdoc frame belongs to the page that made it. */
export function pageHost(): string {
  if (location.hostname) return location.hostname;
  try {
    return new URL(document.referrer).hostname;
  } catch {
    return '';
  }
}

export function startPageSession(ctx: ContentScriptContext, glossary: Glossary): void {
  const life = new AbortController();
  ctx.onInvalidated(() => life.abort());
  // Highlights an earlier instance left in this document's registry: Firefox unloads a content script (extension
  // reloaded, updated, reinstalled) without running any of its code, so that instance could not remove them. Our
  // own set() would replace an entry of the same name, but not the keyboard's mark or another style's entry.
  // By name, not by iterating the registry: Firefox's content-script view of CSS.highlights cannot be iterated.
  for (const name of [...HIGHLIGHT_STYLES.map(highlightName), CURRENT_HIGHLIGHT]) CSS.highlights.delete(name);
  // Chromium never tells a content script that its extension was unloaded or reloaded: WXT notices only when asked
  // (ctx.isInvalid reads runtime.id). Asking once a second lets the highlights and listeners go within a second.
  const watchdog = setInterval(() => ctx.isInvalid, 1000);
  life.signal.addEventListener('abort', () => clearInterval(watchdog));
  const host = pageHost();
  let settings: EffectiveSettings | null = null;
  let run: { controller: AbortController; layer: HighlightLayer } | null = null;
  const preferences = () => settings?.preferences ?? DEFAULT_PREFERENCES;

  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  const report = () => {
    if (reportTimer !== undefined || life.signal.aborted) return;
    reportTimer = setTimeout(() => {
      reportTimer = undefined;
      if (life.signal.aborted) return;
      const message: FoundMessage = { type: 'rls-lens:found', counts: run ? run.layer.counts() : {} };
      browser.runtime.sendMessage(message).catch(() => undefined); // no receiver (e.g. during an update): harmless
    }, REPORT_MS);
  };

  const start = () => {
    const controller = new AbortController();
    life.signal.addEventListener('abort', () => controller.abort(), { signal: controller.signal });
    const { highlightStyle, firstOnly } = preferences();
    const layer = startEngine({ glossary, signal: controller.signal, style: highlightStyle, firstOnly });
    layer.onChange(report, controller.signal);
    startTooltips({ ctx, signal: controller.signal, index: layer, glossary, getPreferences: preferences });
    run = { controller, layer };
    // A small page can be read completely inside startEngine, before any change listener could hear it.
    report();
  };
  const stop = () => {
    run?.controller.abort();
    run = null;
    report();
  };
  const apply = (next: EffectiveSettings) => {
    settings = next;
    if (next.enabled && !run) start();
    else if (!next.enabled && run) stop();
    else if (run) {
      run.layer.setStyle(next.preferences.highlightStyle);
      run.layer.setFirstOnly(next.preferences.firstOnly);
    }
  };

  // Watch before the first read, so a change made while reading is not lost. The watch is stopped only while the
  // extension is alive: once Chromium has unloaded it, removing a storage listener throws "Extension context
  // invalidated" into the page (and nothing can call a dead listener anyway).
  const watching = new AbortController();
  life.signal.addEventListener('abort', () => runtimeAlive() && watching.abort());
  watchSiteSettings(host, apply, watching.signal);
  siteSettings(host).then((s) => settings ?? apply(s), () => apply({ enabled: true, globalEnabled: true, rule: null, preferences: { ...DEFAULT_PREFERENCES } }));

  if (window === window.top) {
    const onMessage = (message: unknown): Promise<PageTerms> | undefined => {
      if (!isContentRequest(message) || message.type !== 'rls-lens:page-terms') return undefined;
      return Promise.resolve({ host, active: run !== null, counts: run ? run.layer.counts() : {} });
    };
    browser.runtime.onMessage.addListener(onMessage);
    life.signal.addEventListener('abort', () => runtimeAlive() && browser.runtime.onMessage.removeListener(onMessage));
  }
  life.signal.addEventListener('abort', () => clearTimeout(reportTimer));
}

/** False once the extension is gone (unloaded, reloaded, updated): its APIs then throw or are missing. */
function runtimeAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}
