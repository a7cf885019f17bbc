// `npm run sweep -- DIR [DIR…] [--browser chromium|firefox] [--timeout 30000] [--out file.json]`: proves RLS Lens
// does not break real pages. Every .html in each DIR is loaded from a loopback server in Chromium and Firefox,
// without and with the extension, and the two loads are compared. Prints a table and totals, writes
// sweep-output/results.json, exits 1 when the extension broke a page (added an error, changed the DOM, or hung).
//
// Method (CONTRIBUTING.md "Robustness sweep"):
// - Other hosts never answer: Chromium resolves every name but 127.0.0.1 to NOTFOUND, Firefox sends every request
//   not for 127.0.0.1 to a proxy on a closed local port. Both fail at once, the same way with and without us.
//   (Puppeteer's request interception over WebDriver BiDi left Firefox loads hanging, so it is not used.)
// - Math.random is replaced by a seeded generator before any page script runs, so pages that randomise ids or
//   content serialise the same on every load. Each load waits for `load`, then at least SETTLE_MS, then until the
//   extension's scan measures and highlights stop changing; plain and extension loads wait the same way.
// - The DOM (XMLSerializer of the whole document) and the set of errors (pageerror events and console errors) of
//   the extension load are compared with a plain load. Only when they differ is the page loaded plain a second time:
//   if the second plain load matches the extension load, or the two plain loads differ from each other, the page
//   is nondeterministic by itself and is reported apart instead of blaming the extension. Errors count as added
//   only when neither plain load showed them.
import { mkdir, readdir, writeFile, readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { execSync } from 'node:child_process';
import { runnerImport } from 'vite';
import { ensureBrowsers } from '../tests/harness/browsers.mjs';
import { launch, ROOT } from '../tests/harness/launch.mjs';
import { startServer } from '../tests/harness/serve.mjs';
import { BLOCK_CHROMIUM_ARGS, blockFirefoxPrefs } from '../tests/harness/block-other-hosts.mjs';
import { highlightTextsInPage, scanProgressInPage } from '../tests/harness/page-probes.mjs';
import { cli, COMMANDS, sweepArgs } from '../tests/harness/cli-args.mjs';

const SETTLE_MS = 1000;
const STABLE_MS = 500;
const MAX_SETTLE_MS = 20_000;

/** @typedef {import('../tests/harness/launch.mjs').BrowserKind} BrowserKind */
/**
 * A browser started by launch.mjs; `stale` once a tab of it would not close (it is started again before the next load).
 * @typedef {Awaited<ReturnType<typeof launch>> & { stale?: boolean }} SweepSession
 */
/** A scan measure and its detail (nodes, chars, matches). @typedef {import('./bench/load.mjs').Measure} Measure */
/**
 * A settled page: its DOM, the extension's scan measures, its address and the texts highlighted.
 * @typedef {{ dom: string, measures: Measure[], url: string, highlights?: string[] }} Snapshot
 */
/**
 * One page in one browser, with the extension compared with without.
 * @typedef {{ browser: BrowserKind, page: string, errorsAdded: string[], domDiffers: boolean,
 *   nondeterministic: boolean, hung: string | null, hungWithoutExtension: string | null, highlights: number,
 *   entries: string[], texts: string[], longestTaskMs: number, scanMs: number, nodes: number,
 *   loadMs: { plain: number, extension: number }, broken?: boolean }} SweepRow
 */
/**
 * One browser's totals over the pages.
 * @typedef {{ pages: number, broken: number, errorsAdded: number, domDifferences: number, hangs: number,
 *   nondeterministic: number, hangsWithoutExtension: number, pagesWithHighlights: number, highlights: number,
 *   longestTaskMs: number, scanMs: number }} SweepTotals
 */

const { kinds, timeoutMs, out, dirs } = cli(sweepArgs, COMMANDS.sweep);
const outFile = resolve(out ?? `${ROOT}sweep-output/results.json`);
ensureBrowsers();
// Built fresh, like the benchmark, so the sweep judges the code in the tree (RLS_SWEEP_NO_BUILD=1 skips it).
if (!process.env.RLS_SWEEP_NO_BUILD) {
  for (const kind of kinds)
    execSync(`npx wxt build --mode probes${kind === 'firefox' ? ' -b firefox' : ''}`, { cwd: ROOT, stdio: 'ignore' });
}

// The glossary's own matcher names the entry behind each highlighted text.
/** @type {{ module: typeof import('../glossary/compile.ts') }} */
const { module: compile } = await runnerImport(`${ROOT}glossary/compile.ts`);
/** @type {{ module: typeof import('../glossary/entries.ts') }} */
const { module: entries } = await runnerImport(`${ROOT}glossary/entries.ts`);
/** @type {{ module: typeof import('../core/matcher-compile.ts') }} */
const { module: match } = await runnerImport(`${ROOT}core/matcher-compile.ts`);
/** @type {{ module: typeof import('../core/page-names.ts') }} */
const { module: names } = await runnerImport(`${ROOT}core/page-names.ts`);
const glossary = compile.compileGlossary(await readFile(`${ROOT}glossary/article.md`, 'utf8'), entries.ENTRIES);
const matcher = match.compileMatcher(glossary.entries.flatMap((e, entry) => e.forms.map((text) => ({ text, entry }))));
/** @param {string} text */
const entryOf = (text) => {
  const hit = matcher.find(text).find((m) => m.start === 0 && m.end === text.length);
  return hit ? /** @type {(typeof glossary.entries)[number]} */ (glossary.entries[hit.entry]).id : `?${text}`;
};

const server = await startServer();
const pages = [];
for (const dir of dirs) {
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.html')).sort()) {
    pages.push({ name, url: server.putFile(`/${basename(dir)}/${name}`, resolve(dir, name)) });
  }
}

