// Why a tab has no terms, in plain words with what the reader can do — decided from what the popup knows: the
// answer of the tab's content script (if one answered) and the tab's address (if the browser shares it: with
// `activeTab`, when the popup is opened from the toolbar).
//
// What the browsers do, as tested (Chromium 156, Firefox ESR 153):
// - PDFs. Chrome shows a PDF in its viewer, an extension (mhjfbmdgcfjbbpaeojofohoefgiehjai) inside a frame of a
//   page at the PDF's address; our content script runs in that outer page, which has no text, and reports
//   `pdf: true` (its document.contentType). Firefox's viewer (pdf.js) is one of its own pages shown at the PDF's
//   address: no content script runs there at all, so the address is all there is to go on.
// - Browser pages (chrome://, about:, the new-tab page, Reader View at about:reader?url=…), the add-on stores and
//   the sites Firefox keeps from extensions (extensions.webextensions.restrictedDomains): no content script runs.
//   Chrome does not share the address of its own pages even with activeTab, so there the popup can only list them.
// - A page open before RLS Lens was installed: Chrome does not inject content scripts into it (reload needed);
//   Firefox does, so a silent web page in Firefox is almost always one Firefox keeps extensions out of.
import type { PageTerms } from '../core/messages';
import { hostOf } from '../core/hosts';

export type BrowserName = 'chrome' | 'firefox';

export type PageState =
  /** `unreadable`: the site is known (its switch is shown) but its page cannot be read, and why. */
  | { kind: 'ready'; host: string; terms: PageTerms | null; unreadable?: string }
  | { kind: 'unavailable'; reason: string };

export const PDF_REASON =
  'RLS Lens cannot read PDF files in the browser’s viewer. Open the page the PDF came from, or copy the text into a page.';

const CHROME_PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

const STORE_PAGES = [
  /^https:\/\/chromewebstore\.google\.com\//,
  /^https:\/\/chrome\.google\.com\/webstore/,
  /^https:\/\/addons\.mozilla\.org\//,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/,
];

/** Firefox's default extensions.webextensions.restrictedDomains (read from Firefox ESR 153's own preferences). */
const FIREFOX_RESTRICTED = new Set([
  'accounts-static.cdn.mozilla.net', 'accounts.firefox.com', 'addons.cdn.mozilla.net', 'addons.mozilla.org',
  'api.accounts.firefox.com', 'content.cdn.mozilla.net', 'discovery.addons.mozilla.org', 'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com', 'support.mozilla.org', 'sync.services.mozilla.com',
]);

const NEW_TAB = /^(?:chrome:\/\/(?:newtab|new-tab-page)\/|chrome-search:\/\/local-ntp|about:(?:newtab|home|privatebrowsing)(?:$|[?#]))/;

/** The address is a PDF's: its path ends in .pdf, or it is Chrome's PDF viewer itself. */
export function isPdfAddress(url: string): boolean {
  if (url.startsWith(CHROME_PDF_VIEWER)) return true;
  try {
    return /\.pdf$/i.test(decodeURIComponent(new URL(url).pathname));
  } catch {
    return false;
  }
}

/** Why extensions cannot run on this address, in plain words, or null when they can. */
export function restrictedReason(url: string, ownOrigin = ''): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'This tab has no web address, so there is nothing for RLS Lens to read.';
  }
  if (url.startsWith(CHROME_PDF_VIEWER)) return PDF_REASON;
  if (STORE_PAGES.some((store) => store.test(url))) {
    return 'Browsers keep extensions out of their add-on stores, so RLS Lens cannot mark terms on this page. Its glossary is still here to search.';
  }
  if (NEW_TAB.test(url)) {
    return 'This is the new-tab page: there is nothing here for RLS Lens to read. Open a page about restless legs syndrome to see its terms marked.';
  }
  if (parsed.protocol === 'about:' && parsed.pathname === 'reader') {
    return 'This is Firefox’s Reader View, which extensions cannot read. Leave Reader View (its button in the address bar) to see the terms on the article’s own page.';
  }
  if (parsed.protocol === 'view-source:') {
    return 'This shows a page’s source code, which RLS Lens does not read. Open the page itself to see its terms.';
  }
  if (ownOrigin && url.startsWith(ownOrigin)) return 'This is one of RLS Lens’s own pages.';
  if (/^(?:moz|chrome)-extension:$/.test(parsed.protocol)) {
    return 'This page belongs to an extension, and browsers do not let one extension read another’s pages.';
  }
  if (/^(chrome|edge|brave|about|resource|devtools):$/.test(parsed.protocol)) {
    return 'This is one of the browser’s own pages (settings, history, extensions…). Browsers do not let extensions read them, so RLS Lens cannot mark terms here.';
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'file:') return null;
  return 'RLS Lens only works on web pages (addresses starting with http or https) and files opened in the browser.';
}

const NOT_RUNNING =
  'RLS Lens is not running on this page. Browsers keep extensions out of their own pages (settings, the new-tab page…), add-on stores and PDF viewers. ' +
  'If this is an ordinary web page that was open before RLS Lens was installed or updated, reload it.';

/**
 * What the popup shows for a tab, from its top frame's answer (null: no content script answered) and its address
 * (undefined: the browser did not share it).
 */
export function describePage(terms: PageTerms | null, url: string | undefined, browser: BrowserName, ownOrigin = ''): PageState {
  if (terms) return terms.pdf ? { kind: 'ready', host: terms.host, terms, unreadable: PDF_REASON } : { kind: 'ready', host: terms.host, terms };
  if (!url) return { kind: 'unavailable', reason: NOT_RUNNING };
  const restricted = restrictedReason(url, ownOrigin);
  if (restricted) return { kind: 'unavailable', reason: restricted };
  const host = hostOf(url);
  if (isPdfAddress(url)) return host ? { kind: 'ready', host, terms: null, unreadable: PDF_REASON } : { kind: 'unavailable', reason: PDF_REASON };
  if (!host) {
    // A local file. Chrome runs extensions there only with a switch the person turns on; Firefox always does.
    return {
      kind: 'unavailable',
      reason:
        browser === 'chrome'
          ? 'RLS Lens can read files on your computer only if you allow it: open chrome://extensions, choose Details under RLS Lens, turn on “Allow access to file URLs”, then reload this page.'
          : NOT_RUNNING,
    };
  }
  if (browser === 'firefox' && FIREFOX_RESTRICTED.has(host)) {
    return { kind: 'unavailable', reason: 'Firefox keeps extensions out of Mozilla’s own sites (accounts, add-ons, support), so RLS Lens cannot mark terms on this page.' };
  }
  if (browser === 'firefox') {
    // Firefox injects content scripts into pages already open when an extension is installed: a silent page is
    // one Firefox keeps extensions out of (a PDF at an address without .pdf, an error page), or one still loading.
    return {
      kind: 'ready',
      host,
      terms: null,
      unreadable:
        'RLS Lens cannot read this page. Firefox keeps extensions out of some pages, such as its PDF viewer and its error pages. If the page is still loading, wait a moment and open this again.',
    };
  }
  // Chrome: a web page open since before RLS Lens was installed or updated. The site switch still works.
  return { kind: 'ready', host, terms: null };
}
