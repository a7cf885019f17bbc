// Cards an earlier instance of the content script left open (issue 21). Firefox unloads a content script when its
// extension is updated, reloaded or reinstalled without running any of its code, so that instance cannot remove
// its tooltip's host: the card would stay drawn in the page's top layer until a reload. The new instance removes
// it when it wakes. (Chrome keeps running the old script, whose context notices and removes its own host.)
//
// The host is a bare element with a closed shadow root (content/tooltip/view.tsx), appended last in <body> or
// <html>. Only a content script in Firefox can open a closed root (`openOrClosedShadowRoot`), so only there is
// anything found; and only an element whose root holds our card's own markup (components/tooltip/tooltip.tsx) is
// removed, never a page's own element.
import { TOOLTIP_HOST } from '../core/page-names';

/** The card's own markup (components/tooltip/tooltip.tsx: its root, and TOOLTIP_ID), repeated here so that the
 * page's session does not import the tooltip's components. */
const CARD = '.rls-root > .rls-tooltip[role="tooltip"]#rls-lens-tooltip';

type FirefoxElement = Element & { openOrClosedShadowRoot?: ShadowRoot | null };

/** Removes the tooltip hosts an unloaded instance left in `doc`; returns how many. */
export function removeStaleHosts(doc: Document = document): number {
  // The release build's host is a <div>, the test build's a TOOLTIP_HOST element.
  const candidates = [...(doc.body?.children ?? []), ...doc.documentElement.children].filter(
    (el) => el.localName === 'div' || el.localName === TOOLTIP_HOST,
  );
  let removed = 0;
  for (const el of candidates as FirefoxElement[]) {
    const root = el.openOrClosedShadowRoot;
    if (root?.querySelector(CARD)) {
      el.remove();
      removed++;
    }
  }
  return removed;
}
