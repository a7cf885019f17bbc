// One stored setting becomes a valid setting: versions, migrations in memory, and defaults for what cannot be read.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../../settings/schema';
import { fromStored, PREFERENCES, SITE_RULES, type SettingSpec } from '../../../settings/specs';

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('fromStored', () => {
  it('reads a current value as it is, and an old one migrated in memory', () => {
    expect(fromStored(SITE_RULES, [{ pattern: 'a.org', enabled: false }], { v: 2 })).toEqual([
      { pattern: 'a.org', enabled: false },
    ]);
    expect(fromStored(SITE_RULES, { 'A.org': false }, { v: 1 })).toEqual([{ pattern: 'a.org', enabled: false }]);
    // No version stamp: version 1, as @wxt-dev/storage reads it.
    expect(fromStored(SITE_RULES, { 'b.org': true }, null)).toEqual([{ pattern: 'b.org', enabled: true }]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('falls back for a version it does not know, a failed migration, and keeps the valid part of a bad value', () => {
    expect(fromStored(PREFERENCES, { theme: 'dark' }, { v: 7 })).toEqual(DEFAULT_PREFERENCES);
    const failing: SettingSpec<number> = {
      key: 'n',
      version: 2,
      label: 'number',
      migrations: {
        2: () => {
          throw new Error('no');
        },
      },
      read: () => 1,
      fallback: () => 0,
    };
    expect(fromStored(failing, 5, { v: 1 })).toBe(0);
    expect(fromStored(PREFERENCES, { theme: 'dark', hoverDelayMs: -5 }, { v: 1 })).toEqual({
      ...DEFAULT_PREFERENCES,
      theme: 'dark',
    });
    expect(warn).toHaveBeenCalledTimes(3);
  });
});
