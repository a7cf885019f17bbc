// Random inputs against the two places that read text nobody controls: the matcher (page text) and the settings
// readers (storage and import files). A seeded PRNG makes every failure replay: the seed and the case index are in
// the failure message, and FUZZ_SEED=<n> reruns with another seed.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import glossary from 'virtual:rls-lens/glossary';
import type { Match, SurfaceForm } from '../../core/matcher';
import * as pageData from 'virtual:rls-lens/page-data';
import { matcherFrom } from '../../core/matcher';
import { compileMatcher } from '../../core/matcher-compile';
import {
  readGlobalEnabled, readPreferences, readRules, readSiteMode, rulesFromV1, HIGHLIGHT_STYLES, THEMES, HOVER_DELAY_RANGE, SITE_MODES,
  TOOLTIP_TRIGGERS,
} from '../../settings/schema';
import { isValidPattern } from '../../settings/site-rules';
import { importSettings, parseSettingsFile, SettingsImportError, exportSettings } from '../../settings/transfer';
import { readSettings } from '../../settings';
import { naiveFind } from './naive-matcher';

const SEED = Number(process.env.FUZZ_SEED ?? 20240607);

/** mulberry32: tiny, fast, and the same sequence for the same seed on every machine. */
function prng(seed: number) {
  let a = seed | 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

// Numbered by form, as the content script's matcher is (glossary/page-data.ts).
const FORMS: SurfaceForm[] = glossary.forms.map((form, i) => ({ text: form.text, entry: i }));
const SEPARATORS = [' ', '-', '\u2010', '\u2011', '\u2013', '\n', '\t', '\u00a0', '  ', ' \n ', '-\n'];
const NOISE = [
  'e', 'x', 'S', '_', '1', '.', ',', '(', ')', '"', '/', 'é', 'e\u0301', '\u0301', '\u0308', 'ß', 'İ', 'ı', 'ſ',
  '\u212a', 'Σ', 'ς', '😀', '\u{1d49c}', '\u{10400}', '\ud800', '\udc00', 'دوبامين', 'עברית', '\u200f', '\u200e',
  '铁蛋白', '多巴胺', 'ｒｌｓ', 'env', 'ment', 'ic', 'URL', 's', 'http://x.org/rls', '\u00ad', '\u200b',
];

/** A form as pages write it: any case, separators swapped, maybe cut short or glued to a neighbour. */
function mangle(rng: Rng, form: string): string {
  let out = '';
  for (const ch of form) {
    if (ch === ' ' || ch === '-') out += rng.pick(SEPARATORS);
    else if (rng.next() < 0.1) out += rng.next() < 0.5 ? ch.toUpperCase() : ch.toLowerCase();
    else out += ch;
  }
  const r = rng.next();
  if (r < 0.05) out = out.slice(0, Math.max(1, out.length - 1 - rng.int(3)));
  else if (r < 0.1) out = out.toUpperCase();
  return out;
}

function randomText(rng: Rng, forms: readonly SurfaceForm[], pieces: number): string {
  let text = '';
  for (let i = 0; i < pieces; i++) {
    const r = rng.next();
    if (r < 0.4) text += mangle(rng, rng.pick(forms).text);
    else if (r < 0.7) text += rng.pick(SEPARATORS);
    else text += rng.pick(NOISE);
  }
  return text;
}

/** Matches must be ordered, disjoint, inside the text and name a real form. */
function checkShape(text: string, matches: Match[], formCount: number): void {
  let last = 0;
  for (const m of matches) {
    if (!(m.start >= last && m.end > m.start && m.end <= text.length && m.entry >= 0 && m.entry < formCount)) {
      throw new Error(`bad match ${JSON.stringify(m)} in ${JSON.stringify(text)}`);
    }
    last = m.end;
  }
}

describe('matcher under random text', () => {
  it('never throws and returns ordered, disjoint matches on 100,000 strings with every glossary form', () => {
    const rng = prng(SEED);
    const matcher = compileMatcher(FORMS);
    // What pages run: the same data, as the build wrote it into the content script (a regex literal, a string).
    const precompiled = matcherFrom(pageData.matcher);
    let found = 0;
    for (let i = 0; i < 100_000; i++) {
      const text = randomText(rng, FORMS, 1 + rng.int(12));
      let matches: Match[];
      try {
        matches = matcher.find(text);
        checkShape(text, matches, glossary.forms.length);
        if (JSON.stringify(precompiled.find(text)) !== JSON.stringify(matches)) throw new Error('the precompiled matcher differs');
        if (matches.length > 0 && !precompiled.mayHold(text)) throw new Error('mayHold said no to a text with a term');
      } catch (error) {
        throw new Error(`seed ${SEED}, case ${i}: ${JSON.stringify(text)}: ${String(error)}`);
      }
      found += matches.length;
    }
    // The generator is useless if it rarely produces a real term.
    expect(found).toBeGreaterThan(20_000);
  }, 60_000);

  it('finds exactly what the naive reference finds (differential)', () => {
    const rng = prng(SEED + 1);
    // The naive matcher tries every form at every position: a subset of forms (multi-word, acronyms, shared
    // prefixes) and short strings keep this in seconds; a smaller run uses every form.
    const subset = FORMS.filter((f, i) => /[ -]/.test(f.text) || /^[A-Z]{2,}/.test(f.text) || i % 7 === 0);
    const runs: [readonly SurfaceForm[], number][] = [[subset, 30_000], [FORMS, 3_000]];
    let compared = 0;
    let withMatches = 0;
    for (const [forms, count] of runs) {
      // Both ways of finding candidates: the regex, and looking at each character (a frame's first few thousand).
      const byRegex = compileMatcher(forms, { searchByCharacter: 0 });
      const byCharacter = compileMatcher(forms, { searchByCharacter: Infinity });
      for (let i = 0; i < count; i++) {
        const text = randomText(rng, forms, 1 + rng.int(6));
        const want = naiveFind([...forms], text);
        for (const [how, matcher] of [['regex', byRegex], ['character', byCharacter]] as const) {
          const got = matcher.find(text);
          if (JSON.stringify(got) !== JSON.stringify(want)) {
            expect({ seed: SEED + 1, case: i, how, forms: forms.length, text, got }).toEqual({ seed: SEED + 1, case: i, how, forms: forms.length, text, got: want });
          }
        }
        compared++;
        if (want.length) withMatches++;
      }
    }
    expect(compared).toBe(33_000);
    expect(withMatches).toBeGreaterThan(compared / 3);
  }, 60_000);
});

// ---- settings ----

const KEYS = ['hoverDelayMs', 'highlightStyle', 'firstOnly', 'theme', 'trigger', 'pattern', 'enabled', 'format', 'version',
  'globalEnabled', 'siteMode', 'siteRules', 'preferences', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const STRINGS = ['', 'NaN', 'Infinity', '-Infinity', '1e999', '400', 'true', 'null', 'both', 'dark', 'tint',
  'example.com', '*.example.com', 'EXAMPLE.com', '*.', '*', 'a..b', 'x'.repeat(300), '__proto__', 'rls-lens-settings', '\u0000', '😀'];
const NUMBERS = [0, -0, 1, -1, 399.5, 400, 2000, 2001, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 5e-324, 1.5];

/** A random JSON value (as JSON.parse would produce: `__proto__` becomes an own key, not a prototype). */
function randomJson(rng: Rng, depth = 0): unknown {
  const r = rng.next();
  if (depth > 3 || r < 0.35) {
    return rng.pick<unknown>([
      null, true, false, rng.pick(NUMBERS), rng.pick(STRINGS), rng.pick(HIGHLIGHT_STYLES), rng.pick(THEMES), rng.pick(TOOLTIP_TRIGGERS),
      rng.pick(SITE_MODES),
    ]);
  }
  if (r < 0.6) return Array.from({ length: rng.int(5) }, () => randomJson(rng, depth + 1));
  const text = `{${Array.from({ length: rng.int(6) }, () => `${JSON.stringify(rng.pick(KEYS))}:${JSON.stringify(randomJson(rng, depth + 1))}`).join(',')}}`;
  return JSON.parse(text);
}

function randomValidSettings(rng: Rng) {
  const rules = new Map<string, boolean>();
  for (let i = rng.int(5); i > 0; i--) rules.set(`${rng.next() < 0.3 ? '*.' : ''}site${rng.int(20)}.example.org`, rng.next() < 0.5);
  return {
    globalEnabled: rng.next() < 0.5,
    siteMode: rng.pick(SITE_MODES),
    siteRules: [...rules].map(([pattern, enabled]) => ({ pattern, enabled })),
    preferences: {
      hoverDelayMs: rng.int(HOVER_DELAY_RANGE.max + 1),
      highlightStyle: rng.pick(HIGHLIGHT_STYLES),
      firstOnly: rng.next() < 0.5,
      theme: rng.pick(THEMES),
      trigger: rng.pick(TOOLTIP_TRIGGERS),
    },
  };
}

function expectValidPreferences(p: unknown): void {
  expect(Object.keys(p as object).sort()).toEqual(['firstOnly', 'highlightStyle', 'hoverDelayMs', 'theme', 'trigger']);
  const { hoverDelayMs, highlightStyle, firstOnly, theme, trigger } = p as Record<string, unknown>;
  expect(TOOLTIP_TRIGGERS).toContain(trigger);
  expect(Number.isInteger(hoverDelayMs) && (hoverDelayMs as number) >= 0 && (hoverDelayMs as number) <= 2000).toBe(true);
  expect(HIGHLIGHT_STYLES).toContain(highlightStyle);
  expect(typeof firstOnly).toBe('boolean');
  expect(THEMES).toContain(theme);
}

function expectValidRules(rules: unknown): void {
  expect(Array.isArray(rules)).toBe(true);
  const seen = new Set<string>();
  for (const rule of rules as { pattern: unknown; enabled: unknown }[]) {
    expect(Object.keys(rule).sort()).toEqual(['enabled', 'pattern']);
    expect(typeof rule.pattern === 'string' && isValidPattern(rule.pattern) && !seen.has(rule.pattern)).toBe(true);
    expect(typeof rule.enabled).toBe('boolean');
    seen.add(rule.pattern as string);
  }
}

describe('settings readers under random JSON', () => {
  beforeEach(() => fakeBrowser.reset());

  it('always return valid settings and never throw or pollute prototypes', () => {
    const rng = prng(SEED + 2);
    for (let i = 0; i < 20_000; i++) {
      const value = rng.next() < 0.3 ? { [rng.pick(['preferences', 'siteRules'])]: randomJson(rng) } : randomJson(rng);
      const candidates = [value, (value as Record<string, unknown> | null)?.preferences, (value as Record<string, unknown> | null)?.siteRules];
      for (const candidate of candidates) {
        const problems: string[] = [];
        expectValidPreferences(readPreferences(candidate, problems));
        expectValidRules(readRules(candidate, problems));
        expectValidRules(readRules(rulesFromV1(candidate), problems));
        expect(typeof readGlobalEnabled(candidate, problems)).toBe('boolean');
        expect(SITE_MODES).toContain(readSiteMode(candidate, problems));
        expect(problems.every((p) => typeof p === 'string')).toBe(true);
      }
      expect(({} as Record<string, unknown>).hoverDelayMs, `case ${i} polluted Object.prototype`).toBeUndefined();
    }
  }, 60_000);

  it('parses random settings files only into valid settings, and rejects the rest with SettingsImportError', () => {
    const rng = prng(SEED + 3);
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      // Mostly well-formed files, otherwise any JSON value at all (null, a number, a list…).
      const file: unknown = rng.next() < 0.6
        ? { format: 'rls-lens-settings', version: rng.pick([1, 2, 2, 2, 3, 0, '2', 1.5, 1e308]), ...randomValidSettings(rng) }
        : randomJson(rng);
      // Spoil one field now and then, with a random value or a prototype-pollution key.
      if (rng.next() < 0.5 && typeof file === 'object' && file) {
        const key = rng.pick(['globalEnabled', 'siteMode', 'siteRules', 'preferences', '__proto__', 'format']);
        (file as Record<string, unknown>)[key] = randomJson(rng);
      }
      const json = rng.next() < 0.05 ? JSON.stringify(file).slice(0, -1) : JSON.stringify(file);
      try {
        const parsed = parseSettingsFile(json);
        accepted++;
        expect(typeof parsed.globalEnabled).toBe('boolean');
        expect(SITE_MODES).toContain(parsed.siteMode);
        expectValidRules(parsed.siteRules);
        expectValidPreferences(parsed.preferences);
      } catch (error) {
        if (!(error instanceof SettingsImportError)) throw new Error(`seed ${SEED + 3}, case ${i}: ${json}: ${String(error)}`);
      }
    }
    expect(accepted).toBeGreaterThan(1000);
  }, 60_000);

  it('round-trips random valid settings through import and export', async () => {
    const rng = prng(SEED + 4);
    for (let i = 0; i < 200; i++) {
      const settings = randomValidSettings(rng);
      await importSettings(JSON.stringify({ format: 'rls-lens-settings', version: 2, exportedAt: 'x', ...settings }));
      const read = await readSettings();
      expect(read.globalEnabled).toBe(settings.globalEnabled);
      expect(read.mode).toBe(settings.siteMode);
      expect(read.preferences).toEqual(settings.preferences);
      expect([...read.rules].sort((a, b) => a.pattern.localeCompare(b.pattern))).toEqual(
        [...settings.siteRules].sort((a, b) => a.pattern.localeCompare(b.pattern)),
      );
      const again = JSON.parse(await exportSettings());
      expect({ globalEnabled: again.globalEnabled, mode: again.siteMode, preferences: again.preferences, rules: again.siteRules }).toEqual({
        globalEnabled: read.globalEnabled, mode: read.mode, preferences: read.preferences, rules: read.rules,
      });
    }
  });
});
