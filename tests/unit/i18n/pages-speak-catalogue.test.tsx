// @vitest-environment happy-dom
// Every word the popup, the overview page and the side panel show or say comes from the catalogue: each page is
// rendered in the states a person meets (a site with and without rules, pages with no terms, searches, cards,
// errors, announcements), with the catalogue's messages marked (tagged-catalogue.ts), and every text node and
// user-facing attribute must be made of marked messages and data. A string written into a component fails here,
// naming the element it is in.
import { act } from 'preact/test-utils';
import { render } from 'preact';
import glossary from 'virtual:rls-lens/glossary';
import article from 'virtual:rls-lens/article';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FrameOccurrences, PageTerms, StepAnswer } from '../../../core/messages';
import type { TargetPage } from '../../../components/shared/use-target-page';
import type { PanelTab } from '../../../components/side-panel/use-panel-tab';
import type { TabOccurrences } from '../../../components/side-panel/use-tab-occurrences';
import { setGlobalEnabled, setPreferences, setRule, setSiteMode } from '../../../settings';
import { PopupApp } from '../../../components/popup/popup-app';
import { OverviewApp } from '../../../components/overview/overview-app';
import { SidePanelApp } from '../../../components/side-panel/side-panel-app';
import { findStrays, glossaryData, isTagged, tagCatalogue, textCount } from './tagged-catalogue';

// What the pages learn from the browser is set by each scenario; everything else is the real code.
const world = vi.hoisted(() => ({
  page: { kind: 'loading' } as unknown,
  panelTab: null as unknown,
  occurrences: { top: undefined, frames: new Map(), refresh: () => undefined } as unknown,
  answer: undefined as unknown,
}));
vi.mock('../../../components/shared/use-target-page', async (original) => ({
  ...(await original<object>()),
  useTargetPage: () => world.page,
}));
vi.mock('../../../components/side-panel/use-panel-tab', () => ({ usePanelTab: () => world.panelTab }));
vi.mock('../../../components/side-panel/use-tab-occurrences', () => ({ useTabOccurrences: () => world.occurrences }));
vi.mock('../../../core/messages', async (original) => ({
  ...(await original<object>()),
  sendToBackground: async () => world.answer,
}));

const GLOSSARY_DATA = glossaryData();
const HOST = 'example.com';
const withClaims = glossary.entries.find((e) => (e.claims?.length ?? 0) > 0 && e.evidence.length > 1)!;
const related = glossary.entries.find((e) => e.related.length > 0 && e.evidence.length > 0)!;
const terms = (counts: Record<string, number>, extra: Partial<PageTerms> = {}): PageTerms => ({
  host: HOST,
  active: true,
  counts,
  ...extra,
});

let root: HTMLElement;
const flush = async () => {
  for (let i = 0; i < 5; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
};

/** What in the page is not from the catalogue, given the data it shows besides the glossary. */
function strays(extra: string[] = []) {
  const data = new Set([...GLOSSARY_DATA, ...extra]);
  const found = findStrays(document.body, data);
  // document.title is set by the entry file (entrypoints/*/main.tsx), not by the components: checked in catalogue-keys.
  expect(textCount(document.body), 'the scenario rendered text').toBeGreaterThan(2);
  expect(isTagged(document.body.textContent ?? ''), 'messages are marked').toBe(true);
  return found;
}

async function mount(node: preact.ComponentChild) {
  root = document.createElement('div');
  document.body.replaceChildren(root);
  render(node, root);
  await flush();
}

async function type(selector: string, value: string) {
  const input = root.querySelector<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await flush();
}
async function click(selector: string) {
  const element = root.querySelector<HTMLElement>(selector);
  expect(element, selector).not.toBeNull();
  element!.click();
  await flush();
}

beforeAll(() => {
  // The concept map lays out its drawing once it knows its width and its font: stand-ins for what happy-dom lacks.
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly callback: () => void) {}
      observe() {
        queueMicrotask(this.callback);
      }
      disconnect() {}
    },
  );
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 900 });
  HTMLCanvasElement.prototype.getContext = (() => ({
    font: '',
    measureText: (text: string) => ({ width: text.length * 8 }),
  })) as never;
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: { ready: Promise.resolve() } });
  URL.createObjectURL = () => 'blob:settings';
  URL.revokeObjectURL = () => undefined;
});

