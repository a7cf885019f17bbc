// What each page pays for RLS Lens, from the outside: the same page in four browsers — a plain one, one with an
// extension whose content script is empty (the floor: floor-extension.mjs), one with RLS Lens, and one with RLS Lens
// in opt-in mode with no site switched on (what an unlisted site gets: nothing, issue 22) — loads one at a time,
// interleaved (the order rotating each run so no mode always goes first), median of `runs` loads per page and per
// mode.
import { chromiumCostLoad, chromiumScanLoad, firefoxLoad } from './load.mjs';
import { unexplainedLongest } from './trace.mjs';

/** The four browsers each page loads in, in the order of the first run. */
export const MODES = /** @type {const} */ (['plain', 'floor', 'with', 'optIn']);
/** @typedef {typeof MODES[number]} Mode */
/** @template T @typedef {{ plain: T, floor: T, with: T, optIn: T }} ByMode */
/** @typedef {import('./load.mjs').Session} Session */
/** @typedef {import('./pages.mjs').BenchPage} BenchPage */
/** One traced Chromium load (load.mjs). @typedef {Awaited<ReturnType<typeof chromiumCostLoad>>} CostLoad */
/**
 * The four browsers of one engine (tests/harness/launch.mjs): plain, with the empty-script extension (floor), with
 * RLS Lens (ext), with RLS Lens in opt-in mode and no site switched on (optIn).
 * @typedef {{ plain: Session, floor: Session, ext: Session, optIn: Session }} Sessions
 */
/**
 * One page's Chromium figures (a row of report.mjs's tables).
 * @typedef {Awaited<ReturnType<typeof chromiumCost>>} ChromiumRow
 */
/** One page's Firefox figures. @typedef {Awaited<ReturnType<typeof firefoxCost>>} FirefoxRow */

/** @param {number[]} values */
export const median = (values) => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  const upper = v[mid] ?? NaN;
  return v.length % 2 ? upper : ((v[mid - 1] ?? NaN) + upper) / 2;
};

/**
 * The extension's scan measures of one load, summed over frames.
 * @param {{ duration: number, nodes?: number, chars?: number, matches?: number }[]} measures
 */
export function scanStats(measures) {
  return {
    scanMs: measures.reduce((s, m) => s + m.duration, 0),
    longestSliceMs: Math.max(0, ...measures.map((m) => m.duration)),
    slices: measures.length,
    nodes: measures.reduce((s, m) => s + (m.nodes ?? 0), 0),
    chars: measures.reduce((s, m) => s + (m.chars ?? 0), 0),
    matches: measures.reduce((s, m) => s + (m.matches ?? 0), 0),
  };
}

/**
 * Runs `runs` loads of each mode, one at a time; run r starts with mode r mod 4 (plain, floor, with, opt-in; then
 * floor, with, opt-in, plain; …), so no mode always loads first.
 * @template T
 * @param {number} runs
 * @param {ByMode<() => Promise<T>>} loaders
 * @returns {Promise<ByMode<T[]>>}
 */
export async function interleave(runs, loaders) {
  /** @type {ByMode<T[]>} */
  const out = { plain: [], floor: [], with: [], optIn: [] };
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < MODES.length; k++) {
      const mode = /** @type {Mode} */ (MODES[(r + k) % MODES.length]);
      out[mode].push(await loaders[mode]());
    }
  }
  return out;
}

/**
 * The load whose value is the median one (for figures that must come from one load, e.g. the feed's batches).
 * `loads` is never empty (at least one run).
 * @template T
 * @param {T[]} loads
 * @param {(load: T) => number} value
 */
const medianLoad = (loads, value) =>
  /** @type {T} */ ([...loads].sort((a, b) => value(a) - value(b))[(loads.length - 1) >> 1]);

/**
 * Chromium: plain vs empty script vs RLS Lens vs RLS Lens in opt-in mode per page, from traced loads; then `runs`
 * untraced loads with the extension for its own scan figures and the text-read floor. `sessions` = { plain, floor,
 * ext, optIn } (tests/harness/launch.mjs); `traceDir` keeps raw traces.
 * @param {Sessions} sessions
 * @param {BenchPage} spec
 * @param {string} url
 * @param {number} runs
 * @param {string} [traceDir]
 */
