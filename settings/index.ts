// RLS Lens settings: whether to highlight (everywhere, per site, per domain) and how. The content script reads and
// watches the settings for its host; the popup and the overview page read, watch and change them.
import {
  globalEnabledSetting,
  preferencesSetting,
  quietRead,
  readSetting,
  serialized,
  siteRulesSetting,
  writeSettings,
} from './items';
import { readPreferences, type Preferences } from './schema';
import { normalizeHost, resolveSite, type RuleScope, type SiteRule } from './site-rules';
import { patternFor, sortRules } from './site-domain';

export type { Preferences, HighlightStyle, Theme } from './schema';
export { DEFAULT_PREFERENCES, HIGHLIGHT_STYLES, HOVER_DELAY_RANGE, THEMES } from './schema';
export type { SiteRule, RuleScope } from './site-rules';
export { isValidPattern, normalizeHost, parsePatternInput, resolveSite } from './site-rules';
// The Public Suffix List is behind these: for the popup and the overview page only (see site-domain.ts).
export { coversManySites, displayPattern, patternFor, siteDomain, sortRules } from './site-domain';
export { exportSettings, importSettings, SettingsImportError } from './transfer';

export interface EffectiveSettings {
  /** Highlight on this host: the global switch is on and the rule that applies (if any) allows it. */
  enabled: boolean;
  globalEnabled: boolean;
  /** The rule that decided, or null when the host follows the global switch. */
  rule: SiteRule | null;
  preferences: Preferences;
}

export interface AllSettings {
  globalEnabled: boolean;
  rules: SiteRule[];
  preferences: Preferences;
}

// Unsorted: the content script resolves its host with this, and the order of rules does not change which applies.
// Sorting needs the Public Suffix List, which must stay out of the content script.
async function readStored(): Promise<AllSettings> {
  const [globalEnabled, rules, preferences] = await Promise.all([
    readSetting(globalEnabledSetting),
    readSetting(siteRulesSetting),
    readSetting(preferencesSetting),
  ]);
  return { globalEnabled, rules, preferences };
}

/** Every setting, the site rules in the order the list shows them. */
export async function readSettings(): Promise<AllSettings> {
  const all = await readStored();
  return { ...all, rules: sortRules(all.rules) };
}

export function effectiveFor(host: string, all: AllSettings): EffectiveSettings {
  const { enabled, rule } = resolveSite(host, all.globalEnabled, all.rules);
  return { enabled, globalEnabled: all.globalEnabled, rule, preferences: all.preferences };
}

export async function siteSettings(host: string): Promise<EffectiveSettings> {
  return effectiveFor(host, await readStored());
}

/**
 * Calls `load` after storage changes that `matters` says are relevant, one call at a time and at most one
 * waiting: a burst of changes (an import writes three settings) ends in one fresh read, and results arrive in
 * order. `deliver` sees only results that differ from the last one delivered.
 */
function watchStorage<T>(
  matters: (key: 'global' | 'rules' | 'preferences', next: unknown, previous: unknown) => boolean,
  load: () => Promise<T>,
  deliver: (value: T) => void,
  signal: AbortSignal,
): void {
  if (signal.aborted) return;
  let chain: Promise<void> = Promise.resolve();
  let waiting = false;
  let last: string | undefined;
  const refresh = () => {
    if (waiting) return;
    waiting = true;
    chain = chain
      .then(async () => {
        waiting = false;
        const value = await load();
        const key = JSON.stringify(value);
        if (signal.aborted || key === last) return;
        last = key;
        deliver(value);
      })
      .catch((error: unknown) => console.warn('RLS Lens: could not read the settings after a change.', error));
  };
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
 * switch, the preferences, or a rule change that alters which rule applies to this host. Rule changes for other
 * sites are ignored, so a page is not re-scanned because someone switched off a different site.
 */
export function watchSiteSettings(host: string, onChange: (s: EffectiveSettings) => void, signal: AbortSignal): void {
  const h = normalizeHost(host);
  const applying = (rules: unknown) => JSON.stringify(resolveSite(h, true, quietRead(siteRulesSetting, rules)));
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

/** Every change to any setting, for the popup and the overview page. */
export function watchSettings(onChange: (s: AllSettings) => void, signal: AbortSignal): void {
  watchStorage(() => true, readSettings, onChange, signal);
}

export function setGlobalEnabled(enabled: boolean): Promise<void> {
  return serialized(() => writeSettings([{ setting: globalEnabledSetting, value: enabled }]));
}

function updateRules(change: (rules: SiteRule[]) => SiteRule[]): Promise<void> {
  return serialized(async () => {
    const rules = await readSetting(siteRulesSetting);
    await writeSettings([{ setting: siteRulesSetting, value: sortRules(change(rules)) }]);
  });
}

/**
 * Switches highlighting on or off for a host (`scope: 'host'`) or for its whole domain (`'domain'`: a `*.domain`
 * rule). A domain rule set from a host also removes that host's own rule, or the host's rule would keep winning and
 * the switch the person just used would seem to do nothing there. Hosts without a domain (IP addresses,
 * localhost) get a host rule either way. A rule that would only repeat what applies without it is not stored, so
 * switching a site off and on again leaves the list of sites as it was.
 */
export function setSiteEnabled(host: string, enabled: boolean, scope: RuleScope): Promise<void> {
  const h = normalizeHost(host);
  const pattern = patternFor(h, scope);
  return updateRules((rules) => {
    const others = rules.filter((r) => r.pattern !== pattern && !(pattern !== h && r.pattern === h));
    return resolveSite(h, true, others).enabled === enabled ? others : [...others, { pattern, enabled }];
  });
}

/** Adds or replaces the rule for an exact pattern (the overview page's "add a site"). */
export function setRule(rule: SiteRule): Promise<void> {
  return updateRules((rules) => [...rules.filter((r) => r.pattern !== rule.pattern), rule]);
}

export function removeRule(pattern: string): Promise<void> {
  return updateRules((rules) => rules.filter((r) => r.pattern !== pattern));
}

/** Changes some preferences. Throws a RangeError, changing nothing, when a value is not allowed. */
export function setPreferences(patch: Partial<Preferences>): Promise<void> {
  return serialized(async () => {
    const next = { ...(await readSetting(preferencesSetting)), ...patch };
    const problems: string[] = [];
    const checked = readPreferences(next, problems);
    if (problems.length > 0) throw new RangeError(problems.join('; '));
    await writeSettings([{ setting: preferencesSetting, value: checked }]);
  });
}