const BLOCK_FIREFOX = await blockFirefoxPrefs();

/**
 * @param {BrowserKind} kind
 * @param {boolean} extension
 * @returns {Promise<SweepSession>}
 */
function start(kind, extension) {
  return launch(kind, {
    extension,
    build: 'probes',
    args: kind === 'chromium' ? BLOCK_CHROMIUM_ARGS : [],
    prefs: BLOCK_FIREFOX,
  });
}

class Timeout extends Error {}
/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
function within(promise, ms, what) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  return Promise.race([
    promise,
    /** @type {Promise<never>} */ (
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Timeout(`${what}: no answer in ${ms} ms`)), ms)))
    ),
  ]).finally(() => clearTimeout(timer));
}
/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Runs in the page before its own scripts: a seeded Math.random (mulberry32), the same sequence on every load.
const FREEZE_RANDOM = `(() => { let a = 0x5eed; Math.random = function random() {
  a = (a + 0x6d2b79f5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; })()`;

/**
 * What the page looks like once settled: DOM and scan measures (our highlights: page-probes.mjs).
 * @param {string} measure
 * @returns {Snapshot}
 */
function snapshot(measure) {
  const measures = /** @type {PerformanceMeasure[]} */ (performance.getEntriesByName(measure)).map((m) => ({
    duration: m.duration,
    ...m.detail,
  }));
  return { dom: new XMLSerializer().serializeToString(document), measures, url: location.href };
}

/**
 * One load of one page in a fresh tab. Returns the snapshot, the errors seen, and whether it hung.
 * @param {SweepSession} session
 * @param {string} url
 */
