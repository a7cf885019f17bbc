// Update in place (issue 21): the extension is updated while pages hold its content script — one with a card open,
// one with the pointer resting on a term, one with its terms inside a frame — and a page opened while RLS Lens was
// not installed. The old script's highlights, card and listeners must go, the new one must highlight each frame
// once (one instance, never two), open the card from the new version's chunk, and nothing may report an error.
//
// How the update is made: the extension is installed again from the same folder while it is installed. Chromium
// (CDP Extensions.loadUnpacked) reloads the installed unpacked extension in place, as chrome://extensions' reload
// button does; Firefox (WebDriver BiDi webExtension.install) replaces the temporary add-on in place (neither was
// checked to report onInstalled's reason as "update"; the new background starts the script in the open tabs either
// way: background/script-registration.ts, late-start.ts). chrome.runtime.reload() is not used: called from an extension page of
// an extension loaded over CDP, it unloads the extension and Chromium 156 never loads it again (its pages answer
// ERR_BLOCKED_BY_CLIENT for as long as we waited, 17 s).
import type { Frame, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { CURRENT_HIGHLIGHT, PAGE_PREFIX, SCAN_MEASURE, TOOLTIP_HOST } from '../../core/page-names';
import { extensionDir, FIREFOX_UUID, GECKO_ID } from '../harness/launch.mjs';
import { inFirefoxChrome, pageTerms, tabIdOf } from './control-helpers';
import {
  BROWSERS,
  hover,
  html,
  settled,
  sleep,
  until,
  untilValue,
  useBrowser,
  withExtensionPage,
  type Session,
} from './support';
import { openTooltip, SETTLE_MS } from './tooltip-helpers';

const TERMS_PAGE = html(`
  <h1>Notes on restless legs syndrome</h1>
  <p>Ferritin was low in spring.</p>
  <p>Dopamine is a messenger.</p>
`);
const FRAMED_TERMS = html('<p>Low ferritin and restless legs syndrome.</p>');

/** Everything a page reports as an error: its own, and those of scripts running in it (content scripts too). */
function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (e) => errors.push(`${page.url()} pageerror: ${(e as Error)?.message ?? e}`));
  // Resource errors (the favicon's 404) are the network's, not a script's.
  page.on(
    'console',
    (m) =>
      m.type() === 'error' &&
      !m.text().startsWith('Failed to load resource') &&
      errors.push(`${page.url()} console: ${m.text()}`),
  );
}

async function openWatched(session: Session, url: string, errors: string[]): Promise<Page> {
  const page = await session.browser.newPage();
  watchErrors(page, errors);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Per highlight of ours (not the keyboard's mark): how many ranges it holds, and how many point out of the page. */
const rangeStats = (frame: Frame) =>
  frame.evaluate(
    (prefix: string, current: string) => {
      const sizes: Record<string, number> = {};
      let detached = 0;
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith(prefix) || name === current) continue;
        sizes[name] = h.size;
        for (const r of h) if (!r.startContainer.isConnected || !r.endContainer.isConnected) detached++;
      }
      return { sizes, detached };
    },
    PAGE_PREFIX,
    CURRENT_HIGHLIGHT,
  );

const hostCount = (page: Page) => page.evaluate((host: string) => document.querySelectorAll(host).length, TOOLTIP_HOST);

/**
 * How many instances of the content script react to one change of the frame: its scan measures are cleared, a
 * paragraph with a term is added, and the scan slices recorded for it are counted once they stop coming. One
 * live instance rescans the new block in one slice; two (an old one left running beside the new) record two.
 */
async function rescansOfOneChange(frame: Frame): Promise<number> {
  await frame.evaluate((name: string) => {
    performance.clearMeasures(name);
    const p = document.createElement('p');
    p.textContent = 'Iron stores matter here.';
    document.body.append(p);
  }, SCAN_MEASURE);
  let last = -1;
  let since = Date.now();
  const end = Date.now() + 15_000;
  for (;;) {
    const now = await frame.evaluate((name: string) => performance.getEntriesByName(name).length, SCAN_MEASURE);
    if (now !== last) [last, since] = [now, Date.now()];
    // The observer coalesces over 40 ms; a busy machine may take a while to run the slice.
    else if (now > 0 && Date.now() - since >= 1500) return now;
    if (Date.now() > end) return now;
    await sleep(100);
  }
}

