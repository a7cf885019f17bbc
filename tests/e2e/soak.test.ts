// A tab that stays open (issue 21): an infinite feed for a minute and a single-page app through 500 routes, and a
// site switched off and on again with a card opened each time. What RLS Lens's content script keeps registered is
// read from its census (content/census.ts, test build only): no count of listeners, timeouts, intervals or frame
// callbacks grows, the ranges it registers follow what is on the page (never more than the page's terms, none in a
// node the page removed), and at most one card host exists. The long version, with the heap and slice lengths over
// ten minutes, is `npm run bench -- --soak` (docs/performance.md#soak).
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { CENSUS_KEY, PAGE_PREFIX, TOOLTIP_HOST } from '../../core/page-names';
import { feedPage, listenerTotal, rangesInPage, readCensus, spaPage, type Census } from '../harness/soak-pages.mjs';
import { tabIdOf } from './control-helpers';
import {
  BROWSERS,
  highlighted,
  hover,
  openExtensionPage,
  openPage,
  seedSettings,
  sleep,
  until,
  untilValue,
  useBrowser,
} from './support';

const FEED_MS = 60_000;
/** The census taken this long after the feed starts is the baseline: the session, the engine and the gate are up. */
const WARM_MS = 10_000;
/** Timeouts and frame callbacks registered at one time: a scan, a report, a yield, a paint batch, a hover. */
const MAX_PENDING = 8;

/** The census's figures in one line, for the log. */
const line = (c: Census) =>
  `listeners ${listenerTotal(c)} ${JSON.stringify(c.listeners)} (+${c.detachedListeners} on detached nodes), timeouts ${c.timeouts}, intervals ${c.intervals}, ` +
  `frame callbacks ${c.frames}, ranges ${c.ranges}, hosts ${c.hosts}`;

