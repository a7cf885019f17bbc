// What a page learns while a person reads it with RLS Lens (issue 18), in Chromium and Firefox, with the *release*
// build (the test build's probes are exactly what this test forbids: core/build-mode.ts). The page runs a spy of its
// own before any extension code — its performance timeline, every DOM mutation and attribute, open shadow roots, the
// CSS highlight registry's names, window messages, focus, and the custom events WXT would dispatch — and rrweb
// (a real session-replay recorder, as Hotjar, PostHog or Sentry Replay embed) records the whole visit. The reader
// waits for the highlights, hovers a term until its card opens, steps to the next term with the keyboard command,
// tabs into the card and closes it with Esc. Neither the spy nor the recording may hold a name that says RLS Lens
// or any text of the card.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import glossary from 'virtual:rls-lens/glossary';
import { GECKO_ID } from '../../build/extension-ids.mjs';
import { DEFAULT_PREFERENCES } from '../../settings/schema';
import { FAINT_HIGHLIGHT } from '../../core/page-names';
import {
  BROWSERS,
  hover,
  openExtensionPage,
  openPage,
  screenshot,
  seedSettings,
  sleep,
  until,
  untilValue,
  useBrowser,
} from './support';
import { tabIdOf } from './side-panel-helpers';
import { decodePng } from './tooltip-pixels';

const require = createRequire(import.meta.url);
const RRWEB = readFileSync(join(dirname(require.resolve('rrweb')), 'rrweb.umd.min.cjs'), 'utf8');