/** The frame of `page` whose document's address ends with `path`. */
const frameAt = (page: Page, path: string) =>
  untilValue(
    `the frame at ${path}`,
    async () => page.frames().find((f) => f.url().endsWith(path)) ?? null,
    (frame) => frame !== null,
  ) as Promise<Frame>;

/** Installs the build again over the installed one: an update in place (see the top of this file). */
async function updateInPlace(session: Session): Promise<void> {
  session.extensionId = await session.browser.installExtension(extensionDir(session.kind, 'probes'));
}

/**
 * Chromium: errors the extension's service worker logs (its console), from now on. Firefox's background page has no
 * target puppeteer can reach over WebDriver BiDi: `firefoxExtensionErrors` reads the browser console instead.
 */
async function watchWorker(session: Session, errors: string[]): Promise<void> {
  if (session.kind !== 'chromium') return;
  const target = await session.browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(session.extensionOrigin),
  );
  const worker = await target.worker();
  worker?.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') errors.push(`worker ${m.type()}: ${m.text()}`);
  });
}

/**
 * Firefox 153 logs this warning, naming the add-on, each time the test opens one of its pages over WebDriver BiDi —
 * at launch, before any update, and after a plain navigation with nothing evaluated in the page — so it says
 * nothing about an update. (Where it comes from is not known yet: see the report of issue 21.)
 */
const KNOWN_WARNING = /^Content Script execution in moz-extension document has been deprecated and it has been blocked/;

/**
 * Firefox: the script errors and warnings in the browser console since `since` (ms) from the extension's own files —
 * its background page, pages and content scripts (uncaught errors, and what Firefox reports about them) — read in the
 * browser's chrome scope. (Calls of console.warn from a content script are not in that list; they reach the page's
 * console, watched above for errors.)
 */
async function firefoxExtensionErrors(session: Session, since: number): Promise<string[]> {
  if (session.kind !== 'firefox') return [];
  const found = await inFirefoxChrome(
    session,
    `(() => {
      const origin = ${JSON.stringify(session.extensionOrigin)};
      const scriptErrors = Services.console.getMessageArray()
        .filter((m) => m instanceof Ci.nsIScriptError && m.timeStamp >= ${since})
        .filter((m) => (m.sourceName || '').startsWith(origin) || /RLS Lens/.test(m.errorMessage))
        .filter((m) => !${KNOWN_WARNING}.test(m.errorMessage))
        .map((m) => 'console ' + (m.flags & Ci.nsIScriptError.warningFlag ? 'warning' : 'error') + ': ' + m.errorMessage);
      return JSON.stringify(scriptErrors);
    })()`,
  );
  return JSON.parse(String(found)) as string[];
}

/**
 * What the tab's top frame answers the popup, asked from a fresh extension page. Just after an install or update
 * the first extension page may load before the extension is ready (no API on it): asked again until it answers.
 */
const topFrameTerms = (session: Session, page: Page) =>
  until(
    "the page's answer to the popup",
    () =>
      withExtensionPage(session, async (ext) => {
        const ready = await ext.evaluate(() => !!((globalThis as any).browser ?? (globalThis as any).chrome)?.tabs);
        return ready ? pageTerms(ext, await tabIdOf(ext, page)) : null;
      }),
    20_000,
  );

