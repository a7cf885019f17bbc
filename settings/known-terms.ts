// "I know this" (issue 19): the entries the reader marked as known, a preference (`knownTerms`) so it travels with the
// settings file and reaches every frame through the settings watch the page session already has. Written by the
// background (a card in a page asks it: `rls-lens:know`) and by the extension's pages; no Public Suffix List here.
import { preferencesSetting, readSetting, writeSettings } from './items';
import { serialized } from './write-lock';
import { joinProblems, readPreferences } from './schema';

/** The known entries with `entryId` added (known) or taken out, in the order they were marked. */
function knownWith(known: readonly string[], entryId: string, on: boolean): string[] {
  const rest = known.filter((id) => id !== entryId);
  return on ? [...rest, entryId] : rest;
}

/** Marks an entry as known, or not any more. Throws a RangeError, changing nothing, for an id that cannot be one. */
export function setKnown(entryId: string, known: boolean): Promise<void> {
  return serialized(async () => {
    const current = await readSetting(preferencesSetting);
    const next = { ...current, knownTerms: knownWith(current.knownTerms, entryId, known) };
    const problems: string[] = [];
    const checked = readPreferences(next, problems);
    if (problems.length > 0) throw new RangeError(joinProblems(problems));
    await writeSettings([{ setting: preferencesSetting, value: checked }]);
  });
}
