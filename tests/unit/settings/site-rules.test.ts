import { describe, expect, it } from 'vitest';
import { isValidPattern, parsePatternInput, resolveSite, type SiteRule } from '../../../settings/site-rules';
import { coversManySites, displayPattern, patternFor, siteDomain, sortRules } from '../../../settings/site-domain';
import { readRules } from '../../../settings/schema';
import { load, freshBrowser } from './fresh-settings';

const quiet = freshBrowser();

describe('the domain of a host, from the Public Suffix List', () => {
  it.each([
    ['en.wikipedia.org', 'wikipedia.org'],
    ['news.bbc.co.uk', 'bbc.co.uk'],
    ['www.abc.net.au', 'abc.net.au'],
    ['medlineplus.gov', 'medlineplus.gov'],
    ['cks.nice.org.uk', 'nice.org.uk'],
  ])('%s belongs to %s', (host, domain) => {
    expect(siteDomain(host)).toBe(domain);
  });

  it.each([['alice.github.io'], ['x.blogspot.com'], ['y.netlify.app'], ['z.pages.dev'], ['w.vercel.app']])(
    'treats %s on a shared host as a site of its own',
    (host) => {
      expect(siteDomain(host)).toBe(host);
      expect(siteDomain(`blog.${host}`)).toBe(host);
    },
  );

  it.each([['github.io'], ['co.uk'], ['localhost'], ['intranet'], ['10.0.0.1'], ['[::1]'], ['']])(
    'gives %j no domain (a public suffix, a single label or an address)',
    (host) => {
      expect(siteDomain(host)).toBeNull();
    },
  );

  it('finds the domain of internationalised names in their stored (punycode) form', () => {
    expect(siteDomain('www.xn--bcher-kva.de')).toBe('xn--bcher-kva.de');
    expect(siteDomain('xn--r8jz45g.xn--zckzah')).toBe('xn--r8jz45g.xn--zckzah');
  });
});

describe('whole-domain rules on shared hosts', () => {
  it('makes the whole-domain pattern of alice.github.io cover that site only', () => {
    const pattern = patternFor('alice.github.io', 'domain');
    expect(pattern).toBe('*.alice.github.io');
    const rules: SiteRule[] = [{ pattern, enabled: false }];
    expect(resolveSite('alice.github.io', true, rules, 'opt-out').enabled).toBe(false);
    expect(resolveSite('docs.alice.github.io', true, rules, 'opt-out').enabled).toBe(false);
    expect(resolveSite('bob.github.io', true, rules, 'opt-out')).toEqual({ enabled: true, rule: null });
  });

  it('switching "all of the domain" off from a GitHub Pages site leaves other GitHub Pages sites alone', async () => {
    const s = await load();
    await s.setSiteEnabled('alice.github.io', false, 'domain');
    expect((await s.readSettings()).rules).toEqual([{ pattern: '*.alice.github.io', enabled: false }]);
    expect(await s.siteSettings('bob.github.io')).toMatchObject({ enabled: true, rule: null });
    expect(await s.siteSettings('alice.github.io')).toMatchObject({ enabled: false });
  });

  it('still covers a country-code registry name: bbc.co.uk, not all of co.uk', () => {
    expect(patternFor('news.bbc.co.uk', 'domain')).toBe('*.bbc.co.uk');
    expect(patternFor('co.uk', 'domain')).toBe('co.uk');
  });
});

describe('a *.github.io rule stored by an older version', () => {
  const legacy: SiteRule = { pattern: '*.github.io', enabled: false };

  it('stays a valid rule, read back without a warning', () => {
    const problems: string[] = [];
    expect(readRules([legacy], problems)).toEqual([legacy]);
    expect(problems).toEqual([]);
  });

  it('keeps meaning what the person chose: every GitHub Pages site', () => {
    expect(resolveSite('bob.github.io', true, [legacy], 'opt-out')).toEqual({ enabled: false, rule: legacy });
  });

  it('is reported as covering many sites, unlike a per-site domain rule', () => {
    expect(coversManySites('*.github.io')).toBe(true);
    expect(coversManySites('*.co.uk')).toBe(true);
    expect(coversManySites('*.alice.github.io')).toBe(false);
    expect(coversManySites('*.wikipedia.org')).toBe(false);
    expect(coversManySites('github.io')).toBe(false);
  });

  it('sorts and reads without trouble beside newer rules', async () => {
    const s = await load({ siteRules: [{ pattern: 'alice.github.io', enabled: true }, legacy], siteRules$: { v: 2 } });
    expect((await s.readSettings()).rules.map((r) => r.pattern)).toEqual(['alice.github.io', '*.github.io']);
    expect(quiet.warn).not.toHaveBeenCalled();
  });

  it('gives way to a narrower rule for one site made by this version', async () => {
    const s = await load({ siteRules: [legacy], siteRules$: { v: 2 } });
    await s.setSiteEnabled('alice.github.io', true, 'domain');
    expect(await s.siteSettings('alice.github.io')).toMatchObject({
      enabled: true,
      rule: { pattern: '*.alice.github.io' },
    });
    expect(await s.siteSettings('bob.github.io')).toMatchObject({ enabled: false, rule: legacy });
  });
});

