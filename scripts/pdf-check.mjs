// `npm run pdf-check -- FILE… [--browser chromium|firefox]`: the PDF reader marks what the same text marks as a web
// page. Each .txt or .html file (e.g. the shared corpus's NIH texts about RLS, given by path: nothing is copied into
// the project) is served as a page and read by RLS Lens; Chromium prints that page to a PDF (page.pdf(), A4), which
// the RLS Lens reader opens from a file. The terms each marked are compared, text by text, and printed as a table.
// Exits 1 when a browser's reader missed or added a term the page did not, so it can be run as a check. It reads
// the test build (npm run build:probes): its scan measures tell when the page has been read.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { execSync } from 'node:child_process';
import { runnerImport } from 'vite';
import { ensureBrowsers } from '../tests/harness/browsers.mjs';
import { launch, openExtensionPage, ROOT } from '../tests/harness/launch.mjs';
import { startServer } from '../tests/harness/serve.mjs';
import { highlightTextsInPage, scanProgressInPage } from '../tests/harness/page-probes.mjs';
import { cli, COMMANDS, pdfCheckArgs } from '../tests/harness/cli-args.mjs';
import { filePage, serve } from './bench/pages.mjs';

/** How long a count must stay the same to call the page or the document read. */
const STABLE_MS = 2000;
const MAX_WAIT_MS = 90_000;

const { kinds, files } = cli(pdfCheckArgs, COMMANDS.pdfCheck);
ensureBrowsers();
if (!process.env.RLS_PDF_CHECK_NO_BUILD) {
  for (const kind of kinds)
    execSync(`npx wxt build --mode probes${kind === 'firefox' ? ' -b firefox' : ''}`, { cwd: ROOT, stdio: 'ignore' });
}
/** @type {{ module: typeof import('../core/page-names.ts') }} */
const { module: names } = await runnerImport(`${ROOT}core/page-names.ts`);

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until `probe` has given the same answer for STABLE_MS (and a non-empty one, if `nonEmpty`).
 * @param {() => Promise<string>} probe
 */
async function settle(probe) {
  const start = Date.now();
  let last = await probe();
  let since = Date.now();
  while (Date.now() - start < MAX_WAIT_MS) {
    await sleep(250);
    const now = await probe();
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= STABLE_MS) return;
  }
  throw new Error(`still changing after ${MAX_WAIT_MS} ms`);
}

/**
 * Marked texts, counted: lower case, runs of spaces, line breaks and hyphens as one space (the matcher treats them
 * alike, and a PDF's lines break where the page's did not).
 * @param {Record<string, string[]>} byHighlight
 */
function counted(byHighlight) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const [name, texts] of Object.entries(byHighlight)) {
    if (name === names.CURRENT_HIGHLIGHT) continue;
    for (const text of texts) {
      const key = text.toLowerCase().replace(/[\s\u00ad-]+/g, ' ');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * What one side marked that the other did not, as "text ×n".
 * @param {Map<string, number>} a
 * @param {Map<string, number>} b
 */
const missingFrom = (a, b) =>
  [...a]
    .map(([text, n]) => [text, n - (b.get(text) ?? 0)])
    .filter(([, n]) => Number(n) > 0)
    .map(([text, n]) => `${text} ×${n}`);

const total = (/** @type {Map<string, number>} */ counts) => [...counts.values()].reduce((a, b) => a + b, 0);

const server = await startServer();
const dir = await mkdtemp(join(tmpdir(), 'rls-pdf-check-'));
const printer = await launch('chromium', { extension: false });
/** @type {{ file: string, url: string, pdf: string }[]} */
const docs = [];
for (const [index, file] of files.entries()) {
  const url = serve(server, await filePage(file, index));
  const page = await printer.browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const pdf = join(dir, `${basename(file).replace(/\.\w+$/, '')}.pdf`);
  await writeFile(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  await page.close();
  docs.push({ file, url, pdf });
}
await printer.browser.close();

const rows = [];
let failed = false;
for (const kind of kinds) {
  const session = await launch(kind, { build: 'probes' });
  try {
    for (const doc of docs) {
      const page = await session.browser.newPage();
      await page.goto(doc.url, { waitUntil: 'load' });
      await settle(() => page.evaluate(scanProgressInPage, names.PAGE_PREFIX, names.SCAN_MEASURE, names.GATE_MEASURE));
      const onPage = counted(await page.evaluate(highlightTextsInPage, names.PAGE_PREFIX));
      await page.close();

      const reader = await openExtensionPage(session.browser, session.extensionUrl('reader.html'), 'input[type=file]');
      const started = Date.now();
      await (await reader.$('input[type=file]'))?.uploadFile(doc.pdf);
      await reader.waitForSelector('.reader-page', { timeout: 30_000 });
      await settle(async () => JSON.stringify(await reader.evaluate(highlightTextsInPage, names.PAGE_PREFIX)));
      const inPdf = counted(await reader.evaluate(highlightTextsInPage, names.PAGE_PREFIX));
      const pages = await reader.$$eval('.reader-page', (list) => list.length);
      await reader.close();

      const missed = missingFrom(onPage, inPdf);
      const added = missingFrom(inPdf, onPage);
      if (missed.length || added.length) failed = true;
      rows.push(
        `| ${basename(doc.file)} | ${kind} | ${pages} | ${total(onPage)} | ${total(inPdf)} | ${missed.join(', ') || '—'} | ${added.join(', ') || '—'} | ${((Date.now() - started) / 1000).toFixed(1)} s |`,
      );
    }
  } finally {
    await session.browser.close();
  }
}
await server.close();
await rm(dir, { recursive: true, force: true });

console.log(
  '| file | browser | PDF pages | terms on the page | terms in the PDF | missed in the PDF | only in the PDF | read in |',
);
console.log('| --- | --- | ---: | ---: | ---: | --- | --- | ---: |');
for (const row of rows) console.log(row);
process.exit(failed ? 1 : 0);
