// The sheet for a doctor's visit (components/sheet/), in Chromium and Firefox: the entries chosen by ?entries= and
// by ticking, and only those, each with definition, the article's sentences (claims marked), sources; the disclaimer
// first and the citation last; the saved Markdown and HTML files; on paper only the sheet (A4 and Letter in
// Chromium, which prints PDFs over CDP); axe-core in light and dark; screenshots in docs/.
import { readFile } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import glossary from 'virtual:rls-lens/glossary';
import { DEFAULT_PREFERENCES } from '../../settings/schema';
import { ROOT } from '../harness/launch.mjs';
import { BROWSERS, openExtensionPage, seedSettings, sleep, until, useBrowser } from './support';

const DOCS = new URL('../../docs/', import.meta.url);

/** A PDF's text, read with PDF.js (the reader's library), page by page, joined; and its page count. */
async function pdfText(data: Uint8Array): Promise<{ all: string; pages: number }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { all: parts.join('\n').replace(/\s+/g, ' '), pages };
}
const term = (id: string) => glossary.entries.find((e) => e.id === id)!;

const shown = (page: Page) =>
  page.$$eval('.sheet__entry', (sections) => sections.map((s) => s.getAttribute('data-entry')));

/** What a Save button offers: the file's name and text (the link it clicks is caught before it downloads). */
async function saved(page: Page, button: string): Promise<{ name: string; text: string }> {
  await page.evaluate(() => {
    const w = window as unknown as { __saved?: Promise<{ name: string; text: string }> };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      w.__saved = fetch(this.href)
        .then((r) => r.text())
        .then((text) => ({ name: this.download, text }));
    };
  });
  await page.click(button);
  return page.evaluate(() => (window as unknown as { __saved: Promise<{ name: string; text: string }> }).__saved);
}

describe.each(BROWSERS)('the sheet for a doctor in %s', (kind) => {
  const env = useBrowser(kind);

  it('lists the chosen entries and only those, with the disclaimer first and the citation last; ticks add and remove', async () => {
    const page = await openExtensionPage(env.session, 'sheet.html?entries=ferritin,dopamine', '.sheet__entry');
    expect(await shown(page)).toEqual(['dopamine', 'ferritin']);
    expect(
      await page.$$eval('.sheet-choices input:checked', (b) => b.map((i) => (i as HTMLInputElement).value)),
    ).toEqual(['dopamine', 'ferritin']);
    const text = await page.$eval('.sheet', (s) => s.textContent ?? '');
    expect(text.indexOf('Educational, not medical advice')).toBeLessThan(text.indexOf(term('dopamine').definition));
    expect(text).toContain(term('ferritin').definition);
    expect(text.lastIndexOf('FruitOrchid')).toBeGreaterThan(text.lastIndexOf(term('ferritin').definition));
    // Ferritin's article sentence is a treatment claim: shown, marked as the article's claim.
    expect(await page.$eval('[data-entry="ferritin"] .sheet__quote--claim', (q) => q.textContent ?? '')).toMatch(
      /^The article’s claim: “.+”/,
    );
    expect(
      await page.$$eval('[data-entry="ferritin"] .sheet__sources a', (a) => a.map((l) => l.getAttribute('href'))),
    ).toEqual(term('ferritin').sources.map((s) => s.url));
    await page.click('.sheet-choices input[value="iron"]');
    await until('iron on the sheet', async () => ((await shown(page)).includes('iron') ? true : null));
    await page.click('.sheet-choices input[value="dopamine"]');
    await until('dopamine off the sheet', async () => ((await shown(page)).includes('dopamine') ? null : true));
    expect(await shown(page)).toEqual(['iron', 'ferritin']);
    await page.close();
  });

  it('saves the sheet as Markdown and as HTML, each with the same entries', async () => {
    const page = await openExtensionPage(env.session, 'sheet.html?entries=ferritin,dopamine', '.sheet__entry');
    const md = await saved(page, '.sheet-actions .button:nth-child(2)');
    expect(md.name).toBe('rls-terms.md');
    expect(md.text.split('\n')[0]).toBe('# Terms from my reading about restless legs syndrome');
    expect(md.text).toContain('## Dopamine');
    expect(md.text).toContain('## Ferritin');
    expect(md.text).not.toContain('## Iron');
    const html = await saved(page, '.sheet-actions .button:nth-child(3)');
    expect(html.name).toBe('rls-terms.html');
    expect(html.text).toMatch(/^<!doctype html>/);
    expect([...html.text.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual(['Dopamine', 'Ferritin']);
    expect(html.text).not.toMatch(/<script|<link/);
    await page.close();
  });

  it('has no axe-core violations, light and dark; screenshots', async () => {
    const axe = await readFile(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
    const violations: Record<string, string[]> = {};
    for (const theme of ['light', 'dark'] as const) {
      await seedSettings(env.session, { preferences: { ...DEFAULT_PREFERENCES, theme } });
      const page = await openExtensionPage(env.session, 'sheet.html?entries=ferritin,dopamine', '.sheet__entry');
      await page.setViewport({ width: 1000, height: 1100 });
      await page.bringToFront();
      await sleep(300);
      await page.evaluate(axe);
      violations[theme] = await page.evaluate(async () => {
        const result = await (globalThis as any).axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
      });
      await page.screenshot({ path: new URL(`sheet-${kind}-${theme}.png`, DOCS).pathname as `${string}.png` });
      await page.close();
    }
    await seedSettings(env.session, { preferences: { ...DEFAULT_PREFERENCES } });
    expect(violations).toEqual({ light: [], dark: [] });
  });

  it('prints only the sheet, on A4 and on Letter: its text on paper, none of the page’s controls', async () => {
    const page = await openExtensionPage(env.session, 'sheet.html?entries=ferritin,dopamine,iron', '.sheet__entry');
    await page.bringToFront();
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format });
      const text = await pdfText(pdf);
      expect(text.pages, format).toBeGreaterThanOrEqual(1);
      expect(text.pages, format).toBeLessThanOrEqual(4);
      for (const words of ['Educational, not medical advice', 'Ferritin', 'Dopamine', 'FruitOrchid'])
        expect(text.all, `${format}: ${words}`).toContain(words);
      for (const control of ['Tick the terms', 'Save as Markdown', 'Print'])
        expect(text.all, `${format}: ${control}`).not.toContain(control);
    }
    if (kind === 'chromium') {
      // The same as a picture (print media can be emulated over CDP only).
      await page.emulateMediaType('print');
      await page.setViewport({ width: 794, height: 1123 });
      await page.screenshot({
        path: new URL(`sheet-${kind}-print.png`, DOCS).pathname as `${string}.png`,
        fullPage: true,
      });
      await page.emulateMediaType(undefined);
    }
    await page.close();
  });
});