beforeEach(() => {
  fakeBrowser.reset();
  tagCatalogue();
  // The popup's side panel button looks up its window; the fake browser has none.
  vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
  world.page = { kind: 'loading' };
  world.panelTab = null;
  world.answer = undefined;
  location.hash = '';
});
afterEach(() => {
  render(null, root);
  vi.restoreAllMocks();
});

describe('the popup speaks only through the catalogue', () => {
  const ready = (pageTerms: PageTerms | null, unreadable?: string): TargetPage => ({
    kind: 'ready',
    host: HOST,
    terms: pageTerms,
    tabId: 7,
    ...(unreadable ? { unreadable } : {}),
  });

  it('on a page with terms, a site without a rule, paused: switches, counts, outline', async () => {
    await setGlobalEnabled(false);
    world.page = ready(terms({ ferritin: 2, dopamine: 1 }));
    await mount(<PopupApp glossary={glossary} search="" />);
    expect(root.querySelector('.page-terms')).not.toBeNull();
    expect(strays([HOST, `*.${HOST}`])).toEqual([]);
  });

  it('with a rule for the site, for its domain, and in opt-in mode', async () => {
    world.page = ready(terms({ ferritin: 1 }));
    await setRule({ pattern: HOST, enabled: false });
    await mount(<PopupApp glossary={glossary} search="" />);
    expect(strays([HOST, `*.${HOST}`])).toEqual([]);
    render(null, root);
    await setRule({ pattern: `*.${HOST}`, enabled: true });
    await setRule({ pattern: HOST, enabled: true });
    await mount(<PopupApp glossary={glossary} search="" />);
    expect(strays([HOST, `*.${HOST}`])).toEqual([]);
    render(null, root);
    world.page = { ...ready(terms({})), host: `www.${HOST}` };
    await setSiteMode('opt-in');
    await mount(<PopupApp glossary={glossary} search="" />);
    expect(root.querySelector('.site__rule')?.textContent).toContain('Set for all of');
    expect(strays([`www.${HOST}`, `*.${HOST}`])).toEqual([]);
  });

  it.each<[string, TargetPage]>([
    ['not read yet', ready(null)],
    ['switched off', ready(terms({}, { active: false }))],
    ['no terms', ready(terms({}))],
    ['a PDF', ready(null, 'pdf')],
    ['a page it cannot run on', { kind: 'unavailable', reason: 'store' }],
    ['a local file', { kind: 'ready', host: '', terms: null, tabId: 7 }],
  ])('on a page that shows no terms (%s)', async (_, page) => {
    // Reasons come from page-reasons.ts, itself checked in messages-speak-catalogue.test.ts: here, one of them.
    const { pdfReason, restrictedReason } = await import('../../../components/shared/page-reasons');
    if (page.kind === 'unavailable') page.reason = restrictedReason('https://addons.mozilla.org/')!;
    if (page.kind === 'ready' && page.unreadable) page.unreadable = pdfReason();
    world.page = page;
    await mount(<PopupApp glossary={glossary} search="" />);
    expect(strays([HOST])).toEqual([]);
  });

  it('searching, with and without results', async () => {
    world.page = ready(terms({}));
    await mount(<PopupApp glossary={glossary} search="" />);
    await type('#search-input', 'iron');
    expect(root.querySelector('.results')).not.toBeNull();
    expect(strays([HOST, `*.${HOST}`, 'iron'])).toEqual([]);
    await type('#search-input', 'zzqx');
    expect(root.querySelector('.results')).toBeNull();
    expect(strays([HOST, `*.${HOST}`, 'zzqx'])).toEqual([]);
  });

  it("an entry's card: quotes, claims, related, counts on the page and in the article", async () => {
    world.page = ready(terms({ [withClaims.id]: 3 }));
    await mount(<PopupApp glossary={glossary} search="" />);
    await click(`.outline [data-entry="${withClaims.id}"]`);
    expect(root.querySelector('.entry-card__more summary')).not.toBeNull();
    expect(root.querySelector('.rls-entry__claim')).not.toBeNull();
    expect(strays([HOST, `*.${HOST}`])).toEqual([]);
    await click('.card-view__back');
    await click(`.outline [data-entry="${related.id}"]`);
    expect(root.querySelector('.rls-entry__related')).not.toBeNull();
    expect(strays([HOST, `*.${HOST}`])).toEqual([]);
  });
});

