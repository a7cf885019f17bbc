// Where the content script is registered (issue 22): the match patterns the background gives
// scripting.registerContentScripts for the site mode and the site rules, and which hosts they cover. Pure, and free
// of the Public Suffix List: the background, the popup and the side panel import it.
//
// The registration covers every site the rules can light and, as far as match patterns can say it, no other:
// - opt-out ("all sites except those I switch off"): every address (`<all_urls>`), less the sites switched off;
// - opt-in ("only the sites I switch on"): the sites switched on, less those switched off inside them.
// A site switched off is left out only where no rule switches a part of it back on (match patterns cannot say
// "this domain, but that subdomain after all"); such a site keeps the content script and the session, which reads
// the rules, keeps it dark. So the registration may run the script where the rules keep a page dark, never the
// other way round. The pause for all sites (`globalEnabled`) does not change it: resuming is instant.
import type { SiteMode } from './schema';
import { normalizeHost, type SiteRule } from './site-rules';

/** Every address a content script can run on. */
const ALL_URLS = '<all_urls>';

export interface ScriptMatches {
  /** Match patterns the script runs on; never empty. */
  matches: string[];
  /** Match patterns it does not run on, though `matches` covers them. */
  excludeMatches: string[];
}

/** `example.org` → `*://example.org/*`; `*.example.org` → `*://*.example.org/*`, which also matches example.org. */
function matchPattern(pattern: string): string {
  return `*://${pattern}/*`;
}

/** Whether a rule's pattern names `host`: the host itself, or a domain the host is or lies in. */
function names(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) return pattern === host;
  const base = pattern.slice(2);
  return host === base || host.endsWith(`.${base}`);
}

/** The host or domain base a pattern names, for comparing patterns with each other. */
const base = (pattern: string) => (pattern.startsWith('*.') ? pattern.slice(2) : pattern);

/**
 * Whether an "off" rule can leave its sites out: no "on" rule names the rule's host or a host beneath it (an
 * "on" rule for `a.example.org` under an "off" `*.example.org` must keep the script there).
 */
function canExclude(off: SiteRule, rules: SiteRule[]): boolean {
  if (!off.pattern.startsWith('*.')) return true;
  return !rules.some((r) => r.enabled && names(off.pattern, base(r.pattern)));
}

const sorted = (patterns: string[]) => [...new Set(patterns)].sort();

/** The registration for these settings, or null when the script runs nowhere (opt-in with no site switched on). */
export function scriptMatches(mode: SiteMode, rules: readonly SiteRule[]): ScriptMatches | null {
  const on = rules.filter((r) => r.enabled);
  const off = rules.filter((r) => !r.enabled && canExclude(r, [...rules]));
  const matches = mode === 'opt-out' ? [ALL_URLS] : sorted(on.map((r) => matchPattern(r.pattern)));
  if (matches.length === 0) return null;
  // In opt-in mode an "off" rule matters only inside an "on" domain; elsewhere nothing matches it anyway.
  const excluded = mode === 'opt-out' ? off : off.filter((r) => on.some((o) => names(o.pattern, base(r.pattern))));
  return { matches, excludeMatches: sorted(excluded.map((r) => matchPattern(r.pattern))) };
}

/** Whether a host is covered by one of these match patterns (only the kinds scriptMatches writes). */
function patternsCover(patterns: readonly string[], host: string): boolean {
  return patterns.some((p) => p === ALL_URLS || names(p.replace(/^\*:\/\/|\/\*$/g, ''), host));
}

/**
 * Whether a registration runs the script at `url`: a web page's host is checked against the patterns, a file
 * (no host) is covered by `<all_urls>` only. Addresses no content script runs at (about:, the browsers' own pages)
 * are not covered.
 */
export function registrationCovers(registration: ScriptMatches | null, url: string): boolean {
  if (!registration) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') return registration.matches.includes(ALL_URLS);
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) return false;
  const host = normalizeHost(parsed.hostname);
  return patternsCover(registration.matches, host) && !patternsCover(registration.excludeMatches, host);
}

/**
 * Whether the content script is registered for a web page of `host` under these settings: when it is not, a tab
 * of that host has no content script by the reader's own choice (the popup shows the site's switch, not "reload").
 */
export function scriptCovers(host: string, mode: SiteMode, rules: readonly SiteRule[]): boolean {
  return registrationCovers(scriptMatches(mode, rules), `https://${host}/`);
}
