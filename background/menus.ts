// The extension's context-menu items, made in one place: every item is removed and made again at each start
// (Chrome keeps items across service-worker restarts, Firefox across nothing), and one click listener hands each
// click to its item. `contextMenus` (Chrome) / `menus` (Firefox) shows no install-time warning.
import { browser, type Browser } from 'wxt/browser';

/** Chrome calls it contextMenus, Firefox menus (it also knows contextMenus, without the toolbar context in MV2). */
type Menus = typeof browser.contextMenus;
type MenuCreate = Browser.contextMenus.CreateProperties & { id: string };
type MenuClick = Browser.contextMenus.OnClickData;

export interface MenuItem {
  create: MenuCreate;
  onClick(info: MenuClick, tab: Browser.tabs.Tab | undefined): void;
}

/** What the click listener does with a click: hands it to its item. */
export type MenuDispatch = (info: MenuClick, tab: Browser.tabs.Tab | undefined) => void;

export function startMenus(items: MenuItem[]): MenuDispatch {
  const dispatch: MenuDispatch = (info, tab) =>
    items.find((item) => item.create.id === info.menuItemId)?.onClick(info, tab);
  const menus = (browser as unknown as { menus?: Menus }).menus ?? browser.contextMenus;
  // Firefox for Android has no menus.
  if (!menus) return dispatch;
  void menus
    .removeAll()
    .then(() => Promise.all(items.map((item) => menus.create(item.create))))
    .catch((error: unknown) => console.warn('RLS Lens: could not add its menu items.', error));
  menus.onClicked.addListener(dispatch);
  return dispatch;
}
