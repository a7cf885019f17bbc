// My terms (issue 19): which entries the reader opened a card for, how often and when, kept in this browser only
// if the reader said yes (off by default). Pure: the shape, the checks a stored or imported value must pass, a
// look-up counted, and the file the overview exports and imports. The store itself is settings/my-terms.ts.
//
// Nothing here names a page unless the reader switched `pages` on, and then only the page's origin and path: no
// query, no fragment (they can hold a search, a session or a token).
import { t } from '../core/i18n';
import { describe, joinProblems, type Problems } from './schema';

/** One entry's look-ups. Times are milliseconds since 1970 (UTC), as Date.now() gives them. */
export interface LookUps {
  /** Cards opened for the entry (a card kept open is one look-up). */
  count: number;
  first: number;
  last: number;
  /** Where, the most recent last: only while `pages` is on (switching it off forgets them all). */
  pages: string[];
}

export interface MyTerms {
  /** Keep the list: off until the reader says yes (the overview asks once). */
  on: boolean;
  /** Keep the addresses of the pages too (origin and path only). */
  pages: boolean;
  /** The overview has asked (the answer is `on`): it does not ask again. */
  asked: boolean;
  /** Entry id → its look-ups. */
  terms: Record<string, LookUps>;
}

export const DEFAULT_MY_TERMS: Readonly<MyTerms> = Object.freeze({ on: false, pages: false, asked: false, terms: {} });

/** Addresses kept per entry: the most recent ones. */
export const MAX_PAGES = 20;
/** Far more entries than the glossary has (40): a bigger record is not ours. */
const MAX_TERMS = 1000;
/** An address longer than this is cut off rather than kept whole. */
const MAX_ADDRESS = 300;
const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Times between 2020 and 2100: anything else is a corrupt value, not a reading date. */
const EARLIEST = Date.UTC(2020, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isEntryId = (value: unknown): value is string => typeof value === 'string' && ENTRY_ID.test(value);
const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= EARLIEST && value < LATEST;
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 1e9;

/**
 * The address My terms keeps for a page: its origin and path, for web pages and local files only (an extension's
 * own page, `about:` or `data:` gives none).
 */
export function pageAddress(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!['http:', 'https:', 'file:'].includes(parsed.protocol)) return undefined;
  const address = parsed.protocol === 'file:' ? `file://${parsed.pathname}` : `${parsed.origin}${parsed.pathname}`;
  return address.slice(0, MAX_ADDRESS);
}

const isAddress = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_ADDRESS && pageAddress(value) === value;

/** How a file's or storage's times are read: numbers in storage, ISO 8601 strings in a file. */
type TimeReader = (value: unknown) => number | undefined;
const storedTime: TimeReader = (value) => (isTime(value) ? value : undefined);
const fileTime: TimeReader = (value) => {
  if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT/.test(value)) return undefined;
  const ms = Date.parse(value);
  return isTime(ms) ? ms : undefined;
};

/** One entry's look-ups from an untrusted value, or undefined (with the problem named) when it cannot be kept. */
function readLookUps(id: string, value: unknown, time: TimeReader, problems: Problems): LookUps | undefined {
  if (!isRecord(value)) {
    problems.push(t('myTermsErrors.termShape', { id, value: describe(value) }));
    return undefined;
  }
  if (!isCount(value.count)) {
    problems.push(t('myTermsErrors.termCount', { id, value: describe(value.count) }));
    return undefined;
  }
  const first = time(value.first);
  const last = time(value.last);
  if (first === undefined || last === undefined) {
    const [field, bad] = first === undefined ? ['first', value.first] : ['last', value.last];
    problems.push(t('myTermsErrors.termTime', { id, field, value: describe(bad) }));
    return undefined;
  }
  if (first > last) {
    problems.push(t('myTermsErrors.termOrder', { id }));
    return undefined;
  }
  const pages = value.pages ?? [];
  if (!Array.isArray(pages) || pages.length > MAX_PAGES || !pages.every(isAddress)) {
    problems.push(t('myTermsErrors.termPages', { id, max: MAX_PAGES }));
    return undefined;
  }
  return { count: value.count, first, last, pages: [...new Set(pages)] };
}

/** Entry id → look-ups from an untrusted value; a bad entry costs only itself. */
function readTerms(
  value: unknown,
  time: TimeReader,
  problems: Problems,
  isEntry: (id: string) => boolean = isEntryId,
): Record<string, LookUps> {
  const terms: Record<string, LookUps> = {};
  if (value === null || value === undefined) return terms;
  if (!isRecord(value) || Object.keys(value).length > MAX_TERMS) {
    problems.push(t('myTermsErrors.termsNotObject', { value: describe(value) }));
    return terms;
  }
  for (const [id, record] of Object.entries(value)) {
    if (!isEntryId(id) || !isEntry(id)) {
      problems.push(t('myTermsErrors.termUnknown', { id: id.slice(0, 60) }));
      continue;
    }
    const lookUps = readLookUps(id, record, time, problems);
    if (lookUps) terms[id] = lookUps;
  }
  return terms;
}

