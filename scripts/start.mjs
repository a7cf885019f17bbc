// `npm start`: builds the extension and opens Debian's Chromium with it installed on a demo page that shows the
// article itself. Without a display (servers, CI) it runs headless and writes screenshots to demo-output/.
import { execSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { ensureBrowsers, CHROMIUM } from './browsers.mjs';
import { launch, openExtensionPage, ROOT } from './launch.mjs';
import { startServer } from './serve.mjs';
import { demoPage } from './demo-page.mjs';

ensureBrowsers([CHROMIUM]);
execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });

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
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await page.screenshot({ path: `${outDir}/demo-page.png` });
  written.push(`${outDir}/demo-page.png`);

  const popup = await openExtensionPage(session.browser, session.extensionUrl('popup.html'), 'main');
  await popup.setViewport({ width: 400, height: 600 });
  await popup.screenshot({ path: `${outDir}/popup.png` });
  written.push(`${outDir}/popup.png`);

  await session.browser.close();
  await server.close();
  console.log(`Screenshots written:\n${written.map((p) => `  ${p}`).join('\n')}`);
}
