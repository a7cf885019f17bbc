// The names the test build records in a page's timeline (core/page-names.ts: SCAN_MEASURE, GATE_MEASURE, and the
// prefix of both) and the name of its census (CENSUS_KEY), repeated here because the bench is plain JavaScript run by Node;
// tests/unit/scripts/bench-names.test.ts checks that the two agree.

/** Every measure of ours starts with this. */
export const MEASURE_PREFIX = 'hl-q7:';
/** One scan slice, with `detail: { nodes, chars, matches }`. */
export const SCAN_MEASURE = 'hl-q7:scan';
/** The frame gate read a frame and found that no term can occur in it. */
export const GATE_MEASURE = 'hl-q7:gate';
/** The census of the content script's live listeners and timers, on its own global (content/census.ts). */
export const CENSUS_KEY = 'rlsLensCensus';