describe.each(BROWSERS)('update in place in %s', (kind) => {
  const env = useBrowser(kind);

  it('the old script leaves nothing, the new one highlights once and opens its card', async () => {
    const errors: string[] = [];
    const server = env.server;
    const carded = await openWatched(env.session, server.put('/update/carded.html', TERMS_PAGE), errors);
    const framed = await openWatched(
      env.session,
      server.put(
        '/update/framed.html',
        html(`<p>A page about trains.</p>
          <iframe id="inner" src="${server.put('/update/inner.html', FRAMED_TERMS)}" width="500" height="200"></iframe>`),
      ),
      errors,
    );
    const hovered = await openWatched(env.session, server.put('/update/hovered.html', TERMS_PAGE), errors);
    const inner = await frameAt(framed, '/update/inner.html');
    const frames = [carded.mainFrame(), hovered.mainFrame(), inner];
    for (const frame of frames) await settled(frame.page(), { frame });
    const before = await Promise.all(frames.map(rangeStats));
    expect(before.map((s) => Object.values(s.sizes).reduce((a, b) => a + b, 0))).toEqual([3, 3, 2]);

    // A card open on one page, the pointer resting on a term of another (its card on its way).
    await carded.bringToFront();
    await hover(carded, 'Ferritin');
    await openTooltip(carded, 'Ferritin');
    await hovered.bringToFront();
    await hover(hovered, 'Dopamine');
    expect(await hostCount(carded)).toBe(1);

    for (const frame of frames) await frame.evaluate((name: string) => performance.clearMeasures(name), SCAN_MEASURE);
    const updatedAt = Date.now();
    await updateInPlace(env.session);
    await watchWorker(env.session, errors);

    // The old card goes with the old script; the new script highlights each frame, with one set of ranges.
    await until('the old card to go', async () => (await hostCount(carded)) === 0, 15_000);
    for (const frame of frames) {
      await until(
        `the new script to highlight ${frame.url()}`,
        () => frame.evaluate((name: string) => performance.getEntriesByName(name).length > 0, SCAN_MEASURE),
        15_000,
      );
      await settled(frame.page(), { frame });
    }
    // The scan measures are the new instance's: the old ones were cleared just before the update.
    expect(await Promise.all(frames.map(rangeStats))).toEqual(before);
    expect(await hostCount(hovered)).toBe(0);

    // One live instance per frame: one change, one rescan (the old script's observer is gone, no second instance).
    for (const frame of frames) expect(await rescansOfOneChange(frame)).toBe(1);
    const after = await Promise.all(frames.map(rangeStats));
    expect(after.map((s) => Object.values(s.sizes).reduce((a, b) => a + b, 0))).toEqual([4, 4, 3]);
    expect(after.every((s) => s.detached === 0)).toBe(true);

    // The card opens from the new version's chunk, once (one host: the old pointer listeners are gone).
    for (const page of [carded, hovered]) {
      await page.bringToFront();
      await page.mouse.move(5, 5);
      await sleep(300);
      await hover(page, 'Ferritin');
      await openTooltip(page, 'Ferritin');
      await sleep(SETTLE_MS);
      expect(await hostCount(page)).toBe(1);
    }

    // The popup's answer comes from the new instance, with the page's counts.
    {
      const terms = await topFrameTerms(env.session, carded);
      expect(terms?.active).toBe(true);
      expect(Object.keys(terms?.counts ?? {}).sort()).toEqual(
        ['dopamine', 'ferritin', 'iron-stores', 'restless-legs-syndrome'].sort(),
      );
    }
    expect(errors).toEqual([]);
    expect(await firefoxExtensionErrors(env.session, updatedAt)).toEqual([]);
    for (const page of [carded, framed, hovered]) await page.close();
  }, 120_000);

  it('a page opened while RLS Lens was not installed is highlighted once it is', async () => {
    const errors: string[] = [];
    await env.session.browser.uninstallExtension(env.session.extensionId);
    const page = await openWatched(env.session, env.server.put('/update/before-install.html', TERMS_PAGE), errors);
    await sleep(500);
    expect(await rangeStats(page.mainFrame())).toEqual({ sizes: {}, detached: 0 });

    // Firefox forgets the add-on's moz-extension:// address when it is uninstalled; given back before the install,
    // so that the extension pages of this session (popup.html) keep their address.
    if (kind === 'firefox')
      await inFirefoxChrome(
        env.session,
        `Services.prefs.setStringPref('extensions.webextensions.uuids', ${JSON.stringify(
          JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
        )})`,
      );
    env.session.extensionId = await env.session.browser.installExtension(extensionDir(kind, 'probes'));
    // The background registers the script and starts it in the open tab (background/late-start.ts).
    await until(
      'the script started by the background at install',
      () => page.evaluate((name: string) => performance.getEntriesByName(name).length > 0, SCAN_MEASURE),
      15_000,
    );
    await settled(page);
    expect(await rangeStats(page.mainFrame())).toEqual({ sizes: { [`${PAGE_PREFIX}-both`]: 3 }, detached: 0 });
    expect(await rescansOfOneChange(page.mainFrame())).toBe(1);
    expect((await topFrameTerms(env.session, page)).active).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
