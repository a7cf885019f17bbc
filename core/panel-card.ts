// A card for the side panel to show, left by the background: the context menu's look-up of a selection on a page
// read privately (background/selection-menu.ts). The panel is opened by the same click and starts after it, too late
// for a message, so the card waits in session storage (extension pages only; gone when the browser closes) and the
// panel takes it when it starts or when it changes (components/side-panel/use-panel-card.ts).
import { storage } from '@wxt-dev/storage';

export interface PanelCard {
  /** The tab whose page the selection was in: only that tab's panel shows it. */
  tabId: number;
  entryId: string;
  /** Date.now() when left: a panel opened much later does not show an old look-up. */
  at: number;
}

/** How long a card waits for a panel opened by the same click to start. */
export const PANEL_CARD_WAIT_MS = 30_000;

export const panelCardItem = storage.defineItem<PanelCard | null>('session:panelCard', { fallback: null });
