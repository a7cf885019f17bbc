// What "the whole site" means for a host, from the Public Suffix List (through tldts), and how a stored pattern
// reads to a person. Only the popup and the overview page need this: they create whole-domain rules, sort the
// list of sites and show it. The content script never calls it — it must not: tldts is large
// (docs/performance.md#the-public-suffix-list-stays-out-of-the-content-script-and-the-background) and
// builds its lookup tables at load (scripts/release/check-bundles.mjs fails the build if it reaches the content script).
//
// The list's private section is used on purpose: there github.io, blogspot.com, netlify.app, pages.dev,
// vercel.app… are suffixes under which each name is someone else's site, so a whole-domain rule for
// alice.github.io covers alice.github.io and its subdomains, not every GitHub Pages site.
/// <reference path="./punycode.d.ts" />
import { getDomain, getPublicSuffix } from 'tldts';
import { toUnicode } from 'punycode/punycode.es6.js';
import { isHostname, isIp, normalizeHost, type RuleScope, type SiteRule } from './site-rules';

// Hosts reach here already checked (isHostname, not an IP), so tldts skips its own URL parsing and validation.
const PSL = {
  allowPrivateDomains: true,
  extractHostname: false,
  detectIp: false,
  validateHostname: false,
  mixedInputs: false,
} as const;

/**
 * The domain a whole-domain rule for this host would cover (`en.wikipedia.org` → `wikipedia.org`,
 * `news.bbc.co.uk` → `bbc.co.uk`, `alice.github.io` → `alice.github.io`), or null when the host has none:
 * IP addresses, single labels (`localhost`), and names that are themselves public suffixes (`github.io`, `co.uk`).
 */
export function siteDomain(host: string): string | null {
  const h = normalizeHost(host);
  if (!isHostname(h) || isIp(h)) return null;
  return getDomain(h, PSL);
}

/** The pattern a rule of the given scope for this host has; a host without a domain falls back to itself. */
export function patternFor(host: string, scope: RuleScope): string {
  const h = normalizeHost(host);
  const domain = scope === 'domain' ? siteDomain(h) : null;
  return domain ? `*.${domain}` : h;
}

/**
 * True for a whole-domain pattern over a public suffix (`*.github.io`, `*.co.uk`): it covers every site
 * registered under that suffix. Versions before 0.2 made `*.github.io` from alice.github.io's popup; such a rule
 * stays valid and keeps meaning what it meant when the person chose it, and the list can say how wide it is.
 */
export function coversManySites(pattern: string): boolean {
  if (!pattern.startsWith('*.')) return false;
  const base = normalizeHost(pattern.slice(2));
  if (!isHostname(base) || isIp(base)) return false;
  return getPublicSuffix(base, PSL) === base;
}

/** Rules in the order people scan a list of sites: by domain, then the domain rule before its hosts. */
export function sortRules(rules: SiteRule[]): SiteRule[] {
  const key = (p: string) => {
    const host = p.replace(/^\*\./, '');
    return `${siteDomain(host) ?? host}\u0000${p.startsWith('*.') ? '0' : '1'}${host}`;
  };
  return rules
    .map((rule) => ({ rule, key: key(rule.pattern) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ rule }) => rule);
}

/**
 * A stored host or pattern as a person reads it: punycode labels in Unicode (`*.xn--bcher-kva.de` →
 * `*.bücher.de`). The Unicode form is shown only when the URL parser (what the browser does to a typed address)
 * turns it back into exactly the stored host, so malformed punycode (`xn--abc-` decodes to "abc", `xn--a` to a
 * control character) is shown as stored and never reads as a different site.
 */
export function displayPattern(pattern: string): string {
  if (!pattern.includes('xn--')) return pattern;
  const wildcard = pattern.startsWith('*.') ? '*.' : '';
  const host = pattern.slice(wildcard.length);
  try {
    const unicode = toUnicode(host);
    if (new URL(`http://${unicode}`).hostname === host) return wildcard + unicode;
  } catch {
    // Not valid punycode, or not a name the URL parser accepts: shown as stored.
  }
  return pattern;
}
