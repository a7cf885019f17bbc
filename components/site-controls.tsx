// The popup's header controls: the switch for the tab's site, which rule decides it, and the pause for all sites.
import {
  displayPattern, removeRule, resolveSite, setGlobalEnabled, setSiteEnabled, siteDomain, switchedRules, type AllSettings, type SiteRule,
} from '../settings';
import { SwitchButton } from './switch-button';

export interface SiteControlsProps {
  host: string;
  settings: AllSettings;
}

/** The pause for all sites, named for what it pauses in each mode. */
export function pauseLabel(settings: AllSettings): string {
  return settings.mode === 'opt-in' ? 'Highlight on the sites I switched on' : 'Highlight on all sites';
}

const ruleKey = (rules: SiteRule[]) => JSON.stringify(rules.map((r) => [r.pattern, r.enabled]).sort());
const sameRules = (a: SiteRule[], b: SiteRule[]) => ruleKey(a) === ruleKey(b);

export function SiteControls({ host, settings }: SiteControlsProps) {
  // The site switch shows the site's own setting; the pause for all sites is a separate, visible switch, so
  // resuming brings every site back as it was.
  const { enabled: siteOn, rule } = resolveSite(host, true, settings.rules, settings.mode);
  const domain = siteDomain(host);
  const domainPattern = domain ? `*.${domain}` : null;
  // "… on all of *.domain" only where it would change the rules (not, say, "Do not highlight on all of" a domain
  // that opt-in mode leaves dark anyway).
  const domainChanges =
    domainPattern !== null && !sameRules(switchedRules(settings.rules, host, domainPattern, siteOn, settings.mode), settings.rules);
  const ruleText = !rule
    ? settings.mode === 'opt-in'
      ? 'Not switched on: only the sites you switch on are highlighted.'
      : 'No rule for this site: it follows the setting for all sites.'
    : rule.pattern.startsWith('*.')
      ? `Set for all of ${displayPattern(rule.pattern)}.`
      : 'Set for this site only.';
  return (
    <section class="site" aria-label="This site">
      <SwitchButton checked={siteOn} onChange={(on) => void setSiteEnabled(host, on, 'host')} describedBy="site-rule" class="switch--large">
        Highlight terms on <span class="site__host">{displayPattern(host)}</span>
      </SwitchButton>
      <p id="site-rule" class="site__rule">
        {ruleText}
        {!settings.globalEnabled && ' Paused on all sites right now.'}
      </p>
      <div class="site__actions">
        {domainPattern && domainChanges && (
          <button type="button" class="link-button" onClick={() => void setSiteEnabled(host, siteOn, 'domain')}>
            {siteOn ? 'Highlight' : 'Do not highlight'} on all of {displayPattern(domainPattern)}
          </button>
        )}
        {rule && (
          <button type="button" class="link-button" onClick={() => void removeRule(rule.pattern)}>
            Remove the rule for {rule.pattern === host ? 'this site' : displayPattern(rule.pattern)}
          </button>
        )}
      </div>
      <SwitchButton checked={settings.globalEnabled} onChange={(on) => void setGlobalEnabled(on)} class="switch--small">
        {pauseLabel(settings)}
      </SwitchButton>
    </section>
  );
}
