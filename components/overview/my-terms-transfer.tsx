// My terms as a file: export the list (JSON), import it back in this browser or another. A bad file is explained, in
// the reader's words, and changes nothing (settings/my-terms-data.ts parseMyTermsFile).
import { useState } from 'preact/hooks';
import { exportMyTerms, importMyTerms, MyTermsImportError } from '../../settings/my-terms';
import { SettingsWriteError } from '../../settings/write-errors';
import { t } from '../../core/i18n';

type Status = { kind: 'ok' | 'error'; text: string } | null;

export function MyTermsTransfer({ isEntry }: { isEntry: (id: string) => boolean }) {
  const [status, setStatus] = useState<Status>(null);

  const download = async () => {
    const json = await exportMyTerms();
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `rls-lens-my-terms-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    // Revoked later: Firefox starts the download after the click handler returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus({ kind: 'ok', text: t('myTerms.exported') });
  };

  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      await importMyTerms(await file.text(), isEntry);
      setStatus({ kind: 'ok', text: t('myTerms.imported', { file: file.name }) });
    } catch (error) {
      const text =
        error instanceof MyTermsImportError || error instanceof SettingsWriteError
          ? error.message
          : t('transfer.unreadable');
      setStatus({ kind: 'error', text });
    }
  };

  return (
    <div class="my-terms__transfer">
      <p class="hint">{t('myTerms.transferHint')}</p>
      <div class="my-terms__actions">
        <button type="button" class="button button--quiet my-terms__export" onClick={() => void download()}>
          {t('myTerms.export')}
        </button>
        <label class="button button--quiet file-button">
          {t('myTerms.import')}
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden my-terms__import"
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
