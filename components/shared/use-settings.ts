// The settings as live Preact state for the popup and the overview page: read once, then kept current by the
// storage watch, so a change made in one place (the popup, the overview page, an import) shows everywhere.
import { useEffect, useState } from 'preact/hooks';
import { readSettings, watchSettings, type AllSettings, type Preferences, type Theme } from '../../settings';

export function useSettings(): AllSettings | null {
  const [settings, setSettings] = useState<AllSettings | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    watchSettings(setSettings, controller.signal);
    void readSettings().then((s) => {
      if (!controller.signal.aborted) setSettings((current) => current ?? s);
    });
    return () => controller.abort();
  }, []);
  return settings;
}

/** The theme preference on <html data-theme>: the style sheet maps `auto` to the system's colour scheme. */
export function useTheme(theme: Theme | undefined): void {
  useEffect(() => {
    document.documentElement.dataset.theme = theme ?? 'auto';
  }, [theme]);
}

/**
 * Reading comfort for the page's cards, on <html data-card-text-size data-card-contrast>: the cards' text size and
 * high contrast (components/tooltip/card-comfort.css), changed live with the preferences.
 */
export function useCardComfort(preferences: Pick<Preferences, 'cardTextSize' | 'highContrast'> | undefined): void {
  const size = preferences?.cardTextSize ?? 'normal';
  const high = preferences?.highContrast ?? false;
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.cardTextSize = size;
    if (high) root.dataset.cardContrast = 'high';
    else delete root.dataset.cardContrast;
  }, [size, high]);
}
