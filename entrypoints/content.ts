import { defineContentScript } from 'wxt/utils/define-content-script';
import glossary from 'virtual:rls-lens/glossary';
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
    // Settings decide when the engine and the tooltips run: content/page-session.ts.
    startPageSession(ctx, glossary);
  },
});
