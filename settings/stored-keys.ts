// Where each setting lives in storage.local and which version of its shape it is: the settings module defines its
// items from these (settings/items.ts), and tools that seed a browser's settings (the E2E tests) write the same
// keys, so the two cannot drift apart. The `$` entry beside each key is @wxt-dev/storage's metadata record.
import type { Preferences } from './schema';
import type { SiteRule } from './site-rules';

export const STORED = {
  globalEnabled: { key: 'globalEnabled', version: 1 },
  siteRules: { key: 'siteRules', version: 2 },
  preferences: { key: 'preferences', version: 1 },
} as const;

export interface StoredSettings {
  globalEnabled: boolean;
  siteRules: SiteRule[];
  preferences: Preferences;
}

/** The raw storage.local entries holding these settings, each with its version, as the settings module writes them. */
export function storedEntries(settings: Partial<StoredSettings>): Record<string, unknown> {
  const entries: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(settings) as [keyof StoredSettings, unknown][]) {
    const { key, version } = STORED[name];
    entries[key] = value;
    entries[`${key}$`] = { v: version };
  }
  return entries;
}
