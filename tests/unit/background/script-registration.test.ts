// The content script's registration follows the site mode and rules (background/script-registration.ts), and tabs
// already open that it comes to cover get the script at once (background/late-start.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storedEntries } from '../../../settings/stored-keys';
import { flush, startBackground, type FakeBackground } from './fake-background';

let bg: FakeBackground;
beforeEach(async () => {
  bg = startBackground();
  await flush();
});

const registered = () => [...bg.scripting.registered.values()];
const seed = async (entries: Parameters<typeof storedEntries>[0]) => {
  await fakeBrowser.storage.local.set(storedEntries(entries));
  await flush(50);
};

describe('the content script’s registration', () => {
  it('is registered at start for every address, as the manifest declared it before', () => {
    expect(registered()).toEqual([
      {
        id: 'page',
        js: ['content-scripts/content.js'],
        css: ['content-scripts/content.css'],
        matches: ['<all_urls>'],
        excludeMatches: [],
        allFrames: true,
        matchOriginAsFallback: true,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  });

  it('follows the mode and the rules: the listed sites in opt-in mode, none when no site is listed', async () => {
    await seed({ siteMode: 'opt-in', siteRules: [{ pattern: 'news.example', enabled: true }] });
    expect(registered().map((s) => [s.matches, s.excludeMatches])).toEqual([[['*://news.example/*'], []]]);
    await seed({ siteRules: [] });
    expect(registered()).toEqual([]);
    await seed({ siteMode: 'opt-out', siteRules: [{ pattern: 'ads.example', enabled: false }] });
    expect(registered().map((s) => [s.matches, s.excludeMatches])).toEqual([[['<all_urls>'], ['*://ads.example/*']]]);
  });

  it('is left alone when it already says what the settings say (Chrome starts its worker many times)', async () => {
    const update = vi.mocked(fakeBrowser.scripting.updateContentScripts);
    const register = vi.mocked(fakeBrowser.scripting.registerContentScripts);
    await seed({ preferences: { ...(await import('../../../settings/schema')).DEFAULT_PREFERENCES, firstOnly: true } });
    await seed({ globalEnabled: false });
    expect(update).not.toHaveBeenCalled();
    expect(register).toHaveBeenCalledTimes(1);
  });

  it('starts the script in open tabs it comes to cover: only frames it covers that have loaded and run none', async () => {
    await seed({ siteMode: 'opt-in', siteRules: [] });
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
      { id: 1, url: 'http://news.example/a', status: 'complete' },
      { id: 2, url: 'http://other.example/', status: 'complete' },
    ] as never);
    bg.scripting.frames.set(1, [
      { frameId: 0, state: { url: 'http://news.example/a', running: false } },
      { frameId: 3, state: { url: 'http://news.example', running: false } }, // about:blank: its creator's origin
      { frameId: 4, state: { url: 'https://ads.example/slot', running: false } }, // another site
      { frameId: 5, state: { url: 'http://news.example/b', running: true } }, // already running
      { frameId: 6, state: null }, // still loading: the registration reaches it
    ]);
    bg.scripting.frames.set(2, [{ frameId: 0, state: { url: 'http://other.example/', running: false } }]);
    await seed({ siteRules: [{ pattern: 'news.example', enabled: true }] });
    expect(query).toHaveBeenCalledWith({ url: ['*://news.example/*'], status: 'complete' });
    expect(bg.scripting.injected).toEqual([[1, [0, 3], ['content-scripts/content.js']]]);
    expect(fakeBrowser.scripting.insertCSS).toHaveBeenCalledWith({
      target: { tabId: 1, frameIds: [0, 3] },
      files: ['/content-scripts/content.css'],
    });

    // Back to opt-out: the other site's tab is covered now; news.example's was before, and is left as it is.
    bg.scripting.injected.length = 0;
    query.mockResolvedValue([
      { id: 1, url: 'http://news.example/a', status: 'complete' },
      { id: 2, url: 'http://other.example/', status: 'complete' },
    ] as never);
    await seed({ siteMode: 'opt-out' });
    expect(bg.scripting.injected).toEqual([[2, [0], ['content-scripts/content.js']]]);
  });

  it('checks every open tab it covers after an update, and starts it where no instance answers', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
      { id: 1, url: 'http://news.example/a', status: 'complete' },
      { id: 2, url: 'http://other.example/', status: 'complete' },
    ] as never);
    bg.scripting.frames.set(1, [{ frameId: 0, state: { url: 'http://news.example/a', running: false } }]);
    bg.scripting.frames.set(2, [{ frameId: 0, state: { url: 'http://other.example/', running: true } }]);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' } as never);
    await flush(50);
    expect(bg.scripting.injected).toEqual([[1, [0], ['content-scripts/content.js']]]);
    // A browser update or a plain start changes nothing in the tabs.
    bg.scripting.injected.length = 0;
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'browser_update' } as never);
    await flush(50);
    expect(bg.scripting.injected).toEqual([]);
  });
});

describe('the toggle-site command on a page without the content script', () => {
  it('switches the site of the tab’s address where the settings keep the script away, and nowhere else', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    const rules = async () => (await fakeBrowser.storage.local.get('siteRules')).siteRules;
    // Opt-out: a page without a content script is one the browser keeps it from (or loaded before install).
    await bg.command('toggle-site', { id: 7, index: 0, url: 'https://news.example/a' });
    expect(await rules()).toBeUndefined();
    // Opt-in, the site not switched on: the command switches it on, from the tab's address.
    await seed({ siteMode: 'opt-in' });
    await bg.command('toggle-site', { id: 7, index: 0, url: 'https://news.example/a' });
    expect(await rules()).toEqual([{ pattern: 'news.example', enabled: true }]);
    // Not a web page: nothing to switch.
    await bg.command('toggle-site', { id: 8, index: 1, url: 'chrome://extensions/' });
    expect(await rules()).toEqual([{ pattern: 'news.example', enabled: true }]);
  });
});
