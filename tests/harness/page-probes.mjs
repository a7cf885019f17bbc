// Page-side probes shared by the E2E tests, the sweep and `npm start`: functions handed to page.evaluate, so each is
// self-contained and takes the names it looks for as arguments (core/page-names.ts holds them).

/**
 * The text of every range registered under a highlight whose name starts with `prefix`, by highlight name.
 * @param {string} prefix
 * @returns {Record<string, string[]>}
 */
export function highlightTextsInPage(prefix) {
  /** @type {Record<string, string[]>} */
  const out = {};
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith(prefix)) continue;
    out[name] = [...highlight].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  }
  return out;
}

/**
 * A string that changes while the extension is still reading the page: how many scan measures it recorded and
 * how many ranges each of its highlights holds.
 * @param {string} prefix
 * @param {string} measure
 * @param {string} [gateMeasure] also counted: a frame the gate found termless records only this
 */
export function scanProgressInPage(prefix, measure, gateMeasure = '') {
  const sizes = [...CSS.highlights].filter(([name]) => name.startsWith(prefix)).map(([, h]) => h.size);
  // A frame the gate read and found termless has no scan, only the gate's measure.
  const reads =
    performance.getEntriesByName(measure).length + (gateMeasure ? performance.getEntriesByName(gateMeasure).length : 0);
  return `${reads}:${sizes.join(',')}`;
}
