// "Open the side panel" in the toolbar button's context menu (the open-side-panel command is background/commands.ts';
// Firefox opens its sidebar with the built-in _execute_sidebar_action command and needs no code). A menu limited to
// the toolbar button never appears on pages.
import { browser, type Browser } from 'wxt/browser';
import { openSidePanel } from '../core/side-panel';
import { t } from '../core/i18n';
import type { MenuItem } from './menus';

/** The menu item's id, the same as Chrome's command name (wxt.config.ts). */
const OPEN_SIDE_PANEL = 'open-side-panel';

/** Opens the side panel in the tab's window; called synchronously from a user gesture (a command, a menu click). */
export const openSidePanelFor = (tab: Browser.tabs.Tab | undefined) =>
  void openSidePanel(tab?.windowId).catch((error: unknown) =>
    console.warn('RLS Lens: could not open the side panel.', error),
  );

export function sidePanelMenuItem(): MenuItem {
  return {
    create: {
      id: OPEN_SIDE_PANEL,
      title: t('common.openSidePanel'),
      // MV3's toolbar button is `action`; Firefox's MV2 build has a `browser_action`.
      contexts: [browser.action ? 'action' : ('browser_action' as 'action')],
    },
    onClick: (_info, tab) => openSidePanelFor(tab),
  };
}
