// The page session (content/page-session.ts) on the reader's own document: the same matcher, context rule,
// highlights, tooltips, keyboard steps and reports as in any page, started here because browsers run no content
// script in an extension's pages.
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { matcher as matcherData } from 'virtual:rls-lens/page-data';
import { matcherFrom } from '../../core/matcher';
import { startPageSession } from '../../content/page-session';

/** The tooltip UI file, as content/tooltip/lazy-view.ts imports it. */
const UI_FILE = '/tooltip-ui.js';

declare const chrome: { runtime: { getURL(path: string): string } } | undefined;

export function startReaderSession(): void {
  // Chrome gives web-accessible files with use_dynamic_url (the tooltip UI: wxt.config.ts) an address on a
  // per-session origin, which an extension page's CSP ('self') does not allow to import from; this page imports the
  // same file from its own origin instead. (Firefox's address is already this page's origin.)
  const runtime = typeof chrome === 'undefined' ? undefined : chrome.runtime;
  if (runtime) {
    const getURL = runtime.getURL.bind(runtime);
    const own = (path: string) => (path === UI_FILE ? new URL(UI_FILE, location.origin).href : getURL(path));
    Object.defineProperty(runtime, 'getURL', { value: own, configurable: true, writable: true });
  }
  // No frame gate here (content/bootstrap.ts): the reader's page is nothing but the document's text, which the
  // engine reads as the text layers arrive.
  startPageSession(new ContentScriptContext('reader'), matcherFrom(matcherData)).open();
}
