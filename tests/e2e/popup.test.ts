// The popup, the badge and the overview page as a person meets them: switching a site off (live, for that site
// only, kept after a reload), the terms on the page with their counts, search, the overview at an entry, and
// accessibility (axe) in light and dark. Screenshots go to test-output/.
import { readFile } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../harness/launch.mjs';
import {
  BROWSERS,
  highlighted,
  html,
  launch,
  openExtensionPage,
  openPage,
  screenshot,
  sleep,
  startServer,
  untilValue,
  type Server,
  type Session,
} from './support';

// Counted by hand: three "dopamine", two "ferritin", one "restless legs syndrome", and no other glossary term.
const TERMS_PAGE = html(`
  <h1>Notes from a reader</h1>
  <p>Dopamine is a messenger. A second dopamine mention, and a third: DOPAMINE.</p>
  <p>Ferritin was low in spring; ferritin was normal in autumn.</p>
  <p>All of this is about restless legs syndrome.</p>
`);
const EXPECTED_COUNTS = [
  ['dopamine', '3'],
  ['ferritin', '2'],
  ['restless-legs-syndrome', '1'],
];
const NO_TERMS_PAGE = html('<p>Nothing to explain on this page: weather, trains and tea.</p>');

/** Polls `read` until `done` accepts its value (throws, with the last value, when it never does). */
const until = <T>(read: () => Promise<T>, done: (value: T) => boolean, timeout = 10_000) =>
  untilValue('the popup to show it', read, done, timeout);

/** The id of the tab whose top frame's content script reports `host` (asked from an extension page). */
async function tabIdFor(extensionPage: Page, host: string): Promise<number | null> {
  return until(
    () =>
      extensionPage.evaluate(async (wanted: string) => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        for (const tab of await api.tabs.query({})) {
          try {
            const answer = await api.tabs.sendMessage(tab.id, { type: 'rls-lens:page-terms' }, { frameId: 0 });
            if (answer?.host === wanted) return tab.id as number;
          } catch {
            // No content script in that tab (an extension page, about:blank).
          }
        }
        return null;
      }, host),
    (id) => id !== null,
  );
}

function badgeText(extensionPage: Page, tabId: number): Promise<string> {
  return extensionPage.evaluate(async (id: number) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    return (api.action ?? api.browserAction).getBadgeText({ tabId: id });
  }, tabId);
}

/** The site switch: a role=switch button whose accessible name (its text; no aria-label overrides it) names the host. */
function siteSwitch(popup: Page, host: string) {
  return popup.evaluate((wanted: string) => {
    const button = [...document.querySelectorAll('button[role="switch"]')].find((b) => b.textContent?.includes(wanted));
    if (!button) return null;
    return {
      name: button.textContent,
      overridden: button.hasAttribute('aria-label') || button.hasAttribute('aria-labelledby'),
      checked: button.getAttribute('aria-checked'),
    };
  }, host);
}

async function clickSiteSwitch(popup: Page, host: string, how: 'keyboard' | 'pointer') {
  await popup.evaluate((wanted: string) => {
    const button = [...document.querySelectorAll<HTMLElement>('button[role="switch"]')].find((b) =>
      b.textContent?.includes(wanted),
    );
    button?.setAttribute('data-test-target', '');
    button?.focus();
  }, host);
  // ' ' rather than 'Space': WebDriver BiDi knows keys by the character they type.
  if (how === 'keyboard') await popup.keyboard.press(' ');
  else await popup.click('[data-test-target]');
}

const onPageList = (popup: Page) =>
  popup.$$eval('.page-terms__item', (items) =>
    items.map((i) => [i.getAttribute('data-entry'), i.getAttribute('data-count')]),
  );

