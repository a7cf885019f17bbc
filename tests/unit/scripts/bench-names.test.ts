// The benchmark finds the extension's work by the measure names the test build records (scripts/bench/
// measure-names.mjs); a rename in core/page-names.ts that the bench missed would make it wait for nothing and
// report no scan at all.
import { describe, expect, it } from 'vitest';
import { CENSUS_KEY, GATE_MEASURE, PAGE_PREFIX, SCAN_MEASURE } from '../../../core/page-names';
import * as bench from '../../../scripts/bench/measure-names.mjs';

describe('the benchmark’s measure names', () => {
  it('are the ones the test build records', () => {
    expect(bench.SCAN_MEASURE).toBe(SCAN_MEASURE);
    expect(bench.GATE_MEASURE).toBe(GATE_MEASURE);
    expect(bench.MEASURE_PREFIX).toBe(`${PAGE_PREFIX}:`);
    expect(bench.CENSUS_KEY).toBe(CENSUS_KEY);
  });
});
