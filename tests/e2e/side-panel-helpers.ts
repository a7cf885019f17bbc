// What the side-panel and frame-stepping tests ask of a page and of the panel: which tab a page is, what a frame's
// tooltip and current-term mark show, what the panel lists, and a picture of the panel beside the page.
import type { Frame, Page } from 'puppeteer-core';
import { CURRENT_HIGHLIGHT, TOOLTIP_HOST } from '../../core/page-names';
import { html, until, type Server } from './support';

/** The tab id of `page`: brought to the front, then asked of the extension (no `tabs` permission needed). */
export async function tabIdOf(helper: Page, page: Page): Promise<number> {
  await page.bringToFront();
  return until('the tab of the page', () =>
    helper.evaluate(async () => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id as number | undefined;
    }),
  );
}

/** The tooltip open in a frame (heading, announcement), or null. */
export function frameTooltip(frame: Frame): Promise<{ heading: string | null; live: string } | null> {
  return frame.evaluate((hostName: string) => {
    const host = document.querySelector(hostName);
    const tip = host?.shadowRoot?.querySelector<HTMLElement>('[role="tooltip"]');
    if (!tip || !tip.matches(':popover-open') || tip.getBoundingClientRect().width === 0) return null;
    return {
      heading: tip.querySelector('h2, h3')?.textContent ?? null,
      live: host!.shadowRoot!.querySelector('[aria-live]')?.textContent ?? '',
    };
  }, TOOLTIP_HOST);
}

export const tooltipIn = (frame: Frame, heading: string) =>
  until(`a tooltip headed "${heading}" in ${frame.url()}`, async () => {
    const tip = await frameTooltip(frame);
    return tip?.heading === heading ? tip : null;
  });

export const noTooltipIn = (frame: Frame) =>
  until(`no tooltip in ${frame.url()}`, async () => (await frameTooltip(frame)) === null);

/** The words under the keyboard's current-term mark in a frame, or null. */
export function currentMark(frame: Frame): Promise<string | null> {
  return frame.evaluate((name: string) => {
    const range = [...(CSS.highlights.get(name) ?? [])][0] as AbstractRange | undefined;
    if (!range) return null;
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live.toString();
  }, CURRENT_HIGHLIGHT);
}

/** The panel's terms as [entry id, count]. */
export const panelTerms = (panel: Page) =>
  panel.$$eval('.sp-term__name', (items) =>
    items.map((i) => [i.getAttribute('data-entry'), i.getAttribute('data-count')]),
  );

/** One term's snippets as the panel shows them: the whole line and its bold part. */
export const snippetsOf = (panel: Page, entryId: string) =>
  panel.$$eval(`.sp-term__name[data-entry="${entryId}"] ~ ol .sp-snippet`, (items) =>
    // The no-break space that keeps the gap before the term (side-panel-terms.tsx) reads as a space.
    items.map((i) => ({
      key: i.getAttribute('data-occurrence'),
      bold: i.querySelector('b')?.textContent,
      line: i.textContent?.replace(/\u00a0/g, ' '),
    })),
  );

/** The panel's announcement (its status region for steps and reveals). */
export const panelAnnouncement = (panel: Page) =>
  panel.$eval('main > p.visually-hidden[role="status"]', (p) => p.textContent ?? '');

/** Clicks the panel's button whose text is `label`. */
export async function clickButton(panel: Page, label: string): Promise<void> {
  const found = await panel.evaluate((text: string) => {
    const button = [...document.querySelectorAll<HTMLElement>('button')].find((b) => b.textContent?.trim() === text);
    button?.setAttribute('data-test-target', '');
    return !!button;
  }, label);
  if (!found) throw new Error(`no button "${label}" in the panel`);
  await panel.click('[data-test-target]');
  await panel.evaluate(() => document.querySelector('[data-test-target]')?.removeAttribute('data-test-target'));
}

/** About the width both browsers give a side panel at first. */
const PANEL_WIDTH = 360;

/**
 * One picture of the panel beside the page, as a reader sees them: each screenshot taken on its own (Chromium paints
 * only the tab in front), then both shown side by side in a page of their own and photographed together.
 */
export async function besideEachOther(
  server: Server,
  page: Page,
  panel: Page,
  path: string,
  size = { width: 900, height: 680 },
): Promise<void> {
  const shot = async (target: Page, width: number) => {
    await target.bringToFront();
    await target.setViewport({ width, height: size.height });
    await until(`${width} px of layout`, () =>
      target.evaluate(
        (w: number) => new Promise<boolean>((done) => requestAnimationFrame(() => done(innerWidth === w))),
        width,
      ),
    );
    return Buffer.from(await target.screenshot({ encoding: 'binary', captureBeyondViewport: false })).toString(
      'base64',
    );
  };
  const left = await shot(page, size.width);
  const right = await shot(panel, PANEL_WIDTH);
  server.put(
    '/beside.html',
    html(
      `<div style="display:flex;align-items:flex-start">` +
        `<img alt="" src="data:image/png;base64,${left}" style="flex:none">` +
        `<img alt="" src="data:image/png;base64,${right}" style="flex:none;border-left:1px solid #80868b">` +
        `</div>`,
      '<style>html,body{margin:0;background:#80868b}</style>',
    ),
  );
  const picture = await page.browser().newPage();
  await picture.setViewport({ width: size.width + PANEL_WIDTH + 1, height: size.height });
  await picture.goto(server.url('/beside.html'), { waitUntil: 'load' });
  await picture.screenshot({ path: path as `${string}.png`, captureBeyondViewport: false });
  await picture.close();
}
