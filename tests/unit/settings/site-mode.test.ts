// Opt-in mode ("only the sites I switch on"), the site toggle, the tooltip trigger preference, and how both travel
// through storage and the settings file.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resolveSite, ruleMatters, switchedRules, type SiteRule } from '../../../settings/site-rules';

type Settings = typeof import('../../../settings');
async function load(seed: Record<string, unknown> = {}): Promise<Settings> {
  await fakeBrowser.storage.local.set(seed);
  vi.resetModules();
  return import('../../../settings');
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  fakeBrowser.reset();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('which rule decides, in each mode', () => {
  const rules: SiteRule[] = [
    { pattern: 'off.example', enabled: false },
    { pattern: 'on.example', enabled: true },
    { pattern: '*.wikipedia.org', enabled: true },
    { pattern: 'de.wikipedia.org', enabled: false },
  ];
  it('lights a site without a rule in opt-out mode only', () => {
    expect(resolveSite('new.example', true, rules, 'opt-out')).toEqual({ enabled: true, rule: null });
    expect(resolveSite('new.example', true, rules, 'opt-in')).toEqual({ enabled: false, rule: null });
  });
  it('gives an explicit rule the same meaning in both modes', () => {
    for (const mode of ['opt-out', 'opt-in'] as const) {
      expect(resolveSite('off.example', true, rules, mode), mode).toEqual({ enabled: false, rule: rules[0] });
      expect(resolveSite('on.example', true, rules, mode), mode).toEqual({ enabled: true, rule: rules[1] });
      expect(resolveSite('en.wikipedia.org', true, rules, mode).enabled, mode).toBe(true);
      expect(resolveSite('de.wikipedia.org', true, rules, mode).enabled, mode).toBe(false);
    }
  });
  it('keeps every site dark while paused, in both modes', () => {
    expect(resolveSite('on.example', false, rules, 'opt-in').enabled).toBe(false);
    expect(resolveSite('new.example', false, rules, 'opt-out').enabled).toBe(false);
  });
  it('says which rules make no difference in a mode (and so are only kept for the other)', () => {
    expect(ruleMatters(rules[0]!, rules, 'opt-out')).toBe(true);
    expect(ruleMatters(rules[0]!, rules, 'opt-in')).toBe(false);
    expect(ruleMatters(rules[1]!, rules, 'opt-out')).toBe(false);
    expect(ruleMatters(rules[1]!, rules, 'opt-in')).toBe(true);
    // Judged by the domain's other subdomains: de.wikipedia.org's own rule does not hide the domain rule's effect.
    expect(ruleMatters(rules[2]!, rules, 'opt-in')).toBe(true);
    expect(ruleMatters(rules[3]!, rules, 'opt-in')).toBe(true);
    // A domain rule whose own domain has a host rule still decides every other subdomain.
    const shadowed: SiteRule[] = [
      { pattern: '*.example.net', enabled: false },
      { pattern: 'example.net', enabled: false },
    ];
    expect(ruleMatters(shadowed[0]!, shadowed, 'opt-out')).toBe(true);
    expect(ruleMatters(shadowed[1]!, shadowed, 'opt-out')).toBe(false);
  });
  it('stores a switch only where it differs from what applies without it in this mode', () => {
    expect(switchedRules([], 'a.example', 'a.example', true, 'opt-in')).toEqual([
      { pattern: 'a.example', enabled: true },
    ]);
    expect(switchedRules([{ pattern: 'a.example', enabled: true }], 'a.example', 'a.example', false, 'opt-in')).toEqual(
      [],
    );
    expect(switchedRules([], 'a.example', 'a.example', true, 'opt-out')).toEqual([]);
    // Under a domain switched on, a host switched off needs its own rule in opt-in mode too.
    expect(switchedRules([rules[2]!], 'fr.wikipedia.org', 'fr.wikipedia.org', false, 'opt-in')).toEqual([
      rules[2],
      { pattern: 'fr.wikipedia.org', enabled: false },
    ]);
  });
});

describe('the site mode in storage', () => {
  const V01 = {
    // What 0.1 stored: no site mode at all.
    globalEnabled: true,
    globalEnabled$: { v: 1 },
    siteRules: [
      { pattern: 'example.com', enabled: false },
      { pattern: '*.wikipedia.org', enabled: false },
      { pattern: 'de.wikipedia.org', enabled: true },
    ],
    siteRules$: { v: 2 },
    preferences: { hoverDelayMs: 600, highlightStyle: 'tint', firstOnly: false, theme: 'dark' },
    preferences$: { v: 1 },
  };

  it('reads settings stored by 0.1 as "all sites except…", with every rule and preference kept', async () => {
    const s = await load(V01);
    const all = await s.readSettings();
    expect(all.mode).toBe('opt-out');
    expect([...all.rules].sort((a, b) => a.pattern.localeCompare(b.pattern))).toEqual(
      [...V01.siteRules].sort((a, b) => a.pattern.localeCompare(b.pattern)),
    );
    expect(all.preferences).toEqual({
      ...V01.preferences,
      trigger: 'hover',
      privateReading: false,
      privateSites: [],
      knownTerms: [],
      cardTextSize: 'normal',
      highContrast: false,
    });
    expect(await s.siteSettings('example.com')).toMatchObject({ enabled: false });
    expect(await s.siteSettings('other.org')).toMatchObject({ enabled: true });
    expect(warn).not.toHaveBeenCalled();
  });

  it('falls back to "all sites except…" with a warning for a malformed mode, keeping everything else', async () => {
    const s = await load({ ...V01, siteMode: 'sometimes', siteMode$: { v: 1 } });
    const all = await s.readSettings();
    expect(all.mode).toBe('opt-out');
    expect(all.rules).toHaveLength(3);
    expect(all.preferences.theme).toBe('dark');
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('site mode: expected "opt-out" or "opt-in", got "sometimes"'),
    );
  });

  it('uses the default for a mode saved by a newer version, and leaves it stored for that version', async () => {
    const s = await load({ siteMode: { kind: 'schedule' }, siteMode$: { v: 4 } });
    expect((await s.readSettings()).mode).toBe('opt-out');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('unknown version'));
    expect((await fakeBrowser.storage.local.get('siteMode')).siteMode).toEqual({ kind: 'schedule' });
  });

  it('switches to opt-in and back without changing a single rule', async () => {
    const s = await load(V01);
    const before = (await s.readSettings()).rules;
    await s.setSiteMode('opt-in');
    expect(await s.siteSettings('other.org')).toMatchObject({ enabled: false });
    expect(await s.siteSettings('de.wikipedia.org')).toMatchObject({ enabled: true });
    expect(await s.siteSettings('example.com')).toMatchObject({ enabled: false });
    expect((await s.readSettings()).rules).toEqual(before);
    await s.setSiteMode('opt-out');
    expect((await s.readSettings()).rules).toEqual(before);
    expect(await s.siteSettings('other.org')).toMatchObject({ enabled: true });
    expect((await fakeBrowser.storage.local.get('siteMode$'))['siteMode$']).toEqual({ v: 1 });
  });

  it('refuses a mode that does not exist and changes nothing', async () => {
    const s = await load();
    await s.setSiteMode('opt-in');
    await expect(s.setSiteMode('everywhere' as never)).rejects.toThrow(RangeError);
    expect((await s.readSettings()).mode).toBe('opt-in');
  });

  it('in opt-in mode, a site switched on gets an "on" rule and switching it off again leaves the list as it was', async () => {
    const s = await load();
    await s.setSiteMode('opt-in');
    await s.setSiteEnabled('news.example', true, 'host');
    expect((await s.readSettings()).rules).toEqual([{ pattern: 'news.example', enabled: true }]);
    expect(await s.siteSettings('news.example')).toMatchObject({ enabled: true });
    await s.setSiteEnabled('news.example', false, 'host');
    expect((await s.readSettings()).rules).toEqual([]);
  });

  it('switches an open page live when the mode changes what applies to it; a page its rule decides stays as it was', async () => {
    const s = await load({ siteRules: [{ pattern: 'kept.example', enabled: true }] });
    const seen: string[] = [];
    const controller = new AbortController();
    s.watchSiteSettings('plain.example', (e) => seen.push(`plain ${e.enabled}`), controller.signal);
    s.watchSiteSettings('kept.example', (e) => seen.push(`kept ${e.enabled}`), controller.signal);
    await s.setSiteMode('opt-in');
    await flush();
    // The first report after a change carries the state as it is (a page then changes nothing: same style, same run).
    expect(seen.sort()).toEqual(['kept true', 'plain false']);
    seen.length = 0;
    await s.setSiteMode('opt-out');
    await flush();
    expect(seen).toEqual(['plain true']);
    controller.abort();
  });
});

