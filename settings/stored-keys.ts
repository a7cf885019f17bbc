// Where each setting lives in storage.local and which version of its shape it is: the settings module defines its
// items from these (settings/items.ts), and tools that seed a browser's settings (the E2E tests) write the same
// keys, so the two cannot drift apart. The `$` entry beside each key is @wxt-dev/storage's metadata record.
import type { Preferences, SiteMode } from './schema';
import type { SiteRule } from './site-rules';
import type { MyTerms } from './my-terms-data';

export const STORED = {
  globalEnabled: { key: 'globalEnabled', version: 1 },
  siteRules: { key: 'siteRules', version: 2 },
  preferences: { key: 'preferences', version: 1 },
  // Added in 0.2 (opt-in mode). Missing, as in storage written by 0.1, it reads as the default `opt-out`, which is
  // what 0.1 did: the site rules need no migration to keep their meaning.
  siteMode: { key: 'siteMode', version: 1 },
  // My terms (issue 19): the reader's own list of look-ups, not a setting of the settings file (settings/my-terms.ts).
  myTerms: { key: 'myTerms', version: 1 },
} as const;

export interface StoredSettings {
  globalEnabled: boolean;
  siteRules: SiteRule[];
  preferences: Preferences;
  siteMode: SiteMode;
  /** Not a setting (the settings file leaves it out), stored the same way. */
  myTerms?: MyTerms;
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
