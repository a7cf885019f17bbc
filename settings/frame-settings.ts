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
import { DEFAULT_GLOBAL_ENABLED, DEFAULT_PREFERENCES, DEFAULT_SITE_MODE, readGlobalEnabled, readPreferences, readRules, readSiteMode, rulesFromV1, type Problems } from './schema';
import { normalizeHost, resolveSite } from './site-rules';
import type { AllSettings, EffectiveSettings } from './site-settings';
import { STORED } from './stored-keys';

interface Spec<T> {
  key: string;
  version: number;
  /** Human words for warnings. */
  label: string;
  migrations: Record<number, (old: unknown) => unknown>;
  read: (value: unknown, problems: Problems) => T;
  fallback: () => T;
}

// The same specs as settings/items.ts defines its items with.
const SPECS = {
  globalEnabled: { ...STORED.globalEnabled, label: 'global switch', migrations: {}, read: readGlobalEnabled, fallback: () => DEFAULT_GLOBAL_ENABLED },
  rules: { ...STORED.siteRules, label: 'site rules', migrations: { 2: rulesFromV1 }, read: readRules, fallback: () => [] },
  preferences: { ...STORED.preferences, label: 'preferences', migrations: {}, read: readPreferences, fallback: () => ({ ...DEFAULT_PREFERENCES }) },
  mode: { ...STORED.siteMode, label: 'site mode', migrations: {}, read: readSiteMode, fallback: () => DEFAULT_SITE_MODE },
} satisfies { [K in keyof AllSettings]: Spec<AllSettings[K]> };

/** Every storage key a frame reads: each setting and its version stamp (`key$`, @wxt-dev/storage's metadata). */
const KEYS = Object.values(SPECS).flatMap((spec) => [spec.key, `${spec.key}$`]);

/** One setting from its stored value and version stamp, validated (the rules of settings/items.ts readSetting). */
function fromStored<T>(spec: Spec<T>, stored: unknown, meta: unknown): T {
  const version = (meta as { v?: unknown } | null | undefined)?.v ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > spec.version) {
    console.warn(`RLS Lens: the ${spec.label} were saved by an unknown version (${String(version)}); using the defaults for them.`);
    return spec.fallback();
  }
  let value = stored;
  try {
    for (let v = version + 1; v <= spec.version && value != null; v++) value = spec.migrations[v]?.(value) ?? value;
  } catch (error) {
    console.warn(`RLS Lens: could not migrate the ${spec.label}; using the defaults for them.`, error);
    return spec.fallback();
  }
  const problems: Problems = [];
  const result = spec.read(value, problems);
  if (problems.length > 0) console.warn(`RLS Lens: ignored invalid stored settings:\n- ${problems.join('\n- ')}`);
  return result;
}

/** All settings from the raw storage entries (missing keys are defaults; a bad one costs only itself). */
export function settingsFrom(raw: Record<string, unknown>): AllSettings {
  const one = <T>(spec: Spec<T>) => fromStored(spec, raw[spec.key] ?? null, raw[`${spec.key}$`] ?? null);
  return { globalEnabled: one(SPECS.globalEnabled), rules: one(SPECS.rules), preferences: one(SPECS.preferences), mode: one(SPECS.mode) };
}

function effective(host: string, all: AllSettings): EffectiveSettings {
  const { enabled, rule } = resolveSite(host, all.globalEnabled, all.rules, all.mode);
  return { enabled, globalEnabled: all.globalEnabled, rule, preferences: all.preferences };
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
 * for the four settings. Changes are read one at a time, at most one waiting (an import writes several settings and
 * costs one read), and a result equal to the last one delivered is not delivered again.
 */
export function watchFrameSettings(host: string, onChange: (settings: EffectiveSettings) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const h = normalizeHost(host);
  let chain: Promise<void> = Promise.resolve();
  let waiting = false;
  let last: string | undefined;
  const refresh = () => {
    if (waiting) return;
    waiting = true;
    chain = chain
      .then(async () => {
        waiting = false;
        const next = await readFrameSettings(h);
        const key = JSON.stringify(next);
        if (signal.aborted || key === last) return;
        last = key;
        onChange(next);
      })
      .catch((error: unknown) => console.warn('RLS Lens: could not read the settings after a change.', error));
  };
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
