// "Look up “…” in RLS Lens" on selected text: the card of the entry closest to the selection
// (components/shared/closest-entry.ts, over the names in `virtual:rls-lens/names`: the background carries no
// definitions or quotes) opens where the reader is:
// - in the page, beside the selection: the frame the words were selected in gets `rls-lens:look-up` (woken first if
//   its text held no term and its session never started, core/frame-wake.ts) and draws the card as it draws any;
// - on a page read privately, in the side panel, opened by this click (the page gets nothing): the card waits for
//   the panel in session storage (core/panel-card.ts);
// - in the overview, with the selection in its search (`overview.html#lookup=…`, today's way), where the page cannot
//   be reached (a browser page, a PDF viewer, a page loaded before RLS Lens) or no entry's name is close.
import { browser, type Browser } from 'wxt/browser';
import names from 'virtual:rls-lens/names';
import { t } from '../core/i18n';
import { hostOf } from '../core/hosts';
import { isShown, sendToPage } from '../core/messages';
import { panelCardItem } from '../core/panel-card';
import { wakeFrame } from '../core/frame-wake';
import { sidePanelOpen } from '../core/side-panel';
import { closestEntry } from '../components/shared/closest-entry';
import { recordLookUp } from '../settings/my-terms';
import type { MenuItem } from './menus';
import { openSidePanelFor } from './side-panel';
import { watchPrivateHosts } from './private-hosts';

/** More than any term or phrase in the glossary; a longer selection is cut. */
const MAX_LOOKUP = 120;

type Tab = Browser.tabs.Tab | undefined;

function lookupAddress(selection: string): string {
  const text = selection.replace(/\s+/g, ' ').trim().slice(0, MAX_LOOKUP);
  return `${browser.runtime.getURL('/overview.html')}#lookup=${encodeURIComponent(text)}`;
}

function openOverview(selection: string, tab: Tab): void {
  void browser.tabs
    .create({ url: lookupAddress(selection), index: tab ? tab.index + 1 : undefined })
    .catch((error: unknown) => console.warn('RLS Lens: could not open the look-up.', error));
}

/** The card beside the selection in its frame; false when no content script of ours answers or shows it. */
async function showInFrame(tabId: number, frameId: number, entryId: string): Promise<boolean> {
  const ask = () => sendToPage<'rls-lens:look-up'>(tabId, { type: 'rls-lens:look-up', entryId }, frameId);
  let answer = await ask();
  if (!isShown(answer) && (await wakeFrame(tabId, frameId))) answer = await ask();
  return isShown(answer) && answer.shown;
}

/**
 * The card for the side panel. My terms counts it here: the page, read privately, is not asked and sends nothing
 * (a card opened in a page counts itself, content/tooltip/index.ts).
 */
const showInPanel = (tabId: number, entryId: string, tab: Tab, url: string | undefined) =>
  Promise.all([panelCardItem.setValue({ tabId, entryId, at: Date.now() }), recordLookUp(entryId, { tab, url })]).then(
    () => undefined,
    (error: unknown) => console.warn('RLS Lens: could not leave the card for the side panel.', error),
  );

export function selectionMenuItem(): MenuItem {
  const privateHosts = watchPrivateHosts();
  return {
    // %s: the browser puts the selected text in the title.
    create: { id: 'look-up-selection', title: t('menus.lookUpSelection'), contexts: ['selection'] },
    onClick: (info, tab) => {
      const selection = info.selectionText ?? '';
      if (!selection.trim()) return;
      const entryId = closestEntry(names, selection)?.id;
      const tabId = tab?.id;
      if (!entryId || tabId === undefined || tabId < 0) return openOverview(selection, tab);
      const url = hostOf(info.frameUrl) ? info.frameUrl : info.pageUrl;
      const host = hostOf(url) ?? '';
      // Synchronously, while the click still counts as the reader's: the side panel opens only then.
      if (privateHosts.now(host) === true) {
        openSidePanelFor(tab);
        void showInPanel(tabId, entryId, tab, url);
        return;
      }
      void (async () => {
        if (await privateHosts.later(host)) {
          // Read privately, but known too late to open the panel (Chrome's service worker started for this
          // click): the panel shows the card if it is open, else the overview does.
          if (await sidePanelOpen(tab?.windowId).catch(() => false))
            return void (await showInPanel(tabId, entryId, tab, url));
          return openOverview(selection, tab);
        }
        if (!(await showInFrame(tabId, info.frameId ?? 0, entryId))) openOverview(selection, tab);
      })().catch((error: unknown) => console.warn('RLS Lens: could not look the selection up.', error));
    },
  };
}
