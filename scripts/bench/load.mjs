// One page load in a fresh tab, measured from the outside the same way in a plain browser and in one with RLS Lens.
// Chromium: a trace of the whole load (trace.mjs), Navigation Timing, then the heap after a forced GC; and,
// untraced, the extension's own scan measures and the text-read floor. Firefox: Navigation Timing.
//
// Settle rule (identical for plain and extension loads): wait for `load`, then at least MIN_QUIET_MS, then until the
// page's progress — the number of `hl-q7:scan` and `hl-q7:gate` measures (scripts/bench/measure-names.mjs) and CSS
// highlight ranges summed over every frame the top
// document can reach, plus its readyState — has not changed for STABLE_MS (polled every POLL_MS, at most MAX_MS).
// A plain page has no measures, so it settles after MIN_QUIET_MS + STABLE_MS; the extension's work ends the wait
// only once it stops. Each poll is one small script in the top frame, the same in both modes.
import { writeFile } from 'node:fs/promises';
import { TRACE_CATEGORIES, analyzeTrace, parseTrace } from './trace.mjs';
import { GATE_MEASURE, SCAN_MEASURE } from './measure-names.mjs';

/** @typedef {import('puppeteer-core').Page} Page */
/**
 * A browser started by tests/harness/launch.mjs.
 * @typedef {Awaited<ReturnType<typeof import('../../tests/harness/launch.mjs').launch>>} Session
 */
/**
 * The page a load opens, as far as a load needs it: its `drive` (the feed's), if any.
 * @typedef {Pick<import('./pages.mjs').BenchPage, 'drive'>} DrivenPage
 */
/**
 * One scan (or gate) measure of the extension in a frame: its duration and its detail (nodes, chars, matches).
 * @typedef {{ duration: number, nodes?: number, chars?: number, matches?: number }} Measure
 */

export const SETTLE = { minQuietMs: 1000, stableMs: 600, pollMs: 200, maxMs: 30_000 };
const LOAD_TIMEOUT_MS = 120_000;
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** Runs in the page: self-contained, the measure names given. @param {string} scan @param {string} gate */
function progress(scan, gate) {
  let measures = 0;
  let ranges = 0;
  // A frame's window, its own CSS namespace included (lib.dom declares CSS as a global only).
  const visit = (/** @type {Window & { CSS?: typeof CSS }} */ w) => {
    try {
      measures += w.performance.getEntriesByName(scan).length + w.performance.getEntriesByName(gate).length;
      for (const h of w.CSS?.highlights?.values() ?? []) ranges += h.size;
    } catch {
      // A cross-origin frame (an error page of a blocked host): nothing of ours to wait for there.
    }
    for (let i = 0; i < w.frames.length; i++) visit(/** @type {Window} */ (w.frames[i]));
  };
  visit(window);
  return `${measures}/${ranges}/${document.readyState}`;
}

/**
 * Waits by the settle rule above. `minQuietMs` is shorter between the feed's batches.
 * @param {Page} page
 */
export async function settle(page, minQuietMs = SETTLE.minQuietMs) {
  await sleep(minQuietMs);
  let last = '';
  let stableSince = Date.now();
  for (const until = Date.now() + SETTLE.maxMs; Date.now() < until; await sleep(SETTLE.pollMs)) {
    const now = await page.evaluate(progress, SCAN_MEASURE, GATE_MEASURE);
    if (now !== last) [last, stableSince] = [now, Date.now()];
    else if (Date.now() - stableSince >= SETTLE.stableMs) return;
  }
}

/**
 * Navigates and waits for `load`. Firefox may reject a navigation whose blocked subresource failed although the
 * document loaded.
 * @param {Page} page
 * @param {string} url
 */
async function open(page, url) {
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  } catch (/** @type {any} */ error) {
    if (error?.name === 'TimeoutError') throw error;
    await page.waitForFunction(() => document.readyState === 'complete', { timeout: LOAD_TIMEOUT_MS });
  }
}

const loadEventMs = () => {
  const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0]);
  return nav ? nav.loadEventEnd - nav.startTime : NaN;
};

/**
 * Every frame's scan measures (with their detail: nodes, chars, matches), or those named `name`.
 * @param {Page} page
 * @returns {Promise<Measure[]>}
 */
