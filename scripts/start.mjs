// `npm start`: builds the extension and opens Debian's Chromium with it installed on a demo page that shows the
// article itself. Without a display (servers, CI) it runs headless and writes screenshots to demo-output/.
import { execSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { ensureBrowsers, CHROMIUM } from '../tests/harness/browsers.mjs';
import { launch, openExtensionPage, ROOT } from '../tests/harness/launch.mjs';
import { startServer } from '../tests/harness/serve.mjs';
import { demoPage } from '../tests/harness/demo-page.mjs';
import { runnerImport } from 'vite';

ensureBrowsers([CHROMIUM]);
execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });

const { module: names } = await runnerImport(`${ROOT}core/page-names.ts`);
const server = await startServer();
const demoUrl = server.put('/', await demoPage());
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;

if (hasDisplay) {
  const { browser } = await launch('chromium', { headless: false });
  const page = await browser.newPage();
  await page.goto(demoUrl);
  console.log(`RLS Lens is running in Chromium on ${demoUrl} — close the browser window to stop.`);
  browser.on('disconnected', () => process.exit(0));
} else {
  console.log('No display found: running headless and writing screenshots instead.');
  const outDir = `${ROOT}demo-output`;
  await mkdir(outDir, { recursive: true });
  const session = await launch('chromium');
  const written = [];
  const page = await session.browser.newPage();
  await page.goto(demoUrl, { waitUntil: 'load' });
  await page.waitForFunction(
    (prefix) => [...CSS.highlights.keys()].some((name) => name.startsWith(prefix)),
    { timeout: 15_000 },
    names.PAGE_PREFIX,
  );
  await new Promise((resolve) => setTimeout(resolve, 800));
  await page.screenshot({ path: `${outDir}/demo-page.png` });
  written.push(`${outDir}/demo-page.png`);

  // Hover a highlighted term as a reader would, and wait for its tooltip.
  const point = await page.evaluate((prefix) => {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith(prefix)) continue;
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString().toLowerCase() === 'dopaminergic dysfunction') {
          range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          const rect = range.getClientRects()[0];
          return rect ? { x: rect.left + Math.min(40, rect.width / 2), y: rect.top + rect.height / 2 } : null;
        }
      }
    }
    return null;
  }, names.PAGE_PREFIX);
  if (point) {
    await page.mouse.move(point.x - 40, point.y + 60);
    await page.mouse.move(point.x, point.y, { steps: 5 });
    // The release build's card sits in a closed shadow root under a bare <div> (docs/privacy.md): wait for the
    // host to be the body's last child, as it is only while a card is open.
    await page
      .waitForFunction(
        () => document.body.lastElementChild?.localName === 'div' && !document.body.lastElementChild.id,
        {
          timeout: 5_000,
        },
      )
      .catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await page.screenshot({ path: `${outDir}/tooltip.png` });
    written.push(`${outDir}/tooltip.png`);
  }

  // The popup for the demo tab: find the tab whose content script reports the demo host.
  const helper = await openExtensionPage(session.browser, session.extensionUrl('popup.html'), 'body');
  const tabId = await helper.evaluate(async () => {
    // The extension API of the page this runs in (an extension page): untyped here, as the tooling has no types for it.
    const api = /** @type {any} */ (globalThis).chrome;
    for (const tab of await api.tabs.query({})) {
      const answer = await api.tabs
        .sendMessage(tab.id, { type: 'rls-lens:page-terms' }, { frameId: 0 })
        .catch(() => null);
      if (answer?.host === '127.0.0.1') return tab.id;
    }
    return null;
  });
  await helper.close();
  const popup = await openExtensionPage(
    session.browser,
    session.extensionUrl(`popup.html${tabId ? `?tab=${tabId}` : ''}`),
    'main',
  );
  await popup.setViewport({ width: 400, height: 640 });
  await new Promise((resolve) => setTimeout(resolve, 600));
  await popup.screenshot({ path: `${outDir}/popup.png` });
  written.push(`${outDir}/popup.png`);

  await session.browser.close();
  await server.close();
  console.log(`Screenshots written:\n${written.map((p) => `  ${p}`).join('\n')}`);
}
