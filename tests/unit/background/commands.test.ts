import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { overviewUrl } from '../../../background/commands';
import background from '../../../entrypoints/background';
import { flush, startBackground, type FakeBackground } from './fake-background';

let bg: FakeBackground;
beforeEach(() => {
  bg = startBackground();
});

/** A tab whose only frame has two terms and moves on every step. */
function oneFrame() {
  return vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (
    _tab: number,
    message: { type: string },
  ) => {
    if (message.type === 'rls-lens:frame-info')
      return { host: 'example.com', active: true, counts: { ferritin: 2 }, path: [] };
    if (message.type === 'rls-lens:step') return { moved: true, position: 1, total: 2 };
    return undefined;
  }) as never);
}
const steps = (send: ReturnType<typeof oneFrame>) =>
  send.mock.calls
    .filter(([, m]) => (m as { type: string }).type === 'rls-lens:step')
    .map(([tab, m, options]) => [tab, (m as { direction: number }).direction, options]);

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

  it('toggle-site asks the tab’s top frame for its host and flips that site’s switch, in either mode', async () => {
    // The fake's sendMessage is typed as answering nothing; the content script answers with its PageTerms.
    const send = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockResolvedValue({ host: 'news.example', active: true, counts: {} } as never);
    const rules = async () => (await fakeBrowser.storage.local.get('siteRules')).siteRules;
    await bg.command('toggle-site', { id: 7, index: 0 });
    expect(send).toHaveBeenCalledWith(7, { type: 'rls-lens:page-terms' }, { frameId: 0 });
    expect(await rules()).toEqual([{ pattern: 'news.example', enabled: false }]);
    await bg.command('toggle-site', { id: 7, index: 0 });
    expect(await rules()).toEqual([]);
    await fakeBrowser.storage.local.set({ siteMode: 'opt-in', siteMode$: { v: 1 } });
    await bg.command('toggle-site', { id: 7, index: 0 });
    expect(await rules()).toEqual([{ pattern: 'news.example', enabled: true }]);
  });

  it('toggle-site changes nothing where no content script answers, or the page has no host', async () => {
    const send = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    await bg.command('toggle-site', { id: 7, index: 0 });
    send.mockResolvedValueOnce({ host: '', active: true, counts: {} } as never);
    await bg.command('toggle-site', { id: 7, index: 0 });
    send.mockResolvedValueOnce({ host: 'x.example', active: 'yes', counts: {} } as never);
    await bg.command('toggle-site', { id: 7, index: 0 });
    expect(send).toHaveBeenCalledTimes(3);
    expect((await fakeBrowser.storage.local.get('siteRules')).siteRules).toBeUndefined();
  });

  it('opens the overview at the entry, next to the page that asked', async () => {
    const opener = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'rls-lens:open-overview', entryId: 'ferritin' },
      { tab: opener },
      () => {},
    );
    const tabs = await fakeBrowser.tabs.query({});
    const opened = tabs.find((t) => t.url?.includes('overview.html'));
    expect(opened?.url).toBe(overviewUrl('ferritin'));
    expect(opened?.url).toMatch(/\/overview\.html#entry=ferritin$/);
  });

  it('starts without the commands API (Firefox for Android has none) and still answers the tooltip', async () => {
    fakeBrowser.reset();
    const commands = Object.getOwnPropertyDescriptor(fakeBrowser, 'commands')!;
    Object.defineProperty(fakeBrowser, 'commands', { value: undefined, configurable: true });
    try {
      expect(() => background.main()).not.toThrow();
      const opener = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
      await fakeBrowser.runtime.onMessage.trigger(
        { type: 'rls-lens:open-overview', entryId: 'iron' },
        { tab: opener },
        () => {},
      );
      expect((await fakeBrowser.tabs.query({})).some((t) => t.url === overviewUrl('iron'))).toBe(true);
    } finally {
      Object.defineProperty(fakeBrowser, 'commands', commands);
    }
  });

  it('opens nothing for a request whose entry id could be a path', async () => {
    const opener = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'rls-lens:open-overview', entryId: '../popup.html' },
      { tab: opener },
      () => {},
    );
    await flush();
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.filter((t) => t.url?.includes('.html'))).toEqual([]);
  });
});
