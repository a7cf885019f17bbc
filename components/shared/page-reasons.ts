// Why a tab has no terms, in plain words with what the reader can do — decided from what the popup knows: the
// answer of the tab's content script (if one answered) and the tab's address (if the browser shares it: with
// `activeTab`, when the popup is opened from the toolbar).
//
// What the browsers do, as tested (versions: docs/performance.md#browser-versions-behind-the-page-reasons):
// - PDFs. Chrome shows a PDF in its viewer, an extension (mhjfbmdgcfjbbpaeojofohoefgiehjai) inside a frame of a
//   page at the PDF's address; our content script runs in that outer page, which has no text, and reports
//   `pdf: true` (its document.contentType). Firefox's viewer (pdf.js) is one of its own pages shown at the PDF's
//   address: no content script runs there at all, so the address is all there is to go on.
// - Browser pages (chrome://, about:, the new-tab page, Reader View at about:reader?url=…), the add-on stores and
//   the sites Firefox keeps from extensions (extensions.webextensions.restrictedDomains): no content script runs.
//   Chrome does not share the address of its own pages even with activeTab, so there the popup can only list them.
// - A page open before RLS Lens was installed: the background starts the content script in it at install, in both
//   browsers (background/late-start.ts). One open before an update: the background starts the new version there too,
//   in both browsers. Firefox unloads the old script; Chrome leaves it orphaned, and it removes itself (its
//   watchdog), while the new version runs in a fresh isolated world where the old one's wake hook is not seen
//   (tests/e2e/update.test.ts). So a silent web page is almost always one the browser keeps extensions out of.
// - A site the reader's settings keep the content script away from (not switched on in opt-in mode, or switched
//   off: background/script-registration.ts): nothing runs there by choice, so the page is shown as switched off,
//   with its switch, not as one to reload.
import type { PageTerms } from '../../core/messages';
import { hostOf } from '../../core/hosts';
import { t } from '../../core/i18n';

export type BrowserName = 'chrome' | 'firefox';

export type PageState =
  /** `unreadable`: the site is known (its switch is shown) but its page cannot be read, and why. */
  | { kind: 'ready'; host: string; terms: PageTerms | null; unreadable?: string; pdfUrl?: string }
  | { kind: 'unavailable'; reason: string; pdfUrl?: string };

export const pdfReason = () => t('pageReasons.pdf');

const CHROME_PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

const STORE_PAGES = [
  /^https:\/\/chromewebstore\.google\.com\//,
  /^https:\/\/chrome\.google\.com\/webstore/,
  /^https:\/\/addons\.mozilla\.org\//,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/,
];

/** Firefox's default extensions.webextensions.restrictedDomains (read from Firefox's own preferences; version:
 * docs/performance.md#browser-versions-behind-the-page-reasons). */
const FIREFOX_RESTRICTED = new Set([
  'accounts-static.cdn.mozilla.net',
  'accounts.firefox.com',
  'addons.cdn.mozilla.net',
  'addons.mozilla.org',
  'api.accounts.firefox.com',
  'content.cdn.mozilla.net',
  'discovery.addons.mozilla.org',
  'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com',
  'support.mozilla.org',
  'sync.services.mozilla.com',
]);

const NEW_TAB =
  /^(?:chrome:\/\/(?:newtab|new-tab-page)\/|chrome-search:\/\/local-ntp|about:(?:newtab|home|privatebrowsing)(?:$|[?#]))/;

/** A PDF's address the reader can open (`pdfUrl`): a web or file address, not Chrome's viewer's own. */
function readerUrl(url: string | undefined): { pdfUrl?: string } {
  return url && /^(https?|file):/.test(url) ? { pdfUrl: url } : {};
}

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
    return t('pageReasons.noAddress');
  }
  if (url.startsWith(CHROME_PDF_VIEWER)) return pdfReason();
  if (STORE_PAGES.some((store) => store.test(url))) return t('pageReasons.store');
  if (NEW_TAB.test(url)) return t('pageReasons.newTab');
  if (parsed.protocol === 'about:' && parsed.pathname === 'reader') return t('pageReasons.readerView');
  if (parsed.protocol === 'view-source:') return t('pageReasons.viewSource');
  if (ownOrigin && url.startsWith(ownOrigin)) return t('pageReasons.ownPage');
  if (/^(?:moz|chrome)-extension:$/.test(parsed.protocol)) return t('pageReasons.otherExtension');
  if (/^(chrome|edge|brave|about|resource|devtools):$/.test(parsed.protocol)) return t('pageReasons.browserPage');
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'file:') return null;
  return t('pageReasons.notWeb');
}

/**
 * What the popup shows for a tab, from its top frame's answer (null: no content script answered) and its address
 * (undefined: the browser did not share it).
 */
export function describePage(
  terms: PageTerms | null,
  url: string | undefined,
  browser: BrowserName,
  ownOrigin = '',
  /** Whether the content script is registered for a host (settings/script-matches.ts scriptCovers); unknown: yes. */
  covers: (host: string) => boolean = () => true,
): PageState {
  if (terms)
    return terms.pdf
      ? { kind: 'ready', host: terms.host, terms, unreadable: pdfReason(), ...readerUrl(url) }
      : { kind: 'ready', host: terms.host, terms };
  if (!url) return { kind: 'unavailable', reason: t('pageReasons.notRunning') };
  const restricted = restrictedReason(url, ownOrigin);
  if (restricted) return { kind: 'unavailable', reason: restricted };
  const host = hostOf(url);
  if (isPdfAddress(url))
    return host
      ? { kind: 'ready', host, terms: null, unreadable: pdfReason(), ...readerUrl(url) }
      : { kind: 'unavailable', reason: pdfReason(), ...readerUrl(url) };
  if (!host) {
    // A local file. Chrome runs extensions there only with a switch the person turns on; Firefox always does.
    return {
      kind: 'unavailable',
      reason: browser === 'chrome' ? t('pageReasons.fileAccess') : t('pageReasons.notRunning'),
    };
  }
  if (browser === 'firefox' && FIREFOX_RESTRICTED.has(host)) {
    return { kind: 'unavailable', reason: t('pageReasons.mozillaSites') };
  }
  // No content script by the reader's choice: the site is off, as its own content script would have said.
  if (!covers(host)) return { kind: 'ready', host, terms: { host, active: false, counts: {} } };
  if (browser === 'firefox') {
    // Firefox injects content scripts into pages already open when an extension is installed: a silent page is
    // one Firefox keeps extensions out of (a PDF at an address without .pdf, an error page), or one still loading.
    return { kind: 'ready', host, terms: null, unreadable: t('pageReasons.firefoxUnreadable') };
  }
  // Chrome: a web page open since before RLS Lens was installed or updated. The site switch still works.
  return { kind: 'ready', host, terms: null };
}
