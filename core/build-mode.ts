// Which build this is. `npm test` builds the extension twice (docs/privacy.md#the-test-build):
// - the release build (`wxt build`, `.output/chrome-mv3`, `.output/firefox-mv2`): what the stores get, what the
//   privacy E2E, the benchmark and `npm start` load. It leaves nothing in a page's performance timeline and renders
//   the card in a closed shadow root under a plain <div>.
// - the test build (`wxt build --mode probes`, `.output/*-probes`): the same code with its probes on, for the
//   other E2E tests and the sweep: scan and gate measures in the page's timeline (how tests know a frame was read)
//   and the tooltip in an open shadow root under a named host (core/page-names.ts: TOOLTIP_HOST), so tests can read
//   the card; and a census of the content script's live listeners, timers and ranges on its own global, which the
//   soak tests read (content/census.ts). The dev build (`npm run dev`) and the unit tests have them too: only the
//   release build is 'production'.
// Vite replaces `import.meta.env.MODE` at build time, so a release build carries none of the probes' code.
export const PROBES: boolean = import.meta.env.MODE !== 'production';
