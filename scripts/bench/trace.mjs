// Reads a Chromium trace (page.tracing, the categories below) into
// what one page load cost its renderer main thread(s). Pure: events in, figures out.
//
// Which threads: tracing is browser-wide, so the trace also holds the browser, the GPU process, other tabs' renderers
// and possibly the extension's service worker. The traced tab's frames are known from the browser's own records:
// `TracingStartedInBrowser` lists the tab's frame tree when tracing began, and every `FrameCommittedInBrowser` whose
// frame or parent is already in that tree (the navigation to the page, then each iframe) adds its frame and the
// renderer process it committed in (`processId`, or a `processPseudoId` resolved by `ProcessReadyInBrowser`).
// Counted are the threads named `CrRendererMain` (from `thread_name` metadata) of exactly those processes: the
// renderer(s) that ran the page's documents (20 same-origin frames share one). Threads of other processes — the
// extension's service worker, the initial tab, compositor and raster threads — are left out. (A cross-site frame
// that joins another tab's renderer shares that tab's main thread: the bench keeps no other tab busy.)
// blink.user_timing adds performance.mark/measure: an `hl-q7:` measure marks the task it was taken in as the
// extension's even when no script event inside names the extension (a promise continuation in a microtask checkpoint).
import { MEASURE_PREFIX } from './measure-names.mjs';

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];
const MAIN_THREAD = 'CrRendererMain';
// The main-thread share of painting: PrePaint (paint properties, invalidation), Paint (recording display items, where
// highlight ranges are drawn) and Layerize (building composited layers from the paint). Raster runs off the main
// thread and is not counted.
const PAINT_PHASES = /** @type {const} */ (['PrePaint', 'Paint', 'Layerize']);
/** @typedef {(typeof PAINT_PHASES)[number]} PaintPhase */
const LONGEST_KEPT = 60;

/**
 * The `args.data` of the events read here (browser records, script events); each field only on some events.
 * @typedef {{ frames?: { frame: string }[], frame?: string, parent?: string, processId?: number,
 *   processPseudoId?: string, url?: string, fileName?: string, functionName?: string }} TraceEventData
 */
/**
 * One event of a parsed trace (Chrome's JSON trace event format), the fields read here: phase (`X` complete, `M`
 * metadata, `b` async begin, …), process and thread, start and wall duration in µs, thread CPU duration (`tdur`).
 * @typedef {{ name: string, ph: string, pid: number, tid: number, ts: number, dur?: number, tdur?: number,
 *   cat?: string, args?: { name?: string, fileName?: string, callTime?: number, data?: TraceEventData } }} TraceEvent
 */
/** A complete event (`ph: 'X'`): it has a duration. @typedef {TraceEvent & { dur: number }} CompleteEvent */
/**
 * An event of a task that ran the extension's code: a complete event naming an extension script (eventUrl is one),
 * or the call of one of its performance.measure (`measure`, no duration of its own).
 * @typedef {{ name: string, ts: number, dur: number, measure?: boolean, args?: TraceEvent['args'] }} ExtensionEvent
 */
/**
 * One renderer main thread's events.
 * @typedef {{ tasks: CompleteEvent[], inner: CompleteEvent[], paint: Record<string, CompleteEvent[]>,
 *   ext: ExtensionEvent[] }} ThreadEvents
 */

/** @param {TraceEvent} e @returns {e is CompleteEvent} */
const isComplete = (e) => e.ph === 'X';

/**
 * @param {Uint8Array} bytes what page.tracing.stop() returned
 * @returns {TraceEvent[]}
 */
export function parseTrace(bytes) {
  const json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  return Array.isArray(json) ? json : json.traceEvents;
}

/**
 * The renderer main threads ("pid:tid") that ran the traced tab's documents.
 * @param {TraceEvent[]} events
 */
export function pageMainThreads(events) {
  /** @type {Set<string | undefined>} */
  const frames = new Set();
  /** @type {Set<number | undefined>} */
  const pids = new Set();
  /** @type {Map<string | undefined, string | undefined>} */
  const pending = new Map(); // processPseudoId → frames waiting for their process
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  for (const f of started?.args?.data?.frames ?? []) frames.add(f.frame);
  const browserRecords = events
    .filter((e) => e.name === 'FrameCommittedInBrowser' || e.name === 'ProcessReadyInBrowser')
    .sort((a, b) => a.ts - b.ts);
  for (const e of browserRecords) {
    const data = e.args?.data ?? {};
    if (e.name === 'ProcessReadyInBrowser') {
      if (pending.has(data.processPseudoId)) pids.add(data.processId);
      continue;
    }
    if (!frames.has(data.frame) && !frames.has(data.parent)) continue;
    frames.add(data.frame);
    if (data.processId) pids.add(data.processId);
    else if (data.processPseudoId) pending.set(data.processPseudoId, data.frame);
  }
  /** @type {Set<string>} */
  const threads = new Set();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === MAIN_THREAD && pids.has(e.pid))
      threads.add(`${e.pid}:${e.tid}`);
  }
  return { threads, pids: [...pids], frames: frames.size };
}

