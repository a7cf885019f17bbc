// The My terms store: one @wxt-dev/storage item in storage.local (`myTerms`, versioned like the settings), written
// by the background when a card opens in a page (the page sends one message, `rls-lens:looked-up`), by the side
// panel when it shows a card for a page read privately, and by the overview (switches, clear, forget, import).
// Nothing of it is read by a page or its content script, and nothing leaves the browser. The shape and its checks:
// settings/my-terms-data.ts.
import { defineSetting, readSetting, writeSettings } from './items';
import { serialized } from './write-lock';
import type { SettingSpec } from './specs';
import { STORED } from './stored-keys';
import {
  DEFAULT_MY_TERMS,
  myTermsFile,
  parseMyTermsFile,
  readMyTerms,
  withImported,
  withLookUp,
  withSwitches,
  type MyTerms,
} from './my-terms-data';

export type { LookUps, MyTerms } from './my-terms-data';
export { MyTermsImportError, ranked } from './my-terms-data';

const MY_TERMS: SettingSpec<MyTerms> = {
  ...STORED.myTerms,
  label: 'list of your terms',
  // Version 1 is the first shape; a later one adds its step here (settings/specs.ts fromStored runs them).
  migrations: {},
  read: readMyTerms,
  fallback: () => ({ ...DEFAULT_MY_TERMS, terms: {} }),
};

export const myTermsSetting = defineSetting(MY_TERMS);

/** The list as stored, checked (a bad entry is dropped with a warning, the rest kept). */
export const readMyTermsList = (): Promise<MyTerms> => readSetting(myTermsSetting);

/** Calls `onChange` with the list after every change to it (from any context), until `signal` aborts. */
export function watchMyTerms(onChange: (data: MyTerms) => void, signal: AbortSignal): void {
  const stop = myTermsSetting.item.watch(() => void readMyTermsList().then((d) => signal.aborted || onChange(d)));
  signal.addEventListener('abort', stop, { once: true });
}

/**
 * One read-modify-write of the list. Data written by a newer version of RLS Lens is left as it is (writeSettings
 * refuses with a SettingsWriteError): counting on top of the defaults this version reads instead would lose the
 * reader's list. A look-up never gets that far: the defaults say the list is off.
 */
function update(change: (data: MyTerms) => MyTerms): Promise<void> {
  return serialized(async () => {
    const data = await readMyTermsList();
    await writeSettings([{ setting: myTermsSetting, value: change(data) }]);
  });
}

/** Who opened a card: the page's frame, as the browser names the sender of its message. */
export interface LookUpSender {
  url?: string;
  tab?: { incognito?: boolean };
}

/**
 * A card was opened for `entryId` in the page `sender` is: counted when the list is on, with the page's address
 * when addresses are kept. A private window's look-ups are never kept.
 */
export async function recordLookUp(entryId: string, sender: LookUpSender, now = Date.now()): Promise<void> {
  if (sender.tab?.incognito) return;
  // Most card openings happen with the list off: one read, no write.
  if (!(await readMyTermsList()).on) return;
  await update((data) => (data.on ? withLookUp(data, entryId, now, sender.url) : data));
}

/** The overview's answers and switches. Switching addresses off forgets every address kept. */
export const setMyTermsSwitches = (change: Partial<Pick<MyTerms, 'on' | 'pages'>>): Promise<void> =>
  update((data) => withSwitches(data, change));

/** Forgets every look-up (the switches stay as they are). */
export const clearMyTerms = (): Promise<void> => update((data) => ({ ...data, terms: {} }));

/** Forgets one entry's look-ups. */
export const forgetMyTerm = (entryId: string): Promise<void> =>
  update((data) => ({
    ...data,
    terms: Object.fromEntries(Object.entries(data.terms).filter(([id]) => id !== entryId)),
  }));

/** The list as a JSON file (look-ups only). */
export const exportMyTerms = async (now = Date.now()): Promise<string> => myTermsFile(await readMyTermsList(), now);

/**
 * Replaces the look-ups with a file's, after checking all of it: a bad file throws MyTermsImportError, naming its
 * problems, and changes nothing. `isEntry`: the glossary's entries.
 */
export async function importMyTerms(json: string, isEntry: (id: string) => boolean): Promise<void> {
  const terms = parseMyTermsFile(json, isEntry);
  await update((data) => withImported(data, terms));
}
