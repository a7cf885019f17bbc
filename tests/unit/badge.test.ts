import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBadge } from '../../background/badge';

const flush = () => new Promise((resolve) => setTimeout(resolve, 20));
const found = (counts: Record<string, number>, tabId: number, frameId: number, url = 'https://example.com/a') =>
  fakeBrowser.runtime.onMessage.trigger({ type: 'rls-lens:found', counts }, { tab: { id: tabId } as never, frameId, url }, () => {});
const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

let controller: AbortController;
beforeEach(() => {
  fakeBrowser.reset();
  controller = new AbortController();
});
afterEach(() => controller.abort());

describe('the toolbar badge', () => {
  it('counts distinct entries over all frames of a tab', async () => {
    startBadge(controller.signal);
    await found({ dopamine: 3, ferritin: 1 }, 7, 0);
    await found({ dopamine: 2, 'iron-deficiency': 4 }, 7, 12, 'https://ads.example/frame');
    await flush();
    expect(await badge(7)).toBe('3');
    expect(await badge(8)).toBe('');
  });

  it('uses the teal of the icon', async () => {
    startBadge(controller.signal);
    await flush();
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0x1f, 0x6f, 0x78, 255]);
  });

  it('is empty when the content script reports that it is switched off', async () => {
    startBadge(controller.signal);
    await found({ dopamine: 3 }, 7, 0);
    await flush();
    expect(await badge(7)).toBe('1');
    await found({}, 7, 0);
    await flush();
    expect(await badge(7)).toBe('');
  });

  it('forgets the frames of the previous page after a navigation', async () => {
    // Frame 12 belonged to the old page and no longer answers; frame 15 is on the new page.
    fakeBrowser.tabs.sendMessage = vi.fn(async (_tab: number, _message: unknown, options?: { frameId?: number }) => {
      if (options?.frameId === 15) return { host: 'x', active: true, counts: { dopamine: 1 } };
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as typeof fakeBrowser.tabs.sendMessage;
    startBadge(controller.signal);
    await found({ dopamine: 3 }, 7, 0, 'https://example.com/a');
    await found({ ferritin: 1, insomnia: 2 }, 7, 12, 'https://ads.example/frame');
    await flush();
    expect(await badge(7)).toBe('3');
    await found({ dopamine: 1 }, 7, 15, 'https://other.example/frame');
    await found({ 'iron-deficiency': 1 }, 7, 0, 'https://example.com/b#top');
    await flush();
    expect(await badge(7)).toBe('2');
  });

  it('keeps counting after the background restarts', async () => {
    startBadge(controller.signal);
    await found({ dopamine: 3 }, 7, 0);
    await found({ ferritin: 3 }, 7, 4);
    await flush();
    controller.abort();
    controller = new AbortController();
    startBadge(controller.signal);
    await found({ dopamine: 3, 'iron-deficiency': 1 }, 7, 0);
    await flush();
    expect(await badge(7)).toBe('3');
  });
});
