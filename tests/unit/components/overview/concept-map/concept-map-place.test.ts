import { describe, expect, it } from 'vitest';
import { fitRow, placeWithin } from '../../../../../components/overview/concept-map/concept-map-place';

const row = (...widths: number[]) => ({ ids: widths.map((_, i) => `b${i}`), widths });

describe('fitting a row of boxes into a width', () => {
  it('leaves boxes where they want to be when that already fits', () => {
    expect(fitRow(row(20, 20), [30, 100], [1, 1], 10, 200)).toEqual([30, 100]);
  });

  it('shares the shift between boxes that want the same place (least squares), keeping order and gap', () => {
    // Both want 100; they need 20/2 + 10 + 20/2 = 30 between centres: 85 and 115.
    expect(fitRow(row(20, 20), [100, 100], [1, 1], 10, 200)).toEqual([85, 115]);
    // A heavier box moves less.
    expect(fitRow(row(20, 20), [100, 100], [3, 1], 10, 200)).toEqual([92.5, 122.5]);
  });

  it('keeps every box inside [0, width]', () => {
    expect(fitRow(row(40, 40), [-50, 10], [1, 1], 10, 100)).toEqual([20, 70]);
    expect(fitRow(row(40, 40), [90, 400], [1, 1], 10, 100)).toEqual([30, 80]);
  });

  it('pulls boxes towards what they are joined to, within the width and in order', () => {
    const rows = [row(40), row(40, 40)];
    rows[1]!.ids = ['c0', 'c1'];
    const start = new Map([
      ['b0', 20],
      ['c0', 20],
      ['c1', 180],
    ]);
    const x = placeWithin(rows, start, [{ a: 'b0', b: 'c1', weight: 1 }], 10, 200);
    expect(x.get('b0')).toBeGreaterThan(20);
    for (const [, centre] of x) expect(centre - 20 >= 0 && centre + 20 <= 200).toBe(true);
    expect(x.get('c1')! - x.get('c0')!).toBeGreaterThanOrEqual(50);
  });
});
