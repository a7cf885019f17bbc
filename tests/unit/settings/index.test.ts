// The settings as the popup and the overview page use them: defaults, switching a site, and watching a site's
// effective settings.
import { describe, expect, it } from 'vitest';
import { load, freshBrowser, flush } from './fresh-settings';

const quiet = freshBrowser();

describe('defaults', () => {
  it('highlights everywhere with the default preferences when nothing is stored', async () => {
    const s = await load();
    expect(await s.siteSettings('en.wikipedia.org')).toEqual({
      enabled: true,
      globalEnabled: true,
      rule: null,
      preferences: {
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
      },
    });
    expect((await s.readSettings()).mode).toBe('opt-out');
    expect(quiet.warn).not.toHaveBeenCalled();
  });
});

describe('switching a site', () => {
  it('stores a host rule that applies to that host only', async () => {
    const s = await load();
    await s.setSiteEnabled('127.0.0.1', false, 'host');
    expect(await s.siteSettings('127.0.0.1')).toMatchObject({
      enabled: false,
      rule: { pattern: '127.0.0.1', enabled: false },
    });
    expect(await s.siteSettings('localhost')).toMatchObject({ enabled: true, rule: null });
  });
  it("a domain rule set from a host replaces that host's own rule", async () => {
    const s = await load();
    await s.setSiteEnabled('en.wikipedia.org', false, 'host');
    await s.setSiteEnabled('en.wikipedia.org', false, 'domain');
    expect((await s.readSettings()).rules).toEqual([{ pattern: '*.wikipedia.org', enabled: false }]);
    expect(await s.siteSettings('de.wikipedia.org')).toMatchObject({
      enabled: false,
      rule: { pattern: '*.wikipedia.org' },
    });
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
    expect(await s.siteSettings('de.wikipedia.org')).toMatchObject({
      enabled: true,
      rule: { pattern: 'de.wikipedia.org', enabled: true },
    });
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

describe('watching a site', () => {
  it('reports a change of the rule that applies to the host, and not changes for other sites', async () => {
    const s = await load();
    const seen: string[] = [];
    const controller = new AbortController();
    s.watchSiteSettings(
      '127.0.0.1',
      (settings) =>
        seen.push(`${settings.enabled} global=${settings.globalEnabled} rule=${settings.rule?.enabled ?? '-'}`),
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
    s.watchSiteSettings(
      'example.com',
      (settings) => seen.push(settings.preferences.highlightStyle),
      new AbortController().signal,
    );
    await s.setPreferences({ highlightStyle: 'underline' });
    await flush();
    expect(seen).toEqual(['underline']);
  });
});
