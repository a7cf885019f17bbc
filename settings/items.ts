// The stored settings: four @wxt-dev/storage items, each versioned on its own so one can change shape (and be
// migrated, or fall back to defaults) without touching the others.
//
// `local`, not `sync`: sync storage has an 8 KB per-item quota and a write rate limit, and a rejected write is a
// lost setting. People move settings between browsers with the overview page's export and import.
import { storage } from '@wxt-dev/storage';
import { fromStored, GLOBAL_ENABLED, PREFERENCES, SITE_MODE, SITE_RULES, type SettingSpec } from './specs';
import { newerVersionError, storageWriteError } from './write-errors';

/** A stored setting's @wxt-dev/storage item (also My terms': settings/my-terms.ts). */
export function defineSetting<T>(spec: SettingSpec<T>) {
  const key = `local:${spec.key}` as const;
  // Values are typed `unknown` on purpose: what comes back from storage is checked by `spec.read`, never trusted.
  const item = storage.defineItem<unknown>(key, { version: spec.version, migrations: spec.migrations });
  return { ...spec, item, key, metaKey: `${key}$` as const };
}

export const globalEnabledSetting = defineSetting(GLOBAL_ENABLED);
export const siteRulesSetting = defineSetting(SITE_RULES);
export const preferencesSetting = defineSetting(PREFERENCES);
export const siteModeSetting = defineSetting(SITE_MODE);

export type Setting<T> = ReturnType<typeof defineSetting<T>>;

/** One setting, validated (settings/specs.ts fromStored: migrations in memory, defaults for unknown versions). */
export async function readSetting<T>(setting: Setting<T>): Promise<T> {
  const [stored, meta] = await Promise.all([setting.item.getValue(), setting.item.getMeta()]);
  return fromStored(setting, stored, meta);
}

/** Checks a value without warning: used to decide whether a storage change matters. */
export function quietRead<T>(setting: Setting<T>, value: unknown): T {
  return setting.read(value, []);
}

export interface SettingWrite {
  setting: Setting<any>;
  value: unknown;
}

/** Whether a stored version stamp is a newer version's than `setting`'s (settings/schema.ts: never written over). */
const isNewer = (setting: Setting<unknown>, meta: unknown): boolean => {
  const v = (meta as { v?: unknown } | null | undefined)?.v;
  return typeof v === 'number' && v > setting.version;
};

/**
 * Writes settings in one storage call, so a page never sees half of an import, each with its version stamped
 * beside it. Waits for start-up migrations first: a migration finishing late would otherwise overwrite the write.
 * Writes nothing, and throws a SettingsWriteError, when any of them is stored by a newer version ('newer') or the
 * browser refuses the write ('full' for its quota, 'failed' otherwise): the stored settings stay as they were.
 * Callers that read before they write run under `serialized` (settings/write-lock.ts).
 */
export async function writeSettings(writes: SettingWrite[]): Promise<void> {
  const metas = await Promise.all(writes.map((w) => w.setting.item.getMeta()));
  if (writes.some((w, i) => isNewer(w.setting, metas[i]))) throw newerVersionError();
  try {
    await storage.setItems(
      writes.flatMap((w) => [
        { key: w.setting.key, value: w.value },
        { key: w.setting.metaKey, value: { v: w.setting.version } },
      ]),
    );
  } catch (error) {
    throw storageWriteError(error);
  }
}
