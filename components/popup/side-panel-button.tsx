// The popup's "Open side panel". Browsers open a side panel only during the reader's click, so the window is looked
// up beforehand and nothing is awaited before the call (core/side-panel.ts).
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { hasSidePanel, openSidePanel } from '../../core/side-panel';
import { t } from '../../core/i18n';

export function SidePanelButton() {
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  useEffect(() => {
    browser.windows.getCurrent().then(
      (w) => setWindowId(w.id),
      () => undefined,
    );
  }, []);
  if (!hasSidePanel()) return null;
  return (
    <button
      type="button"
      class="button button--quiet"
      onClick={() => {
        openSidePanel(windowId).then(
          () => window.close(),
          (error: unknown) => console.warn('RLS Lens: could not open the side panel.', error),
        );
      }}
    >
      {t('common.openSidePanel')}
    </button>
  );
}