async function load(session, url) {
  const page = await within(session.browser.newPage(), timeoutMs, 'newPage');
  /** @type {Set<string>} */
  const errors = new Set();
  // Usually an Error; whatever the page threw otherwise.
  page.on('pageerror', (e) => errors.add(`pageerror: ${/** @type {Partial<Error> | undefined} */ (e)?.message ?? e}`));
  page.on('console', (m) => m.type() === 'error' && errors.add(`console: ${m.text()}`));
  const began = Date.now();
  /** @type {string | null} */
  let hung = null;
  /** @type {Snapshot | null} */
  let snap = null;
  try {
    await page.evaluateOnNewDocument(FREEZE_RANDOM);
    try {
      await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    } catch (/** @type {any} */ error) {
      // Firefox can report a navigation as failed when a blocked subresource fails ("Address rejected") although
      // the document loaded: only a page that never completes counts as hung.
      if (error?.name === 'TimeoutError') throw new Timeout(`load: ${error.message}`);
      await page.waitForFunction(() => document.readyState === 'complete', {
        timeout: Math.max(1000, timeoutMs - (Date.now() - began)),
      });
    }
    await sleep(SETTLE_MS);
    let last = '';
    let stableSince = Date.now();
    for (const until = Date.now() + MAX_SETTLE_MS; Date.now() < until;) {
      const now = await within(
        page.evaluate(scanProgressInPage, names.PAGE_PREFIX, names.SCAN_MEASURE, names.GATE_MEASURE),
        timeoutMs,
        'evaluate',
      );
      if (now !== last) [last, stableSince] = [now, Date.now()];
      else if (Date.now() - stableSince >= STABLE_MS) break;
      await sleep(100);
    }
    snap = await within(page.evaluate(snapshot, names.SCAN_MEASURE), timeoutMs, 'snapshot');
    snap.highlights = Object.values(
      await within(page.evaluate(highlightTextsInPage, names.PAGE_PREFIX), timeoutMs, 'highlights'),
    ).flat();
  } catch (/** @type {any} */ error) {
    hung = error instanceof Timeout || error?.name === 'TimeoutError' ? String(error.message) : null;
    if (!hung) errors.add(`sweep: ${error?.message ?? error}`);
  }
  await within(page.close(), 10_000, 'close').catch(() => (session.stale = true));
  return { snap, errors, hung, ms: Date.now() - began };
}

/** @param {Measure[]} [measures] */
const summarizeMeasures = (measures = []) => ({
  longestTaskMs: Math.max(0, ...measures.map((m) => m.duration)),
  scanMs: measures.reduce((s, m) => s + m.duration, 0),
  nodes: measures.reduce((s, m) => s + (m.nodes ?? 0), 0),
});

