// Every name RLS Lens puts into a web page, in one place: the content script uses them, the manifest CSS styles
// them (content/highlights.css repeats the highlight names, because CSS cannot import), and tests and tools look
// for them. Other extensions' and pages' tests rely on them too (docs/architecture.md, "Contracts").

/** Prefix of every CSS highlight name and of the extension's own elements in a page. */
export const PAGE_PREFIX = 'rls-lens';

/** The ways a term can be drawn; each has a highlight name of its own. */
export const HIGHLIGHT_STYLES = ['underline', 'tint', 'both'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/** Registered under a name per style: the manifest CSS styles each name, so no page style sheet is needed. */
export const highlightName = (style: HighlightStyle) => `${PAGE_PREFIX}-${style}` as const;

/** The term the keyboard (or a reveal) is on: drawn over the ordinary term highlight. */
export const CURRENT_HIGHLIGHT = `${PAGE_PREFIX}-current`;

/** Tag name of the tooltip's shadow host: present in the page only while a tooltip is open. */
export const TOOLTIP_HOST = `${PAGE_PREFIX}-tooltip`;

/** Set on <html> only while a mouse pointer rests on a term, so the manifest CSS can show `cursor: help`. */
export const HOVER_ATTRIBUTE = `data-${PAGE_PREFIX}-hover`;

/** The User Timing measure each scan slice records, with `detail: { nodes, chars, matches }`. */
export const SCAN_MEASURE = `${PAGE_PREFIX}:scan`;

/** The performance measure of the frame gate reading a frame and finding no term can occur in it (content/frame-gate.ts). */
export const GATE_MEASURE = `${PAGE_PREFIX}:gate`;
