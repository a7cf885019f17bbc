import { describe, expect, it } from 'vitest';
import { analyzeTrace, parseTrace, unexplainedLongestMs } from '../../../scripts/bench/trace.mjs';

const PAGE = 10;
const OTHER = 20; // another tab's renderer, or the extension's service worker: never the page's
const task = (pid: number, ts: number, dur: number, extra: object = {}) => ({
  ph: 'X',
  name: 'RunTask',
  pid,
  tid: 1,
  ts,
  dur,
  ...extra,
});

/** A tab whose frame tree starts with F0; F1, an iframe, commits in the same renderer through a pseudo id. */
const events = [
  { ph: 'I', name: 'TracingStartedInBrowser', pid: 1, tid: 1, ts: 0, args: { data: { frames: [{ frame: 'F0' }] } } },
  { ph: 'I', name: 'FrameCommittedInBrowser', pid: 1, tid: 1, ts: 5, args: { data: { frame: 'F0', processId: PAGE } } },
  {
    ph: 'I',
    name: 'FrameCommittedInBrowser',
    pid: 1,
    tid: 1,
    ts: 6,
    args: { data: { frame: 'F1', parent: 'F0', processPseudoId: 'p1' } },
  },
  {
    ph: 'I',
    name: 'ProcessReadyInBrowser',
    pid: 1,
    tid: 1,
    ts: 7,
    args: { data: { processPseudoId: 'p1', processId: PAGE } },
  },
  {
    ph: 'I',
    name: 'FrameCommittedInBrowser',
    pid: 1,
    tid: 1,
    ts: 8,
    args: { data: { frame: 'X', parent: 'elsewhere', processId: OTHER } },
  },
  { ph: 'M', name: 'thread_name', pid: PAGE, tid: 1, ts: 0, args: { name: 'CrRendererMain' } },
  { ph: 'M', name: 'thread_name', pid: PAGE, tid: 2, ts: 0, args: { name: 'Compositor' } },
  { ph: 'M', name: 'thread_name', pid: OTHER, tid: 1, ts: 0, args: { name: 'CrRendererMain' } },
  task(PAGE, 1000, 4000, { tdur: 3000 }),
  task(PAGE, 1500, 1000), // nested inside the first: already counted in it
  {
    ph: 'X',
    name: 'EvaluateScript',
    pid: PAGE,
    tid: 1,
    ts: 1200,
    dur: 2500,
    args: { data: { url: 'chrome-extension://abc/content-scripts/content.js' } },
  },
  task(PAGE, 10_000, 2000),
  task(PAGE, 20_000, 500),
  { ph: 'X', name: 'RunTask', pid: PAGE, tid: 2, ts: 0, dur: 99_000 }, // a compositor thread
  task(OTHER, 0, 50_000), // not the page's renderer
];

describe('bench trace parsing', () => {
  it('reads a trace whether it is an array or { traceEvents }', () => {
    const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    expect(parseTrace(bytes(events))).toHaveLength(events.length);
    expect(parseTrace(bytes({ traceEvents: events }))).toHaveLength(events.length);
  });

  it("sums the outermost RunTasks of the page's CrRendererMain only", () => {
    const t = analyzeTrace(events);
    expect(t.pids).toEqual([PAGE]);
    expect(t.threads).toBe(1);
    expect(t.frames).toBe(2);
    expect(t.mainMs).toBeCloseTo(6.5);
    expect(t.taskCount).toBe(3);
    expect(t.longestMs).toBeCloseTo(4);
    expect(t.tasks).toEqual([4, 2, 0.5]);
    // CPU time where the trace has it (tdur), wall time otherwise.
    expect(t.mainCpuMs).toBeCloseTo(5.5);
  });

  it('counts the task that evaluated the content script as the extension’s', () => {
    const { extension } = analyzeTrace(events);
    expect(extension.evaluations).toBe(1);
    expect(extension.evaluateMs).toBeCloseTo(2.5);
    expect(extension.tasks).toBe(1);
    expect(extension.longestMs).toBeCloseTo(4);
    expect(extension.urls).toEqual(['chrome-extension://abc/content-scripts/content.js']);
  });

  it('finds the longest task the plain loads do not explain', () => {
    expect(
      unexplainedLongestMs(
        [30, 12, 3],
        [
          [29, 12, 2],
          [20, 11],
        ],
      ),
    ).toBe(0);
    expect(
      unexplainedLongestMs(
        [30, 20, 3],
        [
          [29, 12, 2],
          [20, 11],
        ],
      ),
    ).toBe(20);
  });
});
