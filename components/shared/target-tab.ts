// Which tab the popup speaks for, and what that tab's page can tell it.
//
// Permissions: none beyond `activeTab`. The host comes from the tab's own content script (PageTerms.host), which
// needs no permission at all; `activeTab` adds the tab's address when the popup is opened from the toolbar, so
// pages where extensions cannot run (browser pages, add-on stores) get a precise explanation, and a page opened
// before RLS Lens was installed still gets its switch. The `tabs` permission would show every user an install
// warning ("Read your browsing history") for that convenience alone.
import { browser } from 'wxt/browser';
import { askTopFrame } from '../../core/frame-wake';
import { sendToBackground, type PageTerms } from '../../core/messages';

export interface TargetTab {
  tabId: number | null;
  /** The tab's address when the browser shares it (toolbar popup with activeTab), else undefined. */
  url?: string;
}

/** `popup.html?tab=<id>` targets that tab; otherwise the active tab of the popup's window. */
export async function findTargetTab(search: string): Promise<TargetTab> {
  const param = new URLSearchParams(search).get('tab');
  try {
    if (param !== null && /^\d+$/.test(param)) {
      const tab = await browser.tabs.get(Number(param));
      return { tabId: tab.id ?? Number(param), url: tab.url };
    }
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return { tabId: tab?.id ?? null, url: tab?.url };
  } catch {
    return { tabId: null };
  }
}

/** The page's terms from its top frame, or null when no content script answers (restricted, or not loaded yet). */
export async function askPageTerms(tabId: number): Promise<PageTerms | null> {
  // A top frame without terms is silent until woken (core/frame-wake.ts).
  return askTopFrame(tabId);
}

/** The next occurrence of an entry on the tab's page, in whichever of its frames it is (the background routes it). */
export async function revealOnPage(tabId: number, entryId: string): Promise<void> {
  await sendToBackground<'rls-lens:step-tab'>({ type: 'rls-lens:step-tab', tabId, direction: 1, entryId });
}

/** Entry ids on the page, most frequent first (ties in glossary order, which the caller's `order` gives). */
export function rankCounts(counts: Record<string, number>, order: readonly string[]): [string, number][] {
  return Object.entries(counts)
    .filter(([id, n]) => n > 0 && order.includes(id))
    .sort(([a, x], [b, y]) => y - x || order.indexOf(a) - order.indexOf(b));
}
