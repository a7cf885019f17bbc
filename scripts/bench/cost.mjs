// What each page pays for RLS Lens, from the outside: the same page in a plain browser and in one with the
// extension, loads one at a time (plain and extension loads alternate, the order flipping each run so neither
// always goes first), median of `runs` loads per page and per mode.
import { chromiumCostLoad, chromiumScanLoad, firefoxLoad } from './load.mjs';
import { unexplainedLongest } from './trace.mjs';

export const median = (values) => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

/** The extension's scan measures of one load, summed over frames. */
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

async function alternate(runs, plainLoad, withLoad) {
  const plain = [];
  const ext = [];
  for (let r = 0; r < runs; r++) {
    if (r % 2 === 0) {
      plain.push(await plainLoad());
      ext.push(await withLoad());
    } else {
      ext.push(await withLoad());
      plain.push(await plainLoad());
    }
  }
  return { plain, ext };
}

/** The load whose value is the median one (for figures that must come from one load, e.g. the feed's batches). */
const medianLoad = (loads, value) => [...loads].sort((a, b) => value(a) - value(b))[(loads.length - 1) >> 1];

/**
 * Chromium: plain vs with per page, from traced loads; then `runs` untraced loads with the extension for its own
 * scan figures and the text-read floor. `sessions` = { plain, ext } (tests/harness/launch.mjs); `traceDir` keeps raw traces.
 */
export async function chromiumCost(sessions, spec, url, runs, traceDir) {
  const count = { plain: 0, with: 0 };
  const file = (mode) => traceDir && `${traceDir}/${spec.key}-${mode}-${count[mode]++}.json`;
  const { plain, ext } = await alternate(
    runs,
    () => chromiumCostLoad(sessions.plain, spec, url, file('plain')),
    () => chromiumCostLoad(sessions.ext, spec, url, file('with')),
  );
  const scanLoads = [];
  for (let r = 0; r < runs; r++) scanLoads.push(await chromiumScanLoad(sessions.ext, spec, url));
  const m = (loads, f) => median(loads.map(f));
  const frames = ext[0].frames;
  // Per load with the extension: its longest task the plain loads do not explain, and what ran in it.
  const unexplained = ext.map((l) => {
    const u = unexplainedLongest(l.trace.tasks, plain.map((p) => p.trace.tasks));
    return { ms: u.ms, parts: u.rank >= 0 ? l.trace.longestTasks[u.rank]?.parts : undefined };
  });
  const heapAdded = m(ext, (l) => l.heapBytes) - m(plain, (l) => l.heapBytes);
  const scans = scanLoads.map((l) => ({ ...scanStats(l.measures), batches: l.batches }));
  const scan = medianLoad(scans, (s) => s.scanMs);
  const summary = ({ trace, loadMs, heapBytes, heap }) => ({
    mainMs: trace.mainMs, mainCpuMs: trace.mainCpuMs, longestMs: trace.longestMs, longestTasks: trace.tasks.slice(0, 20), taskCount: trace.taskCount,
    longestTaskParts: trace.longestTasks.slice(0, 5),
    paintMs: trace.paintMs, paint: trace.paint, threads: trace.threads, pids: trace.pids, loadMs, heapBytes, heap,
    extension: trace.extension.evaluations ? { ...trace.extension, urls: undefined } : undefined,
  });
  return {
    page: spec.name,
    key: spec.key,
    budget: spec.budget,
    frames,
    mainMs: { plain: m(plain, (l) => l.trace.mainMs), with: m(ext, (l) => l.trace.mainMs) },
    mainCpuMs: { plain: m(plain, (l) => l.trace.mainCpuMs), with: m(ext, (l) => l.trace.mainCpuMs) },
    longestMs: { plain: m(plain, (l) => l.trace.longestMs), with: m(ext, (l) => l.trace.longestMs) },
    loadMs: { plain: m(plain, (l) => l.loadMs), with: m(ext, (l) => l.loadMs) },
    paintMs: { plain: m(plain, (l) => l.trace.paintMs), with: m(ext, (l) => l.trace.paintMs) },
    heapBytes: { plain: m(plain, (l) => l.heapBytes), with: m(ext, (l) => l.heapBytes) },
    memoryPerFrameBytes: heapAdded / frames,
    // The extension's own tasks three ways (report: Budgets): tasks that ran its code, tasks the plain page does not
    // explain, and its longest scan slice.
    extension: {
      longestOwnTaskMs: m(ext, (l) => l.trace.extension.longestMs),
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
    scan: { ...scan, batches: undefined },
    floor: { coldMs: m(scanLoads, (l) => l.floor.cold), warmMs: m(scanLoads, (l) => l.floor.warm) },
    batches: scan.batches?.map((b) => ({ appended: b.appended, ...scanStats(b.measures) })),
    loads: { plain: plain.map(summary), with: ext.map(summary), scan: scans.map((s) => ({ ...s, batches: undefined })) },
  };
}

/** Firefox: the load event, plain vs with, per page. */
export async function firefoxCost(sessions, spec, url, runs) {
  const { plain, ext } = await alternate(
    runs,
    () => firefoxLoad(sessions.plain, url),
    () => firefoxLoad(sessions.ext, url),
  );
  const scans = ext.map((l) => scanStats(l.measures));
  return {
    page: spec.name,
    key: spec.key,
    frames: ext[0].frames,
    loadMs: { plain: median(plain.map((l) => l.loadMs)), with: median(ext.map((l) => l.loadMs)) },
    scan: medianLoad(scans, (s) => s.scanMs),
    loads: { plain: plain.map((l) => l.loadMs), with: ext.map((l) => l.loadMs) },
  };
}
