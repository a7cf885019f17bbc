// The words that are not rendered by a component but reach a person all the same: why a tab has no terms
// (components/shared/page-reasons.ts, shown by the popup and the side panel), what the settings layer says about a
// file or a value it refuses (settings/transfer.ts, schema.ts, the RangeErrors of index.ts), and the toolbar button's
// menu item. Each must be made of catalogue messages (marked, tagged-catalogue.ts) and data.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describePage, restrictedReason, type PageState } from '../../../components/shared/page-reasons';
import { setPreferences, setSiteMode, type Preferences, type SiteMode } from '../../../settings';
import { parseSettingsFile } from '../../../settings/transfer';
import { startBackground, flush } from '../background/fake-background';
import { isTagged, strays, tagCatalogue } from './tagged-catalogue';

beforeEach(() => {
  fakeBrowser.reset();
  tagCatalogue();
});
afterEach(() => vi.restoreAllMocks());

/** Fails naming the text when it has a part that is neither a message nor `data`. */
function expectCatalogueOnly(text: string | null | undefined, data: string[] = []) {
  expect(text, 'a message was produced').toBeTruthy();
  expect(isTagged(text!), `${text} comes from the catalogue`).toBe(true);
  expect(strays(text!, new Set(data)), text!).toEqual([]);
}

const reasonOf = (state: PageState) => (state.kind === 'unavailable' ? state.reason : state.unreadable);

describe('why a tab has no terms', () => {
  it.each([
    'not a url',
    'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html',
    'https://chromewebstore.google.com/detail/x',
    'chrome://newtab/',
    'about:reader?url=https%3A%2F%2Fexample.com',
    'view-source:https://example.com/',
    'moz-extension://own/overview.html',
    'moz-extension://other/page.html',
    'chrome://settings/',
    'data:text/html,hi',
  ])('%s', (url) => {
    expectCatalogueOnly(restrictedReason(url, 'moz-extension://own/'));
  });

  it.each<[string, Parameters<typeof describePage>]>([
    ['no content script, no address', [null, undefined, 'chrome']],
    ["a PDF in Chrome's viewer", [{ host: 'example.com', active: true, counts: {}, pdf: true }, undefined, 'chrome']],
    ['a PDF in Firefox', [null, 'https://example.com/a.pdf', 'firefox']],
    ['a local PDF', [null, 'file:///tmp/a.pdf', 'firefox']],
    ['a local file in Chrome', [null, 'file:///tmp/a.html', 'chrome']],
    ['a local file in Firefox', [null, 'file:///tmp/a.html', 'firefox']],
    ["Mozilla's sites", [null, 'https://support.mozilla.org/', 'firefox']],
    ['a page Firefox keeps out', [null, 'https://example.com/', 'firefox']],
  ])('%s', (_, args) => {
    expectCatalogueOnly(reasonOf(describePage(...args)));
  });
});

describe('what the settings layer says', () => {
  const file = (fields: Record<string, unknown>) =>
    JSON.stringify({ format: 'rls-lens-settings', version: 2, ...fields });
  const refusal = (json: string) => {
    try {
      parseSettingsFile(json);
    } catch (error) {
      return (error as Error).message;
    }
    return null;
  };

  it.each<[string, string, string[]]>([
    ['not JSON', '{"format":', []],
    ['another file', '{"name":"package"}', []],
    ['an unknown version', JSON.stringify({ format: 'rls-lens-settings', version: 9 }), ['9']],
    ['a list for a version', JSON.stringify({ format: 'rls-lens-settings', version: [2] }), []],
    [
      'one problem',
      file({ globalEnabled: true, siteMode: 'opt-out', siteRules: [], preferences: { theme: 'pink' } }),
      ['theme', '"pink"'],
    ],
    [
      'every kind of problem',
      file({
        globalEnabled: 'yes',
        siteMode: 'sometimes',
        siteRules: [
          { pattern: 'no such host!', enabled: true },
          'x',
          { pattern: 'a.org', enabled: true },
          { pattern: 'a.org', enabled: false },
        ],
        preferences: { hoverDelayMs: 99999, highlightStyle: {} },
      }),
      ['"yes"', '"sometimes"', 'no such host!', '"x"', 'a.org', 'hoverDelayMs', '99999', 'highlightStyle'],
    ],
    [
      'a list of rules that is not one, preferences that are not an object',
      file({ globalEnabled: true, siteMode: 'opt-in', siteRules: {}, preferences: 3 }),
      ['3'],
    ],
    ['missing fields', file({}), ['globalEnabled', 'siteMode', 'siteRules', 'preferences']],
  ])('refuses a file: %s', (_, json, data) => {
    expectCatalogueOnly(refusal(json), data);
  });

  it('refuses a preference or a site mode that does not exist', async () => {
    const preference = await setPreferences({ theme: 'pink' as Preferences['theme'] }).catch((e: Error) => e.message);
    expectCatalogueOnly(preference as string, ['theme', '"pink"']);
    const mode = await setSiteMode('sometimes' as SiteMode).catch((e: Error) => e.message);
    expectCatalogueOnly(mode as string, ['"sometimes"']);
  });
});

describe("the toolbar button's menu", () => {
  it('names its items from the catalogue', async () => {
    const bg = startBackground();
    await flush();
    expect(bg.menuItems).toHaveLength(3);
    for (const item of bg.menuItems) expectCatalogueOnly((item as { title: string }).title);
  });
});
