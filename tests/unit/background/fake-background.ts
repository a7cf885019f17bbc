// The background entrypoint started against wxt's fakeBrowser, with stand-ins for the APIs fakeBrowser does not
// implement: commands.onCommand, the context menu, Chrome's side panel, and the scripting API's registrations and
// injections.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';

export const flush = (ms = 10) => new Promise((resolve) => setTimeout(resolve, ms));

type CommandListener = (command: string, tab?: unknown) => void;
type MenuListener = (info: { menuItemId: string | number }, tab?: unknown) => void;

/** A registered content script as the browsers report it (both leave the leading slash off file paths). */
type Registration = Record<string, unknown> & { id: string; matches?: string[]; excludeMatches?: string[] };

/** What a frame answers to the background's question (background/late-start.ts) in the fake's tabs. */
interface FakeFrame {
  frameId: number;
  state: { url: string; running: boolean } | null;
}

interface FakeScripting {
  /** id → the registration, as getRegisteredContentScripts reports it. */
  registered: Map<string, Registration>;
  /** tab id → its frames, as executeScript's `func` sees them. */
  frames: Map<number, FakeFrame[]>;
  /** Every injection of files: [tab id, frame ids, files]. */
  injected: [number, number[], string[]][];
}

export interface FakeBackground {
  /** A keyboard command, as the browser fires it. */
  command(name: string, tab?: unknown): Promise<void>;
  /** A click on a context menu item (`info`: what the browser adds, such as the selection or the link). */
  menuClick(menuItemId: string, tab?: unknown, info?: Record<string, unknown>): Promise<void>;
  /** The same click, without waiting: what the listener did before its first await. */
  menuClickNow(menuItemId: string, tab?: unknown, info?: Record<string, unknown>): void;
  menuItems: unknown[];
  openSidePanel: ReturnType<typeof vi.fn>;
  scripting: FakeScripting;
}

const withoutSlash = (files: unknown) => (files as string[] | undefined)?.map((f) => f.replace(/^\//, ''));

/** scripting.* in memory: registrations by id, and injections recorded against `frames`. */
function fakeScripting(): FakeScripting {
  const state: FakeScripting = { registered: new Map(), frames: new Map(), injected: [] };
  const normal = (script: Registration): Registration => ({
    ...script,
    js: withoutSlash(script.js),
    css: withoutSlash(script.css),
  });
  type Injection = { target: { tabId: number; frameIds?: number[]; allFrames?: boolean }; files?: string[] };
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) =>
      [...state.registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
    ),
    registerContentScripts: vi.fn(async (scripts: Registration[]) => {
      for (const s of scripts) {
        if (state.registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        state.registered.set(s.id, normal(s));
      }
    }),
    updateContentScripts: vi.fn(async (scripts: Registration[]) => {
      for (const s of scripts) {
        if (!state.registered.has(s.id)) throw new Error(`No script with ID '${s.id}'`);
        state.registered.set(s.id, normal(s));
      }
    }),
    unregisterContentScripts: vi.fn(async (filter?: { ids?: string[] }) => {
      for (const id of filter?.ids ?? [...state.registered.keys()]) state.registered.delete(id);
    }),
    executeScript: vi.fn(async ({ target, files }: Injection) => {
      const frames = state.frames.get(target.tabId) ?? [];
      if (files) {
        state.injected.push([target.tabId, target.frameIds ?? [], withoutSlash(files)!]);
        return [];
      }
      return frames.map(({ frameId, state: result }) => ({ frameId, result }));
    }),
    insertCSS: vi.fn(async () => undefined),
  });
  return state;
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
  const scripting = fakeScripting();
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
    scripting,
  };
}
