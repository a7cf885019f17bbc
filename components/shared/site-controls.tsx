// The popup's header controls: the switch for the tab's site, which rule decides it, and the pause for all sites.
import {
  displayPattern,
  removeRule,
  resolveSite,
  setGlobalEnabled,
  setSiteEnabled,
  siteDomain,
  switchedRules,
  type AllSettings,
  type SiteRule,
} from '../../settings';
import { SwitchButton } from './switch-button';
import { richMessage } from './rich-message';
import { t } from '../../core/i18n';
import { saved } from './save-status';

export interface SiteControlsProps {
  host: string;
  settings: AllSettings;
}

/** The pause for all sites, named for what it pauses in each mode. */
export function pauseLabel(settings: AllSettings): string {
  return settings.mode === 'opt-in' ? t('site.pauseOptIn') : t('site.pauseOptOut');
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
    domainPattern !== null &&
    !sameRules(switchedRules(settings.rules, host, domainPattern, siteOn, settings.mode), settings.rules);
  const ruleText = !rule
    ? settings.mode === 'opt-in'
      ? t('site.ruleNotOn')
      : t('site.ruleNone')
    : rule.pattern.startsWith('*.')
      ? t('site.ruleDomain', { pattern: displayPattern(rule.pattern) })
      : t('site.ruleHost');
  return (
    <section class="site" aria-label={t('site.label')}>
      <SwitchButton
        checked={siteOn}
        onChange={(on) => void saved(setSiteEnabled(host, on, 'host'))}
        describedBy="site-rule"
        class="switch--large"
      >
        {richMessage('site.highlightTermsOn', { host: <span class="site__host">{displayPattern(host)}</span> })}
      </SwitchButton>
      <p id="site-rule" class="site__rule">
        {ruleText}
        {!settings.globalEnabled && ` ${t('site.paused')}`}
      </p>
      <div class="site__actions">
        {domainPattern && domainChanges && (
          <button type="button" class="link-button" onClick={() => void saved(setSiteEnabled(host, siteOn, 'domain'))}>
            {t(siteOn ? 'site.domainOn' : 'site.domainOff', { pattern: displayPattern(domainPattern) })}
          </button>
        )}
        {rule && (
          <button type="button" class="link-button" onClick={() => void saved(removeRule(rule.pattern))}>
            {rule.pattern === host
              ? t('site.removeHostRule')
              : t('site.removeRule', { pattern: displayPattern(rule.pattern) })}
          </button>
        )}
      </div>
      <SwitchButton
        checked={settings.globalEnabled}
        onChange={(on) => void saved(setGlobalEnabled(on))}
        class="switch--small"
      >
        {pauseLabel(settings)}
      </SwitchButton>
    </section>
  );
}
