// What the tooltip tests ask of a page: is a tooltip open, what does it say, where is it, what does it look like.
import type { Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PAGE_PREFIX, TOOLTIP_HOST } from '../../core/page-names';
import { DEFAULT_PREFERENCES } from '../../settings/schema';
import { until } from './support';
import { decodePng, type Pixels } from './tooltip-pixels';

export const HOST = TOOLTIP_HOST;
/** The default hover delay plus room for a busy machine. */
export const SETTLE_MS = DEFAULT_PREFERENCES.hoverDelayMs + 700;

export interface TooltipInfo {
  heading: string | null;
  labelledBy: string | null;
  open: boolean;
  visible: boolean;
  rect: { x: number; y: number; width: number; height: number };
  background: string;
  color: string;
  headingFontSize: string;
  hosts: number;
  /** The tooltip is what a pointer at its centre hits (nothing of the page's is drawn above it). */
  topmost: boolean;
  live: string;
  text: string;
  quote: string | null;
  adoptedSheets: number;
}

/** The open tooltip as the page sees it, or null when there is none. */
export function tooltip(page: Page): Promise<TooltipInfo | null> {
  return page.evaluate((hostName: string) => {
    const host = document.querySelector(hostName);
    const tip = host?.shadowRoot?.querySelector<HTMLElement>('[role="tooltip"]');
    if (!host || !tip) return null;
    const r = tip.getBoundingClientRect();
    const cs = getComputedStyle(tip);
    const labelledBy = tip.getAttribute('aria-labelledby');
    const label = labelledBy ? host.shadowRoot!.getElementById(labelledBy) : null;
    const heading = tip.querySelector('h2, h3');
    return {
      heading: heading && label === heading ? heading.textContent : null,
      labelledBy: label?.textContent ?? null,
      open: tip.matches(':popover-open'),
      visible: tip.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
      rect: { x: r.x, y: r.y, width: r.width, height: r.height },
      background: cs.backgroundColor,
      color: cs.color,
      headingFontSize: heading ? getComputedStyle(heading).fontSize : '',
      hosts: document.querySelectorAll(hostName).length,
      topmost: document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === host,
      live: host.shadowRoot!.querySelector('[aria-live]')?.textContent ?? '',
      text: tip.textContent ?? '',
      quote: tip.querySelector('blockquote')?.textContent ?? null,
      adoptedSheets: host.shadowRoot!.adoptedStyleSheets.length,
    };
  }, HOST);
}

export const openTooltip = (page: Page, heading: string) =>
  until(`a tooltip headed "${heading}"`, async () => {
    const info = await tooltip(page);
    return info?.heading === heading && info.open && info.rect.width > 0 ? info : null;
  });

export const closedTooltip = (page: Page) =>
  until('no tooltip host in the page', async () => (await page.$(HOST)) === null);

/** Waits until the engine has highlighted something. */
export const engineReady = (page: Page) =>
  until('terms highlighted', () =>
    page.evaluate((prefix: string) => [...CSS.highlights.keys()].some((k) => k.startsWith(prefix)), PAGE_PREFIX),
  );

/** Moves the pointer to the centre of the open tooltip, crossing the gap from the term as a hand would. */
export async function pointerIntoTooltip(page: Page): Promise<void> {
  const info = await tooltip(page);
  if (!info) throw new Error('no tooltip to move into');
  await page.mouse.move(info.rect.x + info.rect.width / 2, info.rect.y + info.rect.height / 2, { steps: 8 });
}

/** Pixels of the tooltip as drawn on screen (with a margin), plus the PNG for looking at. */
export async function tooltipPixels(
  page: Page,
  margin = 0,
  minWidth = 0,
): Promise<{ pixels: Pixels; png: Uint8Array }> {
  const info = await tooltip(page);
  if (!info) throw new Error('no tooltip to capture');
  const viewport = await page.evaluate(() => ({ w: innerWidth, h: innerHeight }));
  const x = Math.max(0, Math.floor(info.rect.x - margin));
  const y = Math.max(0, Math.floor(info.rect.y - margin));
  const clip = {
    x,
    y,
    width: Math.min(viewport.w - x, Math.max(minWidth, Math.ceil(info.rect.width + 2 * margin))),
    height: Math.min(viewport.h - y, Math.ceil(info.rect.height + 2 * margin)),
  };
  const png = await onScreen(page, clip);
  return { pixels: decodePng(png), png };
}

/**
 * A screenshot of `clip` (viewport coordinates) as it is on screen. Puppeteer's default, capturing beyond the
 * viewport, makes Chromium resize the page's view for the capture: the page gets a resize and the card may close
 * on it, so a second capture, or axe right after, could find no card (a flake seen in CI). Puppeteer's clip is in
 * document coordinates, hence the scroll offsets.
 */
async function onScreen(page: Page, clip: { x: number; y: number; width: number; height: number }) {
  const scroll = await page.evaluate(() => ({ x: visualViewport!.pageLeft, y: visualViewport!.pageTop }));
  return page.screenshot({
    clip: { ...clip, x: clip.x + scroll.x, y: clip.y + scroll.y },
    captureBeyondViewport: false,
    encoding: 'binary',
  });
}

/** Inner part of the tooltip only (inside its border and rounded corners), for colour counts. */
export async function tooltipInnerPixels(page: Page): Promise<Pixels> {
  const info = await tooltip(page);
  if (!info) throw new Error('no tooltip to capture');
  const inset = 14;
  const png = await onScreen(page, {
    x: info.rect.x + inset,
    y: info.rect.y + inset,
    width: info.rect.width - 2 * inset,
    height: info.rect.height - 2 * inset,
  });
  return decodePng(png);
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core over the tooltip's content in its shadow root: violation ids and how many rules passed. */
export async function axeTooltip(
  page: Page,
): Promise<{ violations: { id: string; targets: string[] }[]; incomplete: string[]; passes: number }> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (hostName: string) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<any> } }).axe;
    // fromShadowDom walks into shadow roots: the host, then the tooltip inside it.
    const result = await axe.run({ include: { fromShadowDom: [hostName, '[role="tooltip"]'] } }, {});
    return {
      violations: result.violations.map((v: any) => ({
        id: v.id,
        targets: v.nodes.map((n: any) => JSON.stringify(n.target)),
      })),
      incomplete: result.incomplete.flatMap((v: any) =>
        v.nodes.map(
          (n: any) =>
            `${v.id} ${JSON.stringify(n.target)} ${n.any.map((a: any) => a.message + JSON.stringify(a.data) + JSON.stringify(n.any[0]?.relatedNodes?.map((r: any) => r.target))).join(',')}`,
        ),
      ),
      passes: result.passes.length,
    };
  }, HOST);
}
