import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageSession } from '../content/page-session';
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
    // Settings and the frame's text decide when the engine and the tooltips run: content/page-session.ts.
    // Nothing here imports the glossary itself: a frame gets the precompiled page data, and the tooltip UI with the
    // definitions and quotes loads on first use (content/tooltip/lazy-view.ts).
    startPageSession(ctx);
  },
});
