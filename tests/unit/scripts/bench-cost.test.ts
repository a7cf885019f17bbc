import { describe, expect, it } from 'vitest';
import { interleave, median } from '../../../scripts/bench/cost.mjs';

describe('bench loads', () => {
  it('interleaves the four browsers one load at a time, rotating which goes first', async () => {
    const order: string[] = [];
    const load = (mode: string) => async () => {
      order.push(mode);
      return order.length;
    };
    const loads = await interleave(2, {
      plain: load('plain'),
      floor: load('floor'),
      with: load('with'),
      optIn: load('optIn'),
    });
    expect(order).toEqual(['plain', 'floor', 'with', 'optIn', 'floor', 'with', 'optIn', 'plain']);
    expect(loads).toEqual({ plain: [1, 8], floor: [2, 5], with: [3, 6], optIn: [4, 7] });
  });

  it('takes the median of the finite figures', () => {
    expect(median([5, 1, NaN, 3])).toBe(3);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([NaN])).toBeNaN();
  });
});
