// The card the background left for this panel (core/panel-card.ts): the context menu's look-up on a page read
// privately. Taken when the panel starts (the same click opened it) and whenever another arrives, for the tab the
// panel speaks for only; taken once (cleared), so reopening the panel later does not show it again.
import { useEffect, useRef } from 'preact/hooks';
import { PANEL_CARD_WAIT_MS, panelCardItem, type PanelCard } from '../../core/panel-card';

export function usePanelCard(tabId: number | null, open: (entryId: string) => void): void {
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    if (tabId === null) return;
    let stopped = false;
    const take = (card: PanelCard | null) => {
      if (stopped || !card || card.tabId !== tabId || Date.now() - card.at > PANEL_CARD_WAIT_MS) return;
      openRef.current(card.entryId);
      void panelCardItem.setValue(null);
    };
    void panelCardItem.getValue().then(take);
    const unwatch = panelCardItem.watch(take);
    return () => {
      stopped = true;
      unwatch();
    };
  }, [tabId]);
}
