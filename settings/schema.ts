// The shape of every stored setting, its default, and the checks a stored or imported value must pass.
// Storage is written by older and newer versions of the extension and by hand-edited import files, so nothing
// read back is trusted: each value is validated, and a bad one costs only itself (with a console warning).
//
// A value a newer version wrote (its version stamp, `${key}$`, above this version's: settings/stored-keys.ts) is
// that version's, in a shape this one may misread. The minimal honest behaviour, for each setting on its own:
// - kept as it is: never migrated down (WXT's start-up migration stops at a downgrade), never written over, never
//   wiped. Every write of it is refused, writing nothing, with a SettingsWriteError ('newer', in the catalogue's
//   words: settings/items.ts writeSettings), and an import, all or nothing, is refused whole;
// - read as this setting's defaults (settings/specs.ts fromStored), with a console warning; the other settings,
//   at versions this one knows, are read and written as usual;
// - said where the reader sees settings: one line in the popup and the overview names the settings a newer version
//   saved (settings/newer-settings.ts, components/shared/newer-settings-note.tsx).
// Reading the fields this version knows out of a newer value was not chosen: a newer version that bumped the
// version changed what the value means, and a half-understood value applied to pages would be worse than the
// defaults this version says it uses. Updating RLS Lens brings everything back as it was.
import { HIGHLIGHT_STYLES, type HighlightStyle } from '../core/page-names';
import { isValidPattern, normalizeHost, type SiteRule } from './site-rules';
import { t } from '../core/i18n';

export { HIGHLIGHT_STYLES, type HighlightStyle };
export type Theme = 'auto' | 'light' | 'dark';
/**
 * What opens a tooltip with a mouse or pen: resting on a term (`hover`), resting on it while Alt (Option on a Mac)
 * is held (`alt-hover`), or clicking it (`click`). Taps on a touch screen and the keyboard commands open tooltips
 * in every mode.
 */
export type TooltipTrigger = 'hover' | 'alt-hover' | 'click';

/**
 * Which sites are highlighted when no rule names them: every site (`opt-out`: "all sites except those I switch
 * off"), or none (`opt-in`: "only the sites I switch on"). Rules say on or off explicitly, so they mean the same in
 * both modes; the mode only decides for sites without a rule.
 */
export type SiteMode = 'opt-out' | 'opt-in';
export const SITE_MODES: readonly SiteMode[] = ['opt-out', 'opt-in'];
export const DEFAULT_SITE_MODE: SiteMode = 'opt-out';

/** The size of a card's text (the page's card, the popup's and the side panel's): 100%, 125% or 150%. */
export type CardTextSize = 'normal' | 'large' | 'larger';
export const CARD_TEXT_SIZES: readonly CardTextSize[] = ['normal', 'large', 'larger'];

export interface Preferences {
  /** How long the pointer rests on a term before its tooltip opens. */
  hoverDelayMs: number;
  highlightStyle: HighlightStyle;
  /** Highlight only the first occurrence of each entry on a page. */
  firstOnly: boolean;
  /**
   * Entries the reader marked "I know this" on a card (issue 19): drawn quieter on every page (a highlight of their
   * own, core/page-names.ts FAINT_HIGHLIGHT), still opening their cards. Entry ids, as the glossary names them.
   */
  knownTerms: readonly string[];
  /** Colour scheme of the popup, the overview page and the tooltip; `auto` follows the system. */
  theme: Theme;
  /** What opens a tooltip with a mouse or pen. */
  trigger: TooltipTrigger;
  /**
   * Private reading: the page gets nothing of RLS Lens — no highlight registered, no element, no attribute. A term
   * the pointer rests on (or the keyboard steps to) shows its card in the side panel instead of in the page.
   */
  privateReading: boolean;
  /**
   * Sites read privately even while `privateReading` is off: hostnames (the popup's "on this site" switch) or
   * whole domains (`*.example.org`), as the site rules name them (settings/private-reading.ts).
   */
  privateSites: readonly string[];
  /** Reading comfort: the text size of every card (in pages, the popup and the side panel). */
  cardTextSize: CardTextSize;
  /** Reading comfort: cards in high contrast (black on white or white on black, solid borders, thick focus). */
  highContrast: boolean;
}

/** More private sites than anyone switches on by hand; a bigger list is an import gone wrong. */
const MAX_PRIVATE_SITES = 1000;
/** Far more than the glossary's entries: a bigger list of known terms is not ours. */
const MAX_KNOWN_TERMS = 1000;
const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const HOVER_DELAY_RANGE = { min: 0, max: 2000 } as const;
export const THEMES: readonly Theme[] = ['auto', 'light', 'dark'];
export const TOOLTIP_TRIGGERS: readonly TooltipTrigger[] = ['hover', 'alt-hover', 'click'];

export const DEFAULT_PREFERENCES: Readonly<Preferences> = Object.freeze({
  hoverDelayMs: 400,
  highlightStyle: 'both',
  firstOnly: false,
  knownTerms: Object.freeze([]) as readonly string[],
  theme: 'auto',
  trigger: 'hover',
  privateReading: false,
  privateSites: Object.freeze([]) as readonly string[],
  cardTextSize: 'normal',
  highContrast: false,
});
export const DEFAULT_GLOBAL_ENABLED = true;