describe('the toggle-site command', () => {
  it('flips the host’s own switch in the current mode', async () => {
    const s = await load();
    const { toggleSite } = await import('../../../settings/site-switch');
    expect(await toggleSite('News.Example')).toBe(false);
    expect((await s.readSettings()).rules).toEqual([{ pattern: 'news.example', enabled: false }]);
    expect(await toggleSite('news.example')).toBe(true);
    expect((await s.readSettings()).rules).toEqual([]);
    await s.setSiteMode('opt-in');
    expect(await toggleSite('news.example')).toBe(true);
    expect(await s.siteSettings('news.example')).toMatchObject({
      enabled: true,
      rule: { pattern: 'news.example', enabled: true },
    });
  });
});

describe('the tooltip trigger preference', () => {
  it('defaults to hover, accepts the three triggers and refuses others without changing anything', async () => {
    const s = await load();
    expect((await s.readSettings()).preferences.trigger).toBe('hover');
    for (const trigger of ['alt-hover', 'click', 'hover'] as const) {
      await s.setPreferences({ trigger });
      expect((await s.readSettings()).preferences.trigger).toBe(trigger);
    }
    await s.setPreferences({ trigger: 'click', theme: 'dark' });
    await expect(s.setPreferences({ trigger: 'double-click' as never })).rejects.toThrow(/trigger/);
    expect((await s.readSettings()).preferences).toMatchObject({ trigger: 'click', theme: 'dark' });
  });

  it('falls back to hover with a warning for a malformed stored trigger, keeping the other preferences', async () => {
    const s = await load({ preferences: { trigger: 'shake', theme: 'light', hoverDelayMs: 250 } });
    expect((await s.readSettings()).preferences).toMatchObject({ trigger: 'hover', theme: 'light', hoverDelayMs: 250 });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('preferences.trigger: "shake" is not allowed'));
  });
});

