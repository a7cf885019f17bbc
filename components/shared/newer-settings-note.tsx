// One line where the settings are shown when some were saved by a newer version of RLS Lens (settings/schema.ts):
// this version reads its defaults for them and leaves them unchanged, and says so instead of showing the defaults
// as if they were the reader's.
import { useEffect, useState } from 'preact/hooks';
import { newerSettings, type StoredName } from '../../settings';
import { formatList, t } from '../../core/i18n';

// Functions, not constants: the words are looked up when the line is drawn.
const NAMES: Record<StoredName, () => string> = {
  globalEnabled: () => t('settingsWrite.names.globalEnabled'),
  siteRules: () => t('settingsWrite.names.siteRules'),
  preferences: () => t('settingsWrite.names.preferences'),
  siteMode: () => t('settingsWrite.names.siteMode'),
  myTerms: () => t('settingsWrite.names.myTerms'),
};
const nameOf = (name: StoredName): string => NAMES[name]();

export function NewerSettingsNote() {
  const [newer, setNewer] = useState<StoredName[]>([]);
  useEffect(() => {
    void newerSettings().then(setNewer, (e: unknown) => console.warn(e));
  }, []);
  if (newer.length === 0) return null;
  return (
    <p class="newer-settings" role="note">
      {t('settingsWrite.newerNotice', { settings: formatList(newer.map(nameOf)) })}
    </p>
  );
}