describe('the overview page speaks only through the catalogue', () => {
  const RULES = ['news.example.org', '*.github.io', 'example.com', '*.example.net'];

  it("glossary, article, concept map, an entry's card, site list, preferences, backup (all sites except…)", async () => {
    await setRule({ pattern: 'example.com', enabled: false });
    await setRule({ pattern: '*.github.io', enabled: true });
    await setRule({ pattern: 'news.example.org', enabled: true });
    location.hash = `#entry=${withClaims.id}`;
    await mount(<OverviewApp glossary={glossary} article={article} />);
    expect(root.querySelector('.concept-map__node'), 'the concept map is drawn').not.toBeNull();
    expect(root.querySelector('.rules__warning')).not.toBeNull();
    expect(root.querySelector('.rules__note')).not.toBeNull();
    expect(root.querySelector('.quote-link')).not.toBeNull();
    expect(strays(RULES)).toEqual([]);
    // Back to where the card was opened from: the article, then the concept map's list. (happy-dom fires hashchange
    // for history.replaceState, which browsers do not, and that would forget the way back.)
    vi.spyOn(history, 'replaceState').mockImplementation(() => undefined);
    await click('.article-term');
    expect(root.querySelector('.card-return')).not.toBeNull();
    expect(strays(RULES)).toEqual([]);
    await click('.concept-map__list-button');
    expect(strays(RULES)).toEqual([]);
  });

  it('only the sites I switch on, no rules, opening on click, a bad site typed, files exported and imported', async () => {
    await setSiteMode('opt-in');
    await setPreferences({ trigger: 'click' });
    await mount(<OverviewApp glossary={glossary} article={article} />);
    expect(strays()).toEqual([]);
    await type('#rule-pattern', 'not a site!');
    root
      .querySelector<HTMLFormElement>('.add-rule')!
      .dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await flush();
    expect(root.querySelector('#rule-error')).not.toBeNull();
    expect(strays()).toEqual([]);

    const upload = async (name: string, text: string) => {
      const input = root.querySelector<HTMLInputElement>('.transfer input[type="file"]')!;
      Object.defineProperty(input, 'files', { configurable: true, value: [{ name, text: async () => text }] });
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await flush();
    };
    await upload(
      'broken.json',
      '{"format":"rls-lens-settings","version":2,"siteRules":[{"pattern":"no such host!","enabled":true}]}',
    );
    const error = root.querySelector('.transfer .error')!.textContent!;
    expect(error).not.toBe('');
    expect(strays(['broken.json', 'globalEnabled', 'siteMode', 'preferences', 'no such host!'])).toEqual([]);
    const { exportSettings } = await import('../../../settings');
    await upload('mine.json', await exportSettings());
    expect(root.querySelector('.transfer .success')!.textContent).not.toBe('');
    expect(strays(['mine.json'])).toEqual([]);
    await click('.transfer__actions .button');
    expect(strays()).toEqual([]);
  });
});

