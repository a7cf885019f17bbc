// The pages of the soak (issue 21), shared by tests/e2e/soak.test.ts and `npm run bench -- --soak`
// (scripts/bench/soak.mjs): an infinite feed and a single-page app, each driving itself from a page script and
// saying on `window.soak` how many glossary terms it has on the page right now. And the census of what RLS Lens's
// content script keeps registered (content/census.ts, test build only), read from an extension page.

// One occurrence per post or paragraph that has a term: the page can then say how many terms it holds.
const TERMS = ['ferritin', 'dopamine', 'restless legs syndrome'];
const PLAIN = ['Weather, trains and tea.', 'A note about the garden and the rain.', 'The bus was late again.'];

/**
 * An infinite feed: a post every `everyMs`, one in three with a glossary term, the oldest removed beyond `keep`
 * posts so that the page stays bounded. `soak.stop()` stops it; `soak.terms()` counts the terms on the page.
 * @param {{ everyMs?: number, keep?: number }} [options]
 */
export function feedPage({ everyMs = 100, keep = 60 } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Restless legs forum</title></head>
<body><h1>Forum</h1><main id="feed"></main><script>
const TERMS = ${JSON.stringify(TERMS)}, PLAIN = ${JSON.stringify(PLAIN)};
const feed = document.getElementById('feed');
let n = 0;
const add = () => {
  const post = document.createElement('article');
  const term = n % 3 === 0 ? TERMS[(n / 3) % TERMS.length] : null;
  post.dataset.terms = term ? '1' : '0';
  const h = document.createElement('h2');
  h.textContent = 'Post ' + n;
  const p = document.createElement('p');
  p.textContent = term ? 'Someone asked about ' + term + ' today.' : PLAIN[n % PLAIN.length];
  post.append(h, p);
  feed.append(post);
  n++;
  while (feed.children.length > ${keep}) feed.firstElementChild.remove();
};
const timer = setInterval(add, ${everyMs});
window.soak = {
  stop: () => clearInterval(timer),
  posts: () => n,
  terms: () => feed.querySelectorAll('article[data-terms="1"]').length,
};
</script></body></html>`;
}

/**
 * A single-page app that changes route `routes` times, one every `everyMs`: each route replaces the content of
 * <main> (a few paragraphs, with a term in every other route) and pushes a new address with history.pushState.
 * `soak.routes()` says how many routes were shown, `soak.terms()` the terms on the current one.
 * @param {{ routes?: number, everyMs?: number }} [options]
 */
export function spaPage({ routes = 500, everyMs = 40 } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Restless legs forum</title></head>
<body><nav>Home · Topics · About</nav><main id="view"></main><script>
const TERMS = ${JSON.stringify(TERMS)}, PLAIN = ${JSON.stringify(PLAIN)};
const view = document.getElementById('view');
let shown = 0, terms = 0;
const render = (i) => {
  view.replaceChildren();
  terms = 0;
  const h = document.createElement('h1');
  h.textContent = 'Topic ' + i;
  view.append(h);
  for (let k = 0; k < 4; k++) {
    const p = document.createElement('p');
    const term = i % 2 === 0 && k < 2 ? TERMS[(i + k) % TERMS.length] : null;
    if (term) terms++;
    p.textContent = term ? 'A reader wrote about ' + term + ' here.' : PLAIN[(i + k) % PLAIN.length];
    view.append(p);
  }
  history.pushState({ i }, '', '/spa/topic-' + i);
  shown = i + 1;
};
const next = () => {
  render(shown);
  if (shown < ${routes}) setTimeout(next, ${everyMs});
};
setTimeout(next, ${everyMs});
window.soak = { routes: () => shown, terms: () => terms };
</script></body></html>`;
}

/** @typedef {{ listeners: Record<string, number>, detachedListeners: number, timeouts: number, intervals: number, frames: number, ranges: number, hosts: number }} Census */

/**
 * The census of the content script in a tab's top frame, asked from an extension page through
 * scripting.executeScript, which runs in the content script's own world (where the census is). Null when the test
 * build's content script is not there.
 * @param {import('puppeteer-core').Page} extensionPage
 * @param {number} tabId
 * @param {string} key core/page-names.ts CENSUS_KEY
 * @returns {Promise<Census | null>}
 */
export function readCensus(extensionPage, tabId, key) {
  return extensionPage.evaluate(
    async (id, name) => {
      const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
      const [result] = await api.scripting.executeScript({
        target: { tabId: id, frameIds: [0] },
        // JSON: Firefox returns an object made in the content script's world as null.
        func: (/** @type {string} */ k) => {
          const census = /** @type {any} */ (globalThis)[k];
          return typeof census === 'function' ? JSON.stringify(census()) : null;
        },
        args: [name],
      });
      return result?.result ? JSON.parse(result.result) : null;
    },
    tabId,
    key,
  );
}

/**
 * All listeners of a census together.
 * @param {Census} census
 */
export const listenerTotal = (census) => Object.values(census.listeners).reduce((a, b) => a + b, 0);

/**
 * The ranges registered under our highlights, and how many of them start in a node that left the document, read in
 * the page's own world (which, unlike Firefox's content-script sandbox, can iterate a Highlight). Handed to
 * page.evaluate: self-contained.
 * @param {string} prefix core/page-names.ts PAGE_PREFIX
 */
export function rangesInPage(prefix) {
  let ranges = 0;
  let detached = 0;
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith(prefix) || name.endsWith('-current')) continue;
    for (const range of highlight) {
      ranges++;
      if (!range.startContainer.isConnected) detached++;
    }
  }
  return { ranges, detached };
}
