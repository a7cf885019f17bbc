// Every name RLS Lens puts into a web page, in one place: the content script uses them, the manifest CSS styles
// them (content/highlights.css repeats the highlight names, because CSS cannot import), and tests and tools look
// for them. Other extensions' and pages' tests rely on them too (docs/architecture.md, "Contracts").
//
// Nothing a page can read names RLS Lens or a term (issue 18, docs/privacy.md): the highlight names are a neutral
// token; the tooltip's host is a plain <div> with a closed shadow root in release builds (content/tooltip/view.tsx);
// the scan and gate measures exist only in the test build (core/build-mode.ts), never in the page's timeline of a
// release build.

/** Prefix of every CSS highlight name, and of the test build's tooltip host and measures. Says nothing. */
export const PAGE_PREFIX = 'hl-q7';

/** The ways a term can be drawn; each has a highlight name of its own. */
export const HIGHLIGHT_STYLES = ['underline', 'tint', 'both'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/** Registered under a name per style: the manifest CSS styles each name, so no page style sheet is needed. */
export const highlightName = (style: HighlightStyle) => `${PAGE_PREFIX}-${style}` as const;

/**
 * Terms of the entries the reader marked "I know this" (issue 19): drawn quieter, in every style. Named for its look,
 * as the styles are; registered only while the page has such a term (content/highlights.ts).
 */
// A sum, not a template: a template literal the content script does not use still stays in its bundle.
export const FAINT_HIGHLIGHT = PAGE_PREFIX + '-faint';

/** The term the keyboard (or a reveal) is on: drawn over the ordinary term highlight. */
export const CURRENT_HIGHLIGHT = `${PAGE_PREFIX}-current`;

/**
 * Tag name of the tooltip's shadow host in the test build (open shadow root, so tests can read the card); a release
 * build's host is a <div> with a closed root. Present in the page only while a tooltip is open.
 */
export const TOOLTIP_HOST = `${PAGE_PREFIX}-tooltip`;

/** Test build only: the User Timing measure each scan slice records, with `detail: { nodes, chars, matches }`. */
export const SCAN_MEASURE = `${PAGE_PREFIX}:scan`;

/** Test build only: the measure of the frame gate reading a frame and finding no term can occur in it (content/frame-gate.ts). */
export const GATE_MEASURE = `${PAGE_PREFIX}:gate`;

/**
 * The wake hook's name on the content script's own global (Chrome's isolated world, Firefox's sandbox), never on the
 * page's: what `scripting.executeScript` calls to wake a silent top frame (core/frame-wake.ts).
 */
export const WAKE_KEY = 'rlsLensWake';

/**
 * Where the running instance keeps its stop function on the content script's own global: a newer instance (the
 * extension reloaded or updated) calls it, instead of WXT's custom event on the page's document, which a page
 * script can hear (content/script-context.ts).
 */
export const STOP_KEY = 'rlsLensStop';

/**
 * Test build only: where the census of live listeners, timers, ranges and hosts is read, on the content script's own
 * global like the wake hook (content/census.ts). A release build has no census.
 */
export const CENSUS_KEY = 'rlsLensCensus';
