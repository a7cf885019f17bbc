// Which rule decides whether a host is highlighted. Pure code: the content script, the popup, the overview page
// and the tests all resolve a host the same way. Nothing here may need the Public Suffix List: the content script
// imports this file in every page, and the list (site-domain.ts) is only for the pages that create and sort rules.

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
 * (`*.en.wikipedia.org`) over a wider one (`*.wikipedia.org`). The global switch is a pause over everything:
 * while it is off no site is highlighted, whatever its rule says, and the rules are kept for when it is on again.
 */
export function resolveSite(host: string, globalEnabled: boolean, rules: SiteRule[]): { enabled: boolean; rule: SiteRule | null } {
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
  return { enabled: globalEnabled && (rule?.enabled ?? true), rule };
}
