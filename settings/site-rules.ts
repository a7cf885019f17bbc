// Which rule decides whether a host is highlighted. Pure code: the content script, the popup, the overview page
// and the tests all resolve a host the same way.

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

function isIp(host: string): boolean {
  return IPV4.test(host) || IPV6.test(host);
}

function isHostname(host: string): boolean {
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
 * What a person typed into "add a site" as a pattern: accepts `wikipedia.org`, `*.wikipedia.org` and pasted
 * addresses (`https://en.wikipedia.org/wiki/Iron`). null when it names no host.
 */
export function parsePatternInput(input: string): string | null {
  let text = input.trim();
  const wildcard = text.startsWith('*.');
  if (wildcard) text = text.slice(2);
  let host = text;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /[/?#:]/.test(text)) {
    try {
      host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname;
    } catch {
      return null;
    }
  }
  const pattern = (wildcard ? '*.' : '') + normalizeHost(host);
  return isValidPattern(pattern) ? pattern : null;
}

// Second-level labels under which registries sell names (bbc.co.uk, abc.net.au). Without them "all of the domain"
// for news.bbc.co.uk would mean every site under .co.uk. A full public-suffix list would cost ~100 KB of bundle
// for a choice the user sees and confirms in the popup, so a short list covers the common cases.
const SECOND_LEVEL = new Set(['ac', 'co', 'com', 'edu', 'gov', 'govt', 'gv', 'ltd', 'me', 'mil', 'ne', 'net', 'nhs', 'nic', 'or', 'org', 'plc', 'sch']);

/**
 * The domain a whole-domain rule for this host would cover (`en.wikipedia.org` → `wikipedia.org`), or null when
 * the host has none (IP addresses, `localhost`, single labels).
 */
export function siteDomain(host: string): string | null {
  const h = normalizeHost(host);
  if (!isHostname(h) || isIp(h)) return null;
  const labels = h.split('.');
  if (labels.length < 2) return null;
  const tld = labels[labels.length - 1]!;
  const second = labels[labels.length - 2]!;
  const keep = tld.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  if (labels.length < keep) return null;
  return labels.slice(-keep).join('.');
}

/** The pattern a rule of the given scope for this host has; a host without a domain falls back to itself. */
export function patternFor(host: string, scope: RuleScope): string {
  const h = normalizeHost(host);
  const domain = scope === 'domain' ? siteDomain(h) : null;
  return domain ? `*.${domain}` : h;
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

/** Rules in the order people scan a list of sites: by domain, then the domain rule before its hosts. */
export function sortRules(rules: SiteRule[]): SiteRule[] {
  const key = (p: string) => {
    const host = p.replace(/^\*\./, '');
    return `${(siteDomain(host) ?? host)}\u0000${p.startsWith('*.') ? '0' : '1'}${host}`;
  };
  return [...rules].sort((a, b) => (key(a.pattern) < key(b.pattern) ? -1 : key(a.pattern) > key(b.pattern) ? 1 : 0));
}
