import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// The settings module defines its storage items (and runs their migrations) when it is imported, as it does when
// the extension starts. Each test seeds storage first and then imports a fresh copy.
type Settings = typeof import('../../settings');
async function load(seed: Record<string, unknown> = {}): Promise<Settings> {
  await fakeBrowser.storage.local.set(seed);
  vi.resetModules();
  return import('../../settings');
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  fakeBrowser.reset();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('defaults', () => {
  it('highlights everywhere with the default preferences when nothing is stored', async () => {
    const s = await load();
    expect(await s.siteSettings('en.wikipedia.org')).toEqual({
      enabled: true,
      globalEnabled: true,
      rule: null,
      preferences: { hoverDelayMs: 400, highlightStyle: 'both', firstOnly: false, theme: 'auto', trigger: 'hover' },
    });
    expect((await s.readSettings()).mode).toBe('opt-out');
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('rule precedence', () => {
  const rules = [
    { pattern: '*.wikipedia.org', enabled: false },
    { pattern: 'de.wikipedia.org', enabled: true },
    { pattern: '*.en.wikipedia.org', enabled: true },
  ];
  it('lets a host rule win over its domain rule', async () => {
    const { resolveSite } = await load();
    expect(resolveSite('de.wikipedia.org', true, rules, 'opt-out')).toEqual({ enabled: true, rule: rules[1] });
  });
  it('applies a domain rule to the domain itself and to every subdomain', async () => {
    const { resolveSite } = await load();
    expect(resolveSite('wikipedia.org', true, rules, 'opt-out')).toEqual({ enabled: false, rule: rules[0] });
    expect(resolveSite('fr.m.wikipedia.org', true, rules, 'opt-out')).toEqual({ enabled: false, rule: rules[0] });
  });
  it('lets a narrower domain rule win over a wider one', async () => {
    const { resolveSite } = await load();
    expect(resolveSite('m.en.wikipedia.org', true, rules, 'opt-out').rule).toEqual(rules[2]);
  });
  it('does not apply a domain rule to a host that merely ends with the same letters', async () => {
    const { resolveSite } = await load();
    expect(resolveSite('notwikipedia.org', true, rules, 'opt-out')).toEqual({ enabled: true, rule: null });
  });
  it('switches every site off while the global switch is off, keeping the rule that would apply', async () => {
    const { resolveSite } = await load();
    expect(resolveSite('de.wikipedia.org', false, rules, 'opt-out')).toEqual({ enabled: false, rule: rules[1] });
    expect(resolveSite('example.com', false, rules, 'opt-out')).toEqual({ enabled: false, rule: null });
  });
  it('matches hosts regardless of case and a trailing dot', async () => {
    const { resolveSite } = await load();
    expect(resolveSite('DE.Wikipedia.org.', true, rules, 'opt-out').rule).toEqual(rules[1]);
  });
});

describe('switching a site', () => {
  it('stores a host rule that applies to that host only', async () => {
    const s = await load();
    await s.setSiteEnabled('127.0.0.1', false, 'host');
    expect(await s.siteSettings('127.0.0.1')).toMatchObject({ enabled: false, rule: { pattern: '127.0.0.1', enabled: false } });
    expect(await s.siteSettings('localhost')).toMatchObject({ enabled: true, rule: null });
  });
  it('a domain rule set from a host replaces that host\'s own rule', async () => {
    const s = await load();
    await s.setSiteEnabled('en.wikipedia.org', false, 'host');
    await s.setSiteEnabled('en.wikipedia.org', false, 'domain');
    expect((await s.readSettings()).rules).toEqual([{ pattern: '*.wikipedia.org', enabled: false }]);
    expect(await s.siteSettings('de.wikipedia.org')).toMatchObject({ enabled: false, rule: { pattern: '*.wikipedia.org' } });
  });
  it('keeps the domain of country-code second-level names', async () => {
    const s = await load();
    expect(s.patternFor('news.bbc.co.uk', 'domain')).toBe('*.bbc.co.uk');
    expect(s.patternFor('localhost', 'domain')).toBe('localhost');
    expect(s.patternFor('10.0.0.1', 'domain')).toBe('10.0.0.1');
  });
  it('leaves no rule behind when a site is switched off and on again', async () => {
    const s = await load();
    await s.setSiteEnabled('example.com', false, 'host');
    await s.setSiteEnabled('example.com', true, 'host');
    expect((await s.readSettings()).rules).toEqual([]);
  });
  it('keeps a host rule that overrides its domain rule', async () => {
    const s = await load();
    await s.setSiteEnabled('en.wikipedia.org', false, 'domain');
    await s.setSiteEnabled('de.wikipedia.org', true, 'host');
    expect(await s.siteSettings('de.wikipedia.org')).toMatchObject({ enabled: true, rule: { pattern: 'de.wikipedia.org', enabled: true } });
    expect(await s.siteSettings('fr.wikipedia.org')).toMatchObject({ enabled: false });
  });
  it('removes a rule so the host follows the global switch again', async () => {
    const s = await load();
    await s.setSiteEnabled('example.com', false, 'host');
    await s.removeRule('example.com');
    expect(await s.siteSettings('example.com')).toMatchObject({ enabled: true, rule: null });
  });
  it('does not lose either of two changes made at once', async () => {
    const s = await load();
    await Promise.all([s.setSiteEnabled('a.example', false, 'host'), s.setSiteEnabled('b.example', false, 'host')]);
    expect((await s.readSettings()).rules.map((r) => r.pattern)).toEqual(['a.example', 'b.example']);
  });
  it('rejects a preference outside its range and changes nothing', async () => {
    const s = await load();
    await s.setPreferences({ theme: 'dark' });
    await expect(s.setPreferences({ hoverDelayMs: 5000 })).rejects.toThrow(/hoverDelayMs/);
    expect((await s.readSettings()).preferences).toMatchObject({ hoverDelayMs: 400, theme: 'dark' });
  });
});

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
      preferences: { hoverDelayMs: 900, highlightStyle: 'tint', firstOnly: true, theme: 'dark', trigger: 'hover' },
      mode: 'opt-out',
    });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('global switch'));
  });
  it('drops only the malformed rules and keeps the valid ones', async () => {
    const s = await load({
      globalEnabled: false,
      siteRules: [{ pattern: 'example.com', enabled: false }, { pattern: 'not a host!', enabled: true }, 42, { pattern: 'x.org' }],
    });
    const all = await s.readSettings();
    expect(all.rules).toEqual([{ pattern: 'example.com', enabled: false }]);
    expect(all.globalEnabled).toBe(false);
    expect(warn).toHaveBeenCalled();
  });
  it('falls back to no rules when the rules are not a list, keeping the preferences', async () => {
    const s = await load({ siteRules: 'example.com', preferences: { theme: 'light' } });
    const all = await s.readSettings();
    expect(all.rules).toEqual([]);
    expect(all.preferences.theme).toBe('light');
  });
  it('replaces each malformed preference with its default and keeps the valid ones', async () => {
    const s = await load({ preferences: { hoverDelayMs: -3, highlightStyle: 'blink', firstOnly: true, theme: 'dark' } });
    expect((await s.readSettings()).preferences).toEqual({ hoverDelayMs: 400, highlightStyle: 'both', firstOnly: true, theme: 'dark', trigger: 'hover' });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/hoverDelayMs[\s\S]*highlightStyle/));
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
    expect(all.preferences).toEqual({ hoverDelayMs: 400, highlightStyle: 'both', firstOnly: false, theme: 'auto', trigger: 'hover' });
    expect(all.rules).toEqual([{ pattern: 'example.com', enabled: false }]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('unknown version'));
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
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('watching a site', () => {
  it('reports a change of the rule that applies to the host, and not changes for other sites', async () => {
    const s = await load();
    const seen: string[] = [];
    const controller = new AbortController();
    s.watchSiteSettings(
      '127.0.0.1',
      (settings) => seen.push(`${settings.enabled} global=${settings.globalEnabled} rule=${settings.rule?.enabled ?? '-'}`),
      controller.signal,
    );
    await s.setSiteEnabled('localhost', false, 'host');
    await flush();
    expect(seen).toEqual([]);
    await s.setSiteEnabled('127.0.0.1', false, 'host');
    await flush();
    await s.setGlobalEnabled(false);
    await flush();
    await s.setSiteEnabled('127.0.0.1', true, 'host');
    await flush();
    await s.setGlobalEnabled(true);
    await flush();
    expect(seen).toEqual([
      'false global=true rule=false',
      'false global=false rule=false',
      'false global=false rule=-',
      'true global=true rule=-',
    ]);
    controller.abort();
    await s.setSiteEnabled('127.0.0.1', false, 'host');
    await flush();
    expect(seen).toHaveLength(4);
  });
  it('reports preference changes', async () => {
    const s = await load();
    const seen: string[] = [];
    s.watchSiteSettings('example.com', (settings) => seen.push(settings.preferences.highlightStyle), new AbortController().signal);
    await s.setPreferences({ highlightStyle: 'underline' });
    await flush();
    expect(seen).toEqual(['underline']);
  });
});

