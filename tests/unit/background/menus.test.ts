// The context-menu items on pages: a selection's look-up and a PDF link's reader, made once per start, each
// opening the right extension page beside the tab; and only on what they are for.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { flush, startBackground, type FakeBackground } from './fake-background';
import { DEFAULT_PREFERENCES } from '../../../settings/schema';
import { panelCardItem } from '../../../core/panel-card';

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

describe('looking a selection up on the page', () => {
  const TAB = { id: 5, index: 2, windowId: 1 };
  const CLINIC = { selectionText: 'feritin', frameId: 3, pageUrl: 'https://clinic.test/notes', frameUrl: undefined };
  /** The frames' answers to `rls-lens:look-up`, in turn (undefined: no content script answered). */
  function frames(...answers: unknown[]) {
    return vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockImplementation((async () => answers.shift()) as unknown as typeof fakeBrowser.tabs.sendMessage);
  }
  const woken = () => {
    const executeScript = vi.fn(async (_details: object) => [{ frameId: 3, result: true }]);
    Object.assign(fakeBrowser.scripting, { executeScript });
    return executeScript;
  };
  const readPrivately = (preferences: object) =>
    fakeBrowser.storage.local.set({ preferences: { ...DEFAULT_PREFERENCES, ...preferences }, preferences$: { v: 1 } });

  it('opens the closest entry’s card in the frame the words were selected in, waking the frame first if it was silent', async () => {
    const send = frames(undefined, { shown: true });
    const executeScript = woken();
    await bg.menuClick('look-up-selection', TAB, CLINIC);
    await flush();
    const lookUp = [5, { type: 'rls-lens:look-up', entryId: 'ferritin' }, { frameId: 3 }];
    expect(send.mock.calls).toEqual([lookUp, lookUp]);
    expect(executeScript.mock.calls[0]![0]).toMatchObject({ target: { tabId: 5, frameIds: [3] } });
    expect(created).not.toHaveBeenCalled();
    expect(bg.openSidePanel).not.toHaveBeenCalled();
  });

  it('opens the overview where the frame shows nothing or cannot be reached, or when no entry is close', async () => {
    const send = frames({ shown: false });
    await bg.menuClick('look-up-selection', TAB, CLINIC);
    await flush();
    expect(created.mock.calls).toEqual([[{ url: `${base()}overview.html#lookup=feritin`, index: 3 }]]);
    await bg.menuClick('look-up-selection', TAB, { ...CLINIC, selectionText: 'blood pressure readings' });
    expect(send).toHaveBeenCalledTimes(1); // nothing close: straight to the overview's search
    expect(created).toHaveBeenCalledTimes(2);
  });

  it('on a site read privately opens the side panel within the click, leaves the card for it, and asks no page', async () => {
    await readPrivately({ privateSites: ['clinic.test'] });
    bg = startBackground();
    await readPrivately({ privateSites: ['clinic.test'] }); // startBackground resets the fake browser
    await flush();
    const send = frames({ shown: true });
    bg.menuClickNow('look-up-selection', TAB, CLINIC);
    expect(bg.openSidePanel).toHaveBeenCalledWith({ windowId: 1 }); // before anything was awaited
    await flush();
    expect(await panelCardItem.getValue()).toMatchObject({ tabId: 5, entryId: 'ferritin' });
    expect(send).not.toHaveBeenCalled();
    expect(created).not.toHaveBeenCalled();
    // Another site is not read privately: its page gets the card.
    bg.menuClickNow('look-up-selection', TAB, { ...CLINIC, pageUrl: 'https://news.test/' });
    await flush();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('right after a start, read privately but known too late for the panel: the overview, or the panel already open', async () => {
    const stored = { preferences: { ...DEFAULT_PREFERENCES, privateReading: true }, preferences$: { v: 1 } };
    /** A background whose first read of the preferences waits until released (Chrome's worker just started). */
    const coldStart = () => {
      let release!: () => void;
      bg = startBackground(() =>
        vi
          .spyOn(fakeBrowser.storage.local, 'get')
          .mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(stored))) as never),
      );
      created = vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async (p) => ({ ...p, id: 9 }) as never);
      created.mockClear();
      return () => release();
    };
    let release = coldStart();
    bg.menuClickNow('look-up-selection', TAB, CLINIC);
    release();
    await flush();
    expect(bg.openSidePanel).not.toHaveBeenCalled(); // the click's moment has passed
    expect(created).toHaveBeenCalledTimes(1);
    expect(await panelCardItem.getValue()).toBeNull();
    // The same, with the side panel already open in the window: the card goes there.
    release = coldStart();
    (fakeBrowser.runtime as unknown as { getContexts: unknown }).getContexts = vi.fn(async () => [{ windowId: 1 }]);
    bg.menuClickNow('look-up-selection', TAB, CLINIC);
    release();
    await flush();
    expect(created).not.toHaveBeenCalled();
    expect(await panelCardItem.getValue()).toMatchObject({ tabId: 5, entryId: 'ferritin' });
  });
});
