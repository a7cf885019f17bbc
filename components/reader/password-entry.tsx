// The password of a protected PDF, typed by the reader: it goes to PDF.js to open the file and is not kept anywhere.
// Spans, not a form (a block element): the reader's own words sit where the page engine never looks, and a block
// inside would be read again when its text changes (reader-app.tsx).
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../core/i18n';

export function PasswordEntry({ onPassword }: { onPassword(password: string): void }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = () => {
    const field = input.current;
    if (!field?.value) return;
    const password = field.value;
    field.value = '';
    onPassword(password);
  };
  return (
    <span class="reader-password">
      <label>
        {t('reader.password')}{' '}
        <input
          ref={input}
          type="password"
          autocomplete="off"
          onKeyDown={(event) => event.key === 'Enter' && submit()}
        />
      </label>{' '}
      <button type="button" class="button" onClick={submit}>
        {t('reader.unlock')}
      </button>
    </span>
  );
}
