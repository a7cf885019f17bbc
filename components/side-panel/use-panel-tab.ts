// Which tab the side panel speaks for: the active tab of its window, followed as the reader switches tabs and as the
// tab loads, or the tab named in its address (`sidepanel.html?tab=<id>`, how tests open it in a tab of its own).
// Tab ids and load status come with tabs.query, onActivated and onUpdated without the `tabs` permission; the address
// does not (only with activeTab's grant), so the page's host comes from its content script.
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import type { TargetTab } from '../shared/target-tab';

export interface PanelTab extends TargetTab {
  /** The tab is loading a document: what the panel shows may be of the one it is leaving. */
  loading: boolean;
  /** Bumped when the tab finishes loading: the panel asks its frames again. */
  loads: number;
}

const tabAddress = async (tabId: number) => {
  try {
    return (await browser.tabs.get(tabId)).url;
  } catch {
    return undefined;
  }
};

export function usePanelTab(search: string): PanelTab | null {
  const [tab, setTab] = useState<PanelTab | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const param = new URLSearchParams(search).get('tab');
    const pinned = param !== null && /^\d+$/.test(param) ? Number(param) : null;
    let windowId: number | undefined;
    let tabId: number | null = null;

    const show = async (id: number | null, loading: boolean, bump: boolean) => {
      tabId = id;
      const url = id === null ? undefined : await tabAddress(id);
      if (controller.signal.aborted || tabId !== id) return;
      setTab((previous) => ({
        tabId: id,
        url,
        loading,
        loads: (previous?.tabId === id ? previous.loads : 0) + (bump ? 1 : 0),
      }));
    };
    const onActivated = (info: Browser.tabs.OnActivatedInfo) => {
      if (pinned === null && info.windowId === windowId) void show(info.tabId, false, false);
    };
    const onUpdated = (id: number, change: Browser.tabs.OnUpdatedInfo) => {
      if (id !== tabId || !change.status) return;
      void show(id, change.status === 'loading', change.status === 'complete');
    };
    const onRemoved = (id: number) => {
      if (pinned !== null && id === pinned) void show(null, false, false);
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    controller.signal.addEventListener('abort', () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
    });

    void (async () => {
      try {
        if (pinned !== null) return await show(pinned, false, false);
        windowId = (await browser.windows.getCurrent()).id;
        const [active] = await browser.tabs.query({ active: true, windowId });
        await show(active?.id ?? null, false, false);
      } catch {
        await show(null, false, false);
      }
    })();
    return () => controller.abort();
  }, [search]);

  return tab;
}
