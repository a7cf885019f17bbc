// The pages `npm run bench` loads: generated here (nothing copied from the corpus) plus any files named on the
// command line. Each page is { key, name, routes: [[path, body]], drive?, budget? }: `routes` are put on the
// loopback server (the first is the top document), `drive(page, settle)` acts on a live page after its load (the
// infinite-scroll feed), and `budget` names the main-thread budget the page is held to (report: Budgets).
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { SCAN_MEASURE } from './measure-names.mjs';

/**
 * A route: its path and what it serves, a body or a file read from disk.
 * @typedef {[path: string, body: string | { file: string }]} Route
 */
/**
 * One batch of the feed's posts: how many were appended, and the scan measures taken after.
 * @typedef {{ appended: number, measures: import('./load.mjs').Measure[] }} FeedBatch
 */
/**
 * @typedef {{ key: string, name: string, budget?: number, file?: string, routes: Route[],
 *   drive?: (page: import('puppeteer-core').Page, settle: () => Promise<void>) => Promise<FeedBatch[]> }} BenchPage
 */

/** @param {string} s */
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** @param {string} body */
export const doc = (body, title = 'bench', head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>${head}</head><body>${body}</body></html>`;

// Words of no glossary entry: pages built from them have no terms (checked by the bench's match counts).
const WORDS = [
  'lorem',
  'ipsum',
  'dolor',
  'sit',
  'amet',
  'consectetur',
  'adipiscing',
  'elit',
  'sed',
  'tempor',
  'labore',
  'magna',
  'aliqua',
  'veniam',
  'nostrud',
  'ullamco',
];
/** @param {number} i @param {number} n */
const phrase = (i, n) => Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');

/** @returns {BenchPage} */
function tiny() {
  return {
    key: 'tiny',
    name: 'tiny page (one sentence)',
    budget: 0.1,
    routes: [['/tiny.html', doc('<p>The museum opens at nine on weekdays.</p>', 'Opening hours')]],
  };
}

/**
 * A news-like page carrying 20 same-origin frames of the kinds ad and widget slots hold: 12 visible boxes of a few
 * words, 4 zero-size tracking frames and 4 hidden (display:none / visibility:hidden) ones.
 * @returns {BenchPage}
 */
function frames() {
  /** @type {Route[]} */
  const routes = [];
  const slots = [];
  const widget = [
    'Sponsored: weekend city breaks',
    'Sign up for our newsletter',
    'Weather: sunny, 21°',
    'Trending now: five quick pasta dinners',
    'Share this story',
    'Comments (12)',
  ];
  for (let i = 0; i < 20; i++) {
    const path = `/frames/slot-${i}.html`;
    const kind = i < 12 ? 'visible' : i < 16 ? 'zero' : 'hidden';
    const text =
      kind === 'zero' ? '' : `<p>${escape(/** @type {string} */ (widget[i % widget.length]))}</p><button>More</button>`;
    routes.push([path, doc(text, `slot ${i}`, '<style>body{margin:4px;font:13px sans-serif}</style>')]);
    const attrs =
      kind === 'visible'
        ? 'width="300" height="120"'
        : kind === 'zero'
          ? 'width="0" height="0" style="border:0;position:absolute"'
          : i % 2
            ? 'style="display:none"'
            : 'style="visibility:hidden" width="300" height="120"';
    slots.push(`<iframe src="${path}" ${attrs} title="slot ${i}"></iframe>`);
  }
  const story = Array.from({ length: 6 }, (_, i) => `<p>${phrase(i, 40)}.</p>`).join('');
  routes.unshift([
    '/frames/index.html',
    doc(
      `<header><h1>Morning edition</h1></header><main>${story}</main><aside>${slots.join('')}</aside>`,
      'Morning edition',
    ),
  ]);
  return { key: 'frames', name: '20 small same-origin frames (ads, widgets)', budget: 0.1, routes };
}

/** @param {string} markdown */
function articleBlocks(markdown) {
  return markdown
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter(Boolean)
    .map((b) => (b.startsWith('#') ? `<h2>${escape(b.replace(/^#+ /, ''))}</h2>` : `<p>${escape(b)}</p>`))
    .join('');
}

/** @returns {BenchPage} */
function textNodes() {
  let body = '';
  for (let i = 0; i < 20_000; i++)
    body += `<p>${phrase(i, 6)} <b>${phrase(i + 1, 2)}</b> ${phrase(i + 2, 5)} <i>${phrase(i + 3, 2)}</i> ${phrase(i + 4, 4)}.</p>`;
  return { key: 'nodes', name: '100k text nodes, no terms', routes: [['/nodes.html', doc(`<main>${body}</main>`)]] };
}

/** Appends forum posts to a live page in growing batches, settling after each; returns the measures per batch. */
export const FEED_BATCHES = [100, 100, 100, 400, 400, 1600];
/** @returns {BenchPage} */
function feed() {
  return {
    key: 'feed',
    name: 'infinite-scroll feed (2,700 posts appended)',
    routes: [['/feed.html', doc('<main id="feed"></main>', 'Feed')]],
    async drive(page, settle) {
      /** @type {FeedBatch[]} */
      const batches = [];
      for (const size of FEED_BATCHES) {
        const before = await page.evaluate((name) => performance.getEntriesByName(name).length, SCAN_MEASURE);
        await page.evaluate((n) => {
          const list = /** @type {HTMLElement} */ (document.getElementById('feed'));
          const frag = document.createDocumentFragment();
          for (let i = 0; i < n; i++) {
            const item = document.createElement('article');
            const h = item.appendChild(document.createElement('h3'));
            h.textContent = `Post ${list.childElementCount + i}`;
            const p = item.appendChild(document.createElement('p'));
            p.append(
              'Someone asks whether ',
              Object.assign(document.createElement('em'), { textContent: 'low ferritin' }),
              ' and restless legs are linked, and what dopamine does.',
            );
            frag.append(item);
          }
          list.append(frag);
        }, size);
        await settle();
        const measures = await page.evaluate(
          (from, name) =>
            /** @type {PerformanceMeasure[]} */ (performance.getEntriesByName(name))
              .slice(from)
              .map((m) => ({ duration: m.duration, ...m.detail })),
          before,
          SCAN_MEASURE,
        );
        batches.push({ appended: size, measures });
      }
      return batches;
    },
  };
}

/**
 * A page whose own script blocks the main thread for 100 ms: proves the trace parsing sees a page's cost.
 * @returns {BenchPage}
 */
export function busyPage() {
  const script = '<script>const t0 = performance.now(); while (performance.now() - t0 < 100) {}</script>';
  return {
    key: 'busy',
    name: 'tiny page + 100 ms busy script',
    routes: [['/busy.html', doc(`<p>The museum opens at nine on weekdays.</p>${script}`, 'Busy')]],
  };
}

/**
 * The generated pages, in table order. `only` (keys) narrows them; the article ×300 needs the article's text.
 * @param {string} articleMarkdown
 * @param {string[]} [only]
 * @returns {Promise<BenchPage[]>}
 */
export async function generatedPages(articleMarkdown, only) {
  const blocks = articleBlocks(articleMarkdown);
  /** @type {BenchPage} */
  const article = {
    key: 'article',
    name: 'the article ×300 (term-dense)',
    budget: 0.5,
    routes: [['/article300.html', doc(`<article>${blocks.repeat(300)}</article>`)]],
  };
  const all = [tiny(), frames(), article, textNodes(), feed()];
  return all.filter((p) => !only || only.includes(p.key));
}

/**
 * A page given on the command line: .html files are served as they are; .txt files (the corpus's health texts)
 * become a plain page of paragraphs, the first line (the source address) shown as a link, '#' lines as headings.
 * Given pages are real pages, held to the 10% main-thread budget.
 * @param {string} file
 * @param {number} index
 * @returns {Promise<BenchPage>}
 */
export async function filePage(file, index) {
  const name = basename(file);
  if (extname(file).toLowerCase() !== '.txt')
    return { key: `file${index}`, name, budget: 0.1, file, routes: [[`/given/${index}/${name}`, { file }]] };
  const [first, ...rest] = (await readFile(file, 'utf8')).split(/\r?\n/);
  const source = /** @type {string} */ (first).trim();
  const link = /^https?:\/\//.test(source)
    ? `<p class="source"><a href="${escape(source)}">${escape(source)}</a></p>`
    : `<p>${escape(source)}</p>`;
  const body = rest
    .join('\n')
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter(Boolean)
    .map((b) => {
      const heading = /^(#{1,6})\s+(.*)$/s.exec(b);
      return heading
        ? `<h${/** @type {string} */ (heading[1]).length}>${escape(/** @type {string} */ (heading[2]))}</h${/** @type {string} */ (heading[1]).length}>`
        : `<p>${escape(b).replace(/\n/g, ' ')}</p>`;
    })
    .join('\n');
  const title = /^#\s+(.*)$/m.exec(rest.join('\n'))?.[1] ?? name;
  return {
    key: `file${index}`,
    name,
    budget: 0.1,
    file,
    routes: [[`/given/${index}/${name.replace(/\.txt$/i, '.html')}`, doc(`${link}<main>${body}</main>`, title)]],
  };
}

/**
 * Puts a page's routes on the server; returns the top document's URL.
 * @param {Awaited<ReturnType<typeof import('../../tests/harness/serve.mjs').startServer>>} server
 * @param {Pick<BenchPage, 'routes'>} spec
 */
export function serve(server, spec) {
  let top = '';
  for (const [path, body] of spec.routes) {
    const url =
      typeof body === 'object' && body.file
        ? server.putFile(path, body.file)
        : server.put(path, /** @type {string} */ (body)); // a { file } route always names its file
    top ||= url;
  }
  return top;
}
