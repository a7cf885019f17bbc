// Random JSON against the settings readers (storage and import files): they always return valid settings, never throw
// and never pollute prototypes; a settings file is imported whole or refused with SettingsImportError.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  readGlobalEnabled,
  readPreferences,
  readRules,
  readSiteMode,
  rulesFromV1,
  HIGHLIGHT_STYLES,
  THEMES,
  HOVER_DELAY_RANGE,
  SITE_MODES,
  TOOLTIP_TRIGGERS,
  CARD_TEXT_SIZES,
} from '../../../settings/schema';
import { isValidPattern } from '../../../settings/site-rules';
import { importSettings, parseSettingsFile, SettingsImportError, exportSettings } from '../../../settings/transfer';
import { readSettings } from '../../../settings';
import { prng, SEED, type Rng } from '../random';

const KEYS = [
  'hoverDelayMs',
  'highlightStyle',
  'firstOnly',
  'knownTerms',
  'theme',
  'trigger',
  'privateReading',
  'privateSites',
  'cardTextSize',
  'highContrast',
  'pattern',
  'enabled',
  'format',
  'version',
  'globalEnabled',
  'siteMode',
  'siteRules',
  'preferences',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
];
const STRINGS = [
  '',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '400',
  'true',
  'null',
  'both',
  'dark',
  'tint',
  'example.com',
  '*.example.com',
  'EXAMPLE.com',
  '*.',
  '*',
  'a..b',
  'x'.repeat(300),
  '__proto__',
  'rls-lens-settings',
  'ferritin',
  'Ferritin',
  '\u0000',
  '😀',
];
const NUMBERS = [0, -0, 1, -1, 399.5, 400, 2000, 2001, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 5e-324, 1.5];

/** A random JSON value (as JSON.parse would produce: `__proto__` becomes an own key, not a prototype). */
function randomJson(rng: Rng, depth = 0): unknown {
  const r = rng.next();
  if (depth > 3 || r < 0.35) {
    return rng.pick<unknown>([
      null,
      true,
      false,
      rng.pick(NUMBERS),
      rng.pick(STRINGS),
      rng.pick(HIGHLIGHT_STYLES),
      rng.pick(THEMES),
      rng.pick(TOOLTIP_TRIGGERS),
      rng.pick(SITE_MODES),
    ]);
  }
  if (r < 0.6) return Array.from({ length: rng.int(5) }, () => randomJson(rng, depth + 1));
  const text = `{${Array.from({ length: rng.int(6) }, () => `${JSON.stringify(rng.pick(KEYS))}:${JSON.stringify(randomJson(rng, depth + 1))}`).join(',')}}`;
  return JSON.parse(text);
}

function randomValidSettings(rng: Rng) {
  const rules = new Map<string, boolean>();
  for (let i = rng.int(5); i > 0; i--)
    rules.set(`${rng.next() < 0.3 ? '*.' : ''}site${rng.int(20)}.example.org`, rng.next() < 0.5);
  return {
    globalEnabled: rng.next() < 0.5,
    siteMode: rng.pick(SITE_MODES),
    siteRules: [...rules].map(([pattern, enabled]) => ({ pattern, enabled })),
    preferences: {
      hoverDelayMs: rng.int(HOVER_DELAY_RANGE.max + 1),
      highlightStyle: rng.pick(HIGHLIGHT_STYLES),
      firstOnly: rng.next() < 0.5,
      knownTerms: rng.next() < 0.5 ? [] : ['ferritin', 'dopamine', 'iron'].slice(0, 1 + rng.int(3)),
      theme: rng.pick(THEMES),
      trigger: rng.pick(TOOLTIP_TRIGGERS),
      privateReading: rng.next() < 0.5,
      privateSites: rng.next() < 0.5 ? [] : ['example.com', '*.wikipedia.org'].slice(0, 1 + Math.floor(rng.next() * 2)),
      cardTextSize: rng.pick(CARD_TEXT_SIZES),
      highContrast: rng.next() < 0.5,
    },
  };
}

function expectValidPreferences(p: unknown): void {
  expect(Object.keys(p as object).sort()).toEqual([
    'cardTextSize',
    'firstOnly',
    'highContrast',
    'highlightStyle',
    'hoverDelayMs',
    'knownTerms',
    'privateReading',
    'privateSites',
    'theme',
    'trigger',
  ]);
  const { hoverDelayMs, highlightStyle, firstOnly, theme, trigger, privateReading } = p as Record<string, unknown>;
  expect(typeof privateReading).toBe('boolean');
  const { privateSites } = p as Record<string, unknown>;
  expect(Array.isArray(privateSites) && privateSites.every((site) => typeof site === 'string')).toBe(true);
  const { knownTerms } = p as Record<string, unknown>;
  expect(Array.isArray(knownTerms) && knownTerms.every((id) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))).toBe(true);
  const { cardTextSize, highContrast } = p as Record<string, unknown>;
  expect(CARD_TEXT_SIZES).toContain(cardTextSize);
  expect(typeof highContrast).toBe('boolean');
  expect(TOOLTIP_TRIGGERS).toContain(trigger);
  expect(Number.isInteger(hoverDelayMs) && (hoverDelayMs as number) >= 0 && (hoverDelayMs as number) <= 2000).toBe(
    true,
  );
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
      const candidates = [
        value,
        (value as Record<string, unknown> | null)?.preferences,
        (value as Record<string, unknown> | null)?.siteRules,
      ];
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
      const file: unknown =
        rng.next() < 0.6
          ? {
              format: 'rls-lens-settings',
              version: rng.pick([1, 2, 2, 2, 3, 0, '2', 1.5, 1e308]),
              ...randomValidSettings(rng),
            }
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
        if (!(error instanceof SettingsImportError))
          throw new Error(`seed ${SEED + 3}, case ${i}: ${json}: ${String(error)}`);
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
      expect({
        globalEnabled: again.globalEnabled,
        mode: again.siteMode,
        preferences: again.preferences,
        rules: again.siteRules,
      }).toEqual({
        globalEnabled: read.globalEnabled,
        mode: read.mode,
        preferences: read.preferences,
        rules: read.rules,
      });
    }
  });
});