export async function allMeasures(page, name = SCAN_MEASURE) {
  const lists = await Promise.all(
    page.frames().map((f) =>
      f
        .evaluate(
          (name) =>
            /** @type {PerformanceMeasure[]} */ (performance.getEntriesByName(name)).map((m) => ({
              duration: m.duration,
              ...m.detail,
            })),
          name,
        )
        .catch(() => []),
    ),
  );
  return lists.flat();
}

/**
 * The text-read floor in every frame: one TreeWalker pass reading each text node's data, run in a fresh isolated
 * world as a content script's is. The first pass pays for a JS wrapper per node, as the extension's first scan must
 * (an isolated world shares no wrappers with the page); the median of four more passes is the warm figure.
 * @param {Page} page
 * @param {import('puppeteer-core').CDPSession} cdp
 */
async function floorMs(page, cdp) {
  const pass = `(() => { const t0 = performance.now(); const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    let chars = 0; while (walker.nextNode()) chars += walker.currentNode.data.length; return [performance.now() - t0, chars]; })()`;
  let cold = 0;
  let warm = 0;
  for (const frame of page.frames()) {
    try {
      const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
        // Puppeteer's CDP frame id: an internal field, not in its public types.
        frameId: /** @type {import('puppeteer-core').Frame & { _id: string }} */ (frame)._id,
        worldName: 'rls-lens-bench-floor',
      });
      /** @type {number[]} */
      const runs = [];
      for (let r = 0; r < 5; r++) {
        const { result } = await cdp.send('Runtime.evaluate', {
          expression: pass,
          contextId: executionContextId,
          returnByValue: true,
        });
        runs.push(result.value[0]);
      }
      cold += /** @type {number} */ (runs[0]);
      warm += /** @type {number} */ (runs.slice(1).sort((a, b) => a - b)[2]);
    } catch {
      // A frame in another process or gone: not this page's text.
    }
  }
  return { cold, warm };
}

/**
 * One Chromium load in a fresh tab, measured for cost: traced from before navigation until settled (and the feed
 * driven), then the load event, the frames, and the heap after a forced GC (V8 heap + Blink's C++ heap, which holds
 * DOM objects such as Range and Highlight), both read after the trace stopped. RLS_BENCH_TRACE_DIR keeps each raw
 * trace (open it in DevTools' Performance panel or ui.perfetto.dev).
 * @param {Session} session
 * @param {DrivenPage} spec
 * @param {string} url
 * @param {string} [traceFile]
 */
export async function chromiumCostLoad(session, spec, url, traceFile) {
  const page = await session.browser.newPage();
  try {
    await page.tracing.start({ categories: TRACE_CATEGORIES });
    await open(page, url);
    await settle(page);
    if (spec.drive) await spec.drive(page, () => settle(page, 500));
    // Undefined only for a trace with no data: tracing was started above.
    const bytes = /** @type {Uint8Array} */ (await page.tracing.stop());
    if (traceFile) await writeFile(traceFile, bytes);
    const trace = analyzeTrace(parseTrace(bytes));
    const loadMs = await page.evaluate(loadEventMs);
    const cdp = await page.createCDPSession();
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    return {
      trace,
      loadMs,
      frames: page.frames().length,
      heapBytes: heap.usedSize + (heap.embedderHeapUsedSize ?? 0),
      heap,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * One Chromium load with the extension, untraced (tracing slows scripts down): the extension's own scan measures
 * in every frame (per batch for the feed), then the text-read floor.
 * @param {Session} session
 * @param {DrivenPage} spec
 * @param {string} url
 */
export async function chromiumScanLoad(session, spec, url) {
  const page = await session.browser.newPage();
  try {
    await open(page, url);
    await settle(page);
    const batches = spec.drive ? await spec.drive(page, () => settle(page, 500)) : undefined;
    const measures = await allMeasures(page);
    const cdp = await page.createCDPSession();
    const floor = await floorMs(page, cdp);
    await cdp.detach();
    return { measures, floor, batches };
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * One Firefox load in a fresh tab: Navigation Timing's load event, and our measures once settled.
 * @param {Session} session
 * @param {string} url
 */
export async function firefoxLoad(session, url) {
  const page = await session.browser.newPage();
  try {
    await open(page, url);
    await settle(page);
    const loadMs = await page.evaluate(loadEventMs);
    const measures = await allMeasures(page);
    return {
      loadMs,
      frames: page.frames().length,
      measures,
      gates: await allMeasures(page, GATE_MEASURE).then((g) => g.length),
    };
  } finally {
    await page.close().catch(() => {});
  }
}
