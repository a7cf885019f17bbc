import { describe, expect, it } from 'vitest';
import { tabCounts } from '../../../../components/shared/frame-counts';

describe("a tab's counts", () => {
  it('add up the frames that highlight, and leave out frames switched off and empty counts', () => {
    expect(
      tabCounts([
        { host: 'a.example', active: true, counts: { ferritin: 2, dopamine: 1 } },
        { host: 'b.example', active: true, counts: { ferritin: 1, pregnancy: 0 } },
        { host: 'c.example', active: false, counts: { ferritin: 5, iron: 3 } },
      ]),
    ).toEqual({ ferritin: 3, dopamine: 1 });
    expect(tabCounts([])).toEqual({});
  });
});
