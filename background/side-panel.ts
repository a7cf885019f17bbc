// "Open the side panel" in the toolbar button's context menu (the open-side-panel command is background/commands.ts';
// Firefox opens its sidebar with the built-in _execute_sidebar_action command and needs no code). Neither needs a permission with an install warning: `contextMenus` (Chrome) and `menus` (Firefox)
// show none, and a menu limited to the toolbar button never appears on pages.
import { browser, type Browser } from 'wxt/browser';
import { openSidePanel } from '../core/side-panel';
import { t } from '../core/i18n';

/** The menu item's id, the same as Chrome's command name (wxt.config.ts). */
const OPEN_SIDE_PANEL = 'open-side-panel';

/** Chrome calls it contextMenus, Firefox menus (it also knows contextMenus, without the toolbar context in MV2). */
type Menus = typeof browser.contextMenus;

/** Opens the side panel in the tab's window; called synchronously from a user gesture (a command, a menu click). */
export const openSidePanelFor = (tab: Browser.tabs.Tab | undefined) =>
  void openSidePanel(tab?.windowId).catch((error: unknown) =>
    console.warn('RLS Lens: could not open the side panel.', error),
  );

export function startSidePanelMenu(): void {
  const menus = (browser as unknown as { menus?: Menus }).menus ?? browser.contextMenus;
  // Firefox for Android has no menus (and no sidebar).
  if (!menus) return;
  // Chrome keeps menu items across service-worker restarts and Firefox across nothing: start from none each time.
  void menus
    .removeAll()
    .then(() =>
      menus.create({
        id: OPEN_SIDE_PANEL,
        title: t('common.openSidePanel'),
        // MV3's toolbar button is `action`; Firefox's MV2 build has a `browser_action`.
        contexts: [browser.action ? 'action' : ('browser_action' as 'action')],
      }),
    )
    .catch((error: unknown) => console.warn('RLS Lens: could not add the toolbar menu item.', error));
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === OPEN_SIDE_PANEL) openSidePanelFor(tab);
  });
}
