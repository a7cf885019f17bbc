// `npm run bench -- --soak` (issue 21): one tab on an infinite feed that adds a post every 100 ms for 10 minutes
// (one post in three with a glossary term, the oldest removed beyond 60 so the page stays bounded), then a
// single-page app that changes route 500 times, in Chromium and in Firefox ESR, with the test build (its census of
// live listeners and timers: content/census.ts). Prints a table over time; asserts nothing (figures, not a test:
// the boundedness itself is asserted by tests/e2e/soak.test.ts). Pages: tests/harness/soak-pages.mjs.
//
// Columns: the page's JS heap after a forced collection (Chromium, CDP Runtime.getHeapUsage: the page's isolate,
// which holds the content script's isolated world too; Firefox exposes no heap over WebDriver BiDi), the resident
// memory of the browser's whole process tree (tests/harness/process-memory.mjs), the ranges RLS Lens registered next
// to the terms on the page, the listeners and the timers (timeouts, intervals, frame callbacks) its content script
// keeps registered, and the longest scan slice since the previous row (the test build's `hl-q7:scan` measures,
// cleared at each row).
import { launch } from '../../tests/harness/launch.mjs';
import { startServer } from '../../tests/harness/serve.mjs';
import { treeRss } from '../../tests/harness/process-memory.mjs';
import { feedPage, listenerTotal, readCensus, spaPage } from '../../tests/harness/soak-pages.mjs';
import { BLOCK_CHROMIUM_ARGS, blockFirefoxPrefs } from '../../tests/harness/block-other-hosts.mjs';
import { CENSUS_KEY, SCAN_MEASURE } from './measure-names.mjs';

/**
 * @typedef {{ browser: string, phase: string, at: string, progress: string, heapMiB: number | null,
 *   rssMiB: number, ranges: number, terms: number, listeners: number, timers: string, longestMs: number,
 *   slices: number }} SoakRow
 */

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (/** @type {number} */ bytes) => bytes / 1024 / 1024;

/**
 * The longest scan slice recorded in the page since the last call, and how many; clears them.
 * @param {string} name
 */
function slicesInPage(name) {
  const entries = performance.getEntriesByName(name);
  performance.clearMeasures(name);
  return { longest: Math.max(0, ...entries.map((e) => e.duration)), count: entries.length };
}

/**
 * @param {'chromium' | 'firefox'} kind
 * @param {{ minutes: number, routes: number, log: (message: string) => void }} options
 * @returns {Promise<SoakRow[]>}
 */
async function soakIn(kind, { minutes, routes, log }) {
  const server = await startServer();
  const session = await launch(kind, {
    build: 'probes',
    ...(kind === 'chromium' ? { args: BLOCK_CHROMIUM_ARGS } : { prefs: await blockFirefoxPrefs() }),
  });
  const pid = session.browser.process()?.pid ?? 0;
  /** @type {SoakRow[]} */
  const rows = [];
  try {
    const ext = await session.browser.newPage();
    ext.goto(session.extensionUrl('popup.html')).catch(() => {});
    await ext.waitForSelector('body', { timeout: 15_000 });

    /** @param {string} url */
    const open = async (url) => {
      const page = await session.browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.bringToFront();
      /** @type {number | undefined} */
      let tabId;
      for (let i = 0; i < 100 && tabId === undefined; i++) {
        tabId = await ext.evaluate(async (wanted) => {
          const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
          return (await api.tabs.query({})).find((/** @type {any} */ t) => t.url === wanted)?.id;
        }, url);
        if (tabId === undefined) await sleep(100);
      }
      if (tabId === undefined) throw new Error(`no tab for ${url}`);
      const cdp = kind === 'chromium' ? await page.createCDPSession() : null;
      return { page, tabId, cdp };
    };

    /**
     * @param {Awaited<ReturnType<typeof open>>} tab
     * @param {string} phase
     * @param {string} at
     * @param {string} progress
     */
    const sample = async ({ page, tabId, cdp }, phase, at, progress) => {
      let heapMiB = null;
      if (cdp) {
        await cdp.send('HeapProfiler.collectGarbage');
        heapMiB = mib((await cdp.send('Runtime.getHeapUsage')).usedSize);
      }
      const census = await readCensus(ext, tabId, CENSUS_KEY);
      const terms = await page.evaluate(() => /** @type {any} */ (window).soak.terms());
      const slices = await page.evaluate(slicesInPage, SCAN_MEASURE);
      /** @type {SoakRow} */
      const row = {
        browser: kind,
        phase,
        at,
        progress,
        heapMiB,
        rssMiB: mib(treeRss(pid)),
        ranges: census?.ranges ?? -1,
        terms,
        listeners: census ? listenerTotal(census) : -1,
        timers: census ? `${census.timeouts} / ${census.intervals} / ${census.frames}` : '?',
        longestMs: slices.longest,
        slices: slices.count,
      };
      rows.push(row);
      log(`soak ${kind} ${phase} ${at} (${progress}): ${JSON.stringify(row)}`);
    };

    // The feed: a row at 30 s, then every minute.
    const feed = await open(server.put('/feed.html', feedPage({ everyMs: 100, keep: 60 })));
    const began = Date.now();
    for (const at of [0.5, ...Array.from({ length: minutes }, (_, i) => i + 1)]) {
      await sleep(Math.max(0, began + at * 60_000 - Date.now()));
      const posts = await feed.page.evaluate(() => /** @type {any} */ (window).soak.posts());
      await sample(feed, 'feed', `${at} min`, `${posts} posts`);
    }
    await feed.page.close();

    // The single-page app: a route every 200 ms, a row every 100 routes.
    const spa = await open(server.put('/spa.html', spaPage({ routes, everyMs: 200 })));
    for (let mark = 10; mark <= routes; mark = mark === 10 ? 100 : mark + 100) {
      for (;;) {
        const shown = await spa.page.evaluate(() => /** @type {any} */ (window).soak.routes());
        if (shown >= mark) break;
        await sleep(200);
      }
      await sample(spa, 'routes', `route ${mark}`, `${mark} routes`);
    }
    await spa.page.close();
  } finally {
    await session.browser.close();
    await server.close();
  }
  return rows;
}

/**
 * Runs the soak in each browser, one after the other, and returns the Markdown table of every row.
 * @param {{ browsers: string[], minutes: number, routes: number, log: (message: string) => void }} options
 */
export async function runSoak({ browsers, minutes, routes, log }) {
  /** @type {SoakRow[]} */
  const rows = [];
  for (const kind of browsers)
    rows.push(...(await soakIn(/** @type {'chromium' | 'firefox'} */ (kind), { minutes, routes, log })));
  const f = (/** @type {number | null} */ n, digits = 1) => (n === null ? '—' : n.toFixed(digits));
  const table = [
    '| browser | phase | at | progress | JS heap after GC | browser RSS | ranges / terms on page | listeners | timeouts / intervals / frame callbacks | longest slice (slices) |',
    '| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.browser} | ${r.phase} | ${r.at} | ${r.progress} | ${r.heapMiB === null ? '—' : `${f(r.heapMiB)} MiB`} | ${f(r.rssMiB, 0)} MiB | ${r.ranges} / ${r.terms} | ${r.listeners} | ${r.timers} | ${f(r.longestMs)} ms (${r.slices}) |`,
    ),
  ].join('\n');
  return { rows, table };
}
