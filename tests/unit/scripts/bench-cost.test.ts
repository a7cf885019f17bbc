import { describe, expect, it } from 'vitest';
import { interleave, median } from '../../../scripts/bench/cost.mjs';

describe('bench loads', () => {
  it('interleaves the three browsers one load at a time, rotating which goes first', async () => {
    const order: string[] = [];
    const load = (mode: string) => async () => {
      order.push(mode);
      return order.length;
    };
    const loads = await interleave(3, { plain: load('plain'), floor: load('floor'), with: load('with') });
    expect(order).toEqual(['plain', 'floor', 'with', 'floor', 'with', 'plain', 'with', 'plain', 'floor']);
    expect(loads).toEqual({ plain: [1, 6, 8], floor: [2, 4, 9], with: [3, 5, 7] });
  });

  it('takes the median of the finite figures', () => {
    expect(median([5, 1, NaN, 3])).toBe(3);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([NaN])).toBeNaN();
  });
});
