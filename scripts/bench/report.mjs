// The benchmark's printed report: Markdown tables and the Budgets of issue #12, checked and printed (met / not met,
// with the figure), never asserted. KB = 1,000 bytes and MB = 1,000,000 bytes throughout.
import { MARK_TIMEOUT_MS } from './markjs.mjs';

/** A figure plain and with RLS Lens. @typedef {{ plain: number, with: number }} Pair */
/** The same and with the empty content script (the floor). @typedef {Pair & { floor: number }} Three */
/**
 * The same and in opt-in mode, the site not switched on (cost.mjs ByMode).
 * @typedef {Three & { optIn: number }} Four
 */
/**
 * One page's Chromium figures as the report reads them (cost.mjs chromiumCost's row, ChromiumRow).
 * @typedef {{
 *   page: string, key: string, budget?: number, frames: number, memoryPerFrameBytes: number,
 *   mainMs: Four, mainCpuMs: Four, longestMs: Four, longestCpuMs: Four, loadMs: Four, heapBytes: Four, paintMs: Pair,
 *   extension: {
 *     longestOwnTaskMs: number, longestOwnTaskCpuMs: number, longestUnexplainedTaskMs: number, longestSliceMs: number,
 *     longestUnexplainedTask?: { ms: number, parts?: string }, longestTasks: { ms: number, what: string }[],
 *     ownTasks: number, ownTaskMs: number, evaluations: number, evaluateMs: number,
 *   },
 *   optIn: { evaluations: number, ownTasks: number },
 *   scan: { scanMs: number, longestSliceMs: number, slices: number, matches: number },
 *   floor: { coldMs: number, warmMs: number },
 * }} ChromiumFigures
 */
/**
 * One page's Firefox figures as the report reads them (cost.mjs firefoxCost's row, FirefoxRow).
 * @typedef {{ page: string, key: string, loadMs: Four, scan: { longestSliceMs: number },
 *   optIn: { measures: number } }} FirefoxFigures
 */
/**
 * A row of which a function reads the fields K (required); the row's other fields may be there, unread.
 * @template R
 * @template {keyof R} K
 * @typedef {Pick<R, K> & Partial<R>} RowWith
 */
/** One page's figure against a budget. @typedef {{ page: string, met: boolean, text: string }} Figure */
/** A budget: met when every figure is. @typedef {{ name: string, met: boolean, figures: Figure[] }} Budget */
/**
 * mark.js's time and matches on a page, by page key.
 * @typedef {Record<string, import('./markjs.mjs').MarkRun>} Marks
 */

const TASK_BUDGET_MS = 16;
const FIREFOX_DELAY_BUDGET = 0.1;
const GZIP_BUDGET_BYTES = 15_000;
const MEMORY_PER_FRAME_BUDGET_BYTES = 300_000;
const MARK_RATIO_BUDGET = 100;
// Issue #22's budgets over the floor.
const FLOOR_TINY_MS = 3;
const FLOOR_PER_FRAME_MS = 1;
const FLOOR_FRAMES_MS = 20;
const FLOOR_LOAD_MS = 5;
const LONGEST_SLACK_MS = 5;
/** Issue #22's main-thread budgets, added ÷ plain: the article ×300 (by key) and given pages (by file name). */
const SHARE_BUDGETS = [
  { test: (/** @type {{ key: string }} */ r) => r.key === 'article', budget: 0.25 },
  { test: (/** @type {{ page: string }} */ r) => /nhlbi/i.test(r.page), budget: 0.15 },
  { test: (/** @type {{ page: string }} */ r) => /wikipedia/i.test(r.page), budget: 0.05 },
];

/** Number.isFinite, which TypeScript does not read as a check. @param {unknown} v @returns {v is number} */
const finite = (v) => Number.isFinite(v);
/** A figure, '—' when there is none (a missing or NaN figure). @param {number | undefined} ms */
const fmt = (ms) =>
  finite(ms)
    ? Math.abs(ms) >= 100
      ? ms.toFixed(0)
      : Math.abs(ms) >= 10
        ? ms.toFixed(1)
        : ms.toFixed(2)
    : ms === Infinity
      ? `>${MARK_TIMEOUT_MS / 1000} s`
      : '—';
