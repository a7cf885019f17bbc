// The background entrypoint started against wxt's fakeBrowser, with stand-ins for the APIs fakeBrowser does not
// implement: commands.onCommand, the context menu, and Chrome's side panel.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';

export const flush = (ms = 10) => new Promise((resolve) => setTimeout(resolve, ms));

type CommandListener = (command: string, tab?: unknown) => void;
type MenuListener = (info: { menuItemId: string | number }, tab?: unknown) => void;

export interface FakeBackground {
  /** A keyboard command, as the browser fires it. */
  command(name: string, tab?: unknown): Promise<void>;
  /** A click on a context menu item (`info`: what the browser adds, such as the selection or the link). */
  menuClick(menuItemId: string, tab?: unknown, info?: Record<string, unknown>): Promise<void>;
  /** The same click, without waiting: what the listener did before its first await. */
  menuClickNow(menuItemId: string, tab?: unknown, info?: Record<string, unknown>): void;
  menuItems: unknown[];
  openSidePanel: ReturnType<typeof vi.fn>;
}

/** Resets fakeBrowser and starts the background, as the browser would after an install (`prepare` runs just before). */
export function startBackground(prepare?: () => void): FakeBackground {
  fakeBrowser.reset();
  const commands = new Set<CommandListener>();
  const menus = new Set<MenuListener>();
  const menuItems: unknown[] = [];
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(
    (l) => void commands.add(l as CommandListener),
  );
  const contextMenus = fakeBrowser.contextMenus as unknown as Record<string, unknown>;
  contextMenus.removeAll = vi.fn(async () => void menuItems.splice(0));
  contextMenus.create = vi.fn((item: unknown) => void menuItems.push(item));
  contextMenus.onClicked = { addListener: (l: MenuListener) => void menus.add(l) };
  const openSidePanel = vi.fn(async () => undefined);
  (fakeBrowser.sidePanel as unknown as Record<string, unknown>).open = openSidePanel;
  prepare?.();
  background.main();
  return {
    async command(name, tab) {
      for (const listener of commands) listener(name, tab);
      await flush();
    },
    async menuClick(menuItemId, tab, info = {}) {
      for (const listener of menus) listener({ ...info, menuItemId }, tab);
      await flush();
    },
    menuClickNow(menuItemId, tab, info = {}) {
      for (const listener of menus) listener({ ...info, menuItemId }, tab);
    },
    menuItems,
    openSidePanel,
  };
}
