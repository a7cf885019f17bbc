// `npm run bench [-- page.html|page.txt ...]`: what RLS Lens costs the pages it runs on, measured from the outside,
// next to the same page in a plain browser (issue #12), and how fast its own scan is next to the cost of merely
// reading a page's text (the floor) and next to mark.js 8.11. Prints Markdown tables and the budgets (met / not
// met, never asserted: a benchmark, not a test) and writes bench-output/results.json.
//
//   Chromium: a trace per load (trace.mjs: renderer main-thread time, longest task, paint), the load event,
//             the heap after GC (load.mjs), plain browser vs browser with the extension (cost.mjs).
//   Firefox:  the load event (Navigation Timing), plain vs with.
//   Pages:    generated (pages.mjs) plus any .html / .txt files given.
//
// Environment (quick iterations): RLS_BENCH_RUNS=n loads per page and mode (default 3); RLS_BENCH_BROWSERS=chromium
// (or firefox; default both); RLS_BENCH_PAGES=tiny,frames,article,nodes,feed,busy (generated pages to load; default
// all); RLS_BENCH_FILES_ONLY=1 (only the given files); RLS_BENCH_NO_MARK=1 (skip mark.js); RLS_BENCH_NO_BUILD=1;
// RLS_BENCH_TRACE_DIR=dir (keep every Chromium trace, for DevTools or ui.perfetto.dev).
// `--soak [--minutes 10] [--routes 500]`: the soak instead (scripts/bench/soak.mjs; RLS_BENCH_BROWSERS applies).
import { readFile, writeFile, mkdir, rm } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { execSync } from 'node:child_process';
import { runnerImport } from 'vite';
import { ensureBrowsers, CHROMIUM, FIREFOX } from '../../tests/harness/browsers.mjs';
import { extensionDir, launch, ROOT } from '../../tests/harness/launch.mjs';
import { startServer } from '../../tests/harness/serve.mjs';
import { busyPage, filePage, generatedPages, serve } from './pages.mjs';
import { chromiumCost, firefoxCost } from './cost.mjs';
import { chromiumCostLoad, firefoxLoad } from './load.mjs';
import { unexplainedLongestMs } from './trace.mjs';
import { markJsRun } from './markjs.mjs';
import { contentScriptSize } from './size.mjs';
import { writeFloorExtension } from './floor-extension.mjs';
import { optInRegistered, seedOptIn } from './opt-in.mjs';
import { BLOCK_CHROMIUM_ARGS, blockFirefoxPrefs } from '../../tests/harness/block-other-hosts.mjs';
import * as report from './report.mjs';
import { runSoak } from './soak.mjs';
import { benchArgs, cli, COMMANDS } from '../../tests/harness/cli-args.mjs';

const began = Date.now();
const date = new Date(began).toISOString().replace('T', ' ').slice(0, 16);
const RUNS = Number(process.env.RLS_BENCH_RUNS ?? 3);
const browsers = (process.env.RLS_BENCH_BROWSERS ?? 'chromium,firefox').split(',').map((b) => b.trim());
const filesOnly = Boolean(process.env.RLS_BENCH_FILES_ONLY);
const only = process.env.RLS_BENCH_PAGES?.split(',').map((k) => k.trim());
const noMark = Boolean(process.env.RLS_BENCH_NO_MARK);
const traceDir = process.env.RLS_BENCH_TRACE_DIR && resolve(process.env.RLS_BENCH_TRACE_DIR);
const log = (/** @type {string} */ message) =>
  console.error(`[bench ${((Date.now() - began) / 1000).toFixed(0)} s] ${message}`);

const unknown = browsers.filter((b) => b !== 'chromium' && b !== 'firefox');
if (unknown.length) {
  console.error(`bench: RLS_BENCH_BROWSERS takes chromium and/or firefox, not ${unknown.join(', ')}`);
  process.exit(2);
}
const { files, soak, minutes: soakMinutes, routes } = cli(benchArgs, COMMANDS.bench);
for (const file of files) {
  if (!existsSync(file) || !statSync(file).isFile()) {
    console.error(`bench: ${file} is not a file (give .html or .txt files: npm run bench -- page.html notes.txt)`);
    process.exit(2);
  }
}

