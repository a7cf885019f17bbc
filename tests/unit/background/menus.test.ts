// The context-menu items on pages: a selection's look-up and a PDF link's reader, made once per start, each
// opening the right extension page beside the tab; and only on what they are for.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { flush, startBackground, type FakeBackground } from './fake-background';

let bg: FakeBackground;
let created: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  bg = startBackground();
  created = vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async (p) => ({ ...p, id: 9 }) as never);
});
const base = () => fakeBrowser.runtime.getURL('/');

describe('the menu items on pages', () => {
  it('are made once, each for its own context, after removing those of an earlier start', async () => {
    await flush();
    expect(bg.menuItems).toEqual([
      { id: 'open-side-panel', title: 'Open the side panel', contexts: ['action'] },
      { id: 'look-up-selection', title: 'Look up “%s” in RLS Lens', contexts: ['selection'] },
      {
        id: 'open-pdf-link',
        title: 'Open in RLS Lens reader',
        contexts: ['link'],
        targetUrlPatterns: ['*://*/*.pdf', '*://*/*.PDF', '*://*/*.pdf?*', '*://*/*.PDF?*', 'file:///*.pdf'],
      },
    ]);
  });

  it('looks a selection up in the overview, beside the tab, cut and tidied', async () => {
    await bg.menuClick('look-up-selection', { id: 5, index: 2 }, { selectionText: '  serum\n ferritin ' });
    expect(created.mock.calls).toEqual([
      [{ url: `${base()}overview.html#lookup=${encodeURIComponent('serum ferritin')}`, index: 3 }],
    ]);
    await bg.menuClick('look-up-selection', { id: 5, index: 2 }, { selectionText: 'x'.repeat(500) });
    expect(decodeURIComponent(String(created.mock.calls[1]![0].url).split('#lookup=')[1]!)).toHaveLength(120);
    await bg.menuClick('look-up-selection', { id: 5, index: 2 }, { selectionText: '   ' });
    expect(created).toHaveBeenCalledTimes(2);
  });

  it('opens a PDF link in the reader, and nothing for an address that is not a web or file one', async () => {
    const pdf = 'https://example.org/papers/rls.pdf?download=1';
    await bg.menuClick('open-pdf-link', { id: 5, index: 0 }, { linkUrl: pdf });
    expect(created.mock.calls).toEqual([[{ url: `${base()}reader.html?url=${encodeURIComponent(pdf)}`, index: 1 }]]);
    await bg.menuClick('open-pdf-link', { id: 5, index: 0 }, { linkUrl: 'javascript:alert(1)//.pdf' });
    expect(created).toHaveBeenCalledTimes(1);
  });
});