const flag = (value: unknown, fallback: boolean, name: string, problems: Problems): boolean => {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  problems.push(t('myTermsErrors.switchNotBoolean', { name, value: describe(value) }));
  return fallback;
};

/**
 * My terms from storage (untrusted: older and newer versions write it, and storage can be corrupt). Each switch and
 * each entry is checked on its own: a bad entry is dropped and the others are kept; a bad switch falls back to its
 * default. Addresses are kept only while `pages` is on.
 */
export function readMyTerms(value: unknown, problems: Problems): MyTerms {
  if (value === null || value === undefined) return { ...DEFAULT_MY_TERMS, terms: {} };
  if (!isRecord(value)) {
    problems.push(t('myTermsErrors.notObject', { value: describe(value) }));
    return { ...DEFAULT_MY_TERMS, terms: {} };
  }
  const on = flag(value.on, DEFAULT_MY_TERMS.on, 'on', problems);
  const pages = flag(value.pages, DEFAULT_MY_TERMS.pages, 'pages', problems);
  const asked = flag(value.asked, DEFAULT_MY_TERMS.asked, 'asked', problems);
  const terms = readTerms(value.terms, storedTime, problems);
  return { on, pages, asked, terms: pages ? terms : withoutPages(terms) };
}

function withoutPages(terms: Record<string, LookUps>): Record<string, LookUps> {
  return Object.fromEntries(Object.entries(terms).map(([id, l]) => [id, { ...l, pages: [] }]));
}

/** The list with one more look-up of `entryId` at `now` (from `page`, when addresses are kept). */
export function withLookUp(data: MyTerms, entryId: string, now: number, page?: string): MyTerms {
  const old = data.terms[entryId];
  const address = data.pages ? pageAddress(page) : undefined;
  const pages = (old?.pages ?? []).filter((p) => p !== address);
  if (address) pages.push(address);
  const lookUps: LookUps = {
    count: (old?.count ?? 0) + 1,
    first: old?.first ?? now,
    last: Math.max(now, old?.last ?? now),
    pages: pages.slice(-MAX_PAGES),
  };
  return { ...data, terms: { ...data.terms, [entryId]: lookUps } };
}

/** Switches: `on` and `pages` as asked; switching `pages` off forgets every address kept. */
export function withSwitches(data: MyTerms, change: Partial<Pick<MyTerms, 'on' | 'pages'>>): MyTerms {
  const next = { ...data, ...change, asked: true };
  return next.pages ? next : { ...next, terms: withoutPages(next.terms) };
}

/** The entries, most looked-up first (then the most recent). */
export function ranked(terms: Record<string, LookUps>): [string, LookUps][] {
  return Object.entries(terms).sort(([, a], [, b]) => b.count - a.count || b.last - a.last);
}

const FILE_FORMAT = 'rls-lens-my-terms';
const FILE_VERSION = 1;

export class MyTermsImportError extends Error {
  override name = 'MyTermsImportError';
}

/** The list as a file: the look-ups only (the switches stay as they are in each browser), times in ISO 8601. */
export function myTermsFile(data: MyTerms, now: number): string {
  const terms = Object.fromEntries(
    ranked(data.terms).map(([id, l]) => [
      id,
      {
        count: l.count,
        first: new Date(l.first).toISOString(),
        last: new Date(l.last).toISOString(),
        pages: l.pages,
      },
    ]),
  );
  const file = { format: FILE_FORMAT, version: FILE_VERSION, exportedAt: new Date(now).toISOString(), terms };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Checks a My terms file completely; returns its look-ups, or throws MyTermsImportError naming every problem in the
 * reader's words. `isEntry`: the glossary's entries (a file may not bring an entry this glossary lacks).
 */
export function parseMyTermsFile(json: string, isEntry: (id: string) => boolean): Record<string, LookUps> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new MyTermsImportError(t('myTermsErrors.notJson'));
  }
  if (!isRecord(data) || data.format !== FILE_FORMAT) throw new MyTermsImportError(t('myTermsErrors.notFile'));
  if (data.version !== FILE_VERSION) {
    throw new MyTermsImportError(t('myTermsErrors.version', { version: describe(data.version) }));
  }
  const problems: Problems = [];
  if (!('terms' in data)) problems.push(t('settingsErrors.missing', { field: 'terms' }));
  const terms = readTerms(data.terms, fileTime, problems, isEntry);
  if (problems.length > 0) {
    throw new MyTermsImportError(t('settingsErrors.problems', problems.length, { problems: joinProblems(problems) }));
  }
  return terms;
}

/** The list with a file's look-ups in place of its own (addresses only if they are kept). */
export function withImported(data: MyTerms, terms: Record<string, LookUps>): MyTerms {
  return { ...data, terms: data.pages ? terms : withoutPages(terms) };
}
