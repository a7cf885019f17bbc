// The My terms store (settings/my-terms.ts over settings/my-terms-data.ts): off until the reader says yes, one look-up
// per call, corrupt entries dropped alone, a newer version's data left alone, switches, clear and forget, and the
// file: exported, imported back, and refused with a message in the reader's words.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import glossary from 'virtual:rls-lens/glossary';
import { t } from '../../../core/i18n';
import { MAX_PAGES, pageAddress, parseMyTermsFile, readMyTerms } from '../../../settings/my-terms-data';
import { freshBrowser } from './fresh-settings';

const quiet = freshBrowser();

type Store = typeof import('../../../settings/my-terms');
/** A fresh copy of the store over seeded storage, as a context that starts with it. */
async function load(seed: Record<string, unknown> = {}): Promise<Store> {
  await fakeBrowser.storage.local.set(seed);
  vi.resetModules();
  return import('../../../settings/my-terms');
}
const stored = async () => (await fakeBrowser.storage.local.get(['myTerms', 'myTerms$'])) as Record<string, any>;

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 5, 10, 0, 0);
const isEntry = (id: string) => glossary.entries.some((e) => e.id === id);
const ON = { on: true, pages: false, asked: true, terms: {} };
const PAGE = { url: 'https://example.org/health/rls?q=ferritin#low', tab: { incognito: false } };

describe('counting', () => {
  it('counts nothing while the list is off (the default), and nothing from a private window', async () => {
    const s = await load();
    await s.recordLookUp('ferritin', PAGE, T0);
    expect(await stored()).toEqual({});
    await s.setMyTermsSwitches({ on: true });
    await s.recordLookUp('ferritin', { ...PAGE, tab: { incognito: true } }, T0);
    expect((await s.readMyTermsList()).terms).toEqual({});
  });

  it('counts each call once, keeps the first and the last time, and stamps the version', async () => {
    const s = await load({ myTerms: ON, myTerms$: { v: 1 } });
    await s.recordLookUp('ferritin', PAGE, T0);
    await s.recordLookUp('dopamine', PAGE, T0 + DAY);
    await s.recordLookUp('ferritin', PAGE, T0 + 2 * DAY);
    expect((await s.readMyTermsList()).terms).toEqual({
      ferritin: { count: 2, first: T0, last: T0 + 2 * DAY, pages: [] },
      dopamine: { count: 1, first: T0 + DAY, last: T0 + DAY, pages: [] },
    });
    expect((await stored())['myTerms$']).toEqual({ v: 1 });
  });

  it('keeps no address unless asked, then the origin and path only, the most recent last; switching off forgets them', async () => {
    const s = await load({ myTerms: ON, myTerms$: { v: 1 } });
    await s.recordLookUp('ferritin', PAGE, T0);
    expect((await s.readMyTermsList()).terms.ferritin!.pages).toEqual([]);
    await s.setMyTermsSwitches({ pages: true });
    await s.recordLookUp('ferritin', PAGE, T0 + 1);
    await s.recordLookUp('ferritin', { url: 'https://other.example/a' }, T0 + 2);
    await s.recordLookUp('ferritin', PAGE, T0 + 3);
    expect((await s.readMyTermsList()).terms.ferritin!.pages).toEqual([
      'https://other.example/a',
      'https://example.org/health/rls',
    ]);
    await s.setMyTermsSwitches({ pages: false });
    expect((await stored()).myTerms.terms.ferritin.pages).toEqual([]);
    expect((await s.readMyTermsList()).terms.ferritin!.count).toBe(4);
  });

  it('names a page by its origin and path, never its query or fragment, and only web pages and files', () => {
    expect(pageAddress('https://example.org/a/b?token=secret#x')).toBe('https://example.org/a/b');
    expect(pageAddress('file:///home/me/notes.html')).toBe('file:///home/me/notes.html');
    expect(pageAddress('chrome-extension://abc/reader.html?url=x')).toBeUndefined();
    expect(pageAddress('about:blank')).toBeUndefined();
    expect(pageAddress('not a url')).toBeUndefined();
  });

  it('asks once: answering records the answer, and clear and forget keep the switches', async () => {
    const s = await load();
    expect(await s.readMyTermsList()).toEqual({ on: false, pages: false, asked: false, terms: {} });
    await s.setMyTermsSwitches({ on: true });
    await s.recordLookUp('ferritin', PAGE, T0);
    await s.recordLookUp('iron', PAGE, T0);
    await s.forgetMyTerm('iron');
    expect(Object.keys((await s.readMyTermsList()).terms)).toEqual(['ferritin']);
    await s.clearMyTerms();
    expect(await s.readMyTermsList()).toEqual({ on: true, pages: false, asked: true, terms: {} });
  });
});

