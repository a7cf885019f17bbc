import { describe, expect, it } from 'vitest';
import { chromiumTable, firefoxTable, floorBudgets, traceCheck } from '../../../scripts/bench/report.mjs';

const three = (plain: number, floor: number, withLens: number) => ({ plain, floor, with: withLens });
const chromiumRow = (
  key: string,
  frames: number,
  main: [number, number, number],
  longest: [number, number, number],
  load: [number, number, number],
) => ({
  page: `${key} page`,
  key,
  frames,
  mainMs: three(...main),
  longestMs: three(...longest),
  loadMs: three(...load),
  paintMs: { plain: 1, with: 1.5 },
  memoryPerFrameBytes: 120_000,
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
    const firefox = [{ page: 'tiny page', key: 'tiny', loadMs: three(50, 60, 63) }];
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

  it('the trace check passes only when the busy page shows its 100 ms', () => {
    expect(traceCheck({ page: 'busy', busyMs: 180, tinyMs: 70, longestMs: 105, unexplainedMs: 104 }).ok).toBe(true);
    expect(traceCheck({ page: 'busy', busyMs: 150, tinyMs: 70, longestMs: 105, unexplainedMs: 104 }).ok).toBe(false);
  });
});
