import { defineContentScript } from 'wxt/utils/define-content-script';
import { startBootstrap } from '../content/bootstrap';
import { installCensus } from '../content/census';
import { PROBES } from '../core/build-mode';
import { TOOLTIP_HOST } from '../core/page-names';
import '../content/highlights.css';

export default defineContentScript({
  // Not in the manifest: the background registers this script for the sites the settings can light, and keeps the
  // registration in step with them (background/script-registration.ts). `matches` is what WXT adds to the host
  // permissions (`<all_urls>`, as before); the registration's own patterns come from settings/script-matches.ts.
  registration: 'runtime',
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // highlights.css holds ::highlight() rules, which only apply from the page's own document: the manifest injects it.
  cssInjectionMode: 'manifest',
  // WXT tells an older copy of this script that a newer one started with a document event; its extra
  // window.postMessage would be one more message every page (and every message listener on it) receives.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Test build only: count what this world keeps registered, from before anything registers (content/census.ts).
    if (PROBES) installCensus(TOOLTIP_HOST, [ctx.signal]);
    // Only the gate runs in every frame (content/bootstrap.ts): the session, with the engine and the tooltips, is
    // imported when the frame's text can hold a term (entrypoints/page-session.ts).
    startBootstrap(ctx);
  },
});