describe('what is read back from storage', () => {
  it('drops a corrupt entry alone and keeps the rest, with a warning', async () => {
    const s = await load({
      myTerms: {
        on: true,
        pages: 'yes',
        asked: true,
        terms: {
          ferritin: { count: 3, first: T0, last: T0 + DAY, pages: [] },
          dopamine: { count: -1, first: T0, last: T0 },
          iron: 'often',
          'Not An Id': { count: 1, first: T0, last: T0 },
          pregnancy: { count: 1, first: T0 + DAY, last: T0 },
        },
      },
      myTerms$: { v: 1 },
    });
    expect(await s.readMyTermsList()).toEqual({
      on: true,
      pages: false,
      asked: true,
      terms: { ferritin: { count: 3, first: T0, last: T0 + DAY, pages: [] } },
    });
    const warned = String(quiet.warn.mock.calls.flat().join('\n'));
    for (const words of ['terms.dopamine.count', 'terms.iron', '“Not An Id”', 'terms.pregnancy', 'true or false'])
      expect(warned).toContain(words);
  });

  it('reads a value that is not an object, or nothing at all, as the defaults', () => {
    expect(readMyTerms([1, 2], [])).toEqual({ on: false, pages: false, asked: false, terms: {} });
    expect(readMyTerms(undefined, [])).toEqual({ on: false, pages: false, asked: false, terms: {} });
  });

  it('reads data without a version stamp as version 1', async () => {
    const s = await load({ myTerms: { ...ON, terms: { iron: { count: 1, first: T0, last: T0, pages: [] } } } });
    expect((await s.readMyTermsList()).terms.iron!.count).toBe(1);
  });

  it('uses the defaults for data a newer version saved, and never writes over it', async () => {
    const newer = { on: true, asked: true, entries: [{ id: 'ferritin', seen: [T0] }] };
    const s = await load({ myTerms: newer, myTerms$: { v: 2 } });
    expect(await s.readMyTermsList()).toEqual({ on: false, pages: false, asked: false, terms: {} });
    expect(quiet.warn).toHaveBeenCalledWith(expect.stringContaining('unknown version (2)'));
    // The overview's changes are refused in the reader's words (they would write over the newer list); a look-up
    // from a page is not counted (the defaults say the list is off) and says nothing.
    await expect(s.setMyTermsSwitches({ on: true })).rejects.toMatchObject({ failure: 'newer' });
    await s.recordLookUp('ferritin', PAGE, T0);
    await expect(s.clearMyTerms()).rejects.toThrow(/newer version of RLS Lens/);
    expect(await stored()).toEqual({ myTerms: newer, myTerms$: { v: 2 } });
  });
});

