import { defineContentScript } from 'wxt/utils/define-content-script';
import { startBootstrap } from '../content/bootstrap';
import '../content/highlights.css';

export default defineContentScript({
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
    // Only the gate runs in every frame (content/bootstrap.ts): the session, with the engine and the tooltips, is
    // imported when the frame's text can hold a term (entrypoints/page-session.ts).
    startBootstrap(ctx);
  },
});