ensureBrowsers(browsers.map((b) => (b === 'firefox' ? FIREFOX : CHROMIUM)));
if (traceDir) await mkdir(traceDir, { recursive: true });
if (!process.env.RLS_BENCH_NO_BUILD) {
  for (const b of browsers)
    execSync(`npx wxt build --mode probes${b === 'firefox' ? ' -b firefox' : ''}`, { cwd: ROOT, stdio: 'ignore' });
}

// The soak (issue 21): its own pages and table, and nothing else (scripts/bench/soak.mjs).
if (soak) {
  const { rows, table } = await runSoak({ browsers, minutes: soakMinutes, routes, log });
  console.log(`## Soak, ${date} UTC: ${soakMinutes} min of feed, then ${routes} routes\n\n${table}`);
  await mkdir(`${ROOT}bench-output`, { recursive: true });
  await writeFile(
    `${ROOT}bench-output/soak.json`,
    JSON.stringify({ date, minutes: soakMinutes, routes, rows }, null, 2),
  );
  log('done');
  process.exit(0);
}

// The surface forms mark.js is given: every form of every glossary entry, as the extension matches them.
/** @type {{ module: typeof import('../../glossary/compile.ts') }} */
const { module: compile } = await runnerImport(`${ROOT}glossary/compile.ts`);
/** @type {{ module: typeof import('../../glossary/entries.ts') }} */
const { module: entries } = await runnerImport(`${ROOT}glossary/entries.ts`);
const articleMarkdown = await readFile(`${ROOT}glossary/article.md`, 'utf8');
const forms = compile.compileGlossary(articleMarkdown, entries.ENTRIES).entries.flatMap((entry) => entry.forms);

const pages = filesOnly ? [] : await generatedPages(articleMarkdown, only);
for (const [i, file] of files.entries()) pages.push(await filePage(resolve(file), i));
if (pages.length === 0) {
  console.error(
    'bench: no pages to load (RLS_BENCH_FILES_ONLY=1 needs files; RLS_BENCH_PAGES takes tiny,frames,article,nodes,feed,busy)',
  );
  process.exit(2);
}
// The trace check needs the tiny page as its reference.
const withCheck = !filesOnly && (!only || only.includes('busy')) && pages.some((p) => p.key === 'tiny');
const server = await startServer();
const urls = new Map(pages.map((p) => [p.key, serve(server, p)]));
/** A served page's URL (every page, and the busy page, was served above). @param {string} key */
const urlOf = (key) => /** @type {string} */ (urls.get(key));
const busy = withCheck ? busyPage() : null;
if (busy) urls.set('busy', serve(server, busy));
const warmUrl = server.put('/warm-up.html', '<!doctype html><p>Warm-up.</p>');

