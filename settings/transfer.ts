// Settings as a file: export everything as JSON, import it back. An import is all or nothing: the file is checked
// completely before anything is written, and a bad file is explained and changes nothing.
import {
  globalEnabledSetting,
  preferencesSetting,
  readSetting,
  siteModeSetting,
  siteRulesSetting,
  writeSettings,
} from './items';
import { serialized } from './write-lock';
import {
  describe,
  joinProblems,
  readGlobalEnabled,
  readPreferences,
  readRules,
  readSiteMode,
  type Preferences,
  type SiteMode,
} from './schema';
import { sortRules } from './site-domain';
import type { SiteRule } from './site-rules';
import { t } from '../core/i18n';

const SETTINGS_FILE_FORMAT = 'rls-lens-settings';
/**
 * 1 (0.1): globalEnabled, siteRules, preferences. 2 (0.2): adds siteMode. A version 1 file is still read: it was
 * written when every site without a rule was highlighted, so it imports as `opt-out` and its rules mean what they
 * meant. (Preferences gain fields without a new file version: a missing one takes its default, an unknown one is
 * ignored, in both directions.)
 */
const SETTINGS_FILE_VERSION = 2;

interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: number;
  exportedAt: string;
  globalEnabled: boolean;
  siteMode: SiteMode;
  siteRules: SiteRule[];
  preferences: Preferences;
}

type FileSettings = Pick<SettingsFile, 'globalEnabled' | 'siteMode' | 'siteRules' | 'preferences'>;
/** The fields each file version must have. */
const FIELDS: Record<number, (keyof FileSettings)[]> = {
  1: ['globalEnabled', 'siteRules', 'preferences'],
  2: ['globalEnabled', 'siteMode', 'siteRules', 'preferences'],
};

export class SettingsImportError extends Error {
  override name = 'SettingsImportError';
}

export async function exportSettings(): Promise<string> {
  const [globalEnabled, siteMode, siteRules, preferences] = await Promise.all([
    readSetting(globalEnabledSetting),
    readSetting(siteModeSetting),
    readSetting(siteRulesSetting),
    readSetting(preferencesSetting),
  ]);
  const file: SettingsFile = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: new Date().toISOString(),
    globalEnabled,
    siteMode,
    siteRules: sortRules(siteRules),
    preferences,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Checks a settings file; returns its settings or throws SettingsImportError naming every problem, in the reader's words. */
export function parseSettingsFile(json: string): FileSettings {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new SettingsImportError(t('settingsErrors.notJson'));
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== SETTINGS_FILE_FORMAT) {
    throw new SettingsImportError(t('settingsErrors.notSettingsFile'));
  }
  const file = data as Record<string, unknown>;
  const fields = typeof file.version === 'number' ? FIELDS[file.version] : undefined;
  if (!fields) {
    throw new SettingsImportError(t('settingsErrors.version', { version: describe(file.version) }));
  }
  const problems: string[] = [];
  for (const field of fields) {
    if (!(field in file)) problems.push(t('settingsErrors.missing', { field }));
  }
  const globalEnabled = readGlobalEnabled(file.globalEnabled, problems);
  // Absent from version 1 files (checked above for version 2): every site without a rule was highlighted then.
  const siteMode = fields.includes('siteMode') ? readSiteMode(file.siteMode, problems) : 'opt-out';
  const siteRules = readRules(file.siteRules, problems);
  const preferences = readPreferences(file.preferences, problems);
  if (problems.length > 0) {
    throw new SettingsImportError(t('settingsErrors.problems', problems.length, { problems: joinProblems(problems) }));
  }
  return { globalEnabled, siteMode, siteRules: sortRules(siteRules), preferences };
}

/** Replaces all settings with the file's. Throws SettingsImportError (and writes nothing) for a bad file. */
export async function importSettings(json: string): Promise<void> {
  const parsed = parseSettingsFile(json);
  return serialized(() =>
    writeSettings([
      { setting: globalEnabledSetting, value: parsed.globalEnabled },
      { setting: siteModeSetting, value: parsed.siteMode },
      { setting: siteRulesSetting, value: parsed.siteRules },
      { setting: preferencesSetting, value: parsed.preferences },
    ]),
  );
}
