// A setting stored by a newer version of RLS Lens (its version stamp above ours; settings/schema.ts): kept byte for
// byte through start-up, reads and every kind of write, read here as its defaults, named for the pages' one line,
// while every other setting reads and writes as usual.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { flush, freshBrowser, load } from './fresh-settings';

const quiet = freshBrowser();

const FUTURE_PREFERENCES = { hoverDelayMs: 100, theme: 'dark', knownTerms: ['iron'], colour: 'mauve' };
const FUTURE_RULES = { rules: [{ pattern: 'example.com', enabled: false, until: '2027-01-01' }] };

const stored = async (...keys: string[]) => fakeBrowser.storage.local.get(keys);

describe('preferences saved by a newer version', () => {
  const seed = {
    preferences: FUTURE_PREFERENCES,
    preferences$: { v: 2 },
    siteRules: [{ pattern: 'example.com', enabled: false }],
    siteRules$: { v: 2 },
  };

  it('are left as they are at start-up (no migration down) and read as the defaults, saying why', async () => {
    const s = await load(seed);
    await flush();
    expect((await s.readSettings()).preferences.theme).toBe('auto');
    expect(quiet.warn).toHaveBeenCalledWith(expect.stringContaining('unknown version (2)'));
    expect(await stored('preferences', 'preferences$')).toEqual({
      preferences: FUTURE_PREFERENCES,
      preferences$: { v: 2 },
    });
  });

  it('are never written over: each change to them is refused in the reader words, and nothing is written', async () => {
    const s = await load(seed);
    const known = await import('../../../settings/known-terms');
    for (const change of [
      () => s.setPreferences({ theme: 'light' }),
      () => s.setPrivateSite('news.example', true),
      () => known.setKnown('ferritin', true),
    ]) {
      await expect(change()).rejects.toMatchObject({
        name: 'SettingsWriteError',
        failure: 'newer',
        message: expect.stringContaining('saved by a newer version of RLS Lens'),
      });
    }
    expect(await stored('preferences', 'preferences$')).toEqual({
      preferences: FUTURE_PREFERENCES,
      preferences$: { v: 2 },
    });
  });

  it('leave the rest working: the site rules and the pause are read and changed as usual', async () => {
    const s = await load(seed);
    await s.setSiteEnabled('news.example', false, 'host');
    await s.setGlobalEnabled(false);
    const all = await s.readSettings();
    expect(all.rules).toEqual([
      { pattern: 'example.com', enabled: false },
      { pattern: 'news.example', enabled: false },
    ]);
    expect(all.globalEnabled).toBe(false);
    expect((await stored('preferences')).preferences).toEqual(FUTURE_PREFERENCES);
  });

  it('are named for the line the popup and the overview show', async () => {
    const s = await load(seed);
    expect(await s.newerSettings()).toEqual(['preferences']);
  });

  it('refuse a whole settings file: an import is all or nothing, and would replace them', async () => {
    const s = await load(seed);
    const file = JSON.stringify({
      format: 'rls-lens-settings',
      version: 2,
      globalEnabled: false,
      siteMode: 'opt-in',
      siteRules: [],
      preferences: { theme: 'light' },
    });
    await expect(s.importSettings(file)).rejects.toMatchObject({ failure: 'newer' });
    expect(await stored('globalEnabled', 'siteRules', 'preferences', 'siteMode')).toEqual({
      siteRules: [{ pattern: 'example.com', enabled: false }],
      preferences: FUTURE_PREFERENCES,
    });
  });
});

describe('site rules saved by a newer version', () => {
  it("are kept through the toolbar's toggle command and the popup's switch, which say they cannot change them", async () => {
    const s = await load({ siteRules: FUTURE_RULES, siteRules$: { v: 3 } });
    const siteSwitch = await import('../../../settings/site-switch');
    await expect(siteSwitch.toggleSite('example.com')).rejects.toMatchObject({ failure: 'newer' });
    await expect(s.setSiteEnabled('example.com', true, 'host')).rejects.toMatchObject({ failure: 'newer' });
    expect(await stored('siteRules', 'siteRules$')).toEqual({ siteRules: FUTURE_RULES, siteRules$: { v: 3 } });
    expect((await s.readSettings()).rules).toEqual([]);
    expect(await s.newerSettings()).toEqual(['siteRules']);
    // The preferences are this version's, and change.
    await s.setPreferences({ theme: 'dark' });
    expect((await s.readSettings()).preferences.theme).toBe('dark');
  });

  it('names nothing when every setting is this version’s or older', async () => {
    const s = await load({
      siteRules: { 'example.com': false },
      preferences: { theme: 'dark' },
      preferences$: { v: 1 },
    });
    expect(await s.newerSettings()).toEqual([]);
  });
});
