// The popup's switch for private reading (settings/schema.ts `privateReading`), with one line on what the page can
// see in each mode. Private reading is a preference of all sites: the overview has the same switch.
import { setPreferences, type AllSettings } from '../../settings';
import { SwitchButton } from '../shared/switch-button';
import { t } from '../../core/i18n';

export function PrivateReadingSwitch({ settings }: { settings: AllSettings }) {
  const on = settings.preferences.privateReading;
  return (
    <section class="private-reading" aria-label={t('privacy.switch')}>
      <SwitchButton
        checked={on}
        onChange={(next) => void setPreferences({ privateReading: next }).catch((e: unknown) => console.warn(e))}
        describedBy="private-reading-line"
        class="switch--small"
      >
        {t('privacy.switch')}
      </SwitchButton>
      <p id="private-reading-line" class="private-reading__line">
        {on ? t('privacy.onLine') : t('privacy.offLine')}
      </p>
    </section>
  );
}
