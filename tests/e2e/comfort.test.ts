// Reading comfort (issue 19), in Chromium and Firefox: the cards' text size and high contrast, chosen in the
// overview's Preferences and applied live to the card open in a page and to the popup's and the side panel's cards.
// Where cards go (fullscreen, zoom, right-to-left pages): tests/e2e/card-placement.test.ts. Pictures for
// docs/pictures.md.
import { mkdir, writeFile } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../harness/launch.mjs';
import { BROWSERS, hover, openExtensionPage, openPage, until, untilValue, useBrowser } from './support';
import { engineReady, openTooltip, tooltip, tooltipInnerPixels, tooltipPixels } from './tooltip-helpers';
import { share } from './tooltip-pixels';
import { tabIdOf } from './side-panel-helpers';
import { ARTICLE, axeCardAaa, cardLook, look, preferIn, seed, stepTo } from './comfort-helpers';

const DOCS = `${ROOT}docs/`;

describe.each(BROWSERS)('reading comfort in %s', (kind) => {
  const env = useBrowser(kind);

  it('text size: the Preferences choice changes the open card live, and the popup’s and side panel’s cards', async () => {
    const { session, server } = env;
    await seed(session, {});
    const overview = await openExtensionPage(session, 'overview.html#preferences', 'input[name="card-text-size"]');
    const page = await openPage(session.browser, server.put('/article.html', ARTICLE));
    await engineReady(page);
    const tabId = await tabIdOf(overview, page);
    // Every tab is open before the page's card is: Chromium's headless window shrinks a background page to 1×1 for
    // a moment when a tab is made, which closes a card as its term leaves the viewport.
    const popup = await openExtensionPage(session, `popup.html?tab=${tabId}`, '#search-input');
    await popup.type('#search-input', 'ferritin');
    await popup.click('.results__item[data-entry="ferritin"]');
    const panel = await openExtensionPage(session, `sidepanel.html?tab=${tabId}`, '.sp');
    await until('the panel’s ferritin', () => panel.$('.sp-term__name[data-entry="ferritin"]'));
    await panel.click('.sp-term__name[data-entry="ferritin"]');
    await stepTo(overview, tabId, 'dopamine');
    await page.bringToFront();
    await openTooltip(page, 'Dopamine');
    // The step's announcement is the card's last redraw of its own: every later change of size is the preference's.
    await until('the step announced', async () => (await tooltip(page))?.live);
    const size = async () => (await cardLook(page))?.fontSize;
    /** The font size of the popup's or the panel's card (their pages' text is 15 px). */
    const cardSize = (p: Page) => () =>
      p.$eval('.entry-card', (c) => parseFloat(getComputedStyle(c).fontSize)).catch(() => undefined);
    const sizes = async (page: number, card: number) => {
      expect(await untilValue(`the page's card at ${page} px`, size, (s) => s === page)).toBe(page);
      expect(await untilValue(`the popup's card at ${card} px`, cardSize(popup), (s) => s === card)).toBe(card);
      expect(await untilValue(`the panel's card at ${card} px`, cardSize(panel), (s) => s === card)).toBe(card);
    };
    await sizes(16, 15);
    const narrow = (await look(page)).rect;
    const choose = async (value: string) => {
      await overview.bringToFront();
      await overview.click(`input[name="card-text-size"][value="${value}"]`);
    };
    await choose('large');
    await sizes(20, 18.75);
    // Still the same card, drawn again where it was, wider with its text (its width is in em).
    expect((await tooltip(page))?.heading).toBe('Dopamine');
    const wide = (await look(page)).rect;
    expect(wide.right - wide.left).toBeGreaterThan(narrow.right - narrow.left);
    await page.bringToFront();
    await page.evaluate((hostName: string) => {
      // The picture without the keyboard's focus ring (the step put the focus in the card).
      (document.querySelector(hostName)?.shadowRoot?.activeElement as HTMLElement | null)?.blur();
    }, 'hl-q7-tooltip');
    await mkdir(DOCS, { recursive: true });
    await writeFile(`${DOCS}card-large-text-${kind}.png`, (await tooltipPixels(page, 40, 640)).png);
    await choose('larger');
    await sizes(24, 22.5);
    await choose('normal');
    await sizes(16, 15);
    await Promise.all([popup.close(), panel.close(), page.close(), overview.close()]);
  });

  it.each(['light', 'dark'] as const)(
    'high contrast (%s): black and white, solid borders, a thick focus outline, AAA contrast by axe-core',
    async (theme) => {
      const { session, server } = env;
      await seed(session, { theme });
      const ext = await openExtensionPage(session, 'popup.html', 'body');
      const page = await openPage(session.browser, server.put('/article.html', ARTICLE));
      await engineReady(page);
      // "restless legs": a card with a quote block and related entries, so every part is measured.
      await hover(page, 'restless legs');
      await openTooltip(page, 'Restless legs syndrome');
      const normal = await look(page);
      await preferIn(ext, { theme, highContrast: true });
      const [bg, fg] =
        theme === 'light' ? ['rgb(255, 255, 255)', 'rgb(0, 0, 0)'] : ['rgb(0, 0, 0)', 'rgb(255, 255, 255)'];
      const high = await untilValue(
        'the high-contrast card',
        () => look(page),
        (c) => c.color === fg && c.background === bg,
      );
      expect(normal.color).not.toBe(fg); // the ordinary card's text is a softer black (white)
      expect(high.borderWidth).toBe('2px');
      expect(normal.borderWidth).toBe('1px');
      const pixels = await tooltipInnerPixels(page);
      expect(share(pixels, theme === 'light' ? [255, 255, 255] : [0, 0, 0], 2)).toBeGreaterThan(0.4);
      const axe = await axeCardAaa(page);
      expect(axe.violations).toEqual([]);
      expect(axe.incomplete).toEqual([]);
      expect(axe.aaa).toBeGreaterThan(8);
      // Tab into the card: the focused button wears a 3 px outline in the text's colour.
      await page.keyboard.press('Tab');
      const outline = await until('a focused button in the card', () =>
        page.evaluate((hostName: string) => {
          const active = document.querySelector(hostName)?.shadowRoot?.activeElement;
          if (!(active instanceof HTMLButtonElement)) return null;
          const s = getComputedStyle(active);
          return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`;
        }, 'hl-q7-tooltip'),
      );
      expect(outline).toBe(`solid 3px ${fg}`);
      await page.evaluate(() => {
        const active = document.activeElement; // the host; Firefox blurs the focused button only when asked itself
        ((active?.shadowRoot?.activeElement ?? active) as HTMLElement | null)?.blur();
      });
      await writeFile(`${DOCS}card-high-contrast-${kind}-${theme}.png`, (await tooltipPixels(page, 40, 640)).png);
      await preferIn(ext, {});
      await Promise.all([ext.close(), page.close()]);
    },
  );
});
