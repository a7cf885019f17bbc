// The PDF reader (issue 20) as a person meets it: a PDF opened from a file, its terms marked on PDF.js's text layer
// by the same page session as any page, the Ferritin card on hover, the keyboard's next term across PDF pages, a
// 300-page document whose first page is marked at once, and a scan and a broken file that say so plainly.
// The PDFs are made here: Chromium prints them (page.pdf()), the scan is a hand-written PDF with no text operator,
// the broken file is random bytes, the protected one is encrypted by hand (pdf-fixtures.ts). Figures (time to the first marked page, JS heap) are printed; screenshots of the
// reader in light and dark go to docs/.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_HIGHLIGHT, PAGE_PREFIX } from '../../core/page-names';
import { ROOT } from '../harness/launch.mjs';
import { treeRss } from '../harness/process-memory.mjs';
import {
  BROWSERS,
  hover,
  html,
  launch,
  openExtensionPage,
  openPage,
  sleep,
  startServer,
  until,
  type Server,
  type Session,
} from './support';
import { corruptBytes, noTextPdf, passwordPdf } from './pdf-fixtures';
import { tabIdOf } from './side-panel-helpers';
import { openTooltip } from './tooltip-helpers';

const DOCS = `${ROOT}docs/`;

// Counted by hand: one "Ferritin" on page 1, one "Dopamine" on page 2, one "restless legs syndrome" on page 3, and no
// other glossary term. The title says what the document is about, as a paper's would.
const THREE_PAGES = html(
  `<style>section { break-after: page; font: 20px serif; }</style>
  <section><h1>Notes from a reader</h1><p>Ferritin was low in spring.</p></section>
  <section><p>Dopamine is a messenger.</p></section>
  <section><p>All of this is about restless legs syndrome.</p></section>`,
  '<title>Restless legs syndrome: notes</title>',
);
// A narrow column: "iron deficiency anemia" runs over three lines of a paragraph, and a heading "Iron deficiency" is
// followed by a paragraph that begins with "Anemia". The first is one term, the second two.
const WRAPPED = html(
  `<style>p, h2 { width: 10ch; font: 20px monospace; margin: 0 0 1.5em; }</style>
  <p>iron deficiency anemia</p>
  <h2>Iron deficiency</h2>
  <p>Anemia again</p>`,
  '<title>Restless legs syndrome: notes</title>',
);
const LONG = html(
  `<style>section { break-after: page; font: 16px serif; }</style>` +
    Array.from({ length: 300 }, (_, i) => `<section><p>Page ${i + 1}. Ferritin was measured again.</p></section>`).join(
      '',
    ),
  '<title>Restless legs syndrome: a long paper</title>',
);

const files = { threePages: '', wrapped: '', long: '', noText: '', corrupt: '', locked: '' };

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rls-pdf-'));
  const printer = await launch('chromium', { extension: false });
  try {
    const page = await printer.browser.newPage();
    for (const [name, doc] of [
      ['threePages', THREE_PAGES],
      ['wrapped', WRAPPED],
      ['long', LONG],
    ] as const) {
      await page.setContent(doc, { waitUntil: 'load' });
      files[name] = join(dir, `${name}.pdf`);
      await writeFile(files[name], await page.pdf({ format: 'A5', printBackground: true }));
    }
  } finally {
    await printer.browser.close();
  }
  files.noText = join(dir, 'scan.pdf');
  await writeFile(files.noText, noTextPdf(), 'latin1');
  files.corrupt = join(dir, 'broken.pdf');
  await writeFile(files.corrupt, corruptBytes());
  files.locked = join(dir, 'locked.pdf');
  await writeFile(files.locked, passwordPdf('restless', 'owner-only'), 'latin1');
}, 120_000);

/** Each highlighted range: its text and the PDF page whose text layer holds it. */
function highlightsByPage(page: Page): Promise<{ text: string; page: string | null }[]> {
  return page.evaluate(
    (prefix: string, current: string) => {
      const out: { text: string; page: string | null }[] = [];
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith(prefix) || name === current) continue;
        for (const range of highlight as Iterable<AbstractRange>) {
          const node = range.startContainer;
          const element = node instanceof Element ? node : node.parentElement;
          out.push({
            text: (node.textContent ?? '').slice(range.startOffset, range.endOffset),
            page: element?.closest('.textLayer')?.closest<HTMLElement>('.reader-page')?.dataset.page ?? null,
          });
        }
      }
      return out.sort((a, b) => Number(a.page) - Number(b.page));
    },
    PAGE_PREFIX,
    CURRENT_HIGHLIGHT,
  );
}

