// The reader's control, in Chromium and Firefox: opt-in mode ("only the sites I switch on"), the toggle-site
// command, what opens a tooltip (hover, Alt+hover, click), what the popup says on pages it cannot read (PDFs,
// browser pages, Reader View), and a phone: tapping terms at 390 px, the popup at 360 and 390 px.
// Screenshots: test-output/control-*.png; the phone pictures also go to docs/.
import type { Page } from 'puppeteer-core';
import { mkdir } from 'node:fs/promises';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { englishText } from '../fixtures/catalogue';
import { DEFAULT_PREFERENCES, type Preferences } from '../../settings/schema';
import type { StoredSettings } from '../../settings/stored-keys';
import {
  clickToolbarButton,
  emulatePhone,
  pageTerms,
  pdfDocument,
  runCommand,
  scriptInFrames,
  scrollsSideways,
  smallTargets,
  tabIdOf,
} from './control-helpers';
import { GATE_MEASURE, PAGE_PREFIX, SCAN_MEASURE } from '../../core/page-names';
import {
  BROWSERS,
  highlighted,
  hover,
  html,
  openExtensionPage,
  openPage,
  pointOf,
  screenshot,
  seedSettings,
  sleep,
  until,
  untilValue,
  useBrowser,
} from './support';
import {
  HOST,
  SETTLE_MS,
  closedTooltip,
  engineReady,
  openTooltip,
  pointerIntoTooltip,
  tooltip,
} from './tooltip-helpers';

const DOCS = new URL('../../docs/', import.meta.url);
/** What the popup says on a PDF (components/shared/page-reasons.ts), as the catalogue words it. */
const PDF_REASON = englishText('pageReasons.pdf');
const DEFAULTS: StoredSettings = {
  globalEnabled: true,
  siteRules: [],
  preferences: { ...DEFAULT_PREFERENCES },
  siteMode: 'opt-out',
};

const ARTICLE = html(
  `<main style="max-width:36em;margin:2em auto;font:18px/1.6 Georgia,serif">
<h1>Reading notes</h1>
<p>Low ferritin levels are common in people with restless legs.</p>
<p>Plain words only, nothing to explain here.</p>
<p>Signals through dopamine are studied, and <a href="#linked">ferritin tests</a> are ordered.</p>
</main>
<script>
  // What the page sees of Alt: RLS Lens must never prevent it (it is the menu key on Windows and Linux).
  window.altSeen = [];
  for (const type of ['keydown', 'keyup']) addEventListener(type, (e) => e.key === 'Alt' && altSeen.push(type + (e.defaultPrevented ? ' prevented' : '')));
</script>`,
  '<meta name="viewport" content="width=device-width, initial-scale=1">',
);

