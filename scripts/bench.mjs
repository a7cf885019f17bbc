// `npm run bench [-- page.html ...]`: how fast RLS Lens reads a page, next to the cost of merely reading its text
// (the floor) and next to mark.js 8.11 given the same surface forms. One Chromium run; prints a table and writes
// bench-output/results.json. Figures, not pass/fail: speed goals are checked by reading them.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, resolve } from 'node:path';
import { execSync } from 'node:child_process';
import { runnerImport } from 'vite';
import { ensureBrowsers, CHROMIUM } from './browsers.mjs';
import { launch, ROOT } from './launch.mjs';
import { startServer } from './serve.mjs';

const require = createRequire(import.meta.url);
const MARK_TIMEOUT_MS = 180_000;
const RUNS = Number(process.env.RLS_BENCH_RUNS ?? 3);

ensureBrowsers([CHROMIUM]);
if (!process.env.RLS_BENCH_NO_BUILD) execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore' });

const { module: compile } = await runnerImport(`${ROOT}glossary/compile.ts`);
const { module: entries } = await runnerImport(`${ROOT}glossary/entries.ts`);
const glossary = compile.compileGlossary(await readFile(`${ROOT}glossary/article.md`, 'utf8'), entries.ENTRIES);
const forms = glossary.entries.flatMap((entry) => entry.forms);
const markJs = await readFile(require.resolve('mark.js/dist/mark.min.js'), 'utf8');

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const doc = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body>${body}</body></html>`;

async function generatedPages() {
  const article = await readFile(`${ROOT}glossary/article.md`, 'utf8');
  const blocks = article.split(/\n{2,}/).map((b) => (b.startsWith('#') ? `<h2>${escape(b.replace(/^#+ /, ''))}</h2>` : `<p>${escape(b)}</p>`)).join('');
  const words = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur', 'adipiscing', 'elit', 'sed', 'tempor', 'labore', 'magna', 'aliqua', 'veniam', 'nostrud', 'ullamco'];
  const phrase = (i, n) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
  let plain = '';
  for (let i = 0; i < 20_000; i++) plain += `<p>${phrase(i, 6)} <b>${phrase(i + 1, 2)}</b> ${phrase(i + 2, 5)} <i>${phrase(i + 3, 2)}</i> ${phrase(i + 4, 4)}.</p>`;
  return [
    { name: 'term-dense (article ×300)', html: doc(`<article>${blocks.repeat(300)}</article>`) },
    { name: '100k text nodes, no terms', html: doc(`<main>${plain}</main>`) },
  ];
}

/** Waits until the extension's scan measures stop growing, then returns them. */
async function settledMeasures(page) {
  let last = -1;
  let stableFor = 0;
  for (let waited = 0; waited < 60_000; waited += 100) {
    const count = await page.evaluate(() => performance.getEntriesByName('rls-lens:scan').length);
    stableFor = count === last && count > 0 ? stableFor + 100 : 0;
    if (stableFor >= 600) break;
    last = count;
    await new Promise((r) => setTimeout(r, 100));
  }
  return page.evaluate(() =>
    performance.getEntriesByName('rls-lens:scan').map((m) => ({ duration: m.duration, ...m.detail })),
  );
}

function summarize(measures) {
  return {
    scanMs: measures.reduce((s, m) => s + m.duration, 0),
    longestTaskMs: Math.max(0, ...measures.map((m) => m.duration)),
    slices: measures.length,
    nodes: measures.reduce((s, m) => s + m.nodes, 0),
    chars: measures.reduce((s, m) => s + m.chars, 0),
    matches: measures.reduce((s, m) => s + m.matches, 0),
  };
}

/**
 * The text-read floor: one TreeWalker pass reading every text node's data, run in a fresh isolated world as a
 * content script's is. The first pass pays for creating a JS wrapper per node, as the extension's first scan must
 * (an isolated world shares no wrappers with the page); the ratio uses it. The median of four more passes is the
 * warm figure.
 */
async function floorMs(page) {
  const cdp = await page.createCDPSession();
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: page.mainFrame()._id, worldName: 'rls-lens-bench-floor' });
  const pass = `(() => { const t0 = performance.now(); const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    let chars = 0; while (walker.nextNode()) chars += walker.currentNode.data.length; return [performance.now() - t0, chars]; })()`;
  const runs = [];
  for (let r = 0; r < 5; r++) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: pass, contextId: executionContextId, returnByValue: true });
    runs.push(result.value[0]);
  }
  await cdp.detach();
  const cold = runs[0];
  const warm = runs.slice(1).sort((a, b) => a - b)[2];
  return { cold, warm };
}

