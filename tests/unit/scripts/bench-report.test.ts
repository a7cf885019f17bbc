import { describe, expect, it } from 'vitest';
import { chromiumTable, firefoxTable, floorBudgets, optInTable, traceCheck } from '../../../scripts/bench/report.mjs';

/** A figure in each browser; the opt-in browser (a site not switched on) measures as the plain one unless told. */
const three = (plain: number, floor: number, withLens: number, optIn = plain) => ({
  plain,
  floor,
  with: withLens,
  optIn,
});
const chromiumRow = (
  key: string,
  frames: number,
  main: [number, number, number, number?],
  longest: [number, number, number, number?],
  load: [number, number, number, number?],
) => ({
  page: `${key} page`,
  key,
  frames,
  mainMs: three(...main),
  mainCpuMs: three(main[0] / 2, main[1] / 2, main[2] / 2, (main[3] ?? main[0]) / 2),
  longestMs: three(...longest),
  loadMs: three(...load),
  paintMs: { plain: 1, with: 1.5 },
  memoryPerFrameBytes: 120_000,
  optIn: { evaluations: 0, ownTasks: 0 },
});

/** The cells of a Markdown table's rows (header and separator left out). */
const cells = (markdown: string) =>
  markdown
    .split('\n')
    .slice(2)
    .map((line) => line.split(' | ').map((c) => c.replace(/^\| |\s\|$/g, '')));

describe('bench report tables', () => {
  it('Chromium: three modes side by side, "added ÷ plain" and "over the floor" (RLS Lens minus the empty script)', () => {
    const [row] = cells(chromiumTable([chromiumRow('tiny', 1, [77, 75, 112], [20, 21, 30], [70, 72, 80])]));
    expect(row).toEqual([
      'tiny page',
      '77.0 / 75.0 / 112 ms',
      '0.45',
      '**+37.0 ms**',
      '20.0 / 21.0 / 30.0 ms',
      '70.0 / 72.0 / 80.0 ms',
      '+8.00 ms',
      '1.00 → 1.50 ms',
      '+0.12 MB (1 frame)',
    ]);
  });

  it('Chromium: a page with frames gets the floor per frame too; a figure under the floor is negative', () => {
    const [row] = cells(chromiumTable([chromiumRow('frames', 20, [710, 752, 742], [50, 50, 50], [700, 700, 690])]));
    expect(row![3]).toBe('**−10.0 ms** (−0.50 ms a frame)');
    expect(row![6]).toBe('−10.0 ms');
  });

  it('Firefox: the load event in three modes, delay ÷ plain and over the floor', () => {
    const [row] = cells(firefoxTable([{ page: 'tiny page', key: 'tiny', loadMs: three(50, 60, 63) }]));
    expect(row).toEqual(['tiny page', '50.0 / 60.0 / 63.0 ms', '0.26', '**+3.00 ms**']);
  });
});

describe('issue 22 budgets', () => {
  it('judges over the floor, the load event against the floor and the longest task against the plain page', () => {
    const chromium = [
      chromiumRow('tiny', 1, [77, 75, 77], [20, 21, 24], [70, 72, 76]),
      chromiumRow('frames', 21, [710, 752, 780], [50, 50, 60], [700, 700, 706]),
    ];
    const firefox = [{ page: 'tiny page', key: 'tiny', loadMs: three(50, 60, 63), optIn: { measures: 0 } }];
    const [overFloor, load, longest] = floorBudgets({ chromium, firefox });
    expect(overFloor!.figures.map((f: { met: boolean }) => f.met)).toEqual([true, false]);
    expect(load!.figures.map((f: { page: string; met: boolean }) => [f.page, f.met])).toEqual([
      ['tiny page', true],
      ['frames page', false],
      ['tiny page (Firefox)', true],
    ]);
    expect(longest!.figures.map((f: { met: boolean }) => f.met)).toEqual([true, false]);
    expect(longest!.met).toBe(false);
  });

  it('holds the article ×300 and the given NHLBI and Wikipedia pages to their added ÷ plain budgets', () => {
    const chromium = [
      chromiumRow('article', 1, [400, 400, 490], [50, 50, 50], [70, 70, 70]),
      { ...chromiumRow('file0', 1, [100, 100, 114], [20, 20, 20], [70, 70, 70]), page: 'nhlbi-rls.txt' },
      { ...chromiumRow('file1', 1, [1000, 1000, 1060], [90, 90, 90], [70, 70, 70]), page: 'wikipedia-2.html' },
      { ...chromiumRow('file2', 1, [100, 100, 190], [20, 20, 20], [70, 70, 70]), page: 'other.html' },
    ];
    const share = floorBudgets({ chromium, firefox: [] }).find((b: { name: string }) => b.name.includes('÷ plain'));
    expect(share!.figures.map((f: { page: string; met: boolean }) => [f.page, f.met])).toEqual([
      ['article page', true],
      ['nhlbi-rls.txt', true],
      ['wikipedia-2.html', false],
    ]);
  });

  it('opt-in mode on a site not switched on: met only when nothing of RLS Lens reached the page', () => {
    const quiet = chromiumRow('tiny', 1, [77, 75, 90, 78], [20, 21, 24, 20], [70, 72, 76, 71]);
    const busy = { ...chromiumRow('frames', 21, [700, 750, 780, 720], [50, 50, 60, 50], [700, 700, 706, 700]) };
    busy.optIn = { evaluations: 21, ownTasks: 30 };
    const firefox = [{ page: 'tiny page', key: 'tiny', loadMs: three(50, 60, 63, 51), optIn: { measures: 0 } }];
    const optIn = (registered = { chromium: 0, firefox: 0 }) =>
      floorBudgets({ chromium: [quiet, busy], firefox, registered }).find((b: { name: string }) =>
        b.name.startsWith('Opt-in'),
      );
    expect(optIn()!.figures.map((f: { page: string; met: boolean }) => [f.page, f.met])).toEqual([
      ['tiny page', true],
      ['frames page', false],
      ['tiny page (Firefox)', true],
    ]);
    expect(optIn({ chromium: 0, firefox: 1 })!.figures[2]!.met).toBe(false);
    const [row] = cells(optInTable([quiet], firefox));
    expect(row).toEqual([
      'tiny page',
      '77.0 → 78.0 ms',
      '38.5 → 39.0 ms',
      '20.0 → 20.0 ms',
      '70.0 → 71.0 ms',
      '50.0 → 51.0 ms',
      '0, 0; 0',
    ]);
  });

  it('the trace check passes only when the busy page shows its 100 ms', () => {
    expect(traceCheck({ page: 'busy', busyMs: 180, tinyMs: 70, longestMs: 105, unexplainedMs: 104 }).ok).toBe(true);
    expect(traceCheck({ page: 'busy', busyMs: 150, tinyMs: 70, longestMs: 105, unexplainedMs: 104 }).ok).toBe(false);
  });
});
