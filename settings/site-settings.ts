// What a page's content script needs of the settings, and nothing more: its host's effective settings, read and
// watched. Kept apart from settings/index.ts (which re-exports all of it) so the content script's bundle never
// carries what only the extension's pages need, such as the Public Suffix List behind the site list.
import {
  globalEnabledSetting,
  preferencesSetting,
  quietRead,
  readSetting,
  siteModeSetting,
  siteRulesSetting,
} from './items';
import { readPreferences, type Preferences, type SiteMode } from './schema';
import { refresher } from './refresh';
import { preferencesOn } from './private-reading';
import { normalizeHost, resolveSite, type SiteRule } from './site-rules';

export interface EffectiveSettings {
  /** Highlight on this host: the global switch is on and the rule that applies (if any) allows it. */
  enabled: boolean;
  globalEnabled: boolean;
  /** The rule that decided, or null when the host follows the global switch. */
  rule: SiteRule | null;
  /** The preferences as they apply on this host: `privateReading` is true where the host is read privately. */
  preferences: Preferences;
}

export interface AllSettings {
  globalEnabled: boolean;
  rules: SiteRule[];
  preferences: Preferences;
  /** Which sites a site without a rule follows: all of them (`opt-out`), or none (`opt-in`). */
  mode: SiteMode;
}

// Unsorted: the content script resolves its host with this, and the order of rules does not change which applies.
// Sorting needs the Public Suffix List, which must stay out of the content script.
export async function readStored(): Promise<AllSettings> {
  const [globalEnabled, rules, preferences, mode] = await Promise.all([
    readSetting(globalEnabledSetting),
    readSetting(siteRulesSetting),
    readSetting(preferencesSetting),
    readSetting(siteModeSetting),
  ]);
  return { globalEnabled, rules, preferences, mode };
}

export function effectiveFor(host: string, all: AllSettings): EffectiveSettings {
  const { enabled, rule } = resolveSite(host, all.globalEnabled, all.rules, all.mode);
  return { enabled, globalEnabled: all.globalEnabled, rule, preferences: preferencesOn(host, all.preferences) };
}

export async function siteSettings(host: string): Promise<EffectiveSettings> {
  return effectiveFor(host, await readStored());
}

/**
 * Calls `load` after storage changes that `matters` says are relevant, one call at a time and at most one
 * waiting: a burst of changes (an import writes three settings) ends in one fresh read, and results arrive in
 * order. `deliver` sees only results that differ from the last one delivered.
 */
export function watchStorage<T>(
  matters: (key: 'global' | 'rules' | 'preferences' | 'mode', next: unknown, previous: unknown) => boolean,
  load: () => Promise<T>,
  deliver: (value: T) => void,
  signal: AbortSignal,
): void {
  if (signal.aborted) return;
  const refresh = refresher(load, deliver, signal);
  const unwatch = [
    globalEnabledSetting.item.watch((next, previous) => {
      if (matters('global', next, previous)) refresh();
    }),
    siteRulesSetting.item.watch((next, previous) => {
      if (matters('rules', next, previous)) refresh();
    }),
    preferencesSetting.item.watch((next, previous) => {
      if (matters('preferences', next, previous)) refresh();
    }),
    siteModeSetting.item.watch((next, previous) => {
      if (matters('mode', next, previous)) refresh();
    }),
  ];
  signal.addEventListener(
    'abort',
    () => {
      try {
        unwatch.forEach((stop) => stop());
      } catch {
        // The extension is gone (a content script outliving an unload): removing a storage listener then throws
        // "Extension context invalidated", and nothing can call the listener any more anyway.
      }
    },
    { once: true },
  );
}

/**
 * Calls `onChange` with the host's effective settings after every storage change that alters them: the global
 * switch, the preferences, the site mode, or a rule change that alters which rule applies to this host. Rule
 * changes for other sites are ignored, so a page is not re-scanned because someone switched off a different site.
 * (`deliver` drops a result equal to the last one: a mode change that leaves this host as it was does nothing.)
 */
export function watchSiteSettings(host: string, onChange: (s: EffectiveSettings) => void, signal: AbortSignal): void {
  const h = normalizeHost(host);
  // The rule that applies, whatever the mode: if it is the same rule (or none both times), the outcome is too.
  const applying = (rules: unknown) =>
    JSON.stringify(resolveSite(h, true, quietRead(siteRulesSetting, rules), 'opt-out').rule);
  const prefs = (value: unknown) => JSON.stringify(readPreferences(value, []));
  watchStorage(
    (key, next, previous) => {
      if (key === 'rules') return applying(next) !== applying(previous);
      if (key === 'preferences') return prefs(next) !== prefs(previous);
      return next !== previous;
    },
    () => siteSettings(h),
    onChange,
    signal,
  );
}
