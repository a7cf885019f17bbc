import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isOpenOverviewRequest, overviewUrl, startCommandRelay } from '../../background/commands';

const flush = () => new Promise((resolve) => setTimeout(resolve, 10));
let controller: AbortController;
// fakeBrowser does not implement commands.onCommand: a minimal event stands in for it.
type CommandListener = (command: string, tab?: unknown) => void;
let commandListeners: Set<CommandListener>;
const command = async (name: string, tab?: unknown) => {
  for (const listener of commandListeners) listener(name, tab);
  await flush();
};
beforeEach(() => {
  fakeBrowser.reset();
  controller = new AbortController();
  commandListeners = new Set();
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((l) => void commandListeners.add(l as CommandListener));
  vi.spyOn(fakeBrowser.commands.onCommand, 'removeListener').mockImplementation((l) => void commandListeners.delete(l as CommandListener));
});
afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

describe('the background relay for tooltips', () => {
  it('sends next-term and previous-term to the top frame of the tab the command came from', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    startCommandRelay(controller.signal);
    await command('next-term', { id: 5, index: 0 });
    await command('previous-term', { id: 5, index: 0 });
    await command('something-else', { id: 5, index: 0 });
    await flush();
    expect(send.mock.calls).toEqual([
      [5, { type: 'rls-lens:step', direction: 1 }, { frameId: 0 }],
      [5, { type: 'rls-lens:step', direction: -1 }, { frameId: 0 }],
    ]);
  });

  it('falls back to the active tab when the command carries none', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const window = await fakeBrowser.windows.create({ focused: true });
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/', active: true, windowId: window!.id });
    startCommandRelay(controller.signal);
    await command('next-term');
    await flush();
    expect(send).toHaveBeenCalledWith(tab.id, { type: 'rls-lens:step', direction: 1 }, { frameId: 0 });
  });

  it('opens the overview at the entry, next to the page that asked', async () => {
    const opener = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    startCommandRelay(controller.signal);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'rls-lens:open-overview', entryId: 'ferritin' }, { tab: opener }, () => {});
    const tabs = await fakeBrowser.tabs.query({});
    const opened = tabs.find((t) => t.url?.includes('overview.html'));
    expect(opened?.url).toBe(overviewUrl('ferritin'));
    expect(opened?.url).toMatch(/\/overview\.html#entry=ferritin$/);
  });

  it('ignores malformed open requests and stops listening when aborted', async () => {
    expect(isOpenOverviewRequest({ type: 'rls-lens:open-overview', entryId: '../popup.html' })).toBe(false);
    expect(isOpenOverviewRequest({ type: 'rls-lens:open-overview', entryId: 'iron-deficiency' })).toBe(true);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    startCommandRelay(controller.signal);
    controller.abort();
    await command('next-term', { id: 5, index: 0 });
    await flush();
    expect(send).not.toHaveBeenCalled();
  });
});
