// What the content script does in one frame for its whole life: obey the site's settings (start, stop, restyle
// live), answer the extension's messages, and report the frame's terms for the badge and an open popup. Everything
// ends with the WXT context (extension unloaded, reloaded or updated).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { frameHost } from '../core/hosts';
import { listen, parseToPage, sendToExtension, type PageTerms, type ToPage } from '../core/messages';
import { CURRENT_HIGHLIGHT, HIGHLIGHT_STYLES, highlightName } from '../core/page-names';
import type { Glossary } from '../glossary/types';
import { DEFAULT_PREFERENCES, siteSettings, watchSiteSettings, type EffectiveSettings } from '../settings/site-settings';
import { startEngine } from './engine';
import { frameRequests } from './frame-requests';
import type { HighlightLayer } from './highlights';
import { startTooltips, type Tooltips } from './tooltip';

/** Counts reach the badge at most this often while a page keeps changing. */
const REPORT_MS = 250;

export function startPageSession(ctx: ContentScriptContext, glossary: Glossary): void {
  // Highlights an earlier instance left in this document's registry: Firefox unloads a content script (extension
  // reloaded, updated, reinstalled) without running any of its code, so that instance could not remove them. Our
  // own set() would replace an entry of the same name, but not the keyboard's mark or another style's entry.
  // By name, not by iterating the registry: Firefox's content-script view of CSS.highlights cannot be iterated.
  for (const name of [...HIGHLIGHT_STYLES.map(highlightName), CURRENT_HIGHLIGHT]) CSS.highlights.delete(name);
  // Chromium never tells a content script that its extension was unloaded or reloaded: WXT notices only when asked,
  // and every tick of ctx.setInterval asks (ctx.isValid reads runtime.id), so highlights and listeners go within a
  // second of an unload.
  ctx.setInterval(() => undefined, 1000);
  const host = frameHost(location, document.referrer);
  let settings: EffectiveSettings | null = null;
  let run: { controller: AbortController; layer: HighlightLayer; tooltips: Tooltips } | null = null;
  const preferences = () => settings?.preferences ?? DEFAULT_PREFERENCES;
  // Chrome runs content scripts in the page around its PDF viewer, which has no text: the popup says why.
  const pdf = document.contentType === 'application/pdf' ? { pdf: true } : {};
  const terms = (): PageTerms => ({ host, active: run !== null, counts: run ? run.layer.counts() : {}, ...pdf });
  // Tab-wide steps and the side panel's requests (content/frame-requests.ts).
  const frame = frameRequests({ run: () => run && { index: run.layer, tooltips: run.tooltips }, terms, report: () => report() });

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
    const layer = startEngine({ glossary, signal, style: highlightStyle, firstOnly });
    layer.onChange(report, signal);
    const tooltips = startTooltips({ ctx, signal, index: layer, glossary, getPreferences: preferences, onPointerOpen: frame.onPointerOpen });
    run = { controller, layer, tooltips };
    // A small page can be read completely inside startEngine, before any change listener could hear it.
    report();
  };
  const stop = () => {
    run?.controller.abort();
    run = null;
    report();
  };
  const apply = (next: EffectiveSettings) => {
    const first = settings === null;
    settings = next;
    if (next.enabled && !run) start();
    else if (!next.enabled && run) stop();
    else if (!next.enabled && first) report(); // switched off from the start: an open popup still hears it
    else if (run) {
      run.layer.setStyle(next.preferences.highlightStyle);
      run.layer.setFirstOnly(next.preferences.firstOnly);
    }
  };

  // Watch before the first read, so a change made while reading is not lost. The watch stops with the context.
  watchSiteSettings(host, apply, ctx.signal);
  siteSettings(host).then(
    (s) => settings ?? apply(s),
    () => apply({ enabled: true, globalEnabled: true, rule: null, preferences: { ...DEFAULT_PREFERENCES } }),
  );

  // The frame's one message listener. Senders address one frame (the background routes steps and reveals over the
  // tab's frames), so one request never opens a tooltip in every frame.
  listen<ToPage>(parseToPage, { 'rls-lens:page-terms': terms, ...frame.handlers }, ctx.signal);
}