const FERRITIN = glossary.entries.find((e) => e.id === 'ferritin')!;
const IRON_DEFICIENCY = glossary.entries.find((e) => e.id === 'iron-deficiency')!;
/** Strings that only RLS Lens could have put in the page: its names and the cards' own words. */
const SECRETS = [
  /rls[\s_-]?lens/i,
  /rlsLens/,
  new RegExp(FERRITIN.definition.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  new RegExp(IRON_DEFICIENCY.definition.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  /Open in overview/i,
  /I know this/i,
];

/** Runs in the page before anything else: what any analytics script can watch. */
const spy = (wxtEvents: string[]) => `
  window.__spy = { added: [], attributes: [], texts: [], timeline: [], messages: [], focus: [], events: [] };
  const spy = window.__spy;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) spy.timeline.push(e.entryType + ':' + e.name + ':' + JSON.stringify(e.detail ?? null));
  }).observe({ entryTypes: ['mark', 'measure'] });
  const describe = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return '#text:' + node.data;
    if (node.nodeType !== Node.ELEMENT_NODE) return node.nodeName;
    const attrs = [...node.attributes].map((a) => a.name + '=' + a.value).join(' ');
    // What a recorder sees of a shadow root: only an open one.
    const shadow = node.shadowRoot ? ' shadow:' + node.shadowRoot.textContent : '';
    return node.localName + (attrs ? ' ' + attrs : '') + ' text:' + node.textContent + shadow;
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') for (const n of r.addedNodes) spy.added.push(describe(n));
      else if (r.type === 'attributes') spy.attributes.push(describe(r.target) + ' @' + r.attributeName);
      else spy.texts.push(r.target.data);
    }
  });
  // From the parsed document on (the parser's own nodes are the page's), once the recorder has set itself up
  // (rrweb adds a hidden iframe of its own as it starts).
  document.addEventListener('DOMContentLoaded', () => setTimeout(() =>
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true })));
  addEventListener('message', (e) => spy.messages.push(JSON.stringify(e.data)));
  addEventListener('focusin', (e) => spy.focus.push(describe(e.target)));
  for (const name of ${JSON.stringify(wxtEvents)}) {
    document.addEventListener(name, () => spy.events.push(name));
    window.addEventListener(name, () => spy.events.push(name));
  }
`;

const page = (wxtEvents: string[]) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Living with restless legs</title>
<script>${spy(wxtEvents)}</script>
<script>${RRWEB}</script>
<script>
  window.__recording = [];
  document.addEventListener('DOMContentLoaded', () =>
    rrweb.record({ emit: (e) => window.__recording.push(e), recordCanvas: false, collectFonts: false }));
</script>
</head><body>
<main style="max-width:36em;margin:2em auto;font:18px/1.6 Georgia,serif">
<h1>Living with restless legs</h1>
<p id="first">Low ferritin levels are common in people with restless legs syndrome.</p>
<p>Doctors look for iron deficiency first.</p>
<p><a href="#more">More about dopamine</a> and sleep.</p>
</main>
</body></html>`;

/** What the page's spy and its recorder hold, as text. */
const pageRecord = (p: Page) =>
  p.evaluate(() => {
    const w = window as unknown as { __spy: Record<string, string[]>; __recording: unknown[] };
    return {
      spy: w.__spy,
      highlightNames: [...CSS.highlights.keys()],
      highlightCount: [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0),
      recording: JSON.stringify(w.__recording),
      recorded: w.__recording.length,
    };
  });

/** How many pixels differ between two screenshots of the same size. */
function changedPixels(a: Uint8Array, b: Uint8Array): number {
  const [x, y] = [decodePng(a), decodePng(b)];
  let changed = 0;
  for (let i = 0; i < x.data.length; i += 4) {
    if (x.data[i] !== y.data[i] || x.data[i + 1] !== y.data[i + 1] || x.data[i + 2] !== y.data[i + 2]) changed++;
  }
  return changed;
}

describe.each(BROWSERS)('what a page learns of its reader in %s (release build)', (kind) => {
  const env = useBrowser(kind, 'release');

  it('records nothing of RLS Lens, its cards or the reader’s look-ups: timeline, DOM, names, events, a replay', async () => {
    const { server, session } = env;
    const id = kind === 'chromium' ? session.extensionId : GECKO_ID;
    // The names WXT's own content-script context would announce itself under (content/script-context.ts).
    const wxtEvents = [`${id}:content:wxt:content-script-started`, `${id}:content:wxt:locationchange`];
    // A reader who marked Dopamine "I know this" (issue 19): its term is drawn under a name of its own, as neutral.
    await seedSettings(session, { preferences: { ...DEFAULT_PREFERENCES, knownTerms: ['dopamine'] } });
    const ext = await openExtensionPage(session, 'overview.html', 'h1');
    const tab = await openPage(session.browser, server.put('/spy.html', page(wxtEvents)));

    // The highlights are in: their count stops changing.
    let last = -1;
    await until('the highlights to settle', async () => {
      const { highlightCount } = await pageRecord(tab);
      const done = highlightCount > 0 && highlightCount === last;
      last = highlightCount;
      if (!done) await sleep(300);
      return done;
    });
    const before = await tab.screenshot({ encoding: 'binary' });

    // The card opens on hover: a reader sees it (pixels), the page cannot read it.
    await hover(tab, 'ferritin');
    const shown = await until('the card to be drawn', async () => {
      const now = await tab.screenshot({ encoding: 'binary' });
      return changedPixels(before, now) > 5000 ? now : null;
    });
    expect(shown).toBeTruthy();
    await screenshot(tab, `privacy-card-${kind}`);
    if (kind === 'chromium') {
      // The card is there, in a closed shadow root the page cannot open (the browser's own DOM view can).
      const cdp = await tab.createCDPSession();
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: unknown };
      const tree = JSON.stringify(root);
      expect(tree).toContain('"shadowRootType":"closed"');
      expect(tree).toContain(FERRITIN.definition.slice(0, 40));
      await cdp.detach();
    }
    // Into the card with the keyboard, and out with Esc.
    await tab.keyboard.press('Tab');
    await sleep(200);
    await tab.keyboard.press('Escape');
    // The next-term command, as Alt+Shift+Period sends it.
    await tab.bringToFront();
    await ext.evaluate(async () => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      const [t] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      await api.tabs.sendMessage(t.id, { type: 'rls-lens:step', direction: 1 }, { frameId: 0 });
    });
    await sleep(600);
    await tab.keyboard.press('Escape');
    await sleep(600);

    const { spy: seen, highlightNames, recording, recorded } = await pageRecord(tab);
    // The spy and the recorder ran and saw the visit (so their silence below means something).
    expect(recorded).toBeGreaterThan(3);
    expect(recording).toContain('Low ferritin levels');
    // What RLS Lens adds to the DOM: only a bare <div> at the end of <body> while a card is open, nothing readable.
    expect(seen.added!.length).toBeGreaterThan(0);
    for (const added of seen.added!) expect(added).toBe('div text:');
    expect(seen.attributes).toEqual([]);
    expect(seen.texts).toEqual([]);
    expect(seen.timeline).toEqual([]);
    expect(seen.messages).toEqual([]);
    expect(seen.events).toEqual([]);
    for (const target of seen.focus!) expect(target).toMatch(/^(div text:|a href=#more)/);
    expect(highlightNames.length).toBeGreaterThan(0);
    expect(highlightNames).toContain(FAINT_HIGHLIGHT);
    for (const name of highlightNames) expect(name).not.toMatch(/rls|lens|ferritin|iron|legs|dopamine|know/i);
    const everything = JSON.stringify(seen) + highlightNames.join(' ') + recording;
    for (const secret of SECRETS) expect(everything).not.toMatch(secret);
    await seedSettings(session, { preferences: { ...DEFAULT_PREFERENCES } });
    await Promise.all([tab.close(), ext.close()]);
  });

  it('private reading: the page gets nothing at all, and the card the reader rests on opens in the side panel', async () => {
    const { server, session } = env;
    const id = kind === 'chromium' ? session.extensionId : GECKO_ID;
    const wxtEvents = [`${id}:content:wxt:content-script-started`, `${id}:content:wxt:locationchange`];
    await seedSettings(session, { preferences: { ...DEFAULT_PREFERENCES, privateReading: true } });
    const ext = await openExtensionPage(session, 'overview.html', 'h1');
    const tab = await openPage(session.browser, server.put('/private.html', page(wxtEvents)));
    const tabId = await tabIdOf(ext, tab);
    const panel = await openExtensionPage(session, `sidepanel.html?tab=${tabId}`, '.sp');
    const heading = () => panel.$eval('#card-heading', (h) => h.textContent).catch(() => null);
    // The page was read: the side panel lists its terms, though the page shows none.
    await until('the panel to list ferritin', () =>
      panel.$$eval('.sp-list [data-entry]', (items) => items.some((i) => i.getAttribute('data-entry') === 'ferritin')),
    );
    await tab.bringToFront();
    const before = await tab.screenshot({ encoding: 'binary' });
    await hover(tab, 'ferritin');
    expect(
      await until('the Ferritin card in the side panel', async () =>
        (await heading()) === FERRITIN.term ? true : null,
      ),
    ).toBe(true);
    // Nothing was drawn in the page: no mark, no card (the same pixels as before the hover).
    expect(changedPixels(before, await tab.screenshot({ encoding: 'binary' }))).toBe(0);
    await panel.bringToFront();
    await screenshot(panel, `privacy-private-panel-${kind}`);
    // The keyboard's next-term step: its card goes to the panel too.
    const step = (await ext.evaluate(async (t) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      return api.tabs.sendMessage(t, { type: 'rls-lens:step', direction: 1 }, { frameId: 0 });
    }, tabId)) as { moved: boolean; entryId: string };
    expect(step.moved).toBe(true);
    const next = glossary.entries.find((e) => e.id === step.entryId)!;
    expect(next.id).not.toBe('ferritin');
    expect(
      await until(`the ${next.term} card in the side panel`, async () =>
        (await heading()) === next.term ? true : null,
      ),
    ).toBe(true);
    await sleep(600);

    const { spy: seen, highlightNames, recording, recorded } = await pageRecord(tab);
    expect(recorded).toBeGreaterThan(3);
    expect(recording).toContain('Low ferritin levels');
    // Nothing at all: no element, no attribute, no registered highlight, no timeline entry, message or event.
    expect(seen.added).toEqual([]);
    expect(seen.attributes).toEqual([]);
    expect(seen.texts).toEqual([]);
    expect(seen.timeline).toEqual([]);
    expect(seen.messages).toEqual([]);
    expect(seen.events).toEqual([]);
    expect(seen.focus).toEqual([]);
    expect(highlightNames).toEqual([]);
    const everything = JSON.stringify(seen) + recording;
    for (const secret of SECRETS) expect(everything).not.toMatch(secret);
    await seedSettings(session, { preferences: { ...DEFAULT_PREFERENCES } });
    await Promise.all([panel.close(), tab.close(), ext.close()]);
  });

  it('private reading from the popup: its switch takes the page’s highlights away live, says so, and brings them back', async () => {
    const { server, session } = env;
    await seedSettings(session, { preferences: { ...DEFAULT_PREFERENCES } });
    const ext = await openExtensionPage(session, 'overview.html', 'h1');
    const tab = await openPage(session.browser, server.put('/private-switch.html', page([])));
    const tabId = await tabIdOf(ext, tab);
    const names = () => tab.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
    expect(await untilValue('the page to be highlighted', names, (n) => n > 0)).toBeGreaterThan(0);
    const popup = await openExtensionPage(session, `popup.html?tab=${tabId}`, '.private-reading [role="switch"]');
    const line = () => popup.$eval('.private-reading__line', (p) => p.textContent);
    const state = () => popup.$eval('.private-reading [role="switch"]', (b) => b.getAttribute('aria-checked'));
    expect(await state()).toBe('false');
    expect(await line()).toBe('The page can find out which words are marked, never the cards you read.');
    await popup.click('.private-reading [role="switch"]');
    expect(await untilValue('the switch to turn on', state, (c) => c === 'true')).toBe('true');
    expect(await line()).toBe('The page sees nothing of RLS Lens. Cards open in the side panel.');
    // Live, without a reload: the page's highlight registry empties.
    expect(await untilValue('the highlights to leave the page', names, (n) => n === 0)).toBe(0);
    await screenshot(popup, `privacy-popup-private-on-${kind}`);
    await popup.click('.private-reading [role="switch"]');
    expect(await untilValue('the switch to turn off', state, (c) => c === 'false')).toBe('false');
    expect(await untilValue('the highlights to come back', names, (n) => n > 0)).toBeGreaterThan(0);
    await Promise.all([popup.close(), tab.close(), ext.close()]);
  });

  it('private reading on one site: the popup’s site switch empties that site’s pages only; the overview lists it and removes it', async () => {
    const { server, session } = env;
    await seedSettings(session, { preferences: { ...DEFAULT_PREFERENCES } });
    server.put('/private-site.html', page([]));
    const ext = await openExtensionPage(session, 'overview.html', 'h1');
    const tab = await openPage(session.browser, server.url('/private-site.html'));
    const other = await openPage(session.browser, server.url('/private-site.html', 'localhost'));
    const ranges = (p: Page) => () => p.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
    expect(await untilValue('the page to be highlighted', ranges(tab), (n) => n > 0)).toBeGreaterThan(0);
    expect(await untilValue('the other site to be highlighted', ranges(other), (n) => n > 0)).toBeGreaterThan(0);
    const tabId = await tabIdOf(ext, tab);
    const popup = await openExtensionPage(session, `popup.html?tab=${tabId}`, '.private-reading__site');
    expect(await popup.$eval('.private-reading__site', (b) => b.textContent)).toBe('Read privately on 127.0.0.1');
    await popup.click('.private-reading__site');
    expect(
      await untilValue(
        'the site switch to turn on',
        () => popup.$eval('.private-reading__site', (b) => b.getAttribute('aria-checked')),
        (c) => c === 'true',
      ),
    ).toBe('true');
    expect(await popup.$eval('.private-reading__line', (p) => p.textContent)).toBe(
      'The page sees nothing of RLS Lens. Cards open in the side panel.',
    );
    // The all-sites switch stays off: only this site is read privately.
    expect(await popup.$eval('.private-reading .switch--small', (b) => b.getAttribute('aria-checked'))).toBe('false');
    await popup.bringToFront();
    await sleep(300); // the switch's slide
    await screenshot(popup, `privacy-popup-private-site-${kind}`);
    expect(await untilValue('this site’s highlights to leave', ranges(tab), (n) => n === 0)).toBe(0);
    await sleep(300);
    expect(await ranges(other)()).toBeGreaterThan(0);
    // The overview lists the site; removing it there brings the highlights back.
    // (The overview already open follows the settings live.)
    await ext.waitForSelector('.private-sites__site');
    expect(await ext.$$eval('.private-sites__host', (h) => h.map((e) => e.textContent))).toEqual(['127.0.0.1']);
    await ext.bringToFront();
    await ext.$eval('.private-sites__site', (li) => li.scrollIntoView({ block: 'center' }));
    await screenshot(ext, `privacy-overview-private-sites-${kind}`);
    await ext.click('.private-sites__site button');
    expect(await untilValue('the highlights to come back', ranges(tab), (n) => n > 0)).toBeGreaterThan(0);
    await Promise.all([popup.close(), tab.close(), other.close(), ext.close()]);
  });
});