/** @type {SweepRow[]} */
const results = [];
for (const kind of kinds) {
  const sessions = { plain: await start(kind, false), ext: await start(kind, true) };
  /** @param {keyof typeof sessions} which @param {string} url */
  const run = async (which, url) => {
    if (sessions[which].stale) {
      await sessions[which].browser.close().catch(() => {});
      sessions[which] = await start(kind, which === 'ext');
    }
    return load(sessions[which], url);
  };
  for (const { name, url } of pages) {
    const plain = await run('plain', url);
    const ext = await run('ext', url);
    const plainErrors = new Set(plain.errors);
    let added = [...ext.errors].filter((e) => !plainErrors.has(e));
    let domDiffers = Boolean(plain.snap && ext.snap && plain.snap.dom !== ext.snap.dom);
    let nondeterministic = false;
    if (added.length || domDiffers || (ext.hung && !plain.hung)) {
      const again = await run('plain', url);
      for (const e of again.errors) plainErrors.add(e);
      added = added.filter((e) => !plainErrors.has(e));
      if (domDiffers && again.snap) {
        // domDiffers: both first loads were snapshotted.
        if (again.snap.dom === /** @type {Snapshot} */ (ext.snap).dom) domDiffers = false;
        else if (again.snap.dom !== /** @type {Snapshot} */ (plain.snap).dom)
          [nondeterministic, domDiffers] = [true, false];
      }
      if (ext.hung && again.hung) plain.hung = again.hung;
    }
    const hangAdded = Boolean(ext.hung && !plain.hung);
    const texts = ext.snap?.highlights ?? [];
    /** @type {SweepRow} */
    const row = {
      browser: kind,
      page: name,
      errorsAdded: added,
      domDiffers,
      nondeterministic,
      hung: hangAdded ? ext.hung : null,
      hungWithoutExtension: plain.hung,
      highlights: texts.length,
      entries: [...new Set(texts.map(entryOf))].sort(),
      texts: [...new Set(texts)].slice(0, 20),
      ...summarizeMeasures(ext.snap?.measures),
      loadMs: { plain: plain.ms, extension: ext.ms },
    };
    row.broken = row.errorsAdded.length > 0 || row.domDiffers || hangAdded;
    results.push(row);
    const flags = [
      row.broken ? 'BROKEN' : 'ok',
      added.length ? `+${added.length} errors` : '',
      domDiffers ? 'DOM differs' : '',
      nondeterministic ? 'nondeterministic' : '',
      hangAdded ? 'hung' : '',
      plain.hung ? 'hangs without us' : '',
    ].filter(Boolean);
    console.log(
      `${kind.padEnd(8)} ${name.slice(0, 44).padEnd(44)} ${String(row.highlights).padStart(4)} hl ` +
        `${row.longestTaskMs.toFixed(1).padStart(6)} ms max ${row.scanMs.toFixed(0).padStart(5)} ms scan  ${flags.join(', ')}` +
        (row.entries.length ? `  [${row.entries.join(' ')}]` : ''),
    );
    for (const e of added) console.log(`         added error: ${e.slice(0, 200)}`);
  }
  await sessions.plain.browser.close().catch(() => {});
  await sessions.ext.browser.close().catch(() => {});
}
await server.close();

/** @type {Partial<Record<BrowserKind, SweepTotals>>} */
const totals = {};
for (const kind of kinds) {
  const rows = results.filter((r) => r.browser === kind);
  totals[kind] = {
    pages: rows.length,
    broken: rows.filter((r) => r.broken).length,
    errorsAdded: rows.reduce((s, r) => s + r.errorsAdded.length, 0),
    domDifferences: rows.filter((r) => r.domDiffers).length,
    hangs: rows.filter((r) => r.hung).length,
    nondeterministic: rows.filter((r) => r.nondeterministic).length,
    hangsWithoutExtension: rows.filter((r) => r.hungWithoutExtension).length,
    pagesWithHighlights: rows.filter((r) => r.highlights > 0).length,
    highlights: rows.reduce((s, r) => s + r.highlights, 0),
    longestTaskMs: Math.max(0, ...rows.map((r) => r.longestTaskMs)),
    scanMs: rows.reduce((s, r) => s + r.scanMs, 0),
  };
}
console.log('\nbrowser   pages broken errors+ dom-diff hangs nondet. hl-pages  highlights longest-task total-scan');
for (const [kind, t] of Object.entries(totals)) {
  console.log(
    `${kind.padEnd(9)} ${String(t.pages).padStart(5)} ${String(t.broken).padStart(6)} ${String(t.errorsAdded).padStart(7)} ` +
      `${String(t.domDifferences).padStart(8)} ${String(t.hangs).padStart(5)} ${String(t.nondeterministic).padStart(7)} ` +
      `${String(t.pagesWithHighlights).padStart(8)} ${String(t.highlights).padStart(11)} ${t.longestTaskMs.toFixed(1).padStart(9)} ms ` +
      `${(t.scanMs / 1000).toFixed(2).padStart(8)} s`,
  );
}
await mkdir(resolve(outFile, '..'), { recursive: true });
await writeFile(
  outFile,
  `${JSON.stringify({ date: new Date().toISOString(), dirs, timeoutMs, totals, pages: results }, null, 2)}\n`,
);
console.log(`\nwrote ${outFile}`);
process.exit(results.some((r) => r.broken) ? 1 : 0);