/** @type {string[]} The generated empty-script extensions, removed at the end. */
const floorDirs = [];
const floorExtension = async (/** @type {import('../../tests/harness/launch.mjs').BrowserKind} */ kind) => {
  const dir = await writeFloorExtension(kind);
  floorDirs.push(dir);
  return dir;
};
const versions = {};
/** Content scripts the opt-in browsers had registered after their loads (report.floorBudgets). */
const registered = { chromium: 0, firefox: 0 };
/** @type {Awaited<ReturnType<typeof chromiumCost>>[]} */
const chromium = [];
/** @type {import('./report.mjs').Marks} */
const marks = {};
let check = null;
if (browsers.includes('chromium')) {
  /** @param {boolean} extension @param {string} [extensionPath] */
  const start = (extension, extensionPath) =>
    launch('chromium', { extension, extensionPath, build: 'probes', args: BLOCK_CHROMIUM_ARGS });
  const sessions = {
    plain: await start(false),
    floor: await start(true, await floorExtension('chromium')),
    ext: await start(true),
    optIn: await start(true),
  };
  await seedOptIn(sessions.optIn);
  versions.chromium = await sessions.plain.browser.version();
  // One unmeasured load per browser first: the extension's service worker and the disk caches start here, not in the first measured load.
  for (const s of Object.values(sessions)) await chromiumCostLoad(s, {}, warmUrl);
  for (const spec of [...pages, ...(busy ? [busy] : [])]) {
    const row = await chromiumCost(sessions, spec, urlOf(spec.key), RUNS, traceDir);
    chromium.push(row);
    log(
      `chromium ${spec.name}: main thread ${row.mainMs.plain.toFixed(0)} / ${row.mainMs.floor.toFixed(0)} / ${row.mainMs.with.toFixed(0)} / ${row.mainMs.optIn.toFixed(0)} ms (plain / empty script / RLS Lens / opt-in, site not on)`,
    );
  }
  if (busy) {
    // The least disturbed load of each page (noise on a shared machine only ever adds time).
    const b = /** @type {(typeof chromium)[number]} */ (chromium.find((r) => r.key === 'busy')).loads.plain;
    const t = /** @type {(typeof chromium)[number]} */ (chromium.find((r) => r.key === 'tiny')).loads.plain;
    /** @template T @param {T[]} loads @param {(load: T) => number} f */
    const least = (loads, f) => Math.min(...loads.map(f));
    check = report.traceCheck({
      page: busy.name,
      busyMs: least(b, (l) => l.mainMs),
      tinyMs: least(t, (l) => l.mainMs),
      longestMs: least(b, (l) => l.longestMs),
      unexplainedMs: least(b, (l) =>
        unexplainedLongestMs(
          l.longestTasks,
          t.map((p) => p.longestTasks),
        ),
      ),
    });
  }
  if (!noMark) {
    for (const spec of pages.filter((p) => !p.drive)) {
      const mark = await markJsRun(sessions.plain, urlOf(spec.key), forms);
      marks[spec.key] = mark;
      log(`mark.js ${spec.name}: ${mark.ms.toFixed(0)} ms`);
    }
  }
  registered.chromium = await optInRegistered(sessions.optIn);
  for (const s of Object.values(sessions)) await s.browser.close();
}

const firefox = [];
if (browsers.includes('firefox')) {
  const prefs = await blockFirefoxPrefs();
  /** @param {boolean} extension @param {string} [extensionPath] */
  const start = (extension, extensionPath) => launch('firefox', { extension, extensionPath, build: 'probes', prefs });
  const sessions = {
    plain: await start(false),
    floor: await start(true, await floorExtension('firefox')),
    ext: await start(true),
    optIn: await start(true),
  };
  await seedOptIn(sessions.optIn);
  versions.firefox = await sessions.plain.browser.version();
  for (const s of Object.values(sessions)) await firefoxLoad(s, warmUrl);
  // The feed's load event is that of an empty page; what it pays is in appending, measured in Chromium's trace.
  for (const spec of pages.filter((p) => !p.drive)) {
    const row = await firefoxCost(sessions, spec, urlOf(spec.key), RUNS);
    firefox.push(row);
    log(
      `firefox ${spec.name}: load ${row.loadMs.plain.toFixed(0)} / ${row.loadMs.floor.toFixed(0)} / ${row.loadMs.with.toFixed(0)} / ${row.loadMs.optIn.toFixed(0)} ms (plain / empty script / RLS Lens / opt-in, site not on)`,
    );
  }
  registered.firefox = await optInRegistered(sessions.optIn);
  for (const s of Object.values(sessions)) await s.browser.close();
}
await server.close();
for (const dir of floorDirs) await rm(dir, { recursive: true, force: true });

const seenUrls = chromium.flatMap((r) => r.extension.urls);
const size = browsers.includes('chromium')
  ? await contentScriptSize(extensionDir('chromium', 'probes'), seenUrls)
  : null;
