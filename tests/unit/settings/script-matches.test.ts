// Where the content script is registered for each mode and set of rules (settings/script-matches.ts): never away
// from a site the rules light, and away from the sites they keep dark wherever match patterns can say so.
import { describe, expect, it } from 'vitest';
import { prng, SEED } from '../random';
import { registrationCovers, scriptCovers, scriptMatches } from '../../../settings/script-matches';
import { resolveSite, type SiteRule } from '../../../settings/site-rules';
import type { SiteMode } from '../../../settings/schema';

const on = (pattern: string): SiteRule => ({ pattern, enabled: true });
const off = (pattern: string): SiteRule => ({ pattern, enabled: false });

describe('the content script’s match patterns', () => {
  it('opt-out: every address, less the sites switched off', () => {
    expect(scriptMatches('opt-out', [])).toEqual({ matches: ['<all_urls>'], excludeMatches: [] });
    expect(scriptMatches('opt-out', [off('news.example'), off('*.ads.example'), on('on.example')])).toEqual({
      matches: ['<all_urls>'],
      excludeMatches: ['*://*.ads.example/*', '*://news.example/*'],
    });
  });

  it('opt-in: the sites switched on (a domain rule as *.domain, which covers the domain itself), or none', () => {
    expect(scriptMatches('opt-in', [])).toBeNull();
    expect(scriptMatches('opt-in', [off('news.example')])).toBeNull();
    expect(scriptMatches('opt-in', [on('127.0.0.1'), on('*.wikipedia.org'), off('elsewhere.example')])).toEqual({
      matches: ['*://*.wikipedia.org/*', '*://127.0.0.1/*'],
      excludeMatches: [],
    });
    expect(scriptCovers('wikipedia.org', 'opt-in', [on('*.wikipedia.org')])).toBe(true);
    expect(scriptCovers('en.wikipedia.org', 'opt-in', [on('*.wikipedia.org')])).toBe(true);
    expect(scriptCovers('wikipedia.org.evil.example', 'opt-in', [on('*.wikipedia.org')])).toBe(false);
  });

  it('leaves out a site switched off inside one switched on, unless a rule switches part of it back on', () => {
    const rules = [on('*.wikipedia.org'), off('de.wikipedia.org'), off('*.fr.wikipedia.org')];
    expect(scriptMatches('opt-in', rules)?.excludeMatches).toEqual([
      '*://*.fr.wikipedia.org/*',
      '*://de.wikipedia.org/*',
    ]);
    // "Off for *.fr.wikipedia.org, but on for one page of it": the domain cannot be left out.
    const back = [...rules, on('quebec.fr.wikipedia.org')];
    expect(scriptMatches('opt-in', back)?.excludeMatches).toEqual(['*://de.wikipedia.org/*']);
    expect(scriptCovers('quebec.fr.wikipedia.org', 'opt-in', back)).toBe(true);
    expect(scriptCovers('de.wikipedia.org', 'opt-in', back)).toBe(false);
    // A host rule is that host only: its subdomains follow the domain's rule.
    expect(scriptCovers('x.de.wikipedia.org', 'opt-in', back)).toBe(true);
  });

  it('covers web pages by host, files only with every address, and no other kind of address', () => {
    const all = scriptMatches('opt-out', [off('news.example')]);
    const some = scriptMatches('opt-in', [on('news.example')]);
    expect(registrationCovers(all, 'https://other.example/a')).toBe(true);
    expect(registrationCovers(all, 'http://NEWS.example:8080/a')).toBe(false);
    expect(registrationCovers(all, 'file:///home/a/notes.html')).toBe(true);
    expect(registrationCovers(some, 'file:///home/a/notes.html')).toBe(false);
    expect(registrationCovers(some, 'http://news.example:8080/a')).toBe(true);
    for (const url of ['about:blank', 'chrome://extensions/', 'moz-extension://x/popup.html', 'nonsense'])
      expect(registrationCovers(all, url), url).toBe(false);
    expect(registrationCovers(null, 'https://news.example/')).toBe(false);
  });

  it('never leaves out a site the rules light, in random rule sets, and nearly every dark one', () => {
    const rng = prng(SEED);
    const hosts = ['a.example', 'b.a.example', 'c.b.a.example', 'd.example', 'a.other', 'x.a.other', '10.0.0.1'];
    const patterns = [...hosts, ...hosts.filter((h) => !/^\d/.test(h)).map((h) => `*.${h}`)];
    let dark = 0;
    let darkTotal = 0;
    for (let i = 0; i < 2000; i++) {
      const mode: SiteMode = rng.pick(['opt-out', 'opt-in']);
      const rules = [...new Set(Array.from({ length: rng.int(5) }, () => rng.pick(patterns)))].map((pattern) => ({
        pattern,
        enabled: rng.next() < 0.5,
      }));
      for (const host of hosts) {
        const lit = resolveSite(host, true, rules, mode).enabled;
        const covered = scriptCovers(host, mode, rules);
        const where = `seed ${SEED}, case ${i}: ${mode} ${JSON.stringify(rules)} on ${host}`;
        if (lit) expect(covered, where).toBe(true);
        else {
          darkTotal++;
          if (!covered) dark++;
        }
      }
    }
    // Nearly every dark site gets no script at all (seed 20240607: 6,813 of 6,890); the rest are the "off, but a
    // part of it on" cases the session keeps dark.
    expect(dark / darkTotal).toBeGreaterThan(0.95);
  });
});
