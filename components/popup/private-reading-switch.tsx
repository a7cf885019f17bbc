// The popup's private reading switches (settings/schema.ts `privateReading`, `privateSites`): one for the tab's
// site, one for all sites, and one line on what the page can see in the mode this site is in. The overview has the
// all-sites switch too, and the list of sites read privately.
import { readsPrivately, setPreferences, setPrivateSite, type AllSettings } from '../../settings';
import { SwitchButton } from '../shared/switch-button';
import { t } from '../../core/i18n';
import { saved } from '../shared/save-status';

export function PrivateReadingSwitch({ settings, host }: { settings: AllSettings; host?: string }) {
  const everywhere = settings.preferences.privateReading;
  const here = host ? readsPrivately(host, settings.preferences) : everywhere;
  return (
    <section class="private-reading" aria-label={t('privacy.switch')}>
      {host && (
        <SwitchButton
          checked={here}
          // On every site already: this site's own switch has nothing to add until the all-sites one is off.
          disabled={everywhere}
          onChange={(next) => void saved(setPrivateSite(host, next))}
          describedBy="private-reading-line"
          class="private-reading__site"
        >
          {t('privacy.onSite', { host })}
        </SwitchButton>
      )}
      <SwitchButton
        checked={everywhere}
        onChange={(next) => void saved(setPreferences({ privateReading: next }))}
        describedBy="private-reading-line"
        class="switch--small"
      >
        {host ? t('privacy.everywhere') : t('privacy.switch')}
      </SwitchButton>
      <p id="private-reading-line" class="private-reading__line">
        {here ? t('privacy.onLine') : t('privacy.offLine')}
      </p>
    </section>
  );
}
