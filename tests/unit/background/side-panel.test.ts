import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { flush, startBackground, type FakeBackground } from './fake-background';

let bg: FakeBackground;
beforeEach(() => {
  bg = startBackground();
});

describe('opening the side panel', () => {
  it('puts "Open the side panel" on the toolbar button\'s menu, and opens the panel in that window', async () => {
    await flush();
    expect(bg.menuItems).toContainEqual({ id: 'open-side-panel', title: 'Open the side panel', contexts: ['action'] });
    await bg.menuClick('open-side-panel', { id: 5, windowId: 3 });
    await bg.menuClick('something-else', { id: 5, windowId: 3 });
    expect(bg.openSidePanel.mock.calls).toEqual([[{ windowId: 3 }]]);
  });

  it('opens it with the open-side-panel command', async () => {
    await bg.command('open-side-panel', { id: 5, windowId: 4 });
    expect(bg.openSidePanel.mock.calls).toEqual([[{ windowId: 4 }]]);
  });

  it("uses Firefox's sidebar where there is one", async () => {
    const open = vi.fn(async () => undefined);
    (fakeBrowser as unknown as { sidebarAction?: unknown }).sidebarAction = { open };
    try {
      await bg.command('open-side-panel', { id: 5, windowId: 4 });
      expect(open).toHaveBeenCalledTimes(1);
      expect(bg.openSidePanel).not.toHaveBeenCalled();
    } finally {
      delete (fakeBrowser as unknown as { sidebarAction?: unknown }).sidebarAction;
    }
  });
});
