// The stored settings: four @wxt-dev/storage items, each versioned on its own so one can change shape (and be
// migrated, or fall back to defaults) without touching the others.
//
// `local`, not `sync`: sync storage has an 8 KB per-item quota and a write rate limit, and a rejected write is a
// lost setting. People move settings between browsers with the overview page's export and import.
import { storage } from '@wxt-dev/storage';
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

type Migrations = Record<number, (old: unknown) => unknown>;

interface ItemSpec<T> {
  /** Human words for warnings. */
  label: string;
  version: number;
  migrations: Migrations;
  read: (value: unknown, problems: Problems) => T;
  fallback: () => T;
}

function defineSetting<T>(key: `local:${string}`, spec: ItemSpec<T>) {
  // Values are typed `unknown` on purpose: what comes back from storage is checked by `spec.read`, never trusted.
  const item = storage.defineItem<unknown>(key, { version: spec.version, migrations: spec.migrations });
  return { ...spec, item, key, metaKey: `${key}$` as const };
}

export const globalEnabledSetting = defineSetting<boolean>(`local:${STORED.globalEnabled.key}`, {
  label: 'global switch',
  version: STORED.globalEnabled.version,
  migrations: {},
  read: readGlobalEnabled,
  fallback: () => DEFAULT_GLOBAL_ENABLED,
});

export const siteRulesSetting = defineSetting<SiteRule[]>(`local:${STORED.siteRules.key}`, {
  label: 'site rules',
  version: STORED.siteRules.version,
  migrations: { 2: rulesFromV1 },
  read: readRules,
  fallback: () => [],
});

export const preferencesSetting = defineSetting<Preferences>(`local:${STORED.preferences.key}`, {
  label: 'preferences',
  version: STORED.preferences.version,
  migrations: {},
  read: readPreferences,
  fallback: () => ({ ...DEFAULT_PREFERENCES }),
});

export const siteModeSetting = defineSetting<SiteMode>(`local:${STORED.siteMode.key}`, {
  label: 'site mode',
  version: STORED.siteMode.version,
  migrations: {},
  read: readSiteMode,
  fallback: () => DEFAULT_SITE_MODE,
});

export type Setting<T> = ReturnType<typeof defineSetting<T>>;

/**
 * One setting, validated. WXT migrates stored values when the extension starts; if that failed (or is still
 * behind), the missing steps run here on the copy in memory, so older data still reads correctly. Data written by a
 * newer version of the extension is not understood: the setting's default is used and the stored value is left
 * alone for that version to read.
 */
export async function readSetting<T>(setting: Setting<T>): Promise<T> {
  const [stored, meta] = await Promise.all([setting.item.getValue(), setting.item.getMeta()]);
  const version = (meta as { v?: unknown }).v ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > setting.version) {
    console.warn(`RLS Lens: the ${setting.label} were saved by an unknown version (${String(version)}); using the defaults for them.`);
    return setting.fallback();
  }
  let value: unknown = stored;
  try {
    for (let v = version + 1; v <= setting.version && value != null; v++) value = setting.migrations[v]?.(value) ?? value;
  } catch (error) {
    console.warn(`RLS Lens: could not migrate the ${setting.label}; using the defaults for them.`, error);
    return setting.fallback();
  }
  const problems: Problems = [];
  const result = setting.read(value, problems);
  if (problems.length > 0) console.warn(`RLS Lens: ignored invalid stored settings:\n- ${problems.join('\n- ')}`);
  return result;
}

/** Checks a value without warning: used to decide whether a storage change matters. */
export function quietRead<T>(setting: Setting<T>, value: unknown): T {
  return setting.read(value, []);
}

export interface SettingWrite {
  setting: Setting<any>;
  value: unknown;
}

/**
 * Writes settings in one storage call, so a page never sees half of an import, each with its version stamped
 * beside it. Waits for start-up migrations first: a migration finishing late would otherwise overwrite the write.
 */
export async function writeSettings(writes: SettingWrite[]): Promise<void> {
  await Promise.all(writes.map((w) => w.setting.item.getMeta()));
  await storage.setItems(
    writes.flatMap((w) => [
      { key: w.setting.key, value: w.value },
      { key: w.setting.metaKey, value: { v: w.setting.version } },
    ]),
  );
}

let queue: Promise<unknown> = Promise.resolve();
/** Read-modify-write steps run one after another, so two quick clicks never lose one of their changes. */
export function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}