describe.each(BROWSERS)('popup, badge and overview in %s', (kind) => {
  let session: Session;
  let server: Server;
  let helper: Page;
  const extensionPage = (path: string, ready: string) => openExtensionPage(session, path, ready);

  beforeAll(async () => {
    server = await startServer();
    server.put('/terms.html', TERMS_PAGE);
    server.put('/no-terms.html', NO_TERMS_PAGE);
    session = await launch(kind, { build: 'probes' });
    // An extension page to call extension APIs from (tabs, badge): the overview page is one.
    helper = await extensionPage('overview.html', 'h1');
  });
  afterAll(async () => {
    await session?.browser.close();
    await server?.close();
  });

  it('switches one site off live, keeps it off after a reload, and on again', async () => {
    const local = await openPage(session.browser, server.url('/terms.html'));
    const other = await openPage(session.browser, server.url('/terms.html', 'localhost'));
    expect(
      await until(
        () => highlighted(local),
        (t) => t.length > 0,
      ),
    ).not.toEqual([]);
    expect(
      await until(
        () => highlighted(other),
        (t) => t.length > 0,
      ),
    ).not.toEqual([]);
    const tabId = await tabIdFor(helper, '127.0.0.1');
    expect(tabId).not.toBeNull();

    const popup = await extensionPage(`popup.html?tab=${tabId}`, '.switch--large');
    const before = await siteSwitch(popup, '127.0.0.1');
    expect(before).toMatchObject({ overridden: false, checked: 'true' });
    expect(before?.name).toMatch(/Highlight terms on\s*127\.0\.0\.1/);

    await clickSiteSwitch(popup, '127.0.0.1', 'keyboard');
    const checked = () => siteSwitch(popup, '127.0.0.1').then((s) => s?.checked);
    expect(await until(checked, (c) => c === 'false')).toBe('false');
    expect(
      await until(
        () => highlighted(local),
        (t) => t.length === 0,
      ),
    ).toEqual([]);
    await sleep(300);
    expect((await highlighted(other)).length).toBeGreaterThan(0);

    // After a reload the page's content script starts again and must read the switch as off.
    await local.reload({ waitUntil: 'load' });
    const note = await until(
      () => popup.$eval('.panel__empty', (p) => p.textContent).catch(() => null),
      (text) => text === 'Highlighting is off on this page.',
    );
    expect(note).toBe('Highlighting is off on this page.');
    await sleep(500);
    expect(await highlighted(local)).toEqual([]);

    await clickSiteSwitch(popup, '127.0.0.1', 'pointer');
    expect(await until(checked, (c) => c === 'true')).toBe('true');
    expect(
      (
        await until(
          () => highlighted(local),
          (t) => t.length > 0,
        )
      ).length,
    ).toBeGreaterThan(0);
    await Promise.all([popup.close(), local.close(), other.close()]);
  });

  it('lists the terms on the page, most frequent first, the badge counts them, and both follow the tab to a new page', async () => {
    const page = await openPage(session.browser, server.url('/terms.html'));
    const tabId = await tabIdFor(helper, '127.0.0.1');
    const popup = await extensionPage(`popup.html?tab=${tabId}`, '.switch--large');
    expect(
      await until(
        () => onPageList(popup),
        (list) => list.length === EXPECTED_COUNTS.length,
      ),
    ).toEqual(EXPECTED_COUNTS);
    expect(
      await until(
        () => badgeText(helper, tabId!),
        (text) => text === '3',
      ),
    ).toBe('3');

    // A navigation to a page without terms empties the badge.
    await page.goto(server.url('/no-terms.html'), { waitUntil: 'load' });
    expect(
      await until(
        () => badgeText(helper, tabId!),
        (text) => text === '',
      ),
    ).toBe('');
    // The popup, open all along, follows the tab to its new page: the old page's list goes.
    expect(
      await until(
        () => popup.$eval('.panel__empty', (p) => p.textContent).catch(() => null),
        (text) => text === 'No glossary terms found on this page.',
      ),
    ).toBe('No glossary terms found on this page.');
    expect(await onPageList(popup)).toEqual([]);
    await Promise.all([popup.close(), page.close()]);
  });

  it('finds an entry by an alias and opens its card', async () => {
    const popup = await extensionPage('popup.html', '#search-input');
    await popup.type('#search-input', 'Willis-Ekbom');
    await popup.waitForSelector('.results__item');
    const first = await popup.$eval('.results__item', (b) => ({
      id: b.getAttribute('data-entry'),
      text: b.textContent,
    }));
    expect(first.id).toBe('restless-legs-syndrome');
    expect(first.text).toContain('Willis');
    await popup.click('.results__item');
    await popup.waitForSelector('#card-heading');
    expect(await popup.$eval('#card-heading', (h) => [h.textContent, document.activeElement === h])).toEqual([
      'Restless legs syndrome',
      true,
    ]);
    // Escape goes back to the results with focus on the result that opened the card.
    await popup.keyboard.press('Escape');
    await popup.waitForSelector('.results__item');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-entry'))).toBe(
      'restless-legs-syndrome',
    );
    await popup.close();
  });

  it('opens the overview page at the entry named in its address', async () => {
    // Iron deficiency, not Ferritin: since issue 10 Ferritin has no first quote (its only sentence is a claim).
    const page = await extensionPage('overview.html#entry=iron-deficiency', '#card-heading');
    expect(await page.$eval('#card-heading', (h) => h.textContent)).toBe('Iron deficiency');
    expect(await page.$eval('.overview__card', (c) => c.textContent)).toContain('From the article');
    await page.close();
  });

  it('has no axe violations in the popup and the overview page, light and dark', async () => {
    const axe = await readFile(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
    const site = await openPage(session.browser, server.url('/terms.html'));
    const tabId = await tabIdFor(helper, '127.0.0.1');
    const violations: Record<string, string[]> = {};
    const popup = await extensionPage(`popup.html?tab=${tabId}`, '.switch--large');
    await popup.setViewport({ width: 380, height: 600 });
    const overview = await extensionPage('overview.html#entry=restless-legs-syndrome', '#card-heading');
    await overview.setViewport({ width: 1100, height: 900 });
    const pages = [
      ['popup', popup],
      ['overview', overview],
    ] as const;

    for (const scheme of ['light', 'dark'] as const) {
      // Chromium: the system colour scheme, emulated (the `auto` theme follows it). Firefox over WebDriver BiDi
      // cannot emulate media features, so there the person's theme preference is set on the overview page.
      if (kind === 'chromium') {
        for (const [, page] of pages)
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      } else {
        await overview.click(`input[name="theme"][value="${scheme === 'dark' ? 'dark' : 'auto'}"]`);
      }
      for (const [name, page] of pages) {
        // Chromium paints (and so screenshots) only the tab in front.
        await page.bringToFront();
        const background = await until(
          () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
          (colour) => colour === (scheme === 'dark' ? 'rgb(27, 29, 33)' : 'rgb(255, 255, 255)'),
        );
        expect(background, `${name} background in ${scheme}`).toBe(
          scheme === 'dark' ? 'rgb(27, 29, 33)' : 'rgb(255, 255, 255)',
        );
        if (name === 'popup')
          await until(
            () => onPageList(page),
            (list) => list.length > 0,
          );
        await sleep(200); // switch transitions
        if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axe);
        violations[`${name} ${scheme}`] = await page.evaluate(async () => {
          const result = await (globalThis as any).axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map(
            (v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`,
          );
        });
        await page.evaluate(() => window.scrollTo(0, 0)); // choosing the theme scrolled the overview down
        await screenshot(page, `${name}-${scheme}-${kind}`);
      }
    }
    if (kind === 'firefox') await overview.click('input[name="theme"][value="auto"]');
    await Promise.all([popup.close(), overview.close(), site.close()]);
    expect(violations).toEqual({ 'popup light': [], 'overview light': [], 'popup dark': [], 'overview dark': [] });
  });
});
