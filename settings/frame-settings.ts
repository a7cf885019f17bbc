// What a frame's content script reads of the settings, at the least cost a frame can pay: the four settings and
// their version stamps in one storage call, and one storage listener for changes.
//
// Not through settings/items.ts: defining @wxt-dev/storage items with migrations starts a migration read per item in
// every context that imports them (four storage calls per frame before anything is asked), and each item read then
// costs two more calls (value and version). The background runs the migrations; a frame applies any step still
// missing to its copy in memory, as readSetting does, so older data reads correctly here too. Straight
// `browser.storage.local` also keeps @wxt-dev/storage out of the content script.
//
// Once per page rather than once per frame, investigated (issue 12): a frame cannot safely take the settings from
// its top frame in Firefox (each frame's content script has its own sandbox; what the top frame's script puts on
// its global is invisible to a child's), and in Chromium only same-origin frames can (they share the isolated world;
// cross-origin and sandboxed frames get a SecurityError). window.postMessage is readable and forgeable by the page.
// Frames without text worth scanning read nothing at all (content/frame-gate.ts), which is where most frames are.
import { browser } from 'wxt/browser';
import { refresher } from './refresh';
import { readPreferences, readRules } from './schema';
import { preferencesOn } from './private-reading';
import { normalizeHost, resolveSite } from './site-rules';
import type { AllSettings, EffectiveSettings } from './site-settings';
import { fromStored, GLOBAL_ENABLED, PREFERENCES, SITE_MODE, SITE_RULES, type SettingSpec } from './specs';

const SPECS = {
  globalEnabled: GLOBAL_ENABLED,
  rules: SITE_RULES,
  preferences: PREFERENCES,
  mode: SITE_MODE,
} satisfies {
  [K in keyof AllSettings]: SettingSpec<AllSettings[K]>;
};

/** Every storage key a frame reads: each setting and its version stamp (`key$`, @wxt-dev/storage's metadata). */
const KEYS = Object.values(SPECS).flatMap((spec) => [spec.key, `${spec.key}$`]);

/** All settings from the raw storage entries (missing keys are defaults; a bad one costs only itself). */
export function settingsFrom(raw: Record<string, unknown>): AllSettings {
  const one = <T>(spec: SettingSpec<T>) => fromStored(spec, raw[spec.key] ?? null, raw[`${spec.key}$`] ?? null);
  return {
    globalEnabled: one(SPECS.globalEnabled),
    rules: one(SPECS.rules),
    preferences: one(SPECS.preferences),
    mode: one(SPECS.mode),
  };
}

function effective(host: string, all: AllSettings): EffectiveSettings {
  const { enabled, rule } = resolveSite(host, all.globalEnabled, all.rules, all.mode);
  return { enabled, globalEnabled: all.globalEnabled, rule, preferences: preferencesOn(host, all.preferences) };
}

/** The host's effective settings, in one storage call. */
export async function readFrameSettings(host: string): Promise<EffectiveSettings> {
  return effective(normalizeHost(host), settingsFrom(await browser.storage.local.get(KEYS)));
}

/** What of a change decides this host's effective settings (rules for other sites do not). */
function relevant(host: string, key: string, value: unknown): string {
  // The rule that applies, whatever the mode: if it is the same rule (or none both times), the outcome is too.
  if (key === SPECS.rules.key) return JSON.stringify(resolveSite(host, true, readRules(value, []), 'opt-out').rule);
  if (key === SPECS.preferences.key) return JSON.stringify(readPreferences(value, []));
  return JSON.stringify(value ?? null);
}

/**
 * Calls `onChange` with the host's effective settings after every storage change that alters them: one listener
 * for the four settings, read again as settings/refresh.ts does.
 */
export function watchFrameSettings(
  host: string,
  onChange: (settings: EffectiveSettings) => void,
  signal: AbortSignal,
): void {
  if (signal.aborted) return;
  const h = normalizeHost(host);
  const refresh = refresher(() => readFrameSettings(h), onChange, signal);
  const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    if (area !== 'local' || signal.aborted) return;
    // Values only: a version stamp is written with its value (by the settings module or a migration), and the
    // refresh reads both.
    for (const { key } of Object.values(SPECS)) {
      const change = changes[key];
      if (change && relevant(h, key, change.newValue) !== relevant(h, key, change.oldValue)) return refresh();
    }
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener(
    'abort',
    () => {
      try {
        browser.storage.onChanged.removeListener(listener);
      } catch {
        // The extension is gone (a content script outliving an unload): nothing can call the listener any more.
      }
    },
    { once: true },
  );
}
