// A frame's settings: one storage call per read, one listener, the same validation as the settings module.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFrameSettings, settingsFrom, watchFrameSettings } from '../../../settings/frame-settings';
import { DEFAULT_PREFERENCES } from '../../../settings/schema';
import { storedEntries } from '../../../settings/stored-keys';

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  fakeBrowser.reset();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());
const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('readFrameSettings', () => {
  it('reads all four settings and their versions in one storage call', async () => {
    await fakeBrowser.storage.local.set(
      storedEntries({
        globalEnabled: true,
        siteRules: [{ pattern: '*.example.com', enabled: false }],
        preferences: { ...DEFAULT_PREFERENCES, theme: 'dark' },
      }),
    );
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const settings = await readFrameSettings('news.example.com');
    expect(get).toHaveBeenCalledTimes(1);
    expect(settings).toEqual({
      enabled: false,
      globalEnabled: true,
      rule: { pattern: '*.example.com', enabled: false },
      preferences: { ...DEFAULT_PREFERENCES, theme: 'dark' },
    });
    expect((await readFrameSettings('other.org')).enabled).toBe(true);
    // Opt-in: a site without a rule is dark, a site switched on is lit.
    await fakeBrowser.storage.local.set(
      storedEntries({ siteMode: 'opt-in', siteRules: [{ pattern: 'lit.org', enabled: true }] }),
    );
    expect((await readFrameSettings('other.org')).enabled).toBe(false);
    expect((await readFrameSettings('lit.org')).enabled).toBe(true);
  });

  it('falls back per setting: a bad value, a newer version, and migrates an old one in memory', () => {
    const all = settingsFrom({
      globalEnabled: 'yes',
      preferences: { hoverDelayMs: 250, theme: 'purple' },
      preferences$: { v: 1 },
      siteRules: { 'Example.com': false },
      siteRules$: { v: 1 },
    });
    expect(all.globalEnabled).toBe(true);
    expect(all.preferences).toEqual({ ...DEFAULT_PREFERENCES, hoverDelayMs: 250 });
    expect(all.rules).toEqual([{ pattern: 'example.com', enabled: false }]);
    expect(warn).toHaveBeenCalled();
    expect(settingsFrom({ preferences: { theme: 'dark' }, preferences$: { v: 99 } }).preferences).toEqual(
      DEFAULT_PREFERENCES,
    );
  });
});

describe('watchFrameSettings', () => {
  it('listens once and delivers only changes that alter this host', async () => {
    const add = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
    const controller = new AbortController();
    const seen: string[] = [];
    watchFrameSettings(
      'news.example.com',
      (s) => seen.push(`${s.enabled} ${s.globalEnabled} ${s.preferences.theme}`),
      controller.signal,
    );
    expect(add).toHaveBeenCalledTimes(1);
    await fakeBrowser.storage.local.set(storedEntries({ siteRules: [{ pattern: 'other.org', enabled: false }] }));
    await flush();
    expect(seen).toEqual([]);
    await fakeBrowser.storage.local.set(
      storedEntries({ siteRules: [{ pattern: 'news.example.com', enabled: false }] }),
    );
    await flush();
    expect(seen).toEqual(['false true auto']);
    await fakeBrowser.storage.local.set({ globalEnabled: false });
    await fakeBrowser.storage.local.set(storedEntries({ preferences: { ...DEFAULT_PREFERENCES, theme: 'dark' } }));
    await flush();
    expect(seen).toEqual(['false true auto', 'false false auto', 'false false dark']);
    // Written again with the same value: nothing new to deliver.
    await fakeBrowser.storage.local.set({ preferences: { ...DEFAULT_PREFERENCES, theme: 'dark', unknown: 1 } });
    await flush();
    expect(seen).toHaveLength(3);
    controller.abort();
    await fakeBrowser.storage.local.set({ siteRules: [], globalEnabled: true });
    await flush();
    expect(seen).toHaveLength(3);
  });
});
