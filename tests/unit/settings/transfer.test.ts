// Settings as a file: exported whole, imported whole or refused with a message and nothing changed.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { load, freshBrowser } from './fresh-settings';

const quiet = freshBrowser();

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
        format: 'rls-lens-settings',
        version: 1,
        globalEnabled: true,
        siteRules: [{ pattern: 'https://x', enabled: true }],
        preferences: {},
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
