import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { overviewUrl } from '../../../background/commands';
import { flush, startBackground, type FakeBackground } from './fake-background';

let bg: FakeBackground;
beforeEach(() => {
  bg = startBackground();
});

/** A tab whose only frame has two terms and moves on every step. */
function oneFrame() {
  return vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tab: number, message: { type: string }) => {
    if (message.type === 'rls-lens:frame-info') return { host: 'example.com', active: true, counts: { ferritin: 2 }, path: [] };
    if (message.type === 'rls-lens:step') return { moved: true, position: 1, total: 2 };
    return undefined;
  }) as never);
}
const steps = (send: ReturnType<typeof oneFrame>) =>
  send.mock.calls.filter(([, m]) => (m as { type: string }).type === 'rls-lens:step').map(([tab, m, options]) => [tab, (m as { direction: number }).direction, options]);

describe('the keyboard commands and the overview request', () => {
  it('sends next-term and previous-term to the tab the command came from, as steps through its frames', async () => {
    const send = oneFrame();
    await bg.command('next-term', { id: 5, index: 0 });
    await bg.command('previous-term', { id: 5, index: 0 });
    await bg.command('something-else', { id: 5, index: 0 });
    await flush();
    expect(steps(send)).toEqual([
      [5, 1, { frameId: 0 }],
      [5, -1, { frameId: 0 }],
    ]);
  });

  it('falls back to the active tab when the command carries none', async () => {
    const send = oneFrame();
    const window = await fakeBrowser.windows.create({ focused: true });
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/', active: true, windowId: window!.id });
    await bg.command('next-term');
    await flush();
    expect(steps(send)).toEqual([[tab.id, 1, { frameId: 0 }]]);
  });

  it('opens the overview at the entry, next to the page that asked', async () => {
    const opener = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    await fakeBrowser.runtime.onMessage.trigger({ type: 'rls-lens:open-overview', entryId: 'ferritin' }, { tab: opener }, () => {});
    const tabs = await fakeBrowser.tabs.query({});
    const opened = tabs.find((t) => t.url?.includes('overview.html'));
    expect(opened?.url).toBe(overviewUrl('ferritin'));
    expect(opened?.url).toMatch(/\/overview\.html#entry=ferritin$/);
  });

  it('opens nothing for a request whose entry id could be a path', async () => {
    const opener = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    await fakeBrowser.runtime.onMessage.trigger({ type: 'rls-lens:open-overview', entryId: '../popup.html' }, { tab: opener }, () => {});
    await flush();
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.filter((t) => t.url?.includes('.html'))).toEqual([]);
  });
});