async function markJsRun(browser, url) {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await settledMeasures(page);
  await page.addScriptTag({ content: markJs });
  const result = await Promise.race([
    page.evaluate(
      (keywords) =>
        new Promise((resolve) => {
          const t0 = performance.now();
          // eslint-disable-next-line no-undef
          new Mark(document.body).mark(keywords, {
            accuracy: 'exactly',
            separateWordSearch: false,
            done: (count) => resolve({ ms: performance.now() - t0, matches: count }),
          });
        }),
      forms,
    ),
    new Promise((resolve) => setTimeout(() => resolve({ ms: Infinity, matches: NaN }), MARK_TIMEOUT_MS)),
  ]);
  await page.close().catch(() => {});
  return result;
}

async function infiniteScroll(browser, server) {
  const url = server.put('/infinite.html', doc('<main id="feed"></main>'));
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 500));
  const batches = [];
  for (const size of [100, 100, 100, 400, 400, 1600]) {
    const before = await page.evaluate(() => performance.getEntriesByName('rls-lens:scan').length);
    await page.evaluate((n) => {
      const feed = document.getElementById('feed');
      const frag = document.createDocumentFragment();
      for (let i = 0; i < n; i++) {
        const item = document.createElement('article');
        item.innerHTML = `<h3>Post ${feed.childElementCount + i}</h3><p>Someone asks whether <em>low ferritin</em> and restless legs are linked, and what dopamine does.</p>`;
        frag.append(item);
      }
      feed.append(frag);
    }, size);
    const all = await settledMeasures(page);
    const stats = summarize(all.slice(before));
    batches.push({ appended: size, ...stats });
  }
  await page.close();
  return batches;
}

const fmt = (ms) => (Number.isFinite(ms) ? (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)) : `>${MARK_TIMEOUT_MS / 1000}s`);
const ratio = (a, b) => (Number.isFinite(a) && b > 0 ? `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}×` : '—');

const server = await startServer();
// RLS_BENCH_FILES_ONLY=1 skips the generated pages and the infinite-scroll run (quicker iterations on one file).
const filesOnly = Boolean(process.env.RLS_BENCH_FILES_ONLY);
const pages = filesOnly ? [] : await generatedPages();
for (const file of process.argv.slice(2)) pages.push({ name: basename(file), file: resolve(file) });

const session = await launch('chromium');
const rows = [];
for (const [i, spec] of pages.entries()) {
  const url = spec.file ? server.putFile(`/p${i}.html`, spec.file) : server.put(`/p${i}.html`, spec.html);
  // Each page is loaded RUNS times; the run with the median scan time is reported (one machine, other work on it).
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    const page = await session.browser.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const ext = summarize(await settledMeasures(page));
    const floor = await floorMs(page);
    await page.close();
    runs.push({ ext, floor });
  }
  runs.sort((a, b) => a.ext.scanMs - b.ext.scanMs);
  const { ext, floor } = runs[Math.floor(runs.length / 2)];
  const mark = process.env.RLS_BENCH_NO_MARK ? { ms: NaN, matches: NaN } : await markJsRun(session.browser, url);
  const row = { page: spec.name, floorMs: floor.cold, warmFloorMs: floor.warm, ...ext, markMs: mark.ms, markMatches: mark.matches };
  rows.push(row);
  console.error(`measured ${spec.name}`);
}
const scroll = filesOnly ? [] : await infiniteScroll(session.browser, server);
await session.browser.close();
await server.close();

const table = [
  '| page | text-read floor (first pass / warm) | RLS Lens scan | scan ÷ floor | mark.js | mark.js ÷ scan | matches (RLS Lens / mark.js) | longest task |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.page} | ${fmt(r.floorMs)} / ${fmt(r.warmFloorMs)} ms | ${fmt(r.scanMs)} ms | ${ratio(r.scanMs, r.floorMs)} | ${fmt(r.markMs)}${Number.isFinite(r.markMs) ? ' ms' : ''} | ${ratio(r.markMs, r.scanMs)} | ${r.matches} / ${r.markMatches} | ${fmt(r.longestTaskMs)} ms |`),
];
const scrollTable = [
  '| appended articles | nodes scanned | scan | per 100 articles | longest task |',
  '| ---: | ---: | ---: | ---: | ---: |',
  ...scroll.map((b) => `| ${b.appended} | ${b.nodes} | ${fmt(b.scanMs)} ms | ${fmt((b.scanMs / b.appended) * 100)} ms | ${fmt(b.longestTaskMs)} ms |`),
];
const version = execSync(`${CHROMIUM} --version`).toString().trim();
console.log(`RLS Lens benchmark — ${version}, ${new Date().toISOString().slice(0, 10)}, ${forms.length} surface forms, median of ${RUNS} loads per page\n`);
console.log(table.join('\n'));
console.log('\nInfinite scroll (content appended to a live page):\n');
console.log(scrollTable.join('\n'));
await mkdir(`${ROOT}bench-output`, { recursive: true });
await writeFile(`${ROOT}bench-output/results.json`, JSON.stringify({ version, rows, scroll }, null, 2));
