// Back up and restore the settings as a JSON file. A bad file is explained and changes nothing.
import { useState } from 'preact/hooks';
import { exportSettings, importSettings, SettingsImportError, SettingsWriteError } from '../../settings';
import { t } from '../../core/i18n';

type Status = { kind: 'ok' | 'error'; text: string } | null;

export function SettingsTransfer() {
  const [status, setStatus] = useState<Status>(null);

  const download = async () => {
    const json = await exportSettings();
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `rls-lens-settings-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    // Revoked later: Firefox starts the download after the click handler returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus({ kind: 'ok', text: t('transfer.exported') });
  };

  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      await importSettings(await file.text());
      setStatus({ kind: 'ok', text: t('transfer.imported', { file: file.name }) });
    } catch (error) {
      // A file that is fine but could not be written (storage full, a newer version's settings) says so.
      const text =
        error instanceof SettingsImportError || error instanceof SettingsWriteError
          ? error.message
          : t('transfer.unreadable');
      setStatus({ kind: 'error', text });
    }
  };

  return (
    <div class="transfer">
      <p class="hint">{t('transfer.hint')}</p>
      <div class="transfer__actions">
        <button type="button" class="button" onClick={() => void download()}>
          {t('transfer.export')}
        </button>
        <label class="button button--quiet file-button">
          {t('transfer.import')}
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            onChange={(e) => void upload(e.currentTarget)}
          />
        </label>
      </div>
      {/* Both live regions are always in the page, so assistive technology hears each new message. */}
      <p class="success" role="status">
        {status?.kind === 'ok' ? status.text : ''}
      </p>
      <p class="error" role="alert">
        {status?.kind === 'error' ? status.text : ''}
      </p>
    </div>
  );
}
