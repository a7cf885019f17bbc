// The scanner's slice clock: reads the clock after enough work, stops at the deadline, and reads it more often
// when work runs slowly (cold code, a slow frame) and less often when it runs fast.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SliceClock, type SliceStats } from '../../../content/slice-clock';

afterEach(() => vi.restoreAllMocks());

/** A clock stand-in: `tick` ms pass for each node of work; counts the readings. */
function fakeTime(msPerNode: number, stats: SliceStats) {
  let readings = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => {
    readings++;
    return stats.nodes * msPerNode;
  });
  return () => readings;
}

/** Runs nodes through a slice until the clock says stop; returns the nodes done and the clock readings. */
function runSlice(clock: SliceClock, msPerNode: number, matchesPerNode = 0) {
  const stats: SliceStats = { nodes: 0, chars: 0, matches: 0 };
  const readings = fakeTime(msPerNode, stats);
  clock.start(stats);
  while (!clock.due(stats) && stats.nodes < 100_000) {
    stats.nodes++;
    stats.matches += matchesPerNode;
  }
  return { nodes: stats.nodes, readings: readings() };
}

describe('slice clock', () => {
  it('stops a slice of slow work within a reading of the deadline', () => {
    const clock = new SliceClock();
    // 0.5 ms a node (cold code): the slice must stop near 8 ms, not after hundreds of nodes.
    const { nodes } = runSlice(clock, 0.5);
    expect(nodes * 0.5).toBeGreaterThan(8);
    expect(nodes * 0.5).toBeLessThanOrEqual(8 + 16 * 0.5);
  });

  it('reads the clock less often as work proves fast, and counts terms as work', () => {
    const clock = new SliceClock();
    const first = runSlice(clock, 0.001);
    const later = runSlice(clock, 0.001);
    expect(later.nodes / later.readings).toBeGreaterThan(first.nodes / first.readings);
    expect(later.nodes / later.readings).toBeLessThanOrEqual(256);
    // Eight terms a node: the same time budget reads the clock after an eighth of the nodes.
    const dense = runSlice(new SliceClock(), 0.001, 8);
    const sparse = runSlice(new SliceClock(), 0.001, 0);
    expect(dense.nodes / dense.readings).toBeLessThan(sparse.nodes / sparse.readings);
  });

  it('reads it more often again when work slows down', () => {
    const clock = new SliceClock();
    runSlice(clock, 0.001);
    const fast = runSlice(clock, 0.001);
    const slow = runSlice(clock, 0.5);
    expect(slow.nodes / slow.readings).toBeLessThan(fast.nodes / fast.readings);
    expect(slow.nodes * 0.5).toBeLessThan(8 + 256 * 0.5);
  });
});
