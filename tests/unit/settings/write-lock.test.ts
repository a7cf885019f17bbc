// Two extension pages changing settings at the same instant (settings/write-lock.ts): each page is its own copy of
// the settings module over the same storage, as two tabs of the extension are, and they share the origin's Web
// Locks. Both changes are kept, and of two writes of one setting the one asked for last is the one stored.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { freshBrowser } from './fresh-settings';

freshBrowser();

type Settings = typeof import('../../../settings');
type KnownTerms = typeof import('../../../settings/known-terms');
type SiteSwitch = typeof import('../../../settings/site-switch');
interface ExtensionPage {
  settings: Settings;
  known: KnownTerms;
  siteSwitch: SiteSwitch;
}

/** A page of the extension: its own module instances (and so its own in-page queue), the shared storage. */
async function openPage(): Promise<ExtensionPage> {
  vi.resetModules();
  const [settings, known, siteSwitch] = await Promise.all([
    import('../../../settings'),
    import('../../../settings/known-terms'),
    import('../../../settings/site-switch'),
  ]);
  return { settings, known, siteSwitch };
}

/**
 * The origin's LockManager as the browsers' is to this code: one queue per name, granted in the order asked,
 * released when the callback's promise settles. Records the names asked for.
 */
class OriginLocks {
  readonly asked: string[] = [];
  private tails = new Map<string, Promise<unknown>>();
  request<T>(name: string, callback: () => Promise<T>): Promise<T> {
    this.asked.push(name);
    const run = (this.tails.get(name) ?? Promise.resolve()).then(() => callback());
    this.tails.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  }
}

let locks: OriginLocks;
beforeEach(() => {
  locks = new OriginLocks();
  vi.stubGlobal('navigator', { locks });
  vi.stubGlobal('location', { protocol: 'chrome-extension:' });
});
afterEach(() => vi.unstubAllGlobals());

const storedRules = async () => (await fakeBrowser.storage.local.get('siteRules')).siteRules;
const storedPreferences = async () =>
  (await fakeBrowser.storage.local.get('preferences')).preferences as Record<string, unknown>;

describe('two extension pages writing at once', () => {
  it('keeps both sites switched off from two pages at the same instant, 20 times over', async () => {
    const [a, b] = [await openPage(), await openPage()];
    for (let i = 0; i < 20; i++) {
      await Promise.all([
        a.settings.setSiteEnabled(`a${i}.example`, false, 'host'),
        b.settings.setSiteEnabled(`b${i}.example`, false, 'host'),
      ]);
    }
    const rules = (await a.settings.readSettings()).rules;
    expect(rules).toHaveLength(40);
    for (let i = 0; i < 20; i++) {
      expect(rules).toContainEqual({ pattern: `a${i}.example`, enabled: false });
      expect(rules).toContainEqual({ pattern: `b${i}.example`, enabled: false });
    }
    expect(new Set(locks.asked)).toEqual(new Set(['rls-lens-settings-write']));
  });

  it('keeps a preference from one page and a term marked known from another (the background), both at once', async () => {
    const [overview, background] = [await openPage(), await openPage()];
    await Promise.all([
      overview.settings.setPreferences({ theme: 'dark' }),
      background.known.setKnown('ferritin', true),
      background.siteSwitch.toggleSite('news.example'),
      overview.settings.setRule({ pattern: '*.docs.example', enabled: false }),
    ]);
    expect(await storedPreferences()).toMatchObject({ theme: 'dark', knownTerms: ['ferritin'] });
    expect(await storedRules()).toEqual(
      expect.arrayContaining([
        { pattern: 'news.example', enabled: false },
        { pattern: '*.docs.example', enabled: false },
      ]),
    );
  });

  it('stores the value asked for last when two pages set the same setting', async () => {
    const [a, b] = [await openPage(), await openPage()];
    for (let i = 0; i < 20; i++) {
      const last = i % 2 === 0;
      await Promise.all([a.settings.setGlobalEnabled(!last), b.settings.setGlobalEnabled(last)]);
      expect((await fakeBrowser.storage.local.get('globalEnabled')).globalEnabled).toBe(last);
    }
  });

  it('goes on writing after a write that failed releases the lock', async () => {
    const [a, b] = [await openPage(), await openPage()];
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('disk on fire'));
    const results = await Promise.allSettled([
      a.settings.setPreferences({ theme: 'light' }),
      b.settings.setPreferences({ firstOnly: true }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(set).toHaveBeenCalledTimes(2);
    expect(await storedPreferences()).toMatchObject({ theme: 'auto', firstOnly: true });
  });
});

describe('where there is no lock for the extension', () => {
  it("never asks a web page's locks (a content script's origin) and still serialises within the context", async () => {
    vi.stubGlobal('location', { protocol: 'https:' });
    const page = await openPage();
    await Promise.all([
      page.settings.setSiteEnabled('one.example', false, 'host'),
      page.settings.setSiteEnabled('two.example', false, 'host'),
    ]);
    expect(locks.asked).toEqual([]);
    expect(await storedRules()).toHaveLength(2);
  });

  it('serialises within the page where the API is missing', async () => {
    vi.stubGlobal('navigator', {});
    const page = await openPage();
    await Promise.all([page.known.setKnown('iron', true), page.known.setKnown('dopamine', true)]);
    expect((await storedPreferences()).knownTerms).toEqual(['iron', 'dopamine']);
  });
});