/** @param {number | undefined} v */
const ms = (v) => (finite(v) ? `${fmt(v)} ms` : fmt(v));
/** @param {Pair} pair */
const arrow = (pair) => `${fmt(pair.plain)} → ${ms(pair.with)}`;
/** @param {Pair} pair */
const share = (pair) => (pair.plain > 0 ? (pair.with - pair.plain) / pair.plain : NaN);
/** @param {number} a @param {number} b */
const ratio = (a, b) => (b > 0 && Number.isFinite(a) ? a / b : a === Infinity || (b === 0 && a > 0) ? Infinity : NaN);
/** @param {number} r */
const times = (r) => (Number.isFinite(r) ? `${r.toFixed(r >= 10 ? 0 : 2)}×` : r === Infinity ? '∞' : '—');
/** @param {number} r */
const signed = (r) => (Number.isFinite(r) ? `${r < 0 ? '−' : ''}${Math.abs(r).toFixed(2)}` : '—');
/** @param {number} r */
const pct = (r) =>
  Number.isFinite(r) ? `${r < 0 ? '−' : '+'}${Math.abs(r * 100).toFixed(Math.abs(r) < 1 ? 1 : 0)}%` : '—';
/** @param {number} bytes */
const mb = (bytes) => `${bytes >= 0 ? '+' : '−'}${(Math.abs(bytes) / 1e6).toFixed(2)} MB`;
/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
/** The three modes' medians of one figure: "77 / 75 / 112 ms". @param {Three} three */
const slashes = (three) => `${fmt(three.plain)} / ${fmt(three.floor)} / ${ms(three.with)}`;
/** What RLS Lens adds over the empty content script. @param {Three} three */
const overFloor = (three) => three.with - three.floor;
/** @param {number} v */
const signedMs = (v) => (Number.isFinite(v) ? `${v < 0 ? '−' : '+'}${fmt(Math.abs(v))} ms` : '—');
/** A Markdown table. @param {string[]} head @param {('l' | 'r')[]} align @param {string[][]} rows */
const table = (head, align, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

/** @param {{ key: string }} r */
const isScanPage = (r) => r.key !== 'feed' && r.key !== 'busy';
/** @param {RowWith<ChromiumFigures, 'extension'>} r */
const extensionTaskMs = (r) =>
  Math.max(r.extension.longestOwnTaskMs, r.extension.longestUnexplainedTaskMs, r.extension.longestSliceMs);

/**
 * @param {RowWith<ChromiumFigures,
 *   'page' | 'frames' | 'mainMs' | 'longestMs' | 'loadMs' | 'paintMs' | 'memoryPerFrameBytes'>[]} rows
 */
export function chromiumTable(rows) {
  return table(
    [
      'page',
      'main thread, plain / empty script / RLS Lens',
      'added ÷ plain',
      'over the floor',
      'longest task, plain / empty / RLS Lens',
      'load event, plain / empty / RLS Lens',
      'load over the floor',
      'paint, plain → with',
      'memory added per frame',
    ],
    ['l', 'l', 'r', 'r', 'l', 'l', 'r', 'l', 'r'],
    rows.map((r) => [
      r.page,
      slashes(r.mainMs),
      signed(share(r.mainMs)),
      `**${signedMs(overFloor(r.mainMs))}**${r.frames > 1 ? ` (${signedMs(overFloor(r.mainMs) / r.frames)} a frame)` : ''}`,
      slashes(r.longestMs),
      slashes(r.loadMs),
      signedMs(overFloor(r.loadMs)),
      arrow(r.paintMs),
      `${mb(r.memoryPerFrameBytes)} (${r.frames} frame${r.frames > 1 ? 's' : ''})`,
    ]),
  );
}

/** @param {RowWith<ChromiumFigures, 'page' | 'frames' | 'mainCpuMs' | 'extension'>[]} rows */
export function attributionTable(rows) {
  return table(
    [
      'page',
      'main-thread CPU, plain → with',
      'content script evaluated (frames)',
      'evaluation',
      'tasks running RLS Lens code',
      'their time',
      'longest of them',
      'longest task the plain page does not explain',
    ],
    ['l', 'l', 'r', 'r', 'r', 'r', 'l', 'r'],
    rows.map((r) => {
      const e = r.extension;
      const top = e.longestTasks[0];
      const u = e.longestUnexplainedTask;
      return [
        r.page,
        arrow(r.mainCpuMs),
        `${e.evaluations} of ${r.frames}`,
        ms(e.evaluateMs),
        String(e.ownTasks),
        ms(e.ownTaskMs),
        top ? `${ms(top.ms)}: ${top.what}` : '—',
        u?.ms ? `${ms(u.ms)}${u.parts ? `: ${u.parts}` : ''}` : '—',
      ];
    }),
  );
}

/**
 * Opt-in mode, a site not switched on, beside the plain browser: Chromium's main thread, longest task and load
 * event, Firefox's load event, and what of RLS Lens the page saw (scripts evaluated and tasks running its code in
 * Chromium's traces, measures of the test build in Firefox), over all loads.
 * @param {RowWith<ChromiumFigures,
 *   'page' | 'key' | 'mainMs' | 'mainCpuMs' | 'longestMs' | 'loadMs' | 'optIn'>[]} chromium
 * @param {RowWith<FirefoxFigures, 'page' | 'key' | 'loadMs' | 'optIn'>[]} firefox
 */
export function optInTable(chromium, firefox) {
  const keys = [...new Set([...chromium, ...firefox].map((r) => r.key))];
  const pair = (/** @type {{ plain: number, optIn: number } | undefined} */ three) =>
    three ? `${fmt(three.plain)} → ${ms(three.optIn)}` : '—';
  return table(
    [
      'page',
      'main thread, plain → opt-in',
      'main-thread CPU, plain → opt-in',
      'longest task, plain → opt-in',
      'load event, plain → opt-in',
      'Firefox load event, plain → opt-in',
      'RLS Lens in the page (scripts evaluated, tasks; Firefox measures)',
    ],
    ['l', 'l', 'l', 'l', 'l', 'l', 'r'],
    keys.map((key) => {
      const c = chromium.find((r) => r.key === key);
      const f = firefox.find((r) => r.key === key);
      const seen = [c && `${c.optIn.evaluations}, ${c.optIn.ownTasks}`, f && `${f.optIn.measures}`];
      return [
        /** @type {{ page: string }} */ (c ?? f).page, // the key is of one of them
        pair(c?.mainMs),
        pair(c?.mainCpuMs),
        pair(c?.longestMs),
        pair(c?.loadMs),
        pair(f?.loadMs),
        seen.filter(Boolean).join('; '),
      ];
    }),
  );
}

/** @param {RowWith<FirefoxFigures, 'page' | 'loadMs'>[]} rows */
export function firefoxTable(rows) {
  return table(
    ['page', 'load event, plain / empty script / RLS Lens', 'delay ÷ plain', 'over the floor'],
    ['l', 'l', 'r', 'r'],
    rows.map((r) => [r.page, slashes(r.loadMs), signed(share(r.loadMs)), `**${signedMs(overFloor(r.loadMs))}**`]),
  );
}

/**
 * @param {RowWith<ChromiumFigures, 'page' | 'key' | 'floor' | 'scan'>[]} rows
 * @param {Marks} marks
 */
export function scanTable(rows, marks) {
  return table(
    [
      'page',
      'text-read floor (first pass / warm)',
      'RLS Lens scan',
      'scan ÷ floor',
      'mark.js',
      'mark.js ÷ scan',
      'matches (RLS Lens / mark.js)',
      'longest scan slice',
    ],
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    rows.filter(isScanPage).map((r) => {
      const mark = marks[r.key] ?? { ms: NaN, matches: NaN };
      return [
        r.page,
        `${fmt(r.floor.coldMs)} / ${ms(r.floor.warmMs)}`,
        ms(r.scan.scanMs),
        times(ratio(r.scan.scanMs, r.floor.coldMs)),
        ms(mark.ms),
        times(ratio(mark.ms, r.scan.scanMs)),
        `${r.scan.matches} / ${Number.isFinite(mark.matches) ? mark.matches : '—'}`,
        ms(r.scan.longestSliceMs),
      ];
    }),
  );
}

/** @param {{ appended: number, nodes: number, scanMs: number, longestSliceMs: number }[]} batches the feed's */
export function scrollTable(batches) {
  return table(
    ['appended articles', 'nodes scanned', 'scan', 'per 100 articles', 'longest scan slice'],
    ['r', 'r', 'r', 'r', 'r'],
    batches.map((b) => [
      String(b.appended),
      String(b.nodes),
      ms(b.scanMs),
      ms((b.scanMs / b.appended) * 100),
      ms(b.longestSliceMs),
    ]),
  );
}

/** @param {import('./size.mjs').ContentScriptSize} size */
export function sizeLine(size) {
  const files = size.files.map((f) => `${f.path} ${f.bytes.toLocaleString('en')} B, ${kb(f.gzip)} gzipped`).join('; ');
  const lazy = size.lazy.length ? size.lazy.map((f) => `${f.path} ${kb(f.gzip)} gzipped`).join(', ') : 'none';
  const css = size.css.map((f) => `${f.path} ${f.bytes} B`).join(', ') || 'none';
  const opened = size.opened?.length
    ? ` Loaded at start-up by the frames whose text can hold a term: ${size.opened.map((f) => `${f.path} ${kb(f.gzip)} gzipped`).join(', ')}.`
    : '';
  return `loaded in every frame at start-up: ${files} — total ${kb(size.gzip)} gzipped.${opened} Stylesheet: ${css}. Chunks loaded later (on demand): ${lazy}.`;
}

/**
 * The trace check: a page that blocks its main thread for 100 ms must read as ≥ 100 ms more, in one task.
 * @param {{ page: string, busyMs: number, tinyMs: number, longestMs: number, unexplainedMs: number }} figures
 */
export function traceCheck({ page, busyMs, tinyMs, longestMs, unexplainedMs }) {
  const addedMs = busyMs - tinyMs;
  const ok = addedMs >= 100 && longestMs >= 100 && unexplainedMs >= 100;
  return {
    ok,
    addedMs,
    longestMs,
    unexplainedMs,
    line:
      `Trace check (plain browser, least disturbed load of each): ${page} ${ms(busyMs)} main thread vs ${ms(tinyMs)} for the tiny page ` +
      `(+${fmt(addedMs)} ms), longest task ${ms(longestMs)}, longest task the tiny page does not explain ${ms(unexplainedMs)} — ` +
      (ok
        ? 'ok (all ≥ 100 ms).'
        : 'NOT OK: expected all ≥ 100 ms (on a busy machine noise can do this; else the trace parsing is wrong).'),
  };
}

/**
 * Each budget of issue #12: { name, met, figures: [{ page, text, met }] }.
 * @param {{
 *   chromium: RowWith<ChromiumFigures, 'page' | 'key' | 'budget' | 'frames' | 'mainMs' | 'mainCpuMs' | 'heapBytes' |
 *     'memoryPerFrameBytes' | 'extension' | 'scan'>[],
 *   firefox: RowWith<FirefoxFigures, 'page' | 'loadMs' | 'scan'>[],
 *   marks: Marks,
 *   size: import('./size.mjs').ContentScriptSize | null,
 *   markSkipped: boolean,
 * }} figures
 * @returns {Budget[]}
 */
export function budgets({ chromium, firefox, marks, size, markSkipped }) {
  /** @type {Budget[]} */
  const out = [];
  /** @param {string} name @param {Figure[]} figures */
  const check = (name, figures) => figures.length && out.push({ name, met: figures.every((f) => f.met), figures });
  check(
    'Main-thread time added ≤ 10% of the plain page’s own (tiny, 20 frames, given health and Wikipedia pages), ≤ 50% on the article ×300',
    chromium
      .filter((r) => r.budget)
      .map((r) => ({
        page: r.page,
        met: share(r.mainMs) <= /** @type {number} */ (r.budget), // kept by the filter
        text: `${arrow(r.mainMs)}, ${pct(share(r.mainMs))} (budget ${pct(/** @type {number} */ (r.budget))}; thread CPU ${arrow(r.mainCpuMs)}, ${pct(share(r.mainCpuMs))})`,
      })),
  );
  check(
    `No task of the extension over ${TASK_BUDGET_MS} ms, start-up included (Chromium: longest task running its code / longest task the plain page does not explain / longest scan slice; Firefox: longest scan slice)`,
    [
      ...chromium.map((r) => ({
        page: r.page,
        met: extensionTaskMs(r) <= TASK_BUDGET_MS,
        text: `${ms(r.extension.longestOwnTaskMs)} / ${ms(r.extension.longestUnexplainedTaskMs)} / ${ms(r.extension.longestSliceMs)}`,
      })),
      ...firefox.map((r) => ({
        page: `${r.page} (Firefox)`,
        met: r.scan.longestSliceMs <= TASK_BUDGET_MS,
        text: `scan slice ${ms(r.scan.longestSliceMs)}`,
      })),
    ],
  );
  check(
    'Firefox load-event delay ≤ 10% on every page',
    firefox.map((r) => ({
      page: r.page,
      met: share(r.loadMs) <= FIREFOX_DELAY_BUDGET,
      text: `${arrow(r.loadMs)}, ${pct(share(r.loadMs))}`,
    })),
  );
  if (size)
    check('Content script for a frame ≤ 15 KB gzipped', [
      {
        page: 'start-up scripts',
        met: size.gzip <= GZIP_BUDGET_BYTES,
        text: `${kb(size.gzip)} gzipped (${size.files.map((f) => f.path).join(' + ')})`,
      },
    ]);
  check(
    '≤ 0.3 MB of memory per frame on pages without terms (V8 + Blink heaps after GC, with − plain, ÷ frames)',
    chromium
      .filter((r) => r.scan.matches === 0 && r.key !== 'busy')
      .map((r) => ({
        page: r.page,
        met: r.memoryPerFrameBytes <= MEMORY_PER_FRAME_BUDGET_BYTES,
        text: `${mb(r.memoryPerFrameBytes)} per frame (${r.frames} frame${r.frames > 1 ? 's' : ''}, ${mb(r.heapBytes.with - r.heapBytes.plain)} in all)`,
      })),
  );
  if (!markSkipped) {
    check(
      'mark.js ≥ 100× slower than the RLS Lens scan on every page',
      chromium.filter(isScanPage).map((r) => {
        const x = ratio(marks[r.key]?.ms ?? NaN, r.scan.scanMs);
        return {
          page: r.page,
          met: x >= MARK_RATIO_BUDGET,
          text: `${ms(marks[r.key]?.ms)} vs ${ms(r.scan.scanMs)}: ${times(x)}${r.scan.slices === 0 ? ' (no scan ran)' : ''}`,
        };
      }),
    );
  }
  return out;
}

/**
 * The budgets of issue #22: over the floor on the tiny and the 20-frame page, the load event within 5 ms of the
 * empty script's in both browsers, added ÷ plain on the article ×300 and on given NHLBI and Wikipedia pages (found
 * by file name), the longest task within 5 ms of the plain page's, and opt-in mode on a site not switched on.
 * `registered`: the content scripts the opt-in browsers had registered after their loads (none expected).
 * @param {{
 *   chromium: RowWith<ChromiumFigures, 'page' | 'key' | 'frames' | 'mainMs' | 'longestMs' | 'loadMs' | 'optIn'>[],
 *   firefox: RowWith<FirefoxFigures, 'page' | 'key' | 'loadMs' | 'optIn'>[],
 *   registered?: { chromium: number, firefox: number },
 * }} figures
 * @returns {Budget[]}
 */
export function floorBudgets({ chromium, firefox, registered = { chromium: 0, firefox: 0 } }) {
  /** @type {Budget[]} */
  const out = [];
  /** @param {string} name @param {Figure[]} figures */
  const check = (name, figures) => figures.length && out.push({ name, met: figures.every((f) => f.met), figures });
  const tiny = chromium.filter((r) => r.key === 'tiny');
  const frames = chromium.filter((r) => r.key === 'frames');
  check(
    `Main thread over the floor ≤ ${FLOOR_TINY_MS} ms on the tiny page, ≤ ${FLOOR_PER_FRAME_MS} ms a frame on the 20-frame page (≤ ${FLOOR_FRAMES_MS} ms in all)`,
    [
      ...tiny.map((r) => ({
        page: r.page,
        met: overFloor(r.mainMs) <= FLOOR_TINY_MS,
        text: `${signedMs(overFloor(r.mainMs))} (${slashes(r.mainMs)})`,
      })),
      ...frames.map((r) => ({
        page: r.page,
        met: overFloor(r.mainMs) <= FLOOR_FRAMES_MS,
        text: `${signedMs(overFloor(r.mainMs))}, ${signedMs(overFloor(r.mainMs) / r.frames)} a frame (${slashes(r.mainMs)})`,
      })),
    ],
  );
  check(
    `Load event within ${FLOOR_LOAD_MS} ms of the empty script's on the tiny and the 20-frame page (Chromium and Firefox)`,
    [
      ...tiny,
      ...frames,
      ...firefox
        .filter((r) => r.key === 'tiny' || r.key === 'frames')
        .map((r) => ({ ...r, page: `${r.page} (Firefox)` })),
    ].map((r) => ({
      page: r.page,
      met: overFloor(r.loadMs) <= FLOOR_LOAD_MS,
      text: `${signedMs(overFloor(r.loadMs))} (${slashes(r.loadMs)})`,
    })),
  );
  check(
    'Main-thread time added ÷ plain ≤ 0.25 on the article ×300, ≤ 0.15 on NHLBI, ≤ 0.05 on Wikipedia (Chromium)',
    chromium.flatMap((r) => {
      const budget = SHARE_BUDGETS.find((b) => b.test(r))?.budget;
      return budget === undefined
        ? []
        : [
            {
              page: r.page,
              met: share(r.mainMs) <= budget,
              text: `${signed(share(r.mainMs))} (budget ${budget}; ${arrow(r.mainMs)})`,
            },
          ];
    }),
  );
  check(
    `Longest task with RLS Lens ≤ the plain page's longest + ${LONGEST_SLACK_MS} ms on every page (Chromium)`,
    chromium.map((r) => ({
      page: r.page,
      met: r.longestMs.with <= r.longestMs.plain + LONGEST_SLACK_MS,
      text: `${slashes(r.longestMs)}${r.longestCpuMs ? `; most thread CPU in one task ${slashes(r.longestCpuMs)}, RLS Lens's own longest task ${ms(r.extension?.longestOwnTaskMs)} (CPU ${ms(r.extension?.longestOwnTaskCpuMs)})` : ''}`,
    })),
  );
  check(
    'Opt-in mode, a site not switched on: nothing of RLS Lens in the page (Chromium: no extension script evaluated and no task running its code in any load; Firefox: no measure of the test build; both: no content script registered). Timings beside the plain browser, for reading against the noise',
    [
      ...chromium.map((r) => ({
        page: r.page,
        met: r.optIn.evaluations === 0 && r.optIn.ownTasks === 0 && registered.chromium === 0,
        text: `${r.optIn.evaluations} scripts evaluated, ${r.optIn.ownTasks} tasks; main thread ${fmt(r.mainMs.plain)} → ${ms(r.mainMs.optIn)} (${signedMs(r.mainMs.optIn - r.mainMs.plain)}; CPU ${fmt(r.mainCpuMs?.plain)} → ${ms(r.mainCpuMs?.optIn)}), load event ${fmt(r.loadMs.plain)} → ${ms(r.loadMs.optIn)}`,
      })),
      ...firefox.map((r) => ({
        page: `${r.page} (Firefox)`,
        met: r.optIn.measures === 0 && registered.firefox === 0,
        text: `${r.optIn.measures} measures; load event ${fmt(r.loadMs.plain)} → ${ms(r.loadMs.optIn)} (${signedMs(r.loadMs.optIn - r.loadMs.plain)})`,
      })),
    ],
  );
  return out;
}

/** @param {Budget[]} list */
export function budgetLines(list) {
  const lines = [];
  for (const b of list) {
    lines.push(`- **${b.met ? 'met' : 'not met'}** — ${b.name}`);
    for (const f of b.figures) lines.push(`  - ${f.met ? 'met' : '**not met**'}: ${f.page}: ${f.text}`);
  }
  return lines.join('\n');
}
