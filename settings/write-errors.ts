// Why a settings write did not happen, in the reader's words: the browser's storage is full (Chrome's storage.local
// holds 10 MB without `unlimitedStorage`, which RLS Lens does not ask for), the stored value was written by a newer
// version of RLS Lens (settings/schema.ts says why it is never written over), or the browser refused for another
// reason. In every case nothing was written: the stored settings are as they were.
import { t } from '../core/i18n';

export type WriteFailure = 'full' | 'newer' | 'failed';

export class SettingsWriteError extends Error {
  constructor(
    readonly failure: WriteFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SettingsWriteError';
  }
}

/** The browser's own words for a refused write (Chrome: "Resource::kQuotaBytes quota exceeded"). */
function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** A storage write that threw, as the reader is told about it. */
export function storageWriteError(error: unknown): SettingsWriteError {
  const reason = reasonOf(error);
  const name = error instanceof Error ? error.name : '';
  // Chrome's quota message, Firefox's and the web's QuotaExceededError (IndexedDB under Firefox's storage.local).
  if (/quota/i.test(reason) || name === 'QuotaExceededError') {
    return new SettingsWriteError('full', t('settingsWrite.full'), { cause: error });
  }
  return new SettingsWriteError('failed', t('settingsWrite.failed', { reason }), { cause: error });
}

/** A write refused because the stored value is a newer version's. */
export const newerVersionError = (): SettingsWriteError => new SettingsWriteError('newer', t('settingsWrite.newer'));

/** Any failed change (a write error or a value the settings refuse, a RangeError), as one message for the reader. */
export function writeFailureMessage(error: unknown): string {
  if (error instanceof SettingsWriteError) return error.message;
  return t('settingsWrite.failed', { reason: reasonOf(error) });
}
