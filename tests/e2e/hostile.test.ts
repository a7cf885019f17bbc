// Pages that fight back: frameworks that patch their own text nodes, pages that rewrite themselves all the time,
// huge pages, and the extension being switched off or unloaded under a page. None of them may see an error, a
// stale or leaked range, a frozen main thread, or anything of ours left behind.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { CURRENT_HIGHLIGHT, PAGE_PREFIX, highlightName, SCAN_MEASURE, TOOLTIP_HOST } from '../../core/page-names';
import { extensionDir } from '../harness/launch.mjs';
import {
  BROWSERS,
  highlighted,
  hover,
  html,
  seedSettings,
  settled,
  sleep,
  waitFor,
  type Session,
  useBrowser,
} from './support';
import { SETTLE_MS } from './tooltip-helpers';
import { VDOM_PAGE, REWRITE_PAGE, hugePage, TOGGLE_PAGE } from './hostile-pages';

/** Opens a page collecting everything it reports as an error (its own and those of scripts running in it). */
async function openWatched(session: Session, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await session.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${(e as Error)?.message ?? e}`));
  // Resource errors (the favicon's 404) are the network's, not a script's.
  page.on(
    'console',
    (m) =>
      m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(`console: ${m.text()}`),
  );
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}

const settle = (page: Page, quietMs = 600) => settled(page, { quietMs });

/** Everything of ours a page could still hold. */
function leftovers(page: Page) {
  return page.evaluate(
    (prefix: string, host: string) => ({
      highlights: [...CSS.highlights.keys()].filter((name) => name.startsWith(prefix)),
      hosts: document.querySelectorAll(host).length,
      attributes: [...document.querySelectorAll('*')].flatMap((el) =>
        el.getAttributeNames().filter((a) => a.startsWith(`data-${prefix}`)),
      ),
    }),
    PAGE_PREFIX,
    TOOLTIP_HOST,
  );
}

const sorted = (texts: string[]) => [...texts].sort();
/** Total number of ranges in our highlights, and whether each still points into the document. */
const rangeStats = (page: Page) =>
  page.evaluate(
    (prefix: string, current: string) => {
      let size = 0;
      let detached = 0;
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith(prefix) || name === current) continue;
        size += h.size;
        for (const r of h) if (!r.startContainer.isConnected || !r.endContainer.isConnected) detached++;
      }
      return { size, detached };
    },
    PAGE_PREFIX,
    CURRENT_HIGHLIGHT,
  );

describe.each(BROWSERS)('hostile pages in %s', (kind) => {
  const env = useBrowser(kind);

  it('a framework patching its own text nodes sees no error and ends with the right highlights', async () => {
    const { page, errors } = await openWatched(env.session, env.server.put('/vdom.html', VDOM_PAGE));
    await settle(page);
    // Patches while a scan may be running, then more after it settled, as renders come and go.
    await page.evaluate(() => (window as any).patch(1));
    await sleep(20);
    await page.evaluate(() => (window as any).patch(2));
    await settle(page);
    await page.evaluate(() => (window as any).patch(3));
    await settle(page);
    const texts = sorted(await highlighted(page));
    expect(await rangeStats(page)).toEqual({ size: texts.length, detached: 0 });
    // The reference: the same final markup, loaded fresh and scanned once.
    const finalMarkup = await page.evaluate(() => document.getElementById('app')!.outerHTML);
    const fresh = await openWatched(env.session, env.server.put('/vdom-final.html', html(finalMarkup)));
    await settle(fresh.page);
    expect(texts).toEqual(sorted(await highlighted(fresh.page)));
    expect(texts).toEqual(sorted(['dopamine', 'dopamine', 'ferritin', 'ferritin', 'restless legs syndrome', 'RLS']));
    expect(errors).toEqual([]);
    await fresh.page.close();
    await page.close();
  });

  it('a page rewriting part of itself every 100 ms for 10 s costs scans of what changed, and leaks no range', async () => {
    const { page, errors } = await openWatched(env.session, env.server.put('/rewrite.html', REWRITE_PAGE));
    await settle(page);
    const before = await page.evaluate((measure: string) => performance.getEntriesByName(measure).length, SCAN_MEASURE);
    const pageNodes = await page.evaluate(() => {
      let count = 0;
      for (const walker = document.createTreeWalker(document.body); walker.nextNode();) count++;
      return count;
    });
    await page.evaluate(() => (window as any).startRewriting());
    await waitFor(page, () => (window as any).rewrites >= 100, 20_000);
    await settle(page);
    const nodes = await page.evaluate(
      (measure: string, skip: number) =>
        performance
          .getEntriesByName(measure)
          .slice(skip)
          .reduce((sum, m) => sum + ((m as PerformanceMeasure).detail as { nodes: number }).nodes, 0),
      SCAN_MEASURE,
      before,
    );
    const rewrites = await page.evaluate(() => (window as any).rewrites as number);
    // Each rewrite touches about a dozen nodes; a full rescan would read every one of the page's thousands.
    expect(nodes).toBeGreaterThanOrEqual(rewrites);
    expect(nodes).toBeLessThan(rewrites * 60);
    expect(nodes).toBeLessThan((rewrites * pageNodes) / 50);
    const expected = await page.evaluate(() => (window as any).termsOnPage() as number);
    expect(await rangeStats(page)).toEqual({ size: expected, detached: 0 });
    expect((await highlighted(page)).length).toBe(expected);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('a page with 100,000 text nodes keeps its heartbeat while the extension scans it', async () => {
    // The worst gap between two beats of the page's own timer that overlaps the scan. This machine is shared (two
    // cores, other browsers): one preemption can stretch any gap, so the best of three loads is judged. Starving
    // the page is systematic (with scheduler.yield() no beat ran during any scan: gaps of 170-200 ms).
    const runs = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const { page, errors } = await openWatched(env.session, env.server.put('/huge.html', hugePage()));
      await settle(page, 1000);
      runs.push(
        await page.evaluate((measure: string) => {
          const scans = performance.getEntriesByName(measure);
          const from = scans[0]!.startTime;
          const to = scans.at(-1)!.startTime + scans.at(-1)!.duration;
          const beats = (window as any).beats as number[];
          let worst = 0;
          for (let i = 1; i < beats.length; i++) {
            if (beats[i]! >= from && beats[i - 1]! <= to) worst = Math.max(worst, beats[i]! - beats[i - 1]!);
          }
          const nodes = scans.reduce(
            (sum, m) => sum + ((m as PerformanceMeasure).detail as { nodes: number }).nodes,
            0,
          );
          return { worst, nodes, beatsDuringScan: beats.filter((b) => b >= from && b <= to).length };
        }, SCAN_MEASURE),
      );
      expect(errors).toEqual([]);
      await page.close();
      if (runs.at(-1)!.worst < 50) break;
    }
    const best = runs.reduce((a, b) => (b.worst < a.worst ? b : a));
    console.log(
      `${kind}: heartbeat while scanning ${best.nodes} nodes: worst gap ${best.worst.toFixed(1)} ms, ${best.beatsDuringScan} beats (${runs.length} load(s))`,
    );
    expect(best.nodes).toBeGreaterThan(100_000); // the whole page was read while the heartbeat ran
    expect(best.beatsDuringScan, JSON.stringify(runs)).toBeGreaterThan(2);
    expect(best.worst, JSON.stringify(runs)).toBeLessThan(50);
  }, 120_000);

  describe('switched off, then unloaded', () => {
    const setSiteRules = (rules: { pattern: string; enabled: boolean }[]) =>
      seedSettings(env.session, { siteRules: rules });

    it('leaves no highlight, tooltip, attribute or listener behind', async () => {
      const { page, errors } = await openWatched(env.session, env.server.put('/toggle.html', TOGGLE_PAGE));
      await settle(page);
      expect(await highlighted(page)).toContain('ferritin');
      const hoverOpens = async () => {
        await page.mouse.move(5, 5);
        await sleep(100);
        await hover(page, 'ferritin');
        await sleep(SETTLE_MS);
        return page.evaluate((host: string) => document.querySelectorAll(host).length, TOOLTIP_HOST);
      };
      expect(await hoverOpens()).toBe(1);

      await setSiteRules([{ pattern: '127.0.0.1', enabled: false }]);
      await page.waitForFunction(
        (prefix: string) => ![...CSS.highlights.keys()].some((n) => n.startsWith(prefix)),
        {},
        PAGE_PREFIX,
      );
      expect(await leftovers(page)).toEqual({ highlights: [], hosts: 0, attributes: [] });
      expect(await hoverOpens()).toBe(0);
      expect(await leftovers(page)).toEqual({ highlights: [], hosts: 0, attributes: [] });

      // Back on: one set of highlights and one tooltip, not two (the first run's listeners are gone).
      await setSiteRules([]);
      await settle(page);
      expect(await rangeStats(page)).toEqual({ size: 2, detached: 0 });
      expect(await hoverOpens()).toBe(1);
      await page.mouse.move(5, 5);
      await page.waitForFunction((host: string) => document.querySelector(host) === null, {}, TOOLTIP_HOST);

      // Unloading the extension invalidates the content script: it must take everything with it. Chromium keeps
      // running the orphaned script (its watchdog notices within a second); Firefox destroys it without running
      // any of its code, so the registry entry it made stays until the page reloads or the extension comes back.
      await env.session.browser.uninstallExtension(env.session.extensionId);
      await sleep(2000);
      const stale = kind === 'firefox' ? [highlightName('both')] : [];
      expect(await leftovers(page)).toEqual({ highlights: stale, hosts: 0, attributes: [] });
      expect(await hoverOpens()).toBe(0);
      expect(await leftovers(page)).toEqual({ highlights: stale, hosts: 0, attributes: [] });

      // Installed again: the background registers the content script and starts it in the open page
      // (background/late-start.ts), in both browsers; it clears what an old instance left and highlights afresh (one
      // set, one tooltip).
      env.session.extensionId = await env.session.browser.installExtension(extensionDir(kind, 'probes'));
      await sleep(2000);
      await settle(page);
      expect(await rangeStats(page)).toEqual({ size: 2, detached: 0 });
      expect(await hoverOpens()).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    }, 90_000);
  });
});
