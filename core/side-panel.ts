// Opening the side panel (Chrome's side_panel, Firefox's sidebar_action), from the popup's button, the toolbar
// button's context menu and a keyboard command. Both browsers allow it only while handling the reader's action, so
// callers call this synchronously from their handler: nothing may be awaited before it.
import { browser } from 'wxt/browser';

/** Firefox's sidebar API, which the Chrome-based types do not describe. */
interface SidebarAction {
  open(): Promise<void>;
  isOpen(details: { windowId?: number }): Promise<boolean>;
}

const sidebarOf = () => (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;

/** Whether this browser has a side panel for extensions (Firefox for Android has none). */
export const hasSidePanel = (): boolean => !!sidebarOf() || !!browser.sidePanel;

/** Opens the side panel in the window (Chrome needs it; Firefox opens the sidebar of the current window). */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  const sidebar = sidebarOf();
  if (sidebar) return sidebar.open();
  if (browser.sidePanel && windowId !== undefined) return browser.sidePanel.open({ windowId });
  return Promise.reject(new Error('This browser has no side panel for extensions.'));
}

/** Whether the side panel is open in the window: Firefox asks its sidebar, Chrome lists its side-panel pages. */
export async function sidePanelOpen(windowId: number | undefined): Promise<boolean> {
  const sidebar = sidebarOf();
  if (sidebar) return sidebar.isOpen(windowId === undefined ? {} : { windowId });
  const contexts = await browser.runtime.getContexts?.({ contextTypes: ['SIDE_PANEL' as never] });
  return (contexts ?? []).some((context) => windowId === undefined || context.windowId === windowId);
}