const sizeFirefox = browsers.includes('firefox') ? await contentScriptSize(extensionDir('firefox', 'probes')) : null;
const budgetList = report.budgets({
  chromium: chromium.filter((r) => r.key !== 'busy'),
  firefox,
  marks,
  size: size ?? sizeFirefox,
  markSkipped: noMark || !browsers.includes('chromium'),
});
const measured = chromium.filter((r) => r.key !== 'busy');
const floorBudgetList = report.floorBudgets({ chromium: measured, firefox, registered });
const feed = chromium.find((r) => r.key === 'feed');

const out = [
  `# RLS Lens benchmark — ${date} UTC`,
  '',
  `${[versions.chromium && `Chromium ${versions.chromium.replace(/^[^/]*\//, '')}`, versions.firefox && `Firefox ESR ${versions.firefox.replace(/^[^/]*\//, '')}`].filter(Boolean).join(', ')} (headless) · ${forms.length} surface forms · median of ${RUNS} load${RUNS > 1 ? 's' : ''} per page and mode, each in a fresh tab`,
];
if (chromium.length) {
  out.push(
    '',
    '## Chromium: what each page pays (renderer main thread, from traces; plain browser / empty content script / RLS Lens)',
    '',
    'Over the floor: RLS Lens minus the empty content script (the isolated world every extension that reads pages pays).',
    '',
    report.chromiumTable(measured),
  );
  if (check) out.push('', check.line);
  const notRunning = measured.filter((r) => !r.extension.evaluations).map((r) => r.page);
  if (notRunning.length)
    out.push(
      '',
      `**Warning**: RLS Lens's content script was not seen running on ${notRunning.join(', ')}: the "with" figures there are not the extension's.`,
    );
  out.push(
    '',
    'Where the added time goes — tasks that ran RLS Lens code (loads with the extension):',
    '',
    report.attributionTable(measured),
  );
}
if (firefox.length)
  out.push(
    '',
    '## Firefox: load event (Navigation Timing), plain / empty content script / RLS Lens',
    '',
    report.firefoxTable(firefox),
  );
if (measured.length || firefox.length)
  out.push(
    '',
    '## Opt-in mode, a site not switched on (RLS Lens with no site listed) beside the plain browser',
    '',
    report.optInTable(measured, firefox),
    '',
    `Content scripts registered in the opt-in browsers after their loads: ${[measured.length && `Chromium ${registered.chromium}`, firefox.length && `Firefox ${registered.firefox}`].filter(Boolean).join(', ')}.`,
  );
if (chromium.length) {
  out.push(
    '',
    '## RLS Lens scan next to the text-read floor and mark.js 8.11 (Chromium)',
    '',
    report.scanTable(measured, marks),
  );
  if (feed?.batches)
    out.push('', 'Infinite scroll (content appended to a live page):', '', report.scrollTable(feed.batches));
}
if (size || sizeFirefox)
  out.push(
    '',
    '## Content script for a frame',
    '',
    [
      size && `Chromium: ${report.sizeLine(size)}`,
      sizeFirefox && `Firefox: ${report.sizeLine(sizeFirefox)} (Start-up chunks are found in Chromium traces only.)`,
    ]
      .filter(Boolean)
      .join('\n\n'),
  );
out.push('', '## Budgets (issue #12; printed, not asserted)', '', report.budgetLines(budgetList));
out.push('', '## Budgets over the floor (issue #22; printed, not asserted)', '', report.budgetLines(floorBudgetList));
const minutes = (Date.now() - began) / 60_000;
out.push('', `Run time ${minutes.toFixed(1)} min (started ${date} UTC).`);
console.log(out.join('\n'));

await mkdir(`${ROOT}bench-output`, { recursive: true });
const results = {
  date: new Date().toISOString(),
  versions,
  runs: RUNS,
  forms: forms.length,
  files,
  chromium,
  traceCheck: check,
  firefox,
  marks,
  contentScript: { chromium: size, firefox: sizeFirefox },
  budgets: budgetList,
  floorBudgets: floorBudgetList,
  runMinutes: minutes,
};
await writeFile(
  `${ROOT}bench-output/results.json`,
  `${JSON.stringify(results, (k, v) => (v === Infinity ? 'Infinity' : v), 2)}\n`,
);
log('wrote bench-output/results.json');
