// RLS Lens settings: whether to highlight (everywhere, per site, per domain) and how. The popup and the overview page
// read, watch and change them through this module; the content script reads and watches its host's settings through
// settings/site-settings.ts, which this module re-exports.
import { globalEnabledSetting, preferencesSetting, readSetting, serialized, siteRulesSetting, writeSettings } from './items';
import { readStored, watchStorage, type AllSettings } from './site-settings';
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

export type { AllSettings, EffectiveSettings } from './site-settings';
export { effectiveFor, siteSettings, watchSiteSettings } from './site-settings';

/** Every setting, the site rules in the order the list shows them. */
export async function readSettings(): Promise<AllSettings> {
  const all = await readStored();
  return { ...all, rules: sortRules(all.rules) };
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