describe.each(BROWSERS)('the reader’s control in %s', (kind) => {
  const env = useBrowser(kind);
  /** The overview page: extension APIs for the tests, and the site list and preferences as a person uses them. */
  let overview: Page;
  let articleUrl: string;
  const seed = (settings: Partial<StoredSettings>) => seedSettings(env.session, { ...DEFAULTS, ...settings });
  const preferences = (patch: Partial<Preferences>) => seed({ preferences: { ...DEFAULT_PREFERENCES, ...patch } });
  const storedRules = () =>
    overview.evaluate(
      async () =>
        ((await ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.get('siteRules')).siteRules ??
          []) as unknown[],
    );
  const article = async (host = '127.0.0.1') => {
    const page = await openPage(env.session.browser, env.server.url('/article.html', host));
    return page;
  };
  /** The popup in a tab of its own, for a tab, at the toolbar popup's size. */
  const popupTab = async (tabId: number) => {
    const popup = await openExtensionPage(env.session, `popup.html?tab=${tabId}`, '.site');
    await popup.setViewport({ width: 400, height: 600 });
    return popup;
  };
  const lit = (page: Page) =>
    untilValue(
      'terms highlighted',
      () => highlighted(page),
      (t) => t.length > 0,
    );
  /** The test build's measures of RLS Lens in the page's timeline: the gate's and the scans'. */
  const readMeasures = (page: Page) =>
    page.evaluate(
      (names: string[]) =>
        performance
          .getEntriesByType('measure')
          .map((m) => m.name)
          .filter((name) => names.includes(name)),
      [GATE_MEASURE, SCAN_MEASURE],
    );
  /** Every highlight registered under our prefix, by name. */
  const highlightNames = (page: Page) =>
    page.evaluate((prefix: string) => [...CSS.highlights.keys()].filter((n) => n.startsWith(prefix)), PAGE_PREFIX);
  const dark = (page: Page) =>
    untilValue(
      'no terms highlighted',
      () => highlighted(page),
      (t) => t.length === 0,
    );

  beforeAll(async () => {
    await mkdir(DOCS, { recursive: true });
    articleUrl = env.server.put('/article.html', ARTICLE);
    env.server.put('/quiet.html', html('<main><h1>Opening hours</h1><p>Monday to Friday, nine to five.</p></main>'));
    env.server.put('/doc.pdf', pdfDocument('Low ferritin levels and dopamine in restless legs syndrome.'), {
      'content-type': 'application/pdf',
    });
    overview = await openExtensionPage(env.session, 'overview.html', '#sites-heading');
  });
  beforeEach(() => seed({}));

  it('opt-in mode runs nothing on a site not switched on, until its switch in the popup starts it, live', async () => {
    await seed({ siteMode: 'opt-in' });
    const page = await article();
    const other = await article('localhost');
    const quiet = await openPage(env.session.browser, env.server.url('/quiet.html', 'localhost'));
    const [tabId, otherTab, quietTab] = [
      await tabIdOf(overview, page),
      await tabIdOf(overview, other),
      await tabIdOf(overview, quiet),
    ];
    // Nothing of RLS Lens in an unlisted site's pages (issue 22): no content script in any frame (no wake hook, no
    // answer), so no gate or scan measure of the test build and no highlight, with or without terms in the page.
    await sleep(800); // past the load event and the bootstrap's wait for it (content/bootstrap.ts)
    for (const [p, id] of [
      [page, tabId],
      [other, otherTab],
      [quiet, quietTab],
    ] as const) {
      expect(await scriptInFrames(overview, id), p.url()).toEqual([false]);
      expect(await pageTerms(overview, id), p.url()).toBeNull();
      expect(await readMeasures(p), p.url()).toEqual([]);
      expect(await highlightNames(p), p.url()).toEqual([]);
    }

    const popup = await openExtensionPage(env.session, `popup.html?tab=${tabId}`, '.switch--large');
    await popup.setViewport({ width: 400, height: 600 });
    const siteSwitch = () => popup.$eval('.switch--large', (b) => b.getAttribute('aria-checked'));
    expect(await siteSwitch()).toBe('false');
    expect(await popup.$eval('#site-rule', (p) => p.textContent)).toContain(
      'Not switched on: only the sites you switch on are highlighted.',
    );
    expect(await popup.$$eval('.site .switch--small', (s) => s.map((b) => b.textContent))).toEqual([
      'Highlight on the sites I switched on',
    ]);
    // Off by choice, not a page to reload.
    expect(await popup.$eval('.panel__empty', (p) => p.textContent)).toBe(englishText('popup.onPage.off'));
    await screenshot(popup, `control-popup-opt-in-off-${kind}`);

    await popup.click('.switch--large');
    expect(await untilValue('the switch to turn on', siteSwitch, (c) => c === 'true')).toBe('true');
    // Live, no reload: the background registers the script for the site and starts it in the open tab.
    expect((await lit(page)).length).toBeGreaterThan(0);
    expect(await scriptInFrames(overview, tabId)).toEqual([true]);
    expect(await storedRules()).toEqual([{ pattern: '127.0.0.1', enabled: true }]);
    await sleep(300);
    // Another new site still runs nothing.
    expect(await scriptInFrames(overview, otherTab)).toEqual([false]);
    expect(await highlightNames(other)).toEqual([]);
    // The popup hears the page's report and lists its terms.
    const listed = () => popup.$$eval('.page-terms__item', (items) => items.map((i) => i.getAttribute('data-entry')));
    expect(await untilValue('the popup to list the terms', listed, (ids) => ids.length > 0)).toContain('ferritin');
    await popup.bringToFront();
    await screenshot(popup, `control-popup-opt-in-on-${kind}`);
    // A page of the site loaded now runs the registered script.
    const again = await article();
    expect((await lit(again)).length).toBeGreaterThan(0);

    // Back to "all sites except…" in the overview's site list: the rule is kept, and the other sites start live.
    await overview.bringToFront();
    await overview.click('input[name="site-mode"][value="opt-out"]');
    expect((await lit(other)).length).toBeGreaterThan(0);
    expect(
      await untilValue(
        'the gate to read the quiet page',
        () => readMeasures(quiet),
        (m) => m.length > 0,
      ),
    ).toEqual([GATE_MEASURE]);
    expect(await storedRules()).toEqual([{ pattern: '127.0.0.1', enabled: true }]);
    const row = await untilValue(
      'the rule marked',
      () => overview.$eval('.rules__row', (r) => r.textContent),
      (t) => !!t?.includes('no effect'),
    );
    expect(row).toContain('(no effect in this mode)');
    await Promise.all([popup.close(), page.close(), other.close(), quiet.close(), again.close()]);
  });

  it('the toggle-site command starts a site that runs nothing in opt-in mode, from the tab’s address', async () => {
    await seed({ siteMode: 'opt-in' });
    const page = await article();
    const tabId = await tabIdOf(overview, page);
    await sleep(500);
    expect(await scriptInFrames(overview, tabId)).toEqual([false]);
    await runCommand(env.session, overview, 'toggle-site', page);
    expect((await lit(page)).length).toBeGreaterThan(0);
    expect(await storedRules()).toEqual([{ pattern: '127.0.0.1', enabled: true }]);
    if (kind === 'firefox') await overview.evaluate(() => (globalThis as any).browser.commands.reset('toggle-site'));
    await page.close();
  });

  it('the toggle-site command flips the current site, in either mode', async () => {
    const page = await article();
    await lit(page);
    await runCommand(env.session, overview, 'toggle-site', page);
    expect(await dark(page)).toEqual([]);
    expect(await storedRules()).toEqual([{ pattern: '127.0.0.1', enabled: false }]);
    await runCommand(env.session, overview, 'toggle-site', page);
    expect((await lit(page)).length).toBeGreaterThan(0);
    expect(await storedRules()).toEqual([]);
    // Opt-in: the page goes dark at once (its settings watch), and the command lights it.
    await seed({ siteMode: 'opt-in' });
    await dark(page);
    await runCommand(env.session, overview, 'toggle-site', page);
    expect((await lit(page)).length).toBeGreaterThan(0);
    expect(await storedRules()).toEqual([{ pattern: '127.0.0.1', enabled: true }]);
    if (kind === 'firefox') await overview.evaluate(() => (globalThis as any).browser.commands.reset('toggle-site'));
    await page.close();
  });

  it('Alt+hover mode opens nothing on a plain hover or click, and opens with Alt without swallowing it', async () => {
    await preferences({ trigger: 'alt-hover' });
    const page = await article();
    await engineReady(page);
    await hover(page, 'ferritin');
    await sleep(SETTLE_MS);
    const dopamine = await pointOf(page, 'dopamine');
    await page.mouse.click(dopamine.x, dopamine.y);
    await sleep(300);
    expect(await page.$(HOST)).toBeNull();

    // Alt pressed while resting on a term opens it, without a move; letting go keeps it open.
    await hover(page, 'ferritin');
    await page.keyboard.down('Alt');
    await openTooltip(page, 'Ferritin');
    await page.keyboard.up('Alt');
    await sleep(SETTLE_MS);
    expect((await tooltip(page))?.heading).toBe('Ferritin');
    await pointerIntoTooltip(page);
    await sleep(SETTLE_MS);
    expect((await tooltip(page))?.heading).toBe('Ferritin');
    await page.mouse.move(1060, 760, { steps: 6 });
    await closedTooltip(page);
    expect(await page.evaluate(() => (window as any).altSeen)).toEqual(['keydown', 'keyup']);

    // Touch and the keyboard commands work in every mode.
    await page.touchscreen.tap(dopamine.x, dopamine.y);
    await openTooltip(page, 'Dopamine');
    await page.touchscreen.tap(1000, 700);
    await closedTooltip(page);
    await runCommand(env.session, overview, 'next-term', page);
    await openTooltip(page, 'Ferritin');
    await page.close();
  });

  it('click mode opens on a click, not on hover; links stay links; a new choice applies live from the preferences', async () => {
    await preferences({ trigger: 'click' });
    const page = await article();
    await engineReady(page);
    await hover(page, 'ferritin');
    await sleep(SETTLE_MS);
    expect(await page.$(HOST)).toBeNull();
    const ferritin = await pointOf(page, 'ferritin');
    await page.mouse.click(ferritin.x, ferritin.y);
    await openTooltip(page, 'Ferritin');
    await page.mouse.move(1060, 760, { steps: 6 });
    await sleep(SETTLE_MS); // opened by a click: it stays when the pointer leaves
    expect((await tooltip(page))?.heading).toBe('Ferritin');
    await page.mouse.click(1060, 760);
    await closedTooltip(page);
    const link = await pointOf(page, 'ferritin tests');
    await page.mouse.click(link.x - 20, link.y);
    await until('the link to navigate', () => page.evaluate(() => location.hash === '#linked'));
    expect(await page.$(HOST)).toBeNull();

    // The overview's preferences, as a person changes them: hover again, and the open page follows without a reload.
    await overview.bringToFront();
    await overview.click('input[name="trigger"][value="hover"]');
    await overview.$eval('#preferences', (s) => s.scrollIntoView());
    await screenshot(overview, `control-preferences-${kind}`);
    expect(
      await overview.$$eval('input[name="trigger"]', (inputs) =>
        inputs.map((i) => [(i as HTMLInputElement).value, (i as HTMLInputElement).checked]),
      ),
    ).toEqual([
      ['hover', true],
      ['alt-hover', false],
      ['click', false],
    ]);
    await page.bringToFront();
    await hover(page, 'dopamine');
    await openTooltip(page, 'Dopamine');
    await page.close();
  });

  it('says why a PDF has no terms, from the content script (Chromium) or the address (Firefox’s pdf.js)', async () => {
    const page = await openPage(env.session.browser, env.server.url('/doc.pdf'));
    const tabId = await tabIdOf(overview, page);
    const popupText = (popup: Page) =>
      untilValue(
        'the popup to explain',
        () => popup.$eval('main', (m) => m.textContent ?? ''),
        (t) => !t.includes('Loading'),
      );
    // popup.html?tab=<id>, without activeTab: Chromium's content script runs in the page around its PDF viewer and
    // says so; nothing runs in Firefox's viewer, but the host access that wakes silent frames (`<all_urls>`, the
    // content script's own: no new warning) lets the popup read the tab's address, which ends in .pdf.
    let popup = await openExtensionPage(env.session, `popup.html?tab=${tabId}`, '.site');
    if (kind === 'chromium') expect(await pageTerms(overview, tabId)).toMatchObject({ pdf: true });
    else expect(await pageTerms(overview, tabId)).toBeNull();
    expect(
      await untilValue(
        'the PDF message',
        () => popup.$eval('.panel__empty', (p) => p.textContent).catch(() => null),
        (t) => t === PDF_REASON,
      ),
    ).toBe(PDF_REASON);
    await popup.close();
    // From the toolbar (activeTab: the popup sees the address).
    popup = (await clickToolbarButton(env.session, page)) ?? (await popupTab(tabId));
    expect(
      await untilValue(
        'the PDF message',
        () => popup.$eval('.panel__empty', (p) => p.textContent).catch(() => null),
        (t) => t === PDF_REASON,
      ),
    ).toBe(PDF_REASON);
    expect(await popupText(popup)).not.toContain('Reload the page');
    await popup.bringToFront();
    await screenshot(popup, `control-popup-pdf-${kind}`);
    await Promise.all([popup.close(), page.close()]);
  });

  it('says why a browser page has no terms (Firefox’s Reader View; a Chromium page whose address Chrome keeps)', async () => {
    const url = kind === 'firefox' ? `about:reader?url=${encodeURIComponent(articleUrl)}` : 'chrome://version/';
    const page = await openPage(env.session.browser, url);
    const tabId = await tabIdOf(overview, page);
    expect(await pageTerms(overview, tabId)).toBeNull();
    const popup = (await clickToolbarButton(env.session, page)) ?? (await popupTab(tabId));
    const reason = await untilValue(
      'the reason',
      () => popup.$eval('.site__unavailable', (p) => p.textContent).catch(() => null),
      (t) => !!t,
    );
    expect(reason).toBe(
      kind === 'firefox'
        ? 'This is Firefox’s Reader View, which extensions cannot read. Leave Reader View (its button in the address bar) to see the terms on the article’s own page.'
        : 'RLS Lens is not running on this page. Browsers keep extensions out of their own pages (settings, the new-tab page…), add-on stores and PDF viewers. If this is an ordinary web page that was open before RLS Lens was installed or updated, reload it.',
    );
    await popup.bringToFront();
    await screenshot(popup, `control-popup-restricted-${kind}`);
    await Promise.all([popup.close(), page.close()]);
  });

  it('on a phone: a tapped term’s tooltip fits and reads well, a tap elsewhere closes it, and the popup fits 360–390 px', async () => {
    await seed({
      siteRules: [
        { pattern: '127.0.0.1', enabled: true },
        { pattern: '*.example.org', enabled: false },
      ],
    });
    const page = await article();
    await emulatePhone(env.session, page);
    await engineReady(page);
    const view = await page.evaluate(() => ({
      width: innerWidth,
      height: innerHeight,
      coarse: matchMedia('(pointer: coarse)').matches,
    }));
    expect(view).toEqual({ width: 390, height: 844, coarse: true });
    const at = await pointOf(page, 'dopamine');
    await page.touchscreen.tap(at.x, at.y);
    const info = await openTooltip(page, 'Dopamine');
    expect(info.rect.x).toBeGreaterThanOrEqual(0);
    expect(info.rect.y).toBeGreaterThanOrEqual(0);
    expect(info.rect.x + info.rect.width).toBeLessThanOrEqual(390);
    expect(info.rect.y + info.rect.height).toBeLessThanOrEqual(844);
    const text = await page.evaluate((h: string) => {
      const root = document.querySelector(h)!.shadowRoot!;
      const size = (selector: string) => parseFloat(getComputedStyle(root.querySelector(selector)!).fontSize);
      return { heading: size('.rls-entry__term'), body: size('.rls-entry__definition') };
    }, HOST);
    expect(text.heading).toBeGreaterThanOrEqual(18);
    expect(text.body).toBeGreaterThanOrEqual(15);
    expect(await smallTargets(page, HOST)).toEqual([]);
    await page.screenshot({ path: new URL(`phone-tooltip-${kind}.png`, DOCS).pathname as `${string}.png` });
    // Elsewhere: the page's heading, which has no term (and is not under the tooltip, placed below the term).
    const heading = await pointOf(page, 'Reading notes');
    expect(heading.y).toBeLessThan(info.rect.y);
    await page.touchscreen.tap(heading.x, heading.y);
    await closedTooltip(page);

    const tabId = await tabIdOf(overview, page);
    for (const width of [360, 390]) {
      const popup = await openExtensionPage(env.session, `popup.html?tab=${tabId}`, '.switch--large');
      await emulatePhone(env.session, popup, width, 780, '.switch--large');
      expect(await scrollsSideways(popup), `popup at ${width} px`).toBe(false);
      expect(await smallTargets(popup), `popup at ${width} px`).toEqual([]);
      if (width === 390) {
        await popup.screenshot({ path: new URL(`phone-popup-${kind}.png`, DOCS).pathname as `${string}.png` });
        // A tap on the site switch works as a click does.
        const box = (await (await popup.$('.switch--large'))!.boundingBox())!;
        await popup.touchscreen.tap(box.x + box.width - 20, box.y + box.height / 2);
        await until('the switch to turn off', () =>
          popup.$eval('.switch--large', (b) => b.getAttribute('aria-checked') === 'false'),
        );
        expect(await storedRules()).toContainEqual({ pattern: '127.0.0.1', enabled: false });
        // The card view has its own controls (Back, related entries, "More from the article").
        // The popup may still be redrawing its lists for the switch just turned off (the page reports it): a chip
        // clicked while it is replaced opens nothing, so click again until a card opens.
        await until('a chip to open its card', async () => {
          if (!(await popup.$('#card-heading'))) {
            // Centred first: the popup's footer is sticky, and a chip just inside the bottom edge lies under it.
            await popup.$eval('.chip', (c) => c.scrollIntoView({ block: 'center' }));
            await popup.click('.chip');
          }
          return popup.$('#card-heading');
        });
        expect(await scrollsSideways(popup), 'card at 390 px').toBe(false);
        expect(await smallTargets(popup), 'card at 390 px').toEqual([]);
      }
      await popup.close();
    }
    await page.close();
  });
});