/**
 * Complete events of one name, outermost only (a nested RunTask or Paint is inside its parent's duration).
 * @template {{ ts: number, dur: number }} E
 * @param {E[]} list sorted in place
 * @returns {E[]}
 */
function outermost(list) {
  list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const kept = [];
  let end = -Infinity;
  for (const e of list) {
    if (e.ts >= end) {
      kept.push(e);
      end = e.ts + e.dur;
    }
  }
  return kept;
}

/** @param {unknown} url @returns {url is string} */
const isExtensionUrl = (url) => typeof url === 'string' && /^(chrome-extension|moz-extension):\/\//.test(url);
/** @param {{ args?: TraceEvent['args'] }} e */
const eventUrl = (e) => e.args?.data?.url ?? e.args?.fileName ?? e.args?.data?.fileName;
/** @param {string} url */
const shortUrl = (url) => url.replace(/^[a-z-]+:\/\/[^/]+\//, '');

/**
 * What ran inside a task: its outermost inner events summed by name, largest first ("Layout 480 ms, …").
 * `inner` is the thread's non-task events sorted by start time.
 * @param {CompleteEvent} task
 * @param {CompleteEvent[]} inner
 */
function composition(task, inner) {
  const end = task.ts + task.dur;
  const at = (/** @type {number} */ i) => /** @type {CompleteEvent} */ (inner[i]);
  let lo = 0;
  let hi = inner.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(mid).ts < task.ts) lo = mid + 1;
    else hi = mid;
  }
  const candidates = [];
  for (let i = lo; i < inner.length && at(i).ts <= end; i++)
    if (at(i).ts + at(i).dur <= end && at(i).dur > 0) candidates.push(at(i));
  const within = outermost(candidates);
  /** @type {Map<string, number>} */
  const byName = new Map();
  for (const e of within) {
    const url = eventUrl(e);
    const name = `${e.name}${isExtensionUrl(url) ? ` (${shortUrl(url)})` : ''}`;
    byName.set(name, (byName.get(name) ?? 0) + e.dur / 1000);
  }
  const fmt = (/** @type {number} */ ms) => `${ms >= 10 ? ms.toFixed(0) : ms.toFixed(1)} ms`;
  const parts = [...byName]
    .filter(([, ms]) => ms >= 0.1)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, ms]) => `${name} ${fmt(ms)}`);
  // Time no devtools.timeline event covers: the scheduler, bindings, IPC — or, on a busy machine, waiting for a core.
  const untraced = task.dur / 1000 - within.reduce((s, e) => s + e.dur / 1000, 0);
  if (untraced >= 1) parts.push(`untraced ${fmt(untraced)}`);
  if (task.tdur !== undefined) parts.push(`CPU ${fmt(task.tdur / 1000)}`);
  return parts.join(', ');
}

/**
 * What one load cost: main-thread time (sum of outermost RunTask wall durations), the tasks' durations (longest first), paint,
 * and the tasks that ran extension code (a task counts as the extension's when an event inside it — script
 * evaluation, compile, a function call — names a chrome-extension:// script, or when it called performance.measure
 * for one of its measures, scripts/bench/measure-names.mjs).
 * @param {TraceEvent[]} events
 */
