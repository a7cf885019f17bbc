import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { startBackground } from './fake-background';

const flush = () => new Promise((resolve) => setTimeout(resolve, 20));
/** A content script's report, through the background's one message listener. */
const found = (
  counts: Record<string, number>,
  tabId: number,
  frameId: number,
  url = 'https://example.com/a',
  active = true,
) =>
  fakeBrowser.runtime.onMessage.trigger(
    { type: 'rls-lens:found', host: new URL(url).hostname, active, counts },
    { tab: { id: tabId } as never, frameId, url },
    () => {},
  );
const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

// fakeBrowser does not implement commands.onCommand or the context menu, which the background also uses.
beforeEach(() => void startBackground());

describe('the toolbar badge', () => {
  it('counts distinct entries over all frames of a tab', async () => {
    await found({ dopamine: 3, ferritin: 1 }, 7, 0);
    await found({ dopamine: 2, 'iron-deficiency': 4 }, 7, 12, 'https://ads.example/frame');
    await flush();
    expect(await badge(7)).toBe('3');
    expect(await badge(8)).toBe('');
  });

  it('ignores reports whose fields are malformed', async () => {
    await found({ dopamine: 3 }, 7, 0);
    await flush();
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'rls-lens:found', host: 'example.com', active: true, counts: { dopamine: 'many', '../x': 2 } },
      { tab: { id: 7 } as never, frameId: 3, url: 'https://example.com/' },
      () => {},
    );
    await flush();
    expect(await badge(7)).toBe('1');
  });

  it('is empty when the content script reports that it is switched off', async () => {
    await found({ dopamine: 3 }, 7, 0);
    await flush();
    expect(await badge(7)).toBe('1');
    await found({}, 7, 0, undefined, false);
    await flush();
    expect(await badge(7)).toBe('');
  });

  it('forgets the frames of the previous page after a navigation', async () => {
    // Frame 12 belonged to the old page and no longer answers; frame 15 is on the new page.
    fakeBrowser.tabs.sendMessage = vi.fn(async (_tab: number, _message: unknown, options?: { frameId?: number }) => {
      if (options?.frameId === 15) return { host: 'x', active: true, counts: { dopamine: 1 } };
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as typeof fakeBrowser.tabs.sendMessage;
    await found({ dopamine: 3 }, 7, 0, 'https://example.com/a');
    await found({ ferritin: 1, pregnancy: 2 }, 7, 12, 'https://ads.example/frame');
    await flush();
    expect(await badge(7)).toBe('3');
    await found({ dopamine: 1 }, 7, 15, 'https://other.example/frame');
    await found({ 'iron-deficiency': 1 }, 7, 0, 'https://example.com/b#top');
    await flush();
    expect(await badge(7)).toBe('2');
  });

  it('is cleared when the tab starts loading, with no report from the new page', async () => {
    // A page without terms sends no report (content/bootstrap.ts): the navigation alone clears the badge.
    await found({ dopamine: 3, ferritin: 1 }, 7, 0);
    await flush();
    expect(await badge(7)).toBe('2');
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading' }, { id: 7 } as never);
    await flush();
    expect(await badge(7)).toBe('');
  });

  it('counts again, once the tab has loaded, the frames that are still there', async () => {
    // Frame 4 survived (a single-page app's navigation) and answers; frame 0's old document is gone.
    fakeBrowser.tabs.sendMessage = vi.fn(async (_tab: number, _message: unknown, options?: { frameId?: number }) => {
      if (options?.frameId === 4) return { host: 'x', active: true, counts: { pregnancy: 2 } };
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as typeof fakeBrowser.tabs.sendMessage;
    await found({ dopamine: 3 }, 7, 0);
    await found({ pregnancy: 1 }, 7, 4, 'https://ads.example/frame');
    await flush();
    expect(await badge(7)).toBe('2');
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading' }, { id: 7 } as never);
    await flush();
    expect(await badge(7)).toBe('');
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'complete' }, { id: 7 } as never);
    await flush();
    expect(await badge(7)).toBe('1');
  });

  it('forgets a closed tab, so a new tab with the same id starts from nothing', async () => {
    await found({ dopamine: 3, ferritin: 1 }, 7, 0);
    await flush();
    expect(await badge(7)).toBe('2');
    await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: 1, isWindowClosing: false });
    await flush();
    await found({ pregnancy: 1 }, 7, 4, 'https://ads.example/frame');
    await flush();
    expect(await badge(7)).toBe('1');
  });

  it('keeps counting after the background restarts', async () => {
    await found({ dopamine: 3 }, 7, 0);
    await found({ ferritin: 3 }, 7, 4);
    await flush();
    // A restarted service worker: listeners anew, state only in session storage.
    fakeBrowser.runtime.onMessage.removeAllListeners();
    background.main();
    await found({ dopamine: 3, 'iron-deficiency': 1 }, 7, 0);
    await flush();
    expect(await badge(7)).toBe('3');
  });
});