export async function chromiumCost(sessions, spec, url, runs, traceDir) {
  const count = { plain: 0, floor: 0, with: 0, optIn: 0 };
  const file = (/** @type {Mode} */ mode) => traceDir && `${traceDir}/${spec.key}-${mode}-${count[mode]++}.json`;
  const {
    plain,
    floor,
    with: ext,
    optIn,
  } = await interleave(runs, {
    plain: () => chromiumCostLoad(sessions.plain, spec, url, file('plain')),
    floor: () => chromiumCostLoad(sessions.floor, spec, url, file('floor')),
    with: () => chromiumCostLoad(sessions.ext, spec, url, file('with')),
    optIn: () => chromiumCostLoad(sessions.optIn, spec, url, file('optIn')),
  });
  const scanLoads = [];
  for (let r = 0; r < runs; r++) scanLoads.push(await chromiumScanLoad(sessions.ext, spec, url));
  /** @template T @param {T[]} loads @param {(load: T) => number} f */
  const m = (loads, f) => median(loads.map(f));
  /**
   * The median of one figure in each mode.
   * @param {(load: CostLoad) => number} f
   * @returns {ByMode<number>}
   */
  const three = (f) => ({ plain: m(plain, f), floor: m(floor, f), with: m(ext, f), optIn: m(optIn, f) });
  const frames = /** @type {NonNullable<(typeof ext)[0]>} */ (ext[0]).frames;
  // Per load with the extension: its longest task the plain loads do not explain, and what ran in it.
  const unexplained = ext.map((l) => {
    const u = unexplainedLongest(
      l.trace.tasks,
      plain.map((p) => p.trace.tasks),
    );
    return { ms: u.ms, parts: u.rank >= 0 ? l.trace.longestTasks[u.rank]?.parts : undefined };
  });
  const heapAdded = m(ext, (l) => l.heapBytes) - m(plain, (l) => l.heapBytes);
  const scans = scanLoads.map((l) => ({ ...scanStats(l.measures), batches: l.batches }));
  const scan = medianLoad(scans, (s) => s.scanMs);
  /** @param {CostLoad} load */
  const summary = ({ trace, loadMs, heapBytes, heap }) => ({
    mainMs: trace.mainMs,
    mainCpuMs: trace.mainCpuMs,
    longestMs: trace.longestMs,
    longestTasks: trace.tasks.slice(0, 20),
    taskCount: trace.taskCount,
    longestTaskParts: trace.longestTasks.slice(0, 5),
    paintMs: trace.paintMs,
    paint: trace.paint,
    threads: trace.threads,
    pids: trace.pids,
    loadMs,
    heapBytes,
    heap,
    extension: trace.extension.evaluations ? { ...trace.extension, urls: undefined } : undefined,
  });
  return {
    page: spec.name,
    key: spec.key,
    budget: spec.budget,
    frames,
    mainMs: three((l) => l.trace.mainMs),
    mainCpuMs: three((l) => l.trace.mainCpuMs),
    longestMs: three((l) => l.trace.longestMs),
    longestCpuMs: three((l) => l.trace.longestCpuMs),
    loadMs: three((l) => l.loadMs),
    paintMs: three((l) => l.trace.paintMs),
    heapBytes: three((l) => l.heapBytes),
    memoryPerFrameBytes: heapAdded / frames,
    // The extension's own tasks three ways (report: Budgets): tasks that ran its code, tasks the plain page does not
    // explain, and its longest scan slice.
    extension: {
      longestOwnTaskMs: m(ext, (l) => l.trace.extension.longestMs),
      longestOwnTaskCpuMs: m(ext, (l) => l.trace.extension.longestCpuMs),
      longestUnexplainedTaskMs: m(unexplained, (u) => u.ms),
      longestUnexplainedTask: medianLoad(unexplained, (u) => u.ms),
      longestSliceMs: m(scans, (s) => s.longestSliceMs),
      ownTaskMs: m(ext, (l) => l.trace.extension.taskMs),
      ownTasks: m(ext, (l) => l.trace.extension.tasks),
      evaluateMs: m(ext, (l) => l.trace.extension.evaluateMs),
      evaluations: m(ext, (l) => l.trace.extension.evaluations),
      longestTasks: medianLoad(ext, (l) => l.trace.extension.longestMs).trace.extension.longest,
      urls: [...new Set(ext.flatMap((l) => l.trace.extension.urls))],
    },
    // Opt-in mode, the site not switched on: anything of RLS Lens the traces saw in the page (all loads summed).
    optIn: {
      evaluations: optIn.reduce((n, l) => n + l.trace.extension.evaluations, 0),
      ownTasks: optIn.reduce((n, l) => n + l.trace.extension.tasks, 0),
      urls: [...new Set(optIn.flatMap((l) => l.trace.extension.urls))],
    },
    scan: { ...scan, batches: undefined },
    floor: { coldMs: m(scanLoads, (l) => l.floor.cold), warmMs: m(scanLoads, (l) => l.floor.warm) },
    batches: scan.batches?.map((b) => ({ appended: b.appended, ...scanStats(b.measures) })),
    loads: {
      plain: plain.map(summary),
      floor: floor.map(summary),
      with: ext.map(summary),
      optIn: optIn.map(summary),
      scan: scans.map((s) => ({ ...s, batches: undefined })),
    },
  };
}

/**
 * Firefox: the load event, plain vs empty script vs RLS Lens vs opt-in mode, per page.
 * @param {Sessions} sessions
 * @param {BenchPage} spec
 * @param {string} url
 * @param {number} runs
 */
export async function firefoxCost(sessions, spec, url, runs) {
  const {
    plain,
    floor,
    with: ext,
    optIn,
  } = await interleave(runs, {
    plain: () => firefoxLoad(sessions.plain, url),
    floor: () => firefoxLoad(sessions.floor, url),
    with: () => firefoxLoad(sessions.ext, url),
    optIn: () => firefoxLoad(sessions.optIn, url),
  });
  const scans = ext.map((l) => scanStats(l.measures));
  return {
    page: spec.name,
    key: spec.key,
    frames: /** @type {NonNullable<(typeof ext)[0]>} */ (ext[0]).frames,
    loadMs: {
      plain: median(plain.map((l) => l.loadMs)),
      floor: median(floor.map((l) => l.loadMs)),
      with: median(ext.map((l) => l.loadMs)),
      optIn: median(optIn.map((l) => l.loadMs)),
    },
    scan: medianLoad(scans, (s) => s.scanMs),
    // Opt-in mode, the site not switched on: measures of the test build in any frame (all loads summed).
    optIn: { measures: optIn.reduce((n, l) => n + l.measures.length + l.gates, 0) },
    loads: {
      plain: plain.map((l) => l.loadMs),
      floor: floor.map((l) => l.loadMs),
      with: ext.map((l) => l.loadMs),
      optIn: optIn.map((l) => l.loadMs),
    },
  };
}