describe('the file', () => {
  it('round-trips: what is exported imports back the same, in another browser with the list on', async () => {
    const s = await load({ myTerms: { ...ON, pages: true }, myTerms$: { v: 1 } });
    await s.recordLookUp('ferritin', PAGE, T0);
    await s.recordLookUp('ferritin', PAGE, T0 + DAY);
    await s.recordLookUp('dopamine', PAGE, T0 + 2 * DAY);
    const before = (await s.readMyTermsList()).terms;
    const file = await s.exportMyTerms(T0 + 3 * DAY);
    const parsed = JSON.parse(file);
    expect(parsed).toMatchObject({ format: 'rls-lens-my-terms', version: 1, exportedAt: '2026-12-08T10:00:00.000Z' });
    expect(parsed.terms.ferritin).toEqual({
      count: 2,
      first: '2026-12-05T10:00:00.000Z',
      last: '2026-12-06T10:00:00.000Z',
      pages: ['https://example.org/health/rls'],
    });
    fakeBrowser.reset();
    const other = await load({ myTerms: { ...ON, pages: true }, myTerms$: { v: 1 } });
    await other.importMyTerms(file, isEntry);
    expect((await other.readMyTermsList()).terms).toEqual(before);
  });

  it('imports no address into a browser that keeps none, and replaces the list it had', async () => {
    const s = await load({
      myTerms: { ...ON, terms: { iron: { count: 9, first: T0, last: T0, pages: [] } } },
      myTerms$: { v: 1 },
    });
    const file = JSON.stringify({
      format: 'rls-lens-my-terms',
      version: 1,
      terms: {
        ferritin: {
          count: 2,
          first: '2026-12-05T10:00:00Z',
          last: '2026-12-06T10:00:00Z',
          pages: ['https://example.org/a'],
        },
      },
    });
    await s.importMyTerms(file, isEntry);
    expect((await s.readMyTermsList()).terms).toEqual({
      ferritin: { count: 2, first: T0, last: T0 + DAY, pages: [] },
    });
  });

  it('refuses a bad file with a message from the catalogue, and changes nothing', async () => {
    const seed = {
      myTerms: { ...ON, terms: { iron: { count: 9, first: T0, last: T0, pages: [] } } },
      myTerms$: { v: 1 },
    };
    const s = await load(seed);
    const refused = async (text: string) => {
      const error = await s.importMyTerms(text, isEntry).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(s.MyTermsImportError);
      return (error as Error).message;
    };
    expect(await refused('{oops')).toBe(t('myTermsErrors.notJson'));
    expect(await refused('{"format":"rls-lens-settings","version":2}')).toBe(t('myTermsErrors.notFile'));
    expect(await refused('{"format":"rls-lens-my-terms","version":7,"terms":{}}')).toBe(
      t('myTermsErrors.version', { version: '7' }),
    );
    const many = await refused(
      JSON.stringify({
        format: 'rls-lens-my-terms',
        version: 1,
        terms: {
          'restless-legs-cure': { count: 1, first: '2026-12-05T10:00:00Z', last: '2026-12-05T10:00:00Z' },
          ferritin: { count: 0, first: '2026-12-05T10:00:00Z', last: '2026-12-05T10:00:00Z' },
          dopamine: { count: 2, first: 'yesterday', last: '2026-12-05T10:00:00Z' },
          iron: { count: 2, first: '2026-12-06T10:00:00Z', last: '2026-12-05T10:00:00Z' },
          pregnancy: { count: 2, first: '2026-12-05T10:00:00Z', last: '2026-12-05T10:00:00Z', pages: ['javascript:x'] },
        },
      }),
    );
    expect(many).toBe(
      t('settingsErrors.problems', 5, {
        problems: [
          t('myTermsErrors.termUnknown', { id: 'restless-legs-cure' }),
          t('myTermsErrors.termCount', { id: 'ferritin', value: '0' }),
          t('myTermsErrors.termTime', { id: 'dopamine', field: 'first', value: '"yesterday"' }),
          t('myTermsErrors.termOrder', { id: 'iron' }),
          t('myTermsErrors.termPages', { id: 'pregnancy', max: MAX_PAGES }),
        ].join(t('settingsErrors.separator')),
      }),
    );
    expect(await refused('{"format":"rls-lens-my-terms","version":1}')).toBe(
      t('settingsErrors.problems', 1, { problems: t('settingsErrors.missing', { field: 'terms' }) }),
    );
    expect(await stored()).toEqual(seed);
  });

  it('accepts an empty list, and checks entries against the glossary it is given', () => {
    expect(parseMyTermsFile('{"format":"rls-lens-my-terms","version":1,"terms":{}}', isEntry)).toEqual({});
    expect(() =>
      parseMyTermsFile(
        '{"format":"rls-lens-my-terms","version":1,"terms":{"ferritin":{"count":1,"first":"2026-12-05T10:00:00Z","last":"2026-12-05T10:00:00Z"}}}',
        () => false,
      ),
    ).toThrow(t('myTermsErrors.termUnknown', { id: 'ferritin' }));
  });
});
