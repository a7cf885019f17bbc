// Which rule decides whether a host is highlighted. Pure code: the content script, the popup, the overview page
// and the tests all resolve a host the same way. Nothing here may need the Public Suffix List: the content script
// imports this file in every page, and the list (site-domain.ts) is only for the pages that create and sort rules.
import type { SiteMode } from './schema';

export interface SiteRule {
  /** A hostname (`en.wikipedia.org`) or a whole domain (`*.wikipedia.org`: the domain and every subdomain). */
  pattern: string;
  enabled: boolean;
}

export type RuleScope = 'host' | 'domain';

/** Lowercased, without the trailing dot of a fully qualified name: `EN.Wikipedia.org.` and `en.wikipedia.org` are one site. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

export function isIp(host: string): boolean {
  return IPV4.test(host) || IPV6.test(host);
}

export function isHostname(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false;
  return isIp(host) || host.split('.').every((label) => LABEL.test(label));
}

/** A stored or imported pattern is one of: a hostname, an IP address, or `*.` followed by a hostname. */
export function isValidPattern(pattern: string): boolean {
  if (pattern !== normalizeHost(pattern)) return false;
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2);
    return isHostname(base) && !isIp(base);
  }
  return isHostname(pattern);
}

/**
 * What a person typed into "add a site" as a pattern: accepts `wikipedia.org`, `*.wikipedia.org`, pasted addresses
 * (`https://en.wikipedia.org/wiki/Iron`) and internationalised names (`bücher.de`, `*.bücher.de`,
 * `https://bücher.de/x`), which are stored as the browser sees them in `location.hostname`: punycode
 * (`xn--bcher-kva.de`). null when it names no host.
 */
export function parsePatternInput(input: string): string | null {
  let text = input.trim();
  const wildcard = text.startsWith('*.');
  if (wildcard) text = text.slice(2);
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let host = text;
  // The URL parser does what browsers do to a typed address: IDNA mapping and punycode (UTS #46), case folding,
  // full-width dots. A plain ASCII name skips it so that `1.2` is not read as the IPv4 address 1.0.0.2.
  if (scheme || /[/?#:@\\]/.test(text) || /[^\x00-\x7f]/.test(text)) {
    try {
      host = new URL(scheme ? text : `http://${text}`).hostname;
    } catch {
      return null;
    }
  }
  const pattern = (wildcard ? '*.' : '') + normalizeHost(host);
  return isValidPattern(pattern) ? pattern : null;
}

/**
 * The rule that applies to a host: its own rule wins over any whole-domain rule, and a narrower domain
 * (`*.en.wikipedia.org`) over a wider one (`*.wikipedia.org`). A host no rule covers follows the mode: highlighted
 * in `opt-out` ("all sites except those I switch off"), not in `opt-in` ("only the sites I switch on"). Rules are
 * explicit either way: an "on" rule lights its sites and an "off" rule keeps them dark in both modes. The global
 * switch is a pause over everything: while it is off no site is highlighted, whatever its rule says, and the rules
 * are kept for when it is on again.
 */
export function resolveSite(
  host: string,
  globalEnabled: boolean,
  rules: SiteRule[],
  mode: SiteMode,
): { enabled: boolean; rule: SiteRule | null } {
  const h = normalizeHost(host);
  let rule: SiteRule | null = null;
  let best = -1;
  if (h) {
    for (const candidate of rules) {
      let score = -1;
      if (candidate.pattern === h) score = Number.MAX_SAFE_INTEGER;
      else if (candidate.pattern.startsWith('*.')) {
        const base = candidate.pattern.slice(2);
        if (h === base || h.endsWith(`.${base}`)) score = base.length;
      }
      if (score > best) {
        best = score;
        rule = candidate;
      }
    }
  }
  return { enabled: globalEnabled && (rule?.enabled ?? mode === 'opt-out'), rule };
}

/**
 * The rules after switching `pattern` (a host, or a domain covering `host`) on or off in `mode`. A domain rule also
 * removes the host's own rule, or the host's rule would keep winning and the switch the person just used would
 * seem to do nothing there. A rule that would only repeat what applies without it in this mode is not stored, so
 * switching a site off and on again leaves the list of sites as it was. Rules for other patterns are kept as
 * they are, including those that make no difference in this mode (they do in the other one).
 */
export function switchedRules(
  rules: SiteRule[],
  host: string,
  pattern: string,
  enabled: boolean,
  mode: SiteMode,
): SiteRule[] {
  const h = normalizeHost(host);
  const others = rules.filter((r) => r.pattern !== pattern && !(pattern !== h && r.pattern === h));
  return resolveSite(h, true, others, mode).enabled === enabled ? others : [...others, { pattern, enabled }];
}

/**
 * Whether a rule changes anything in this mode, or whether without it the sites it names would be highlighted the
 * same (an "off" rule in opt-in mode with no "on" rule above it, say). A domain rule is judged by a subdomain no
 * narrower rule can name (`-` is not a valid label, so no stored pattern contains it).
 */
export function ruleMatters(rule: SiteRule, rules: SiteRule[], mode: SiteMode): boolean {
  const host = rule.pattern.startsWith('*.') ? `-.${rule.pattern.slice(2)}` : rule.pattern;
  const others = rules.filter((r) => r.pattern !== rule.pattern);
  return resolveSite(host, true, others, mode).enabled !== rule.enabled;
}
