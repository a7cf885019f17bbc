// `npm run store-assets`: the store screenshots and promo tile, made from the real extension. Builds the Chrome
// package, opens Chromium with it (tests/harness/launch.mjs), and writes to docs/store/:
//   screenshot-1-tooltip.png   1280×800  a page with its terms highlighted and a tooltip open
//   screenshot-2-popup.png     1280×800  the toolbar popup for that page, drawn over it
//   screenshot-3-overview.png  1280×800  the overview page at an entry
//   promo-tile-440x280.png     440×280   Chrome Web Store's small promo tile, with the real tooltip in it
// Chrome Web Store wants exactly these sizes as 24-bit PNG without alpha; AMO takes them as they are.
//
// The UI changes while this is written, so nothing here depends on a layout: terms are found through
// CSS.highlights (under core/page-names.ts's names), the tooltip by role="tooltip" in a shadow root (the test build's
// open one: the release build's card is behind a closed shadow root, and looks the same; docs/privacy.md), the popup's tab by the active tab, and each
// picture waits for what a person would wait for. A step that cannot find its target fails with a message
// saying which, rather than writing a picture of the wrong thing.
//
//   node scripts/release/store-assets.mjs [--no-build] [--theme light|dark] [--out docs/store]
import { execFileSync } from 'node:child_process';
import { runnerImport } from 'vite';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ensureBrowsers, CHROMIUM } from '../../tests/harness/browsers.mjs';
import { launch, openExtensionPage, ROOT } from '../../tests/harness/launch.mjs';
import { startServer } from '../../tests/harness/serve.mjs';
import { storePage } from './store-page.mjs';
import { cli, COMMANDS, storeAssetsArgs } from '../../tests/harness/cli-args.mjs';

const args = cli(storeAssetsArgs, COMMANDS.storeAssets);
const { theme } = args;
const outDir = resolve(ROOT, args.out);
const SCREEN = { width: 1280, height: 800 };
const TILE = { width: 440, height: 280 };
/** Terms worth showing first, in this order; any highlighted term will do when none of these is on the page. */
const PREFERRED = ['ferritin', 'dopamine', 'iron stores', 'restless legs syndrome', 'neurotransmitter'];
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

ensureBrowsers([CHROMIUM]);
if (args.build) execFileSync('npx', ['wxt', 'build', '--mode', 'probes'], { cwd: ROOT, stdio: 'inherit' });
/** @type {{ module: typeof import('../../core/page-names.ts') }} */
const { module: names } = await runnerImport(`${ROOT}core/page-names.ts`);

