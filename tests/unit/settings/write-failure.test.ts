// A write the browser refuses (storage.local full: Chrome's "Resource::kQuotaBytes quota exceeded"; or any other
// failure): the change rejects with a SettingsWriteError in the reader's words, the stored value is the one before
// it, and the next change, once there is room, is saved as usual.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { freshBrowser, load } from './fresh-settings';

freshBrowser();

const QUOTA = 'Resource::kQuotaBytes quota exceeded';
const RULES = [{ pattern: 'example.com', enabled: false }];
const PREFERENCES = { theme: 'dark', knownTerms: ['iron'] };
const SEED = {
  siteRules: RULES,
  siteRules$: { v: 2 },
  preferences: PREFERENCES,
  preferences$: { v: 1 },
  myTerms: { on: true, pages: false, asked: true, terms: {} },
  myTerms$: { v: 1 },
};

/** storage.local.set rejects as a full storage does, until `room()` is called. */
function fullStorage() {
  const set = vi.spyOn(fakeBrowser.storage.local, 'set');
  set.mockRejectedValue(new Error(QUOTA));
  return { set, room: () => set.mockRestore() };
}

const stored = () => fakeBrowser.storage.local.get(Object.keys(SEED));

describe('storage full', () => {
  it('refuses each change with one clear message and keeps every stored value as it was', async () => {
    const s = await load(SEED);
    const known = await import('../../../settings/known-terms');
    const myTerms = await import('../../../settings/my-terms');
    const siteSwitch = await import('../../../settings/site-switch');
    const before = await stored();
    const storage = fullStorage();
    const changes = [
      () => s.setSiteEnabled('news.example', false, 'host'),
      () => s.setRule({ pattern: '*.docs.example', enabled: true }),
      () => s.removeRule('example.com'),
      () => s.setGlobalEnabled(false),
      () => s.setSiteMode('opt-in'),
      () => s.setPreferences({ theme: 'light' }),
      () => s.setPrivateSite('news.example', true),
      () => known.setKnown('ferritin', true),
      () => siteSwitch.toggleSite('example.com'),
      () => myTerms.setMyTermsSwitches({ pages: true }),
      () => myTerms.clearMyTerms(),
    ];
    for (const change of changes) {
      await expect(change()).rejects.toMatchObject({
        name: 'SettingsWriteError',
        failure: 'full',
        message:
          "Your change was not saved: the browser's storage for RLS Lens is full. Your settings are as they were.",
      });
    }
    expect(storage.set).toHaveBeenCalledTimes(changes.length);
    expect(await stored()).toEqual(before);
    expect((await s.readSettings()).rules).toEqual(RULES);
  });

  it('refuses an import all or nothing, and saves the next change once there is room', async () => {
    const s = await load(SEED);
    const storage = fullStorage();
    const file = JSON.stringify({
      format: 'rls-lens-settings',
      version: 2,
      globalEnabled: false,
      siteMode: 'opt-in',
      siteRules: [],
      preferences: {},
    });
    await expect(s.importSettings(file)).rejects.toMatchObject({ failure: 'full' });
    expect((await s.readSettings()).rules).toEqual(RULES);
    storage.room();
    await s.setSiteEnabled('news.example', false, 'host');
    expect((await s.readSettings()).rules).toEqual([...RULES, { pattern: 'news.example', enabled: false }]);
  });
});

describe('other refused writes', () => {
  it("name the browser's reason and keep the stored value", async () => {
    const s = await load(SEED);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('IO error: .ldb file missing'));
    await expect(s.setPreferences({ firstOnly: true })).rejects.toMatchObject({
      failure: 'failed',
      message: 'Your change was not saved (IO error: .ldb file missing). Your settings are as they were.',
    });
    expect((await fakeBrowser.storage.local.get('preferences')).preferences).toEqual(PREFERENCES);
  });

  it("take Firefox's QuotaExceededError for a full storage too", async () => {
    const s = await load(SEED);
    const error = Object.assign(new Error('The current transaction exceeded its limit'), {
      name: 'QuotaExceededError',
    });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(error);
    await expect(s.setGlobalEnabled(false)).rejects.toMatchObject({ failure: 'full' });
  });
});
