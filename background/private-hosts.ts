// Whether a host is read privately, known to the background at once: a context-menu click may open the side panel
// only synchronously, before anything is awaited (core/side-panel.ts), so the preferences are read when the
// background starts and kept current by a storage listener. Chrome starts its service worker for the click itself
// when it was stopped, and the click comes before any read could finish: then `now` is undefined, and the caller
// decides after `later`, without the side panel's gesture (background/selection-menu.ts).
import { browser } from 'wxt/browser';
import { readsPrivately } from '../settings/private-reading';
import type { Preferences } from '../settings/schema';
import { fromStored, PREFERENCES } from '../settings/specs';

type Privacy = Pick<Preferences, 'privateReading' | 'privateSites'>;

export interface PrivateHosts {
  /** Whether `host` is read privately; undefined while the preferences have not been read yet. */
  now(host: string): boolean | undefined;
  /** The same, once the preferences are read. */
  later(host: string): Promise<boolean>;
}

export function watchPrivateHosts(): PrivateHosts {
  let privacy: Privacy | undefined;
  const keys = [PREFERENCES.key, `${PREFERENCES.key}$`];
  const read = () =>
    browser.storage.local.get(keys).then(
      (raw) => void (privacy = fromStored(PREFERENCES, raw[keys[0]!] ?? null, raw[keys[1]!] ?? null)),
      () => void (privacy = PREFERENCES.fallback()),
    );
  let reading = read();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && PREFERENCES.key in changes) reading = read();
  });
  return {
    now: (host) => privacy && readsPrivately(host, privacy),
    later: async (host) => {
      await reading;
      return readsPrivately(host, privacy ?? PREFERENCES.fallback());
    },
  };
}
