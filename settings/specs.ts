// What each stored setting is: its storage key and version, how it migrates, how it is checked, what it falls back
// to, and how one stored value (with its version stamp) becomes a valid setting. Pure: the settings module defines
// its @wxt-dev/storage items from these (settings/items.ts), and a frame's content script reads raw storage with them
// (settings/frame-settings.ts) without defining items, whose migrations would read storage in every frame.
import {
  DEFAULT_GLOBAL_ENABLED,
  DEFAULT_PREFERENCES,
  DEFAULT_SITE_MODE,
  readGlobalEnabled,
  readPreferences,
  readRules,
  readSiteMode,
  rulesFromV1,
  type Preferences,
  type Problems,
  type SiteMode,
} from './schema';
import type { SiteRule } from './site-rules';
import { STORED } from './stored-keys';

export interface SettingSpec<T> {
  /** The storage.local key; `${key}$` holds @wxt-dev/storage's version stamp. */
  key: string;
  version: number;
  /** Human words for warnings. */
  label: string;
  migrations: Record<number, (old: unknown) => unknown>;
  read: (value: unknown, problems: Problems) => T;
  fallback: () => T;
}

export const GLOBAL_ENABLED: SettingSpec<boolean> = {
  ...STORED.globalEnabled,
  label: 'global switch',
  migrations: {},
  read: readGlobalEnabled,
  fallback: () => DEFAULT_GLOBAL_ENABLED,
};

export const SITE_RULES: SettingSpec<SiteRule[]> = {
  ...STORED.siteRules,
  label: 'site rules',
  migrations: { 2: rulesFromV1 },
  read: readRules,
  fallback: () => [],
};

export const PREFERENCES: SettingSpec<Preferences> = {
  ...STORED.preferences,
  label: 'preferences',
  migrations: {},
  read: readPreferences,
  fallback: () => ({ ...DEFAULT_PREFERENCES }),
};

export const SITE_MODE: SettingSpec<SiteMode> = {
  ...STORED.siteMode,
  label: 'site mode',
  migrations: {},
  read: readSiteMode,
  fallback: () => DEFAULT_SITE_MODE,
};

/**
 * One setting from its stored value and version stamp, validated. WXT migrates stored values when the extension
 * starts; if that failed (or is still behind), the missing steps run here on the copy in memory, so older data still
 * reads correctly. Data written by a newer version of the extension is not understood: the setting's default is used
 * and the stored value is left alone for that version to read.
 */
export function fromStored<T>(spec: SettingSpec<T>, stored: unknown, meta: unknown): T {
  const version = (meta as { v?: unknown } | null | undefined)?.v ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > spec.version) {
    console.warn(
      `RLS Lens: the ${spec.label} were saved by an unknown version (${String(version)}); using the defaults for them.`,
    );
    return spec.fallback();
  }
  let value = stored;
  try {
    for (let v = version + 1; v <= spec.version && value != null; v++) value = spec.migrations[v]?.(value) ?? value;
  } catch (error) {
    console.warn(`RLS Lens: could not migrate the ${spec.label}; using the defaults for them.`, error);
    return spec.fallback();
  }
  const problems: Problems = [];
  const result = spec.read(value, problems);
  if (problems.length > 0) console.warn(`RLS Lens: ignored invalid stored settings:\n- ${problems.join('\n- ')}`);
  return result;
}
