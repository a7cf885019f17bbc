// Whether a host is read privately (settings/schema.ts `privateReading`, `privateSites`): on every site, or on the
// sites the reader named. Pure code, used by the content script (through the effective settings), the popup and
// the overview; a listed site is matched as a site rule is (its own host, or a `*.` domain covering it).
import type { Preferences } from './schema';
import { normalizeHost, resolveSite } from './site-rules';

export function readsPrivately(host: string, preferences: Pick<Preferences, 'privateReading' | 'privateSites'>) {
  if (preferences.privateReading) return true;
  const rules = preferences.privateSites.map((pattern) => ({ pattern, enabled: true }));
  return resolveSite(host, true, rules, 'opt-in').enabled;
}

/** The preferences as they apply on one host: `privateReading` says whether this host is read privately. */
export function preferencesOn(host: string, preferences: Preferences): Preferences {
  const on = readsPrivately(host, preferences);
  return on === preferences.privateReading ? preferences : { ...preferences, privateReading: on };
}

/** The list of private sites after switching `host`'s own entry on or off (other entries are kept). */
export function privateSitesWith(sites: readonly string[], host: string, on: boolean): string[] {
  const h = normalizeHost(host);
  const others = sites.filter((s) => s !== h);
  return on ? [...others, h] : others;
}