describe('the settings file, version 2', () => {
  it('exports the mode and the trigger, and brings them back', async () => {
    const s = await load();
    await s.setSiteMode('opt-in');
    await s.setSiteEnabled('news.example', true, 'host');
    await s.setPreferences({ trigger: 'alt-hover' });
    const file = await s.exportSettings();
    expect(JSON.parse(file)).toMatchObject({ version: 2, siteMode: 'opt-in', preferences: { trigger: 'alt-hover' } });
    const before = await s.readSettings();
    fakeBrowser.reset();
    const fresh = await load();
    await fresh.importSettings(file);
    expect(await fresh.readSettings()).toEqual(before);
  });

  it('reads a version 1 file (0.1) as "all sites except…", whatever mode was set before', async () => {
    const s = await load();
    await s.setSiteMode('opt-in');
    const v1 = {
      format: 'rls-lens-settings',
      version: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      globalEnabled: true,
      siteRules: [{ pattern: 'example.com', enabled: false }],
      preferences: { hoverDelayMs: 400, highlightStyle: 'both', firstOnly: false, theme: 'auto' },
    };
    await s.importSettings(JSON.stringify(v1));
    const all = await s.readSettings();
    expect(all.mode).toBe('opt-out');
    expect(all.rules).toEqual(v1.siteRules);
    expect(all.preferences.trigger).toBe('hover');
  });

  it.each([
    ['no site mode', { siteMode: undefined }, /siteMode is missing/],
    ['a bad site mode', { siteMode: 'most' }, /site mode: expected "opt-out" or "opt-in", got "most"/],
    ['a bad trigger', { preferences: { trigger: 'wink' } }, /preferences\.trigger: "wink" is not allowed/],
    ['version 3', { version: 3 }, /version 3, which this version of RLS Lens cannot read/],
  ])('refuses a version 2 file with %s, changing nothing', async (_name, change, message) => {
    const s = await load();
    await s.setSiteEnabled('example.com', false, 'host');
    const before = await s.readSettings();
    const file = {
      format: 'rls-lens-settings',
      version: 2,
      globalEnabled: true,
      siteMode: 'opt-in',
      siteRules: [],
      preferences: {},
      ...change,
    };
    await expect(s.importSettings(JSON.stringify(file))).rejects.toThrow(message);
    expect(await s.readSettings()).toEqual(before);
  });
});