describe.each(BROWSERS)('a long session in %s', (kind) => {
  const env = useBrowser(kind);

  const census = async (ext: Page, tabId: number) =>
    until('the census of the content script', () => readCensus(ext, tabId, CENSUS_KEY));
  const pageState = async (page: Page) => ({
    terms: await page.evaluate(() => (window as any).soak.terms() as number),
    ...(await page.evaluate(rangesInPage, PAGE_PREFIX)),
  });

  it('an infinite feed for a minute: counts stay flat, ranges follow the page, hidden or not', async () => {
    const { session, server } = env;
    const page = await openPage(session.browser, server.put('/feed.html', feedPage({ everyMs: 100, keep: 60 })));
    const ext = await openExtensionPage(session, 'popup.html');
    const tabId = await tabIdOf(ext, page);
    await sleep(WARM_MS);
    const early = await census(ext, tabId);
    console.log(`${kind} feed at ${WARM_MS / 1000} s: ${line(early)}`);

    const samples: Census[] = [];
    const started = Date.now();
    // Half the minute in front, half behind the extension page (hidden: no frames drawn, timers throttled).
    while (Date.now() - started < FEED_MS - WARM_MS) {
      if (Date.now() - started > (FEED_MS - WARM_MS) / 2) await ext.bringToFront();
      await sleep(5_000);
      const now = await census(ext, tabId);
      const state = await pageState(page);
      const hidden = (await page.evaluate(() => document.visibilityState)) === 'hidden';
      samples.push(now);
      console.log(
        `${kind} feed at ${Math.round((Date.now() - started + WARM_MS) / 1000)} s ` +
          `(${hidden ? 'hidden' : 'visible'}): ${line(now)}; page terms ${state.terms}, ` +
          `ranges seen by the page ${state.ranges} (${state.detached} detached)`,
      );
      // Bounded by what is on the page: a post or two may have come or gone since the last scan.
      expect(now.ranges).toBeLessThanOrEqual(state.terms + 3);
      expect(state.detached).toBeLessThanOrEqual(3);
      expect(now.hosts).toBe(0);
      // A hidden tab draws no frame (Chromium never, Firefox seldom): a yield waits for one at most 100 ms, and no
      // more than one yield waits at a time, so a second callback still registered is one left behind.
      if (hidden) expect(now.frames, 'frame callbacks registered in a hidden tab').toBeLessThanOrEqual(1);
    }
    const last = samples.at(-1)!;
    expect(listenerTotal(last), 'listeners after a minute vs after 10 s').toBeLessThanOrEqual(listenerTotal(early) + 1);
    for (const [target, count] of Object.entries(last.listeners))
      expect(count, `listeners on ${target}`).toBeLessThanOrEqual((early.listeners[target] ?? 0) + 1);
    expect(last.intervals).toBeLessThanOrEqual(early.intervals);
    for (const sample of samples) expect(sample.timeouts + sample.frames).toBeLessThanOrEqual(MAX_PENDING);

    // Stopped and shown again: exactly the page's terms, none in a removed post.
    await page.evaluate(() => (window as any).soak.stop());
    await page.bringToFront();
    const settled = await untilValue(
      'the ranges to match the page once the feed stops',
      async () => ({ ...(await pageState(page)), census: await census(ext, tabId) }),
      (s) => s.ranges === s.terms && s.detached === 0 && s.census.ranges === s.terms,
      15_000,
    );
    expect(settled.terms).toBeGreaterThan(0);
    await page.close();
    await ext.close();
  }, 120_000);

  it('a single-page app through 500 routes: counts stay flat, ranges follow the current route', async () => {
    const { session, server } = env;
    const page = await openPage(session.browser, server.put('/spa.html', spaPage({ routes: 500, everyMs: 40 })));
    const ext = await openExtensionPage(session, 'popup.html');
    const tabId = await tabIdOf(ext, page);
    await until('route 50', () => page.evaluate(() => (window as any).soak.routes() >= 50), 30_000);
    const early = await census(ext, tabId);
    console.log(`${kind} route 50: ${line(early)}`);
    await until('route 500', () => page.evaluate(() => (window as any).soak.routes() >= 500), 90_000);
    const settled = await untilValue(
      'the ranges to match the last route',
      async () => ({ ...(await pageState(page)), census: await census(ext, tabId) }),
      (s) => s.ranges === s.terms && s.detached === 0 && s.census.ranges === s.terms,
      15_000,
    );
    const last = settled.census;
    console.log(`${kind} route 500: ${line(last)}; page terms ${settled.terms}`);
    expect(await page.evaluate(() => location.pathname)).toBe('/spa/topic-499');
    expect(listenerTotal(last), 'listeners after 500 routes vs after 50').toBeLessThanOrEqual(listenerTotal(early) + 1);
    expect(last.intervals).toBeLessThanOrEqual(early.intervals);
    expect(last.timeouts + last.frames).toBeLessThanOrEqual(MAX_PENDING);
    await page.close();
    await ext.close();
  }, 150_000);

  it('switched off and on eight times with a card opened each time: one run’s listeners, one host at most', async () => {
    const { session, server } = env;
    const page = await openPage(
      session.browser,
      server.put(
        '/switch.html',
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Restless legs forum</title></head>' +
          '<body><p style="font-size:24px;margin:120px">Her ferritin was low.</p></body></html>',
      ),
    );
    const ext = await openExtensionPage(session, 'popup.html');
    const tabId = await tabIdOf(ext, page);
    const totals: number[] = [];
    for (let cycle = 0; cycle < 8; cycle++) {
      await page.bringToFront();
      await until('the term highlighted', async () => (await highlighted(page)).length > 0);
      await hover(page, 'ferritin');
      await until('the card open', () => page.evaluate((tag: string) => !!document.querySelector(tag), TOOLTIP_HOST));
      await page.mouse.move(5, 5);
      await until('the card closed', () => page.evaluate((tag: string) => !document.querySelector(tag), TOOLTIP_HOST));
      const now = await census(ext, tabId);
      totals.push(listenerTotal(now));
      expect(now.hosts).toBeLessThanOrEqual(1);
      await seedSettings(session, { globalEnabled: false });
      await until('the highlights gone', async () => (await highlighted(page)).length === 0);
      await seedSettings(session, { globalEnabled: true });
    }
    console.log(`${kind} listeners after each card: ${totals.join(', ')}`);
    expect(totals.at(-1), 'listeners after the eighth run vs the second').toBeLessThanOrEqual(totals[1]! + 1);
    // The old runs' card hosts are garbage: nothing of ours holds them once collected (Chromium can be asked to
    // collect; Firefox cannot from here).
    if (kind === 'chromium') {
      const cdp = await page.createCDPSession();
      await cdp.send('HeapProfiler.collectGarbage');
      await sleep(500);
      await cdp.send('HeapProfiler.collectGarbage');
      const collected = await census(ext, tabId);
      console.log(`${kind} after a collection: ${line(collected)}`);
      expect(collected.detachedListeners, 'listeners on detached card hosts after a collection').toBeLessThanOrEqual(4);
    }
    await page.close();
    await ext.close();
  }, 150_000);
});