describe('internationalised domain names in the site list', () => {
  it.each([
    ['bücher.de', 'xn--bcher-kva.de'],
    ['*.bücher.de', '*.xn--bcher-kva.de'],
    ['https://bücher.de/x', 'xn--bcher-kva.de'],
    ['BÜCHER.DE', 'xn--bcher-kva.de'],
    ['bücher。de', 'xn--bcher-kva.de'],
    ['https://www.bücher.de:8080/a?b#c', 'www.xn--bcher-kva.de'],
    ['例え.テスト', 'xn--r8jz45g.xn--zckzah'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
  ])('stores %j as %j, the form browsers report in location.hostname', (typed, stored) => {
    expect(parsePatternInput(typed)).toBe(stored);
    expect(isValidPattern(stored)).toBe(true);
  });

  it.each([['bü cher.de'], ['*.'], ['https://'], ['*.10.0.0.1']])('rejects %j', (typed) => {
    expect(parsePatternInput(typed)).toBeNull();
  });

  it('matches a typed Unicode rule against the punycode host the content script sees', () => {
    const rules = [{ pattern: parsePatternInput('*.bücher.de')!, enabled: false }];
    expect(resolveSite('www.xn--bcher-kva.de', true, rules, 'opt-out').enabled).toBe(false);
  });

  it.each([
    ['xn--bcher-kva.de', 'bücher.de'],
    ['*.xn--bcher-kva.de', '*.bücher.de'],
    ['xn--r8jz45g.xn--zckzah', '例え.テスト'],
    ['en.wikipedia.org', 'en.wikipedia.org'],
    ['*.github.io', '*.github.io'],
  ])('shows %j as %j', (stored, shown) => {
    expect(displayPattern(stored)).toBe(shown);
  });

  it.each([['xn--abc-.com'], ['xn--zz.com'], ['xn--a.com'], ['xn--99999999999999999.com']])(
    'shows the malformed punycode %j as stored, never as another name',
    (stored) => {
      expect(displayPattern(stored)).toBe(stored);
    },
  );
});

describe('the order of the site list', () => {
  it('groups sites on a shared host by site, not under the shared host', () => {
    const rules = [
      'docs.alice.github.io',
      'bob.github.io',
      '*.github.io',
      'a.zed.example',
      'alice.github.io',
      'b.example',
    ].map((pattern) => ({ pattern, enabled: false }));
    expect(sortRules(rules).map((r) => r.pattern)).toEqual([
      'alice.github.io',
      'docs.alice.github.io',
      'b.example',
      'bob.github.io',
      '*.github.io',
      'a.zed.example',
    ]);
  });
});

describe('rule precedence', () => {
  const rules = [
    { pattern: '*.wikipedia.org', enabled: false },
    { pattern: 'de.wikipedia.org', enabled: true },
    { pattern: '*.en.wikipedia.org', enabled: true },
  ];
  it('lets a host rule win over its domain rule', async () => {
    const { resolveSite } = await load();
    expect(resolveSite('de.wikipedia.org', true, rules, 'opt-out')).toEqual({ enabled: true, rule: rules[1] });
  });
  it('applies a domain rule to the domain itself and to every subdomain', async () => {
    const { resolveSite } = await load();
    expect(resolveSite('wikipedia.org', true, rules, 'opt-out')).toEqual({ enabled: false, rule: rules[0] });
    expect(resolveSite('fr.m.wikipedia.org', true, rules, 'opt-out')).toEqual({ enabled: false, rule: rules[0] });
  });
  it('lets a narrower domain rule win over a wider one', async () => {
    const { resolveSite } = await load();
    expect(resolveSite('m.en.wikipedia.org', true, rules, 'opt-out').rule).toEqual(rules[2]);
  });
  it('does not apply a domain rule to a host that merely ends with the same letters', async () => {
    const { resolveSite } = await load();
    expect(resolveSite('notwikipedia.org', true, rules, 'opt-out')).toEqual({ enabled: true, rule: null });
  });
  it('switches every site off while the global switch is off, keeping the rule that would apply', async () => {
    const { resolveSite } = await load();
    expect(resolveSite('de.wikipedia.org', false, rules, 'opt-out')).toEqual({ enabled: false, rule: rules[1] });
    expect(resolveSite('example.com', false, rules, 'opt-out')).toEqual({ enabled: false, rule: null });
  });
  it('matches hosts regardless of case and a trailing dot', async () => {
    const { resolveSite } = await load();
    expect(resolveSite('DE.Wikipedia.org.', true, rules, 'opt-out').rule).toEqual(rules[1]);
  });
});

describe('patterns typed by a person', () => {
  it('accepts hosts, *.domains and pasted addresses, and nothing else', async () => {
    const { parsePatternInput } = await load();
    expect(parsePatternInput(' Example.COM ')).toBe('example.com');
    expect(parsePatternInput('*.wikipedia.org')).toBe('*.wikipedia.org');
    expect(parsePatternInput('https://en.wikipedia.org/wiki/Iron')).toBe('en.wikipedia.org');
    expect(parsePatternInput('localhost:8080')).toBe('localhost');
    expect(parsePatternInput('not a host')).toBeNull();
    expect(parsePatternInput('')).toBeNull();
    expect(parsePatternInput('*.127.0.0.1')).toBeNull();
  });
});