describe('what the popup and the overview say about storage', () => {
  const newerAndFull = async () => {
    await fakeBrowser.storage.local.set({ preferences: { theme: 'dark' }, preferences$: { v: 2 } });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('Resource::kQuotaBytes quota exceeded'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  };

  it("on the overview: a newer version's settings, and a change the full storage refused", async () => {
    await newerAndFull();
    await mount(<OverviewApp glossary={glossary} article={article} />);
    expect(root.querySelector('.newer-settings')).not.toBeNull();
    expect(strays()).toEqual([]);
    await type('#rule-pattern', 'news.example');
    root
      .querySelector<HTMLFormElement>('.add-rule')!
      .dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await flush();
    expect(root.querySelector('.save-problem__text')!.textContent).not.toBe('');
    expect(strays(['news.example'])).toEqual([]);
    await click('input[name="theme"][value="light"]');
    expect(root.querySelector('.save-problem__text')!.textContent).not.toBe('');
    expect(strays(['news.example'])).toEqual([]);
  });

  it('in the popup: the same line and message', async () => {
    await newerAndFull();
    world.page = { kind: 'ready', host: HOST, terms: terms({ ferritin: 1 }), tabId: 7 };
    await mount(<PopupApp glossary={glossary} search="?tab=7" />);
    expect(root.querySelector('.newer-settings')).not.toBeNull();
    await click('.site [role="switch"]');
    expect(root.querySelector('.save-problem__text')!.textContent).not.toBe('');
    expect(strays([HOST])).toEqual([]);
  });
});

describe('My terms speaks only through the catalogue', () => {
  const T0 = Date.UTC(2026, 11, 5, 10);
  const PAGES = ['https://example.org/health/rls', 'https://forum.example/t/42'];
  /** Data in the list beside the addresses: the dates of the last look-ups, as the catalogue's language writes them. */
  const DATES = [T0, T0 + 86_400_000].map((ms) => new Date(ms).toLocaleDateString('en', { dateStyle: 'medium' }));
  const LIST = {
    on: true,
    pages: true,
    asked: true,
    terms: {
      ferritin: { count: 3, first: T0, last: T0 + 86_400_000, pages: PAGES },
      dopamine: { count: 1, first: T0, last: T0, pages: [] },
    },
  };

  it('on the overview: the question, the list, its file refused, clearing asked and done, the terms you know', async () => {
    await mount(<OverviewApp glossary={glossary} article={article} />);
    expect(root.querySelector('#my-terms .my-terms__yes')).not.toBeNull();
    expect(strays()).toEqual([]);
    await fakeBrowser.storage.local.set({ myTerms: LIST, myTerms$: { v: 1 } });
    await setPreferences({ knownTerms: ['iron'] });
    await mount(<OverviewApp glossary={glossary} article={article} />);
    expect(root.querySelectorAll('#my-terms .my-terms__list [data-entry]').length).toBe(2);
    expect(root.querySelector('#my-terms [data-known="iron"]')).not.toBeNull();
    expect(strays([...PAGES, ...DATES])).toEqual([]);
    const input = root.querySelector<HTMLInputElement>('#my-terms input[type="file"]')!;
    Object.defineProperty(input, 'files', {
      configurable: true,
      value: [{ name: 'list.json', text: async () => '{"format":"rls-lens-my-terms","version":1,"terms":{"x":1}}' }],
    });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    expect(root.querySelector('#my-terms .error')!.textContent).not.toBe('');
    expect(strays([...PAGES, ...DATES, 'x'])).toEqual([]);
    await click('#my-terms .my-terms__clear');
    expect(root.querySelector('#my-terms .my-terms__confirm')).not.toBeNull();
    expect(strays([...PAGES, ...DATES, 'x'])).toEqual([]);
    await click('#my-terms .my-terms__clear-yes');
    expect(root.querySelector('#my-terms .success')!.textContent).not.toBe('');
    expect(strays(['x'])).toEqual([]);
    await click('#my-terms .my-terms__export');
    expect(strays(['x'])).toEqual([]);
  });

  it('in the side panel: the list, and a card with “I know this”', async () => {
    await fakeBrowser.storage.local.set({ myTerms: LIST, myTerms$: { v: 1 } });
    world.panelTab = { tabId: 7, url: `https://${HOST}/`, loading: false, loads: 0 };
    world.occurrences = { top: terms({}), frames: new Map(), refresh: () => undefined };
    await mount(<SidePanelApp glossary={glossary} search="" />);
    expect(root.querySelectorAll('.sp-my-terms [data-entry]').length).toBe(2);
    expect(strays([HOST])).toEqual([]);
    await click('.sp-my-terms [data-entry="ferritin"] button');
    expect(root.querySelector('.entry-card__know button')).not.toBeNull();
    expect(strays([HOST])).toEqual([]);
  });
});

describe('the side panel speaks only through the catalogue', () => {
  const frames = new Map<number, FrameOccurrences>([
    [
      0,
      {
        host: HOST,
        active: true,
        path: [],
        counts: { ferritin: 12, dopamine: 1 },
        occurrences: [
          { index: 0, entryId: 'ferritin', text: 'ferritin', before: 'Low ', after: ' levels' },
          { index: 1, entryId: 'dopamine', text: 'Dopamine', before: '', after: ' signals' },
        ],
      },
    ],
    [
      3,
      {
        host: HOST,
        active: true,
        path: [0],
        counts: { ferritin: 1 },
        occurrences: [{ index: 0, entryId: 'ferritin', text: 'Ferritin', before: 'in a frame: ', after: '' }],
      },
    ],
  ]);
  const SNIPPETS = ['Low', 'levels', 'signals', 'in a frame:', 'ferritin', 'Dopamine', 'Ferritin', HOST];
  const tab = (extra: Partial<PanelTab> = {}): PanelTab => ({
    tabId: 7,
    url: `https://${HOST}/a`,
    loading: false,
    loads: 0,
    ...extra,
  });
  const occurrences = (
    top: PageTerms | null | undefined,
    list = new Map<number, FrameOccurrences>(),
  ): TabOccurrences => ({ top, frames: list, refresh: () => undefined });

  it.each<[string, PanelTab | null, TabOccurrences]>([
    ['reading the page', null, occurrences(undefined)],
    [
      "a PDF in Chrome's viewer",
      tab(),
      occurrences(
        terms({}),
        new Map([[0, { host: HOST, active: true, path: [], counts: {}, occurrences: [], pdf: true }]]),
      ),
    ],
    ['a page it cannot run on', tab({ url: 'chrome://settings/' }), occurrences(null)],
    ['not read yet, and loading', tab({ loading: true }), occurrences(null)],
    ['switched off', tab(), occurrences(terms({}, { active: false }))],
    ['no terms', tab(), occurrences(terms({}))],
  ])('when there is nothing to list (%s)', async (_, panelTab, data) => {
    world.panelTab = panelTab;
    world.occurrences = data;
    await mount(<SidePanelApp glossary={glossary} search="" />);
    expect(strays([HOST, `*.${HOST}`])).toEqual([]);
  });

  it('the terms with their occurrences, stepping and showing (announced), a card', async () => {
    world.panelTab = tab();
    world.occurrences = occurrences(terms({ ferritin: 13, dopamine: 1 }), frames);
    await mount(<SidePanelApp glossary={glossary} search="" />);
    expect(root.querySelector('.sp-more')).not.toBeNull();
    expect(root.querySelector('.sp-snippet[title]')).not.toBeNull();
    expect(strays(SNIPPETS)).toEqual([]);
    const announced = () => root.querySelector('.sp > p.visually-hidden[role="status"]')!.textContent;
    const answers: (StepAnswer | undefined)[] = [
      { moved: true, entryId: 'ferritin', position: 3, total: 14 },
      { moved: true, position: 1, total: 1 },
      { moved: true, entryId: 'dopamine' },
      { moved: true },
      undefined,
    ];
    for (const answer of answers) {
      world.answer = answer;
      await click('.sp__steps .button:last-child');
      expect(announced()).not.toBe('');
      expect(strays(SNIPPETS)).toEqual([]);
    }
    world.answer = { moved: false };
    await click('.sp-snippet');
    expect(announced()).not.toBe('');
    expect(strays(SNIPPETS)).toEqual([]);
    await click('.sp-term__name[data-entry="ferritin"]');
    expect(root.querySelector('.card-view__back')).not.toBeNull();
    expect(strays(SNIPPETS)).toEqual([]);
  });
});