/** The keyboard's current term: its text and its PDF page. */
function currentTerm(page: Page): Promise<{ text: string; page: string | null } | null> {
  return page.evaluate((name: string) => {
    const range = [...(CSS.highlights.get(name) ?? [])][0] as AbstractRange | undefined;
    if (!range) return null;
    const node = range.startContainer;
    const element = node instanceof Element ? node : node.parentElement;
    return {
      text: (node.textContent ?? '').slice(range.startOffset, range.endOffset),
      page: element?.closest<HTMLElement>('.reader-page')?.dataset.page ?? null,
    };
  }, CURRENT_HIGHLIGHT);
}

describe.each(BROWSERS)('the PDF reader in %s', (kind) => {
  let session: Session;
  let server: Server;
  beforeAll(async () => {
    server = await startServer();
    session = await launch(kind, { build: 'probes' });
  }, 60_000);
  afterAll(async () => {
    await session?.browser.close();
    await server?.close();
  });

  /** The reader in a new tab, with `file` chosen in its "Open a PDF file…" input. */
  async function openInReader(file: string): Promise<Page> {
    const page = await openExtensionPage(session, 'reader.html', 'input[type="file"]');
    const input = await page.$('input[type="file"]');
    await input!.uploadFile(file);
    return page;
  }

  it('marks the terms on the text layer of each page, opens the Ferritin card and steps across pages', async () => {
    const helper = await openExtensionPage(session, 'popup.html', 'body');
    const page = await openInReader(files.threePages);
    await page.bringToFront();
    const marks = await until(
      'the three terms highlighted',
      async () => {
        const found = await highlightsByPage(page);
        return found.length >= 3 ? found : null;
      },
      20_000,
    );
    expect(marks).toEqual([
      { text: 'Ferritin', page: '1' },
      { text: 'Dopamine', page: '2' },
      { text: 'restless legs syndrome', page: '3' },
    ]);
    expect(await page.title()).toContain('Restless legs syndrome: notes');

    await hover(page, 'Ferritin');
    await openTooltip(page, 'Ferritin');
    await page.mouse.move(5, 790);

    // next-term and previous-term, as the keyboard commands send them to the tab (background/commands.ts): from the
    // term the reader is at (Ferritin, on page 1) to page 2, page 3, and back.
    const tabId = await page.evaluate(async () => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      return (await api.tabs.getCurrent()).id as number;
    });
    const step = (direction: 1 | -1) =>
      helper.evaluate(
        async (id: number, d: number) => {
          const api = (globalThis as any).browser ?? (globalThis as any).chrome;
          return api.tabs.sendMessage(id, { type: 'rls-lens:step', direction: d }, { frameId: 0 });
        },
        tabId,
        direction,
      );
    await step(1);
    await openTooltip(page, 'Dopamine');
    expect(await currentTerm(page)).toEqual({ text: 'Dopamine', page: '2' });
    await step(1);
    await openTooltip(page, 'Restless legs syndrome');
    expect(await currentTerm(page)).toEqual({ text: 'restless legs syndrome', page: '3' });
    expect(
      await page.evaluate(() => document.querySelector('[data-page="3"]')!.getBoundingClientRect().top),
    ).toBeLessThan(800);
    await step(-1);
    await openTooltip(page, 'Dopamine');
    expect(await currentTerm(page)).toEqual({ text: 'Dopamine', page: '2' });
    await page.keyboard.press('Escape');
    await page.close();
    await helper.close();
  }, 60_000);

  // An extension page may fetch from the hosts its content script matches (<all_urls>, in both browsers): the
  // popup on a PDF tab opens the reader at the PDF's address (components/popup/popup-app.tsx).
  it('lays the text layer over the drawn words, so a mark covers its word and no more', async () => {
    const page = await openInReader(files.threePages);
    await until('a drawn page and its marks', async () => {
      const drawn = (await page.$('.reader-canvas')) !== null;
      return drawn && (await highlightsByPage(page)).length >= 3;
    });
    // The line "Ferritin was low in spring." as the text layer places it, and as the canvas draws it (its ink).
    const line = await page.evaluate(() => {
      const span = [...document.querySelectorAll<HTMLElement>('.textLayer span')].find((s) =>
        s.textContent?.startsWith('Ferritin'),
      )!;
      const canvas = span.closest('.reader-page')!.querySelector<HTMLCanvasElement>('.reader-canvas')!;
      const text = span.getBoundingClientRect();
      const box = canvas.getBoundingClientRect();
      const sx = canvas.width / box.width;
      const top = Math.round((text.top - box.top) * sx);
      const rows = Math.max(1, Math.round(text.height * sx));
      const data = canvas.getContext('2d')!.getImageData(0, top, canvas.width, rows).data;
      let first = Infinity;
      let last = -Infinity;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i]! + data[i + 1]! + data[i + 2]! > 384) continue; // paper, not ink
        const x = (i / 4) % canvas.width;
        first = Math.min(first, x);
        last = Math.max(last, x);
      }
      return { text: [text.left, text.right], ink: [box.left + first / sx, box.left + (last + 1) / sx] };
    });
    const width = line.ink[1]! - line.ink[0]!;
    expect(width).toBeGreaterThan(50);
    expect(Math.abs(line.text[0]! - line.ink[0]!)).toBeLessThan(0.03 * width);
    expect(Math.abs(line.text[1]! - line.ink[1]!)).toBeLessThan(0.03 * width);
    await page.close();
  });

  it('finds a term that runs over the lines of a paragraph, and keeps a heading apart from the text under it', async () => {
    const page = await openInReader(files.wrapped);
    const marks = await until(
      'the wrapped terms marked',
      async () => {
        const texts = await page.evaluate((prefix: string) => {
          const out: string[] = [];
          for (const [name, highlight] of CSS.highlights) {
            if (!name.startsWith(prefix)) continue;
            for (const r of highlight as Iterable<AbstractRange>) {
              const range = document.createRange();
              range.setStart(r.startContainer, r.startOffset);
              range.setEnd(r.endContainer, r.endOffset);
              out.push(range.toString().replace(/\s+/g, ' '));
            }
          }
          return out.sort();
        }, PAGE_PREFIX);
        return texts.length >= 3 ? texts : null;
      },
      20_000,
    );
    expect(marks).toEqual(['Anemia', 'Iron deficiency', 'iron deficiency anemia']);
    await page.close();
  });

  it('opens a PDF tab in the reader from the popup’s “Open in RLS Lens reader” (reader.html?url=)', async () => {
    server.putFile('/notes.pdf', files.threePages);
    const helper = await openExtensionPage(session, 'overview.html', 'h1');
    const tab = await openPage(session.browser, server.url('/notes.pdf'));
    const tabId = await tabIdOf(helper, tab);
    const popup = await openExtensionPage(session, `popup.html?tab=${tabId}`, '.popup__reader');
    expect(await popup.$eval('.popup__reader', (b) => b.textContent)).toBe('Open in RLS Lens reader');
    await popup.click('.popup__reader');
    // (Polled, each tab asked its address: Firefox over BiDi may keep an extension page's first address.)
    const page = await until('the reader’s tab', async () => {
      for (const p of await session.browser.pages()) {
        const href = await p.evaluate(() => location.href).catch(() => '');
        if (href.includes('/reader.html?url=')) return p;
      }
      return null;
    });
    expect(new URL(await page.evaluate(() => location.href)).searchParams.get('url')).toBe(server.url('/notes.pdf'));
    const outcome = await until(
      'terms or a message',
      async () => {
        const problem = await page.evaluate(() =>
          document.querySelector('[data-problem]')?.getAttribute('data-problem'),
        );
        if (problem) return `problem: ${problem}`;
        return (await highlightsByPage(page)).length >= 3 ? 'highlighted' : null;
      },
      20_000,
    );
    expect(outcome).toBe('highlighted');
    expect(await highlightsByPage(page)).toEqual([
      { text: 'Ferritin', page: '1' },
      { text: 'Dopamine', page: '2' },
      { text: 'restless legs syndrome', page: '3' },
    ]);
    await Promise.all([page.close(), tab.close(), helper.close(), popup.close().catch(() => undefined)]);
  }, 60_000);

  it('lists the PDF’s terms in the side panel for the reader’s tab, as for any page', async () => {
    const helper = await openExtensionPage(session, 'overview.html', 'h1');
    const page = await openInReader(files.threePages);
    await until(
      'the three terms highlighted',
      async () => ((await highlightsByPage(page)).length >= 3 ? true : null),
      20_000,
    );
    const tabId = await tabIdOf(helper, page);
    const panel = await openExtensionPage(session, `sidepanel.html?tab=${tabId}`, '.sp');
    const listed = await until('the panel to list the PDF’s terms', async () => {
      const ids = await panel.$$eval('.sp-list [data-entry]', (items) =>
        items.map((i) => i.getAttribute('data-entry')),
      );
      return ids.length >= 3 ? ids : null;
    });
    expect([...listed].sort()).toEqual(['dopamine', 'ferritin', 'restless-legs-syndrome']);
    await Promise.all([panel.close(), page.close(), helper.close()]);
  }, 60_000);

  it('says plainly that a PDF without text has no text to read', async () => {
    const page = await openInReader(files.noText);
    const message = await until('the no-text message', () =>
      page.evaluate(() => document.querySelector('[data-problem="noText"]')?.textContent ?? null),
    );
    expect(message).toMatch(/^This PDF has no text to read: it may be a scan/);
    expect(await page.$$('.reader-page')).toHaveLength(1);
    await page.close();
  });

  it('says a broken file cannot be opened, and the reader still opens the next one', async () => {
    const page = await openInReader(files.corrupt);
    const message = await until('the corrupt-file message', () =>
      page.evaluate(() => document.querySelector('[data-problem="corrupt"]')?.textContent ?? null),
    );
    expect(message).toMatch(/could not be opened as a PDF/);
    expect(await page.$$('.reader-page')).toHaveLength(0);
    await (await page.$('input[type="file"]'))!.uploadFile(files.threePages);
    await until('terms after the broken file', async () => (await highlightsByPage(page)).length >= 3, 20_000);
    expect(await page.$('[data-problem]')).toBeNull();
    await page.close();
  }, 40_000);

  it('asks for the password of a protected PDF, says when it is wrong, and opens it with the right one', async () => {
    const page = await openInReader(files.locked);
    const message = await until('the password message', () =>
      page.evaluate(() => document.querySelector('[data-problem="encrypted"]')?.textContent ?? null),
    );
    expect(message).toMatch(/protected by a password/);
    expect(await page.$$('.reader-page')).toHaveLength(0);
    expect(await highlightsByPage(page)).toEqual([]);
    const field = await page.waitForSelector('.reader-password input[type="password"]');
    await field!.type('not-it');
    await page.keyboard.press('Enter');
    await until('the wrong-password message', () =>
      page.evaluate(() => document.querySelector('[data-problem="wrongPassword"]')?.textContent ?? null),
    );
    expect(await page.$$('.reader-page')).toHaveLength(0);
    await (await page.$('.reader-password input[type="password"]'))!.type('restless');
    await (await page.$('.reader-password button'))!.click();
    const marks = await until(
      'the protected PDF’s term marked',
      async () => {
        const found = await highlightsByPage(page);
        return found.length > 0 ? found : null;
      },
      20_000,
    );
    expect(marks).toEqual([{ text: 'Ferritin', page: '1' }]);
    expect(await page.$('[data-problem]')).toBeNull();
    expect(await page.$('.reader-password')).toBeNull();
    await page.close();
  }, 40_000);

  it('shows the first page of a 300-page document marked at once, drawing only the pages near the view', async () => {
    const page = await openExtensionPage(session, 'reader.html', 'input[type="file"]');
    const input = await page.$('input[type="file"]');
    const pid = session.browser.process()?.pid;
    const rssBefore = pid ? treeRss(pid) : 0;
    const start = Date.now();
    await input!.uploadFile(files.long);
    await until(
      'page 1 highlighted',
      async () => (await highlightsByPage(page)).some((mark) => mark.page === '1'),
      20_000,
    );
    const firstMarked = Date.now() - start;
    expect(await page.$$('.reader-page')).toHaveLength(300);
    const canvases = await page.$$eval('.reader-canvas', (list) => list.length);
    expect(canvases).toBeGreaterThan(0);
    expect(canvases).toBeLessThan(10);
    // Every page's text is read, in slices, while the reader could scroll.
    await until(
      'all 300 pages read',
      async () => (await highlightsByPage(page)).filter((m) => m.page !== null).length === 300,
      120_000,
    );
    const allMarked = Date.now() - start;
    const heap =
      kind === 'chromium'
        ? `${((await page.metrics()).JSHeapUsedSize! / 2 ** 20).toFixed(1)} MiB JS heap`
        : 'JS heap not exposed by Firefox over BiDi';
    const rss = pid ? `+${((treeRss(pid) - rssBefore) / 2 ** 20).toFixed(0)} MiB resident (browser's processes)` : '';
    console.log(
      `[pdf-reader ${kind}] 300 pages: first page highlighted in ${firstMarked} ms, all 300 in ${allMarked} ms; ${heap}; ${rss}; ${canvases} canvases`,
    );
    expect(firstMarked).toBeLessThan(10_000);
    await page.close();
  }, 180_000);

  it('looks right in light and dark (screenshots in docs/)', async () => {
    // Chromium emulates the system's scheme; Firefox over BiDi cannot, so a dark Firefox is started for the picture.
    const dark =
      kind === 'firefox'
        ? await launch(kind, {
            build: 'probes',
            prefs: { 'ui.systemUsesDarkTheme': 1, 'layout.css.prefers-color-scheme.content-override': 0 },
          })
        : session;
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openExtensionPage(scheme === 'dark' ? dark : session, 'reader.html', 'input[type="file"]');
      await page.setViewport({ width: 1100, height: 800 });
      if (kind === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      await (await page.$('input[type="file"]'))!.uploadFile(files.threePages);
      await until('terms and a drawn page', async () => (await highlightsByPage(page)).length >= 3, 20_000);
      await until('a drawn page', async () => (await page.$('.reader-canvas')) !== null);
      await hover(page, 'Ferritin');
      await openTooltip(page, 'Ferritin');
      await sleep(300);
      await page.screenshot({ path: `${DOCS}reader-${kind}-${scheme}.png` });
      await page.close();
    }
    if (dark !== session) await dark.browser.close();
  }, 90_000);
});
