// What is read back from storage: corrupt values fall back to their defaults alone, and old shapes are migrated.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { load, freshBrowser, flush } from './fresh-settings';

const quiet = freshBrowser();

describe('corrupt stored values', () => {
  it('falls back to the default for a malformed global switch and keeps the rules and preferences', async () => {
    const s = await load({
      globalEnabled: 'yes',
      siteRules: [{ pattern: 'example.com', enabled: false }],
      preferences: { hoverDelayMs: 900, highlightStyle: 'tint', firstOnly: true, theme: 'dark' },
    });
    expect(await s.readSettings()).toEqual({
      globalEnabled: true,
      rules: [{ pattern: 'example.com', enabled: false }],
      preferences: {
        hoverDelayMs: 900,
        highlightStyle: 'tint',
        firstOnly: true,
        theme: 'dark',
        trigger: 'hover',
        privateReading: false,
        privateSites: [],
        knownTerms: [],
        cardTextSize: 'normal',
        highContrast: false,
      },
      mode: 'opt-out',
    });
    expect(quiet.warn).toHaveBeenCalledWith(expect.stringContaining('global switch'));
  });
  it('drops only the malformed rules and keeps the valid ones', async () => {
    const s = await load({
      globalEnabled: false,
      siteRules: [
        { pattern: 'example.com', enabled: false },
        { pattern: 'not a host!', enabled: true },
        42,
        { pattern: 'x.org' },
      ],
    });
    const all = await s.readSettings();
    expect(all.rules).toEqual([{ pattern: 'example.com', enabled: false }]);
    expect(all.globalEnabled).toBe(false);
    expect(quiet.warn).toHaveBeenCalled();
  });
  it('falls back to no rules when the rules are not a list, keeping the preferences', async () => {
    const s = await load({ siteRules: 'example.com', preferences: { theme: 'light' } });
    const all = await s.readSettings();
    expect(all.rules).toEqual([]);
    expect(all.preferences.theme).toBe('light');
  });
  it('replaces each malformed preference with its default and keeps the valid ones', async () => {
    const s = await load({
      preferences: { hoverDelayMs: -3, highlightStyle: 'blink', firstOnly: true, theme: 'dark' },
    });
    expect((await s.readSettings()).preferences).toEqual({
      hoverDelayMs: 400,
      highlightStyle: 'both',
      firstOnly: true,
      theme: 'dark',
      trigger: 'hover',
      privateReading: false,
      privateSites: [],
      knownTerms: [],
      cardTextSize: 'normal',
      highContrast: false,
    });
    expect(quiet.warn).toHaveBeenCalledWith(expect.stringMatching(/hoverDelayMs[\s\S]*highlightStyle/));
  });
  it('uses defaults for a setting saved by a newer version and leaves the stored value for it', async () => {
    const future = { hoverDelayMs: 100, theme: 'dark', colour: 'mauve' };
    const s = await load({
      preferences: future,
      preferences$: { v: 7 },
      siteRules: [{ pattern: 'example.com', enabled: false }],
      siteRules$: { v: 2 },
    });
    const all = await s.readSettings();
    expect(all.preferences).toEqual({
      hoverDelayMs: 400,
      highlightStyle: 'both',
      firstOnly: false,
      theme: 'auto',
      trigger: 'hover',
      privateReading: false,
      privateSites: [],
      knownTerms: [],
      cardTextSize: 'normal',
      highContrast: false,
    });
    expect(all.rules).toEqual([{ pattern: 'example.com', enabled: false }]);
    expect(quiet.warn).toHaveBeenCalledWith(expect.stringContaining('unknown version'));
    expect((await fakeBrowser.storage.local.get('preferences')).preferences).toEqual(future);
  });
});

describe('migration', () => {
  it('turns version 1 site rules (a host → enabled map) into a list of rules', async () => {
    const s = await load({ siteRules: { 'Example.com': false, 'docs.example.com': true } });
    expect((await s.readSettings()).rules).toEqual([
      { pattern: 'docs.example.com', enabled: true },
      { pattern: 'example.com', enabled: false },
    ]);
    await flush();
    const stored = await fakeBrowser.storage.local.get(['siteRules', 'siteRules$']);
    expect(stored.siteRules$).toEqual({ v: 2 });
    expect(stored.siteRules).toEqual([
      { pattern: 'example.com', enabled: false },
      { pattern: 'docs.example.com', enabled: true },
    ]);
    expect(quiet.warn).not.toHaveBeenCalled();
  });
});
