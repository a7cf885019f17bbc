// Switching a site on or off: the read-modify-write of the site rules, shared by the extension's pages (popup,
// overview) and the background's toggle-site command. No Public Suffix List here: the background imports this,
// and a keyboard shortcut should not wake a service worker that parses the whole list of suffixes first
// (docs/performance.md#the-public-suffix-list-stays-out-of-the-content-script-and-the-background).
import { readSetting, siteModeSetting, siteRulesSetting, writeSettings } from './items';
import { serialized } from './write-lock';
import type { SiteMode } from './schema';
import { normalizeHost, resolveSite, switchedRules, type SiteRule } from './site-rules';

/** Changes the site rules in one serialized read-modify-write; `change` sees the rules and the site mode. */
export function updateRules(change: (rules: SiteRule[], mode: SiteMode) => SiteRule[]): Promise<void> {
  return serialized(async () => {
    const [rules, mode] = await Promise.all([readSetting(siteRulesSetting), readSetting(siteModeSetting)]);
    await writeSettings([{ setting: siteRulesSetting, value: change(rules, mode) }]);
  });
}

/**
 * The toggle-site command: flips the host's own switch, exactly as the popup's site switch does, in the current
 * mode. Resolves to whether the site is now switched on (the pause for all sites aside). The rules are stored in
 * the order they were; the pages sort them when they read them.
 */
export async function toggleSite(host: string): Promise<boolean> {
  const h = normalizeHost(host);
  let on = false;
  await updateRules((rules, mode) => {
    on = !resolveSite(h, true, rules, mode).enabled;
    return switchedRules(rules, h, h, on, mode);
  });
  return on;
}
