// Settings as a file: export everything as JSON, import it back. An import is all or nothing: the file is checked
// completely before anything is written, and a bad file is explained and changes nothing.
import { globalEnabledSetting, preferencesSetting, readSetting, serialized, siteRulesSetting, writeSettings } from './items';
import { describe, readGlobalEnabled, readPreferences, readRules, type Preferences } from './schema';
import { sortRules } from './site-domain';
import type { SiteRule } from './site-rules';

const SETTINGS_FILE_FORMAT = 'rls-lens-settings';
const SETTINGS_FILE_VERSION = 1;

export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: number;
  exportedAt: string;
  globalEnabled: boolean;
  siteRules: SiteRule[];
  preferences: Preferences;
}

export class SettingsImportError extends Error {
  override name = 'SettingsImportError';
}

export async function exportSettings(): Promise<string> {
  const [globalEnabled, siteRules, preferences] = await Promise.all([
    readSetting(globalEnabledSetting),
    readSetting(siteRulesSetting),
    readSetting(preferencesSetting),
  ]);
  const file: SettingsFile = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: new Date().toISOString(),
    globalEnabled,
    siteRules: sortRules(siteRules),
    preferences,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Checks a settings file; returns its settings or throws SettingsImportError naming every problem. */
export function parseSettingsFile(json: string): Pick<SettingsFile, 'globalEnabled' | 'siteRules' | 'preferences'> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new SettingsImportError('This file is not an RLS Lens settings file: it is not valid JSON.');
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== SETTINGS_FILE_FORMAT) {
    throw new SettingsImportError('This file is not an RLS Lens settings file.');
  }
  const file = data as Record<string, unknown>;
  if (typeof file.version !== 'number' || file.version > SETTINGS_FILE_VERSION || file.version < 1) {
    throw new SettingsImportError(
      `This settings file has version ${describe(file.version)}, which this version of RLS Lens cannot read.`,
    );
  }
  const problems: string[] = [];
  for (const field of ['globalEnabled', 'siteRules', 'preferences']) {
    if (!(field in file)) problems.push(`${field} is missing`);
  }
  const globalEnabled = readGlobalEnabled(file.globalEnabled, problems);
  const siteRules = readRules(file.siteRules, problems);
  const preferences = readPreferences(file.preferences, problems);
  if (problems.length > 0) {
    throw new SettingsImportError(`Nothing was imported. The file has ${problems.length === 1 ? 'a problem' : 'problems'}: ${problems.join('; ')}.`);
  }
  return { globalEnabled, siteRules: sortRules(siteRules), preferences };
}

/** Replaces all settings with the file's. Throws SettingsImportError (and writes nothing) for a bad file. */
export async function importSettings(json: string): Promise<void> {
  const parsed = parseSettingsFile(json);
  return serialized(() =>
    writeSettings([
      { setting: globalEnabledSetting, value: parsed.globalEnabled },
      { setting: siteRulesSetting, value: parsed.siteRules },
      { setting: preferencesSetting, value: parsed.preferences },
    ]),
  );
}
