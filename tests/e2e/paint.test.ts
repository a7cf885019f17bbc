// Paint only where the reader looks: on a page with thousands of terms only the ranges near the viewport are in
// CSS.highlights, the rest arrive as the reader scrolls, and counts, hovering and stepping still see every term.
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { CURRENT_HIGHLIGHT } from '../../core/page-names';
import { DEFAULT_PREFERENCES } from '../../settings/schema';
import {
  BROWSERS,
  highlighted,
  hover,
  html,
  openExtensionPage,
  openPage,
  seedSettings,
  settled,
  untilValue,
  useBrowser,
} from './support';
import { openTooltip } from './tooltip-helpers';

// 400 paragraphs of 7 terms each (2,800 terms), and a last one with one more.
const PARAGRAPH =
  'Low ferritin, iron deficiency and dopamine: restless legs syndrome, ferritin, iron deficiency, dopamine.';
const MANY = html(
  Array.from({ length: 400 }, (_, i) => `<p id="p${i}">${i}. ${PARAGRAPH}</p>`).join('') +
    '<p id="last">Finally pregnancy.</p><div style="height: 900px"></div>',
);
const TOTAL = 400 * 7 + 1;

/** Asks the page's top frame for its counts, as the popup does. */
async function counts(ext: Page): Promise<Record<string, number>> {
  return ext.evaluate(async () => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    return (await api.tabs.sendMessage(tab.id, { type: 'rls-lens:page-terms' }, { frameId: 0 })).counts;
  });
}
const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
/** Whether the paragraph's terms are in the page's highlight registry now. */
const paintedIn = (page: Page, id: string) =>
  page.evaluate((pid: string) => {
    const p = document.getElementById(pid)!;
    for (const h of CSS.highlights.values())
      for (const r of h as unknown as Iterable<AbstractRange>) if (p.contains(r.startContainer)) return true;
    return false;
  }, id);

describe.each(BROWSERS)('paint window in %s', (kind) => {
  const env = useBrowser(kind);

  it('registers only the terms near the viewport, adds the rest on scrolling, and counts, hovers and steps them all', async () => {
    await seedSettings(env.session, { preferences: { ...DEFAULT_PREFERENCES } });
    const page = await openPage(env.session.browser, env.server.put('/many.html', MANY));
    const painted = await settled(page, { quietMs: 800 });
    // A few screens' worth, not 2,801.
    expect(painted.length).toBeGreaterThan(40);
    expect(painted.length).toBeLessThan(TOTAL / 3);
    expect(await paintedIn(page, 'p0')).toBe(true);
    expect(await paintedIn(page, 'last')).toBe(false);
    await page.bringToFront();
    const ext = await openExtensionPage(env.session, 'popup.html');
    await page.bringToFront();
    expect(sum(await counts(ext))).toBe(TOTAL);

    // Scrolled to the end: the last paragraphs are painted, the first ones no longer.
    await page.evaluate(() => document.getElementById('last')!.scrollIntoView());
    await untilValue(
      'the last paragraph painted',
      () => paintedIn(page, 'last'),
      (v) => v,
    );
    expect(await paintedIn(page, 'p0')).toBe(false);
    expect((await highlighted(page)).length).toBeLessThan(TOTAL / 3);
    await hover(page, 'pregnancy');
    await openTooltip(page, 'Pregnancy');
    await page.keyboard.press('Escape');

    // Back at the top: from the first term, a step backwards wraps to the page's last term, far outside the window,
    // scrolls to it and marks it.
    await page.evaluate(() => scrollTo(0, 0));
    await untilValue(
      'the first paragraph painted again',
      () => paintedIn(page, 'p0'),
      (v) => v,
    );
    await hover(page, 'ferritin');
    await openTooltip(page, 'Ferritin');
    await page.keyboard.press('Escape');
    await ext.evaluate(async () => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      const [tab] = await api.tabs.query({ active: true, currentWindow: true });
      // As the keyboard command and the popup do: the background routes the step over the tab and wraps it.
      await api.runtime.sendMessage({ type: 'rls-lens:step-tab', tabId: tab.id, direction: -1 });
    });
    await openTooltip(page, 'Pregnancy');
    expect(
      await page.evaluate(
        (name: string) =>
          [...(CSS.highlights.get(name) as unknown as Iterable<AbstractRange>)].map((r) =>
            r.startContainer.textContent!.slice(r.startOffset, r.endOffset),
          ),
        CURRENT_HIGHLIGHT,
      ),
    ).toEqual(['pregnancy']);
    await ext.close();
    await page.close();
  });

  it('draws each entry once in first-occurrence mode, wherever it is', async () => {
    await seedSettings(env.session, { preferences: { ...DEFAULT_PREFERENCES, firstOnly: true } });
    const page = await openPage(env.session.browser, env.server.put('/many-first.html', MANY));
    expect((await settled(page, { quietMs: 800 })).sort()).toEqual([
      'dopamine',
      'ferritin',
      'iron deficiency',
      'pregnancy',
      'restless legs syndrome',
    ]);
    await seedSettings(env.session, { preferences: { ...DEFAULT_PREFERENCES } });
    await page.close();
  });
});
