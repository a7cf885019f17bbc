// RLS Lens settings: whether to highlight (everywhere, per site, per domain) and how. The popup and the overview page
// read, watch and change them through this module; the content script reads and watches its host's settings through
// settings/site-settings.ts, which this module re-exports.
import { globalEnabledSetting, preferencesSetting, readSetting, siteModeSetting, writeSettings } from './items';
import { serialized } from './write-lock';
import { readStored, watchStorage, type AllSettings } from './site-settings';
import { joinProblems, readPreferences, readSiteMode, type Preferences, type SiteMode } from './schema';
import { normalizeHost, switchedRules, type RuleScope, type SiteRule } from './site-rules';
import { patternFor, sortRules } from './site-domain';
import { privateSitesWith } from './private-reading';
import { updateRules as updateStoredRules } from './site-switch';

export type { Preferences, HighlightStyle, SiteMode, Theme, TooltipTrigger } from './schema';
export { DEFAULT_PREFERENCES, HIGHLIGHT_STYLES, HOVER_DELAY_RANGE, THEMES } from './schema';
export { CARD_TEXT_SIZES, type CardTextSize } from './schema';
export type { SiteRule, RuleScope } from './site-rules';
export {
  isValidPattern,
  normalizeHost,
  parsePatternInput,
  resolveSite,
  ruleMatters,
  switchedRules,
} from './site-rules';
// The Public Suffix List is behind these: for the popup and the overview page only (see site-domain.ts).
export { coversManySites, displayPattern, patternFor, siteDomain, sortRules } from './site-domain';
export { exportSettings, importSettings, SettingsImportError } from './transfer';
export { SettingsWriteError, writeFailureMessage } from './write-errors';
export { newerSettings, type StoredName } from './newer-settings';

export type { AllSettings, EffectiveSettings } from './site-settings';
export { effectiveFor, siteSettings, watchSiteSettings } from './site-settings';
export { readsPrivately } from './private-reading';

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

/** The pages store the rules in the order the list shows them (the background's toggle does not sort). */
function updateRules(change: (rules: SiteRule[], mode: SiteMode) => SiteRule[]): Promise<void> {
  return updateStoredRules((rules, mode) => sortRules(change(rules, mode)));
}

/**
 * Switches highlighting on or off for a host (`scope: 'host'`) or for its whole domain (`'domain'`: a `*.domain`
 * rule), in the current site mode (see switchedRules: a domain rule replaces the host's own, and a rule that would
 * only repeat what applies without it is not stored). Hosts without a domain (IP addresses, localhost) get a host
 * rule either way.
 */
export function setSiteEnabled(host: string, enabled: boolean, scope: RuleScope): Promise<void> {
  const h = normalizeHost(host);
  const pattern = patternFor(h, scope);
  return updateRules((rules, mode) => switchedRules(rules, h, pattern, enabled, mode));
}

/**
 * "Highlight on: all sites except those I switch off / only the sites I switch on". Changes no rule: every rule
 * says on or off explicitly and keeps meaning it, so switching back and forth loses nothing; only sites without a
 * rule change. Throws a RangeError for a mode that does not exist.
 */
export function setSiteMode(mode: SiteMode): Promise<void> {
  const problems: string[] = [];
  const checked = readSiteMode(mode, problems);
  if (problems.length > 0) return Promise.reject(new RangeError(joinProblems(problems)));
  return serialized(() => writeSettings([{ setting: siteModeSetting, value: checked }]));
}

/** Adds or replaces the rule for an exact pattern (the overview page's "add a site"). */
export function setRule(rule: SiteRule): Promise<void> {
  return updateRules((rules) => [...rules.filter((r) => r.pattern !== rule.pattern), rule]);
}

export function removeRule(pattern: string): Promise<void> {
  return updateRules((rules) => rules.filter((r) => r.pattern !== pattern));
}

/** Switches private reading on or off for one host (the popup's "on this site" switch). */
export function setPrivateSite(host: string, on: boolean): Promise<void> {
  return serialized(async () => {
    const current = await readSetting(preferencesSetting);
    const next = { ...current, privateSites: privateSitesWith(current.privateSites, host, on) };
    // A host no site rule could name (or a list grown past its limit) changes nothing, and says so.
    const problems: string[] = [];
    const checked = readPreferences(next, problems);
    if (problems.length > 0) throw new RangeError(joinProblems(problems));
    await writeSettings([{ setting: preferencesSetting, value: checked }]);
  });
}

/** Changes some preferences. Throws a RangeError, changing nothing, when a value is not allowed. */
export function setPreferences(patch: Partial<Preferences>): Promise<void> {
  return serialized(async () => {
    const next = { ...(await readSetting(preferencesSetting)), ...patch };
    const problems: string[] = [];
    const checked = readPreferences(next, problems);
    if (problems.length > 0) throw new RangeError(joinProblems(problems));
    await writeSettings([{ setting: preferencesSetting, value: checked }]);
  });
}