describe('export and import', () => {
  it('brings back exactly what was exported', async () => {
    const s = await load();
    await s.setGlobalEnabled(false);
    await s.setSiteEnabled('en.wikipedia.org', false, 'domain');
    await s.setSiteEnabled('de.wikipedia.org', true, 'host');
    await s.setSiteEnabled('127.0.0.1', false, 'host');
    await s.setPreferences({ hoverDelayMs: 250, highlightStyle: 'tint', firstOnly: true, theme: 'dark' });
    const before = await s.readSettings();
    expect(before.rules).toHaveLength(3);
    const file = await s.exportSettings();
    fakeBrowser.reset();
    const fresh = await load();
    expect((await fresh.readSettings()).globalEnabled).toBe(true);
    await fresh.importSettings(file);
    expect(await fresh.readSettings()).toEqual(before);
  });
  it.each([
    ['not JSON', '{"format":', /not valid JSON/],
    ['another file', JSON.stringify({ name: 'package' }), /not an RLS Lens settings file/],
    ['a newer file version', JSON.stringify({ format: 'rls-lens-settings', version: 9 }), /version 9/],
    [
      'a bad rule',
      JSON.stringify({
        format: 'rls-lens-settings', version: 1, globalEnabled: true,
        siteRules: [{ pattern: 'https://x', enabled: true }], preferences: {},
      }),
      /site rule 1/,
    ],
    [
      'a missing field',
      JSON.stringify({ format: 'rls-lens-settings', version: 1, globalEnabled: false, preferences: {} }),
      /siteRules is missing/,
    ],
  ])('refuses %s with a clear error and changes nothing', async (_name, file, message) => {
    const s = await load();
    await s.setSiteEnabled('example.com', false, 'host');
    await s.setPreferences({ theme: 'light' });
    const before = await s.readSettings();
    await expect(s.importSettings(file)).rejects.toThrow(message);
    await expect(s.importSettings(file)).rejects.toBeInstanceOf(s.SettingsImportError);
    expect(await s.readSettings()).toEqual(before);
  });
});

describe('patterns typed by a person', () => {
  it('accepts hosts, *.domains and pasted addresses, and nothing else', async () => {
    const { parsePatternInput } = await load();
    expect(parsePatternInput(' Example.COM ')).toBe('example.com');
    expect(parsePatternInput('*.wikipedia.org')).toBe('*.wikipedia.org');
    expect(parsePatternInput('https://en.wikipedia.org/wiki/Iron')).toBe('en.wikipedia.org');
    expect(parsePatternInput('localhost:8080')).toBe('localhost');
    expect(parsePatternInput('not a host')).toBeNull();
    expect(parsePatternInput('')).toBeNull();
    expect(parsePatternInput('*.127.0.0.1')).toBeNull();
  });
});