// The sample page is served on loopback under a made-up site name, so the popup names a site as a reader's would.
const HOST = 'www.slowmornings.example';
const server = await startServer();
server.put('/evenings-with-restless-legs.html', storePage());
const pageUrl = server.url('/evenings-with-restless-legs.html', HOST);
const session = await launch('chromium', { build: 'probes', args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`] });
const { browser } = session;
// Pictures are composed (popup over page, promo tile) in a browser without the extension, which would otherwise
// highlight the tile's own words.
const plainBrowser = (await launch('chromium', { extension: false })).browser;
const written = [];

try {
  await mkdir(outDir, { recursive: true });
  // An extension page first: it asks which tab is active (no `tabs` permission needed for the id).
  const helper = await openExtensionPage(browser, session.extensionUrl('overview.html'), 'body');

  // 1. The page, highlighted, with a tooltip open.
  const page = await browser.newPage();
  await page.setViewport({ ...SCREEN, deviceScaleFactor: 1 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.bringToFront();
  await waitUntil('highlighted terms on the page', () =>
    page.evaluate((prefix) => [...CSS.highlights.keys()].some((n) => n.startsWith(prefix)), names.PAGE_PREFIX),
  );
  await sleep(600); // the scan finishes its last slices
  const plain = await page.screenshot({ type: 'png' });

  let term = await page.evaluate(findTerm, PREFERRED, names.PAGE_PREFIX, names.CURRENT_HIGHLIGHT);
  if (!term) throw new Error('no highlighted term to hover');
  const hoverTerm = async () => {
    const at = /** @type {NonNullable<typeof term>} */ (term);
    await page.mouse.move(at.x - 60, at.y + 80);
    await page.mouse.move(at.x, at.y, { steps: 6 });
    await waitUntil(`a tooltip for "${at.text}"`, () => page.evaluate(findTooltip), 8_000);
    // Then until it stops moving: it is placed, and may animate in, after it appears.
    /** @type {Awaited<ReturnType<typeof findTooltip>>} */
    let last = null;
    return waitUntil('the tooltip to settle', async () => {
      const now = await page.evaluate(findTooltip);
      const settled = now && last && JSON.stringify(now) === JSON.stringify(last);
      last = now;
      await sleep(150);
      return settled ? now : null;
    });
  };
  let tip = await hoverTerm();
  // When the tooltip runs past the bottom of the window, scroll just enough for all of it and hover again.
  const overflow = Math.ceil(tip.y + tip.fullHeight + 16 - SCREEN.height);
  if (overflow > 0) {
    await page.mouse.move(5, SCREEN.height - 5);
    await waitUntil('the tooltip to close', () => page.evaluate(findTooltip).then((t) => t === null), 5_000).catch(
      () => undefined,
    );
    await page.evaluate((dy) => window.scrollBy(0, dy), overflow);
    await sleep(300);
    term = await page.evaluate(findTerm, PREFERRED, names.PAGE_PREFIX, names.CURRENT_HIGHLIGHT);
    tip = await hoverTerm();
  }
  const tooltipPage = await page.screenshot({ type: 'png' });
  written.push(await save('screenshot-1-tooltip.png', tooltipPage, SCREEN));

  // 2. The popup for that tab, over the page as the toolbar shows it.
  await page.mouse.move(5, SCREEN.height - 5);
  await page.bringToFront();
  const tabId = await waitUntil("the id of the page's tab", () =>
    helper.evaluate(async () => {
      // The extension API of the page this runs in: untyped here, as the tooling has no types for it.
      const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
      const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? null;
    }),
  );
  const popup = await openExtensionPage(browser, session.extensionUrl(`popup.html?tab=${tabId}`), 'main');
  await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
  await popup.setViewport({ width: 380, height: 600, deviceScaleFactor: 1 });
  await popup.bringToFront();
  // Ready when it names the page's site and lists what it found there (whatever the markup looks like by then).
  await waitUntil("the popup showing the page's site and its terms", () =>
    popup.evaluate((host) => {
      const text = document.body.innerText;
      return text.includes(host) && document.querySelectorAll('main [data-entry]').length > 0;
    }, HOST),
  );
  await sleep(400);
  // A browser sizes a popup to its content, up to 800×600.
  const popupSize = await popup.evaluate(() => ({
    width: Math.min(800, document.documentElement.scrollWidth),
    height: Math.min(600, document.documentElement.scrollHeight),
  }));
  await popup.setViewport({ ...popupSize, deviceScaleFactor: 1 });
  await sleep(200);
  const popupShot = await popup.screenshot({ type: 'png' });
  await popup.close();
  written.push(
    await save('screenshot-2-popup.png', await compose(popupOverPage(plain, popupShot, popupSize), SCREEN), SCREEN),
  );

  // 3. The overview page at an entry.
  const overview = await openExtensionPage(browser, session.extensionUrl('overview.html#entry=ferritin'), 'main');
  await overview.setViewport({ ...SCREEN, deviceScaleFactor: 1 });
  await overview.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
  await overview.bringToFront();
  await waitUntil('the overview page with an entry open', () =>
    overview.evaluate(() => document.querySelector('h1') !== null && document.body.innerText.includes('Ferritin')),
  );
  await sleep(400);
  written.push(await save('screenshot-3-overview.png', await overview.screenshot({ type: 'png' }), SCREEN));

  // 4. The promo tile: name, what it does, and the real tooltip.
  const icon = await readFile(join(ROOT, 'public/icon/128.png'));
  written.push(await save('promo-tile-440x280.png', await compose(promoTile(icon, tooltipPage, tip), TILE), TILE));

  /**
   * Renders an HTML stage in a fresh tab at `size` and screenshots it.
   * @param {string} html
   * @param {Size} size
   */
  async function compose(html, size) {
    const stage = await plainBrowser.newPage();
    await stage.setViewport({ ...size, deviceScaleFactor: 1 });
    await stage.goto(server.put(`/stage-${written.length}.html`, html), { waitUntil: 'load' });
    await stage.bringToFront();
    await stage.evaluate(() => document.fonts.ready);
    const shot = await stage.screenshot({ type: 'png' });
    await stage.close();
    return shot;
  }
} finally {
  await browser.close();
  await plainBrowser.close();
  await server.close();
}
console.log(`Store assets written:\n${written.map((p) => `  ${p}`).join('\n')}`);

/**
 * Runs in the page: the highlighted term to hover, the most telling of `preferred` first, and where to point.
 * @param {string[]} preferred
 * @param {string} prefix the highlights' names (core/page-names.ts)
 * @param {string} current the keyboard's current term, not a term of its own
 */
function findTerm(preferred, prefix, current) {
  /** @type {Range[]} */
  const ranges = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith(prefix) || name === current) continue;
    for (const r of highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      ranges.push(range);
    }
  }
  const rank = (/** @type {Range} */ range) => {
    const i = preferred.indexOf(range.toString().toLowerCase());
    return i === -1 ? preferred.length : i;
  };
  ranges.sort((a, b) => rank(a) - rank(b));
  const range = ranges[0];
  const rect = range?.getClientRects()[0];
  return rect
    ? { text: range.toString(), x: rect.left + Math.min(rect.width / 2, 30), y: rect.top + rect.height / 2 }
    : null;
}

/**
 * Runs in the page: the open tooltip's box in window coordinates — a shadow root's role="tooltip" element that is
 * visible — with its full height and the page's scroll, or null.
 */
function findTooltip() {
  for (const host of document.querySelectorAll('*')) {
    const tip = host.shadowRoot?.querySelector('[role="tooltip"]');
    if (!tip) continue;
    const r = tip.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && tip.checkVisibility({ opacityProperty: true })) {
      return {
        x: Math.max(0, r.x),
        y: Math.max(0, r.y),
        width: Math.min(r.width, innerWidth - Math.max(0, r.x)),
        height: Math.min(r.height, innerHeight - Math.max(0, r.y)),
        // A tooltip short of room scrolls inside (itself or a part of it): its full height adds what is hidden.
        fullHeight:
          r.height + Math.max(0, ...[tip, ...tip.querySelectorAll('*')].map((e) => e.scrollHeight - e.clientHeight)),
        scrollX,
        scrollY,
      };
    }
  }
  return null;
}

/**
 * @template T
 * @param {string} what
 * @param {() => Promise<T | null | undefined | false>} check
 * @returns {Promise<T>}
 */
async function waitUntil(what, check, timeout = 15_000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await check().catch(() => null);
    if (last) return /** @type {T} */ (last);
    await sleep(100);
  }
  throw new Error(
    `store-assets: timed out waiting for ${what}. Has the UI changed? Adjust this step in scripts/release/store-assets.mjs.`,
  );
}

/** @typedef {{ width: number, height: number }} Size */

/**
 * Writes a PNG after checking what the stores check: its size, and 24-bit colour without alpha.
 * @param {string} name
 * @param {Buffer | Uint8Array} bytes
 * @param {Size} size
 */
async function save(name, bytes, size) {
  const png = Buffer.from(bytes);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const colourType = png[25];
  if (width !== size.width || height !== size.height)
    throw new Error(`${name} is ${width}×${height}, not ${size.width}×${size.height}`);
  if (png[24] !== 8 || colourType !== 2)
    throw new Error(`${name} is not a 24-bit PNG without alpha (bit depth ${png[24]}, colour type ${colourType})`);
  const path = join(outDir, name);
  await writeFile(path, png);
  return path;
}

/** @param {Buffer | Uint8Array} png */
function dataUri(png) {
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}

/**
 * @param {Buffer | Uint8Array} pageShot
 * @param {Buffer | Uint8Array} popupShot
 * @param {Size} size
 */
function popupOverPage(pageShot, popupShot, size) {
  // Where a toolbar popup opens: under the toolbar button, near the window's right edge.
  return `<!doctype html><html><body style="margin:0;width:${SCREEN.width}px;height:${SCREEN.height}px;overflow:hidden;position:relative">
<img src="${dataUri(pageShot)}" style="position:absolute;inset:0;display:block">
<img src="${dataUri(popupShot)}" width="${size.width}" height="${size.height}" style="position:absolute;top:14px;right:28px;border-radius:10px;box-shadow:0 10px 34px rgb(0 0 0 / 0.28),0 0 0 1px rgb(0 0 0 / 0.12)">
</body></html>`;
}

/** The tile: the icon, the name, what it does, and the tooltip cut out of the first screenshot. */
/**
 * @param {Buffer | Uint8Array} icon
 * @param {Buffer | Uint8Array} pageShot
 * @param {NonNullable<ReturnType<typeof findTooltip>>} tip
 */
function promoTile(icon, pageShot, tip) {
  const scale = Math.min(250 / tip.height, 200 / tip.width, 1);
  const w = Math.round(tip.width * scale);
  const h = Math.round(tip.height * scale);
  return `<!doctype html><html><head><style>
  body { margin: 0; width: ${TILE.width}px; height: ${TILE.height}px; overflow: hidden; position: relative;
         background: linear-gradient(135deg, #1f6f78, #174f56); color: #fff; font-family: system-ui, 'DejaVu Sans', sans-serif; }
  .text { position: absolute; left: 26px; top: 30px; width: 190px; }
  h1 { margin: 12px 0 8px; font-size: 30px; line-height: 1.05; letter-spacing: -0.01em; }
  p { margin: 0; font-size: 15px; line-height: 1.35; }
  .small { margin-top: 12px; font-size: 11.5px; opacity: 0.85; }
  .tip { position: absolute; right: 22px; top: ${Math.round((TILE.height - h) / 2)}px; width: ${w}px; height: ${h}px;
         border-radius: 8px; overflow: hidden; box-shadow: 0 8px 24px rgb(0 0 0 / 0.35); }
  .tip img { position: absolute; left: ${-Math.round(tip.x * scale)}px; top: ${-Math.round(tip.y * scale)}px;
             width: ${Math.round(SCREEN.width * scale)}px; height: ${Math.round(SCREEN.height * scale)}px; }
</style></head><body>
<div class="text"><img src="${dataUri(icon)}" width="56" height="56" alt="">
<h1>RLS Lens</h1><p>Restless legs terms, explained on the pages you read.</p>
<p class="small">English glossary · educational, not medical advice</p></div>
<div class="tip"><img src="${dataUri(pageShot)}" alt=""></div>
</body></html>`;
}
