// Renders scripts/icon.svg to the PNG sizes the manifest lists (dev-time tool; PNGs are committed).
import puppeteer from 'puppeteer-core';
import { readFile, writeFile } from 'node:fs/promises';

const svg = await readFile(new URL('./icon.svg', import.meta.url), 'utf8');
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  const png = await page.screenshot({ omitBackground: true, type: 'png' });
  await writeFile(new URL(`../public/icon/${size}.png`, import.meta.url), png);
}
await browser.close();