/** What is wrong with a value, each problem in the reader's words (they reach a person through a settings file's import). */
export type Problems = string[];

/** Problems as one sentence's worth of text, for an error message. */
export const joinProblems = (problems: Problems): string => problems.join(t('settingsErrors.separator'));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const CHECKS: { [K in keyof Preferences]: (value: unknown) => value is Preferences[K] } = {
  hoverDelayMs: (v): v is number =>
    typeof v === 'number' && Number.isInteger(v) && v >= HOVER_DELAY_RANGE.min && v <= HOVER_DELAY_RANGE.max,
  highlightStyle: (v): v is HighlightStyle => (HIGHLIGHT_STYLES as readonly unknown[]).includes(v),
  firstOnly: (v): v is boolean => typeof v === 'boolean',
  knownTerms: (v): v is readonly string[] =>
    Array.isArray(v) &&
    v.length <= MAX_KNOWN_TERMS &&
    v.every((id) => typeof id === 'string' && ENTRY_ID.test(id)) &&
    new Set(v).size === v.length,
  theme: (v): v is Theme => THEMES.includes(v as Theme),
  trigger: (v): v is TooltipTrigger => TOOLTIP_TRIGGERS.includes(v as TooltipTrigger),
  privateReading: (v): v is boolean => typeof v === 'boolean',
  privateSites: (v): v is readonly string[] =>
    Array.isArray(v) &&
    v.length <= MAX_PRIVATE_SITES &&
    v.every((p) => typeof p === 'string' && isValidPattern(p)) &&
    new Set(v).size === v.length,
  cardTextSize: (v): v is CardTextSize => CARD_TEXT_SIZES.includes(v as CardTextSize),
  highContrast: (v): v is boolean => typeof v === 'boolean',
};
const PREFERENCE_KEYS = Object.keys(CHECKS) as (keyof Preferences)[];

/**
 * Preferences from an untrusted value. Each field is checked on its own: a bad hover delay falls back to its
 * default and keeps the theme the person chose. Unknown fields (from a newer version) are ignored.
 */
export function readPreferences(value: unknown, problems: Problems): Preferences {
  if (value === null || value === undefined) return { ...DEFAULT_PREFERENCES };
  if (!isRecord(value)) {
    problems.push(t('settingsErrors.preferencesNotObject', { value: describe(value) }));
    return { ...DEFAULT_PREFERENCES };
  }
  const out = { ...DEFAULT_PREFERENCES } as Record<keyof Preferences, unknown>;
  for (const key of PREFERENCE_KEYS) {
    if (!(key in value)) continue;
    if (CHECKS[key](value[key])) out[key] = value[key];
    else problems.push(t('settingsErrors.preferenceNotAllowed', { key, value: describe(value[key]) }));
  }
  return out as Preferences;
}

/** Site rules from an untrusted value. A malformed rule is dropped on its own; the others stay in force. */
export function readRules(value: unknown, problems: Problems): SiteRule[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(t('settingsErrors.rulesNotList', { value: describe(value) }));
    return [];
  }
  const seen = new Set<string>();
  const rules: SiteRule[] = [];
  value.forEach((rule: unknown, i) => {
    if (!isRecord(rule) || typeof rule.pattern !== 'string' || typeof rule.enabled !== 'boolean') {
      problems.push(t('settingsErrors.ruleShape', { number: i + 1, value: describe(rule) }));
    } else if (!isValidPattern(rule.pattern)) {
      problems.push(t('settingsErrors.ruleNotPattern', { number: i + 1, pattern: rule.pattern }));
    } else if (seen.has(rule.pattern)) {
      problems.push(t('settingsErrors.ruleTwice', { number: i + 1, pattern: rule.pattern }));
    } else {
      seen.add(rule.pattern);
      rules.push({ pattern: rule.pattern, enabled: rule.enabled });
    }
  });
  return rules;
}

export function readGlobalEnabled(value: unknown, problems: Problems): boolean {
  if (value === null || value === undefined) return DEFAULT_GLOBAL_ENABLED;
  if (typeof value === 'boolean') return value;
  problems.push(t('settingsErrors.globalNotBoolean', { value: describe(value) }));
  return DEFAULT_GLOBAL_ENABLED;
}

export function readSiteMode(value: unknown, problems: Problems): SiteMode {
  if (value === null || value === undefined) return DEFAULT_SITE_MODE;
  if (SITE_MODES.includes(value as SiteMode)) return value as SiteMode;
  problems.push(t('settingsErrors.siteModeInvalid', { value: describe(value) }));
  return DEFAULT_SITE_MODE;
}

/** Version 1 of the site rules (development builds before 0.1) was a map of hostname → enabled. */
export function rulesFromV1(value: unknown): unknown {
  if (!isRecord(value)) return value; // left for validation to report
  return Object.entries(value).map(([host, enabled]) => ({ pattern: normalizeHost(host), enabled }));
}

/** A value as a problem names it: JSON's own words for null, strings, numbers and booleans; the reader's for lists and objects. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return t('settingsErrors.aList');
  if (typeof value === 'object') return t('settingsErrors.anObject');
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}