export function analyzeTrace(events) {
  const { threads, pids, frames } = pageMainThreads(events);
  const byThread = new Map(
    [...threads].map((t) => [
      t,
      /** @type {ThreadEvents} */ ({
        tasks: [],
        inner: [],
        paint: Object.fromEntries(PAINT_PHASES.map((p) => [p, []])),
        ext: [],
      }),
    ]),
  );
  /** @type {Set<string>} */
  const extensionUrls = new Set();
  for (const e of events) {
    const thread = byThread.get(`${e.pid}:${e.tid}`);
    if (!thread) continue;
    const url = eventUrl(e);
    if (isExtensionUrl(url)) {
      extensionUrls.add(url);
      if (isComplete(e)) thread.ext.push(e);
    }
    // A measure's begin event carries the time measure() was called: inside the task that ran the extension's code.
    if (
      e.ph === 'b' &&
      typeof e.name === 'string' &&
      e.name.startsWith(MEASURE_PREFIX) &&
      e.cat?.includes('user_timing')
    ) {
      thread.ext.push({ name: e.name, ts: e.args?.callTime ?? e.ts, dur: 0, measure: true });
    }
    if (!isComplete(e)) continue;
    if (e.name === 'RunTask') thread.tasks.push(e);
    else thread.inner.push(e);
    if (thread.paint[e.name]) thread.paint[e.name]?.push(e);
  }
  /** @type {number[]} */
  const tasks = [];
  /** @type {{ task: CompleteEvent, thread: ThreadEvents }[]} */
  const taskEvents = [];
  let cpuMs = 0;
  let longestCpuMs = 0;
  const paint = /** @type {Record<PaintPhase, number>} */ (Object.fromEntries(PAINT_PHASES.map((p) => [p, 0])));
  /** @type {{ ms: number, cpuMs: number, what: string }[]} */
  const extTasks = [];
  let evaluateMs = 0;
  let evaluations = 0;
  for (const thread of byThread.values()) {
    const runs = outermost(thread.tasks);
    for (const t of runs) {
      tasks.push(t.dur / 1000);
      taskEvents.push({ task: t, thread });
      cpuMs += (t.tdur ?? t.dur) / 1000;
      longestCpuMs = Math.max(longestCpuMs, (t.tdur ?? t.dur) / 1000);
    }
    for (const phase of PAINT_PHASES)
      paint[phase] += outermost(/** @type {CompleteEvent[]} */ (thread.paint[phase])).reduce(
        (s, e) => s + e.dur / 1000,
        0,
      );
    // Two pointers over time-sorted tasks and extension events of this thread.
    const ext = thread.ext.sort((a, b) => a.ts - b.ts);
    const at = (/** @type {number} */ i) => /** @type {ExtensionEvent} */ (ext[i]);
    let i = 0;
    for (const t of runs) {
      while (i < ext.length && at(i).ts < t.ts) i++;
      const inside = [];
      for (let j = i; j < ext.length && at(j).ts <= t.ts + t.dur; j++) inside.push(at(j));
      if (inside.length === 0) continue;
      const what = [
        ...new Set(
          inside
            .filter((e) => e.name !== 'v8.compile')
            .map((e) =>
              e.measure
                ? `measure ${e.name}`
                : `${e.name}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''} (${shortUrl(/** @type {string} */ (eventUrl(e)))})`,
            ),
        ),
      ];
      extTasks.push({ ms: t.dur / 1000, cpuMs: (t.tdur ?? t.dur) / 1000, what: what.slice(0, 3).join(', ') });
    }
    for (const e of ext) {
      if (e.name !== 'EvaluateScript') continue;
      evaluateMs += e.dur / 1000;
      evaluations++;
    }
  }
  tasks.sort((a, b) => b - a);
  extTasks.sort((a, b) => b.ms - a.ms);
  taskEvents.sort((a, b) => b.task.dur - a.task.dur);
  for (const thread of byThread.values()) thread.inner.sort((a, b) => a.ts - b.ts);
  const longestTasks = taskEvents.slice(0, LONGEST_KEPT).map(({ task, thread }) => ({
    ms: task.dur / 1000,
    cpuMs: (task.tdur ?? task.dur) / 1000,
    parts: composition(task, thread.inner),
  }));
  return {
    pids,
    threads: threads.size,
    frames,
    mainMs: tasks.reduce((s, d) => s + d, 0),
    // The same tasks' thread CPU time (tdur): what they cost when other processes also want the 2 cores.
    mainCpuMs: cpuMs,
    taskCount: tasks.length,
    longestMs: tasks[0] ?? 0,
    // The most thread CPU time any one task took: the longest task as it would be with the cores to itself.
    longestCpuMs,
    tasks: tasks.slice(0, 200),
    // The longest tasks and what ran in them (the profile behind "longest task").
    longestTasks,
    paintMs: PAINT_PHASES.reduce((s, p) => s + paint[p], 0),
    paint,
    extension: {
      tasks: extTasks.length,
      taskMs: extTasks.reduce((s, t) => s + t.ms, 0),
      longestMs: extTasks[0]?.ms ?? 0,
      longestCpuMs: Math.max(0, ...extTasks.map((t) => t.cpuMs)),
      longest: extTasks.slice(0, 5),
      // Content scripts evaluated (once per frame they are injected in) and the time that took.
      evaluations,
      evaluateMs,
      urls: [...extensionUrls].sort(),
    },
  };
}

/**
 * The longest task of a load with the extension that the plain page does not explain. The plain loads' task
 * lengths, longest first, are merged rank by rank into an envelope (the k-th longest task of any plain load); walking
 * the load's own tasks longest first, the first one longer than the envelope at its rank (by more than 1 ms + 10%)
 * is a task the extension added or lengthened. Catches costs the extension causes outside its own code (style,
 * layout, paint of highlights, GC) as well as its scripts; 0 when every task is matched.
 * @param {number[]} withTasks the load's task durations (ms), longest first
 * @param {number[][]} plainTaskLists each plain load's, longest first
 */
export function unexplainedLongestMs(withTasks, plainTaskLists) {
  return unexplainedLongest(withTasks, plainTaskLists).ms;
}

/**
 * The same, with the task's rank among the load's tasks (-1 when none): its composition is longestTasks[rank].
 * @param {number[]} withTasks
 * @param {number[][]} plainTaskLists
 * @returns {{ ms: number, rank: number }}
 */
export function unexplainedLongest(withTasks, plainTaskLists) {
  /** @type {number[]} */
  const envelope = [];
  for (const list of plainTaskLists) list.forEach((d, k) => (envelope[k] = Math.max(envelope[k] ?? 0, d)));
  for (let k = 0; k < withTasks.length; k++) {
    const ms = /** @type {number} */ (withTasks[k]);
    const ref = envelope[k] ?? 0;
    if (ms > ref * 1.1 + 1) return { ms, rank: k };
  }
  return { ms: 0, rank: -1 };
}
