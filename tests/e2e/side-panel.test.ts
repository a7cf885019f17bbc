// The side panel as a reader meets it, opened as a page of its own for one tab (`sidepanel.html?tab=<id>`:
// puppeteer cannot open the browser's real side panel): the tab's terms from every frame with their snippets, kept
// current as the page changes and as the site is switched off and on; a snippet opens its tooltip in the page, in
// whichever frame it is; the panel's steps go through every frame; axe in light and dark; pictures beside a page.
import { readFile } from 'node:fs/promises';
import type { Frame, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../harness/launch.mjs';
import { DEFAULT_PREFERENCES } from '../../settings/schema';
import {
  BROWSERS,
  html,
  openExtensionPage,
  openPage,
  seedSettings,
  settled,
  sleep,
  until,
  untilValue,
  useBrowser,
} from './support';
import {
  besideEachOther,
  clickButton,
  currentMark,
  frameTooltip,
  noTooltipIn,
  panelAnnouncement,
  panelTerms,
  snippetsOf,
  tabIdOf,
  tooltipIn,
} from './side-panel-helpers';

const DOCS = `${ROOT}docs/`;

/** The top page: two terms, a same-origin frame with "pregnancy", one more term, and a frame from another origin. */
const topPage = (crossUrl: string) =>
  html(`<main style="max-width:38em;margin:1.5em auto;font:17px/1.6 Georgia,serif">
  <h1>Notes from a reader</h1>
  <p>Low ferritin levels are common in people with restless legs syndrome.</p>
  <iframe id="forum" src="/forum.html" title="A forum post" style="width:100%;height:120px;border:1px solid #bbb"></iframe>
  <p>Signals through dopamine are studied in sleep laboratories.</p>
  <iframe id="other" src="${crossUrl}" title="Another site" style="width:100%;height:100px;border:1px solid #bbb"></iframe>
  </main>`);
// The frame is an RLS forum and says so in its title: "pregnancy" lights only on a page about health (issue 19).
const FORUM = html(
  '<p style="font:16px/1.5 sans-serif">A reader wrote that her pregnancy brought the first restless nights.</p>',
  '<title>Restless legs syndrome forum</title>',
);
const CROSS = html('<p style="font:16px/1.5 sans-serif">On another site: her ferritin was checked twice.</p>');
/** Counted by hand: ferritin in the top page and the other site's frame, the rest once each. */
const TERMS = [
  ['restless-legs-syndrome', '1'],
  ['ferritin', '2'],
  ['dopamine', '1'],
  ['pregnancy', '1'],
];
/** A one-page PDF whose text has a glossary term: the panel must not pretend to read it. */
const PDF_FILE = (() => {
  const stream = 'BT /F1 18 Tf 20 80 Td (Low ferritin levels) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${out}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
})();
const sorted = (list: (string | null)[][]) => [...list].sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe.each(BROWSERS)('the side panel in %s', (kind) => {
  const env = useBrowser(kind);
  let helper: Page;

  /** The test page in a tab, settled in all its frames, and the side panel page for that tab. */
  async function open(): Promise<{ page: Page; panel: Page; forum: Frame; tabId: number }> {
    const { server, session } = env;
    server.put('/forum.html', FORUM);
    server.put('/cross.html', CROSS);
    server.put('/notes.html', topPage(server.url('/cross.html', 'localhost')));
    helper ??= await openExtensionPage(session, 'overview.html', 'h1');
    const page = await openPage(session.browser, server.url('/notes.html'));
    await settled(page);
    const forum = await until('the forum frame', async () =>
      page.frames().find((f) => f.url().endsWith('/forum.html')),
    );
    await settled(page, { frame: forum });
    const tabId = await tabIdOf(helper, page);
    const panel = await openExtensionPage(session, `sidepanel.html?tab=${tabId}`, '.sp');
    await untilValue(
      'the panel to list the terms of every frame',
      () => panelTerms(panel).then(sorted),
      (t) => t.length === TERMS.length,
    );
    return { page, panel, forum, tabId };
  }

  it("lists the tab's terms from every frame, by section, with their snippets in reading order", async () => {
    const { page, panel } = await open();
    expect(sorted(await panelTerms(panel))).toEqual(sorted(TERMS));
    const ferritin = await snippetsOf(panel, 'ferritin');
    expect(ferritin.map((s) => s.bold)).toEqual(['ferritin', 'ferritin']);
    expect(ferritin[0]!.line).toBe('1 of 2: Low ferritin levels are common in people with restless legs syndrome.');
    expect(ferritin[1]!.line).toBe('2 of 2, in a frame: On another site: her ferritin was checked twice.');
    expect((await snippetsOf(panel, 'pregnancy'))[0]!.line).toContain('A reader wrote that her pregnancy brought');
    const headings = await panel.$$eval('.sp-section__title', (h) => h.map((e) => e.textContent));
    expect(headings.length).toBeGreaterThan(1);
    expect(await panel.$eval('.sp__summary', (p) => p.textContent)).toBe('4 terms, 5 occurrences');
    await Promise.all([panel.close(), page.close()]);
  });

  it('follows the active tab of its window when no tab is named, as the real side panel does', async () => {
    const { server, session } = env;
    server.put('/a.html', html('<p>Only dopamine here.</p>'));
    server.put('/b.html', html('<p>Pregnancy and ferritin here.</p>'));
    const a = await openPage(session.browser, server.url('/a.html'));
    const b = await openPage(session.browser, server.url('/b.html'));
    await Promise.all([settled(a), settled(b)]);
    const panel = await openExtensionPage(session, 'sidepanel.html', '.sp');
    const listed = (ids: string[]) =>
      untilValue(
        `the panel to list ${ids}`,
        () => panelTerms(panel).then((t) => t.map(([id]) => id).sort()),
        (t) => JSON.stringify(t) === JSON.stringify(ids),
      );
    await a.bringToFront();
    expect(await listed(['dopamine'])).toEqual(['dopamine']);
    await b.bringToFront();
    expect(await listed(['ferritin', 'pregnancy'])).toEqual(['ferritin', 'pregnancy']);
    // A navigation in the followed tab: the panel lists the new page.
    await b.goto(server.url('/a.html'), { waitUntil: 'load' });
    expect(await listed(['dopamine'])).toEqual(['dopamine']);
    await Promise.all([panel.close(), a.close(), b.close()]);
  });

  it("says why a PDF has no terms (Chromium runs the content script around its viewer; Firefox's runs none)", async () => {
    const { server, session } = env;
    server.put('/notes.pdf', PDF_FILE, { 'content-type': 'application/pdf' });
    helper ??= await openExtensionPage(session, 'overview.html', 'h1');
    const pdf = await openPage(session.browser, server.url('/notes.pdf'));
    const tabId = await tabIdOf(helper, pdf);
    const panel = await openExtensionPage(session, `sidepanel.html?tab=${tabId}`, '.sp');
    const note = await until('the panel to explain', () =>
      panel.$eval('.sp-note', (p) => (p.textContent === 'Reading the page…' ? null : p.textContent)).catch(() => null),
    );
    // Chromium's content script says so from the page around its viewer; Firefox's PDF viewer runs none, but the
    // panel reads the tab's address (the host access that wakes silent frames: no `tabs` permission) and it is a PDF's.
    expect(note).toMatch(/^This is a PDF/);
    await Promise.all([panel.close(), pdf.close()]);
  });

  it('follows the page as it adds terms, in the top page and in a frame', async () => {
    const { page, panel, forum } = await open();
    await page.evaluate(() =>
      document
        .querySelector('main')!
        .append(Object.assign(document.createElement('p'), { textContent: 'More dopamine, later.' })),
    );
    await forum.evaluate(() =>
      document.body.append(Object.assign(document.createElement('p'), { textContent: 'Pregnancy again.' })),
    );
    const terms = await untilValue(
      'the panel to count the new terms',
      () => panelTerms(panel),
      (t) =>
        t.some(([id, n]) => id === 'dopamine' && n === '2') && t.some(([id, n]) => id === 'pregnancy' && n === '2'),
    );
    expect(terms.length).toBe(TERMS.length);
    expect((await snippetsOf(panel, 'dopamine')).map((s) => s.line)).toEqual([
      '1 of 2: Signals through dopamine are studied in sleep laboratories.',
      '2 of 2: More dopamine, later.',
    ]);
    await Promise.all([panel.close(), page.close()]);
  });

  it('says so when the site is switched off, and lists the terms again when it is switched back on from the panel', async () => {
    const { page, panel } = await open();
    await seedSettings(env.session, { siteRules: [{ pattern: '127.0.0.1', enabled: false }] });
    const note = await until('the panel to say the site is off', () =>
      panel.$$eval('.sp-note', (notes) => notes.map((n) => n.textContent).find((t) => t?.includes('off')) ?? null),
    );
    expect(note).toBe('Highlighting is off on this site, so RLS Lens lists no terms for it.');
    expect(await panel.$('.sp-term__name')).toBeNull();
    await panel.click('.switch--large');
    expect(
      sorted(
        await untilValue(
          'the terms back',
          () => panelTerms(panel).then(sorted),
          (t) => t.length === TERMS.length,
        ),
      ),
    ).toEqual(sorted(TERMS));
    await seedSettings(env.session, { siteRules: [] });
    await Promise.all([panel.close(), page.close()]);
  });

  it('opens the tooltip of the occurrence chosen, in the top page or in a frame, closing the one left behind', async () => {
    const { page, panel, forum } = await open();
    const [first] = await snippetsOf(panel, 'dopamine');
    await panel.click(`[data-occurrence="${first!.key}"]`);
    await tooltipIn(page.mainFrame(), 'Dopamine');
    expect(await currentMark(page.mainFrame())).toBe('dopamine');
    expect(await until("the panel's announcement", () => panelAnnouncement(panel))).toBe(
      'Dopamine: term 3 of 5 on this page.',
    );
    expect(await panel.$eval(`[data-occurrence="${first!.key}"]`, (b) => b.getAttribute('aria-current'))).toBe('true');

    const [inFrame] = await snippetsOf(panel, 'pregnancy');
    await panel.click(`[data-occurrence="${inFrame!.key}"]`);
    const tip = await tooltipIn(forum, 'Pregnancy');
    expect(await currentMark(forum)).toBe('pregnancy');
    await until('the announcement to count every frame', async () =>
      (await frameTooltip(forum))?.live.includes('Pregnancy: term 4 of 5'),
    );
    expect(tip.heading).toBe('Pregnancy');
    await noTooltipIn(page.mainFrame());
    expect(await currentMark(page.mainFrame())).toBeNull();
    await Promise.all([panel.close(), page.close()]);
  });

  it('steps through every frame in reading order with its Next and Previous buttons', async () => {
    const { page, panel, forum } = await open();
    const top = page.mainFrame();
    const announced = (text: string) =>
      until(`the panel to announce "${text}"`, () => panelAnnouncement(panel).then((a) => a === text));
    for (const [heading, n] of [
      ['Ferritin', 1],
      ['Restless legs syndrome', 2],
      ['Dopamine', 3],
    ] as const) {
      await clickButton(panel, 'Next term →');
      await tooltipIn(top, heading);
      await announced(`${heading}: term ${n} of 5 on this page.`);
    }
    await clickButton(panel, 'Next term →');
    await tooltipIn(forum, 'Pregnancy');
    await noTooltipIn(top);
    await announced('Pregnancy: term 4 of 5 on this page.');
    await clickButton(panel, 'Next term →'); // the other site's frame
    await noTooltipIn(forum);
    await announced('Ferritin: term 5 of 5 on this page.');
    await clickButton(panel, 'Next term →'); // back to the top
    await tooltipIn(top, 'Ferritin');
    await announced('Ferritin: term 1 of 5 on this page.');
    await clickButton(panel, '← Previous term'); // and back round to the last frame
    await noTooltipIn(top);
    await announced('Ferritin: term 5 of 5 on this page.');
    await Promise.all([panel.close(), page.close()]);
  });

  it("lets the popup list every frame's terms and show one that is only in a frame", async () => {
    const { page, panel, forum, tabId } = await open();
    await panel.close();
    const popup = await openExtensionPage(env.session, `popup.html?tab=${tabId}`, '.page-terms__item');
    const listed = await untilValue(
      'the popup to count every frame',
      () =>
        popup.$$eval('.page-terms__item', (items) =>
          items.map((i) => [i.getAttribute('data-entry'), i.getAttribute('data-count')]),
        ),
      (t) => t.length === TERMS.length,
    );
    expect(sorted(listed)).toEqual(sorted(TERMS));
    await popup.click('.page-terms__item[data-entry="pregnancy"]');
    await tooltipIn(forum, 'Pregnancy');
    expect(await currentMark(forum)).toBe('pregnancy');
    if (!popup.isClosed()) await popup.close().catch(() => undefined); // the popup closes itself after a reveal
    await page.close();
  });

  it("opens a term's card, and has no axe violations in light and dark", async () => {
    const { page, panel } = await open();
    const axe = await readFile(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
    const violations: Record<string, string[]> = {};
    const run = async (name: string) => {
      if (!(await panel.evaluate(() => 'axe' in globalThis))) await panel.evaluate(axe);
      violations[name] = await panel.evaluate(async () => {
        const result = await (globalThis as any).axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
      });
    };
    for (const theme of ['light', 'dark'] as const) {
      await seedSettings(env.session, { preferences: { ...DEFAULT_PREFERENCES, theme } });
      const background = theme === 'dark' ? 'rgb(27, 29, 33)' : 'rgb(255, 255, 255)';
      await until(`the ${theme} theme`, () =>
        panel.evaluate(() => getComputedStyle(document.documentElement).backgroundColor).then((c) => c === background),
      );
      await panel.bringToFront();
      await run(`list ${theme}`);
      await panel.click('.sp-term__name[data-entry="ferritin"]');
      await panel.waitForSelector('#card-heading');
      expect(await panel.$eval('#card-heading', (h) => [h.textContent, document.activeElement === h])).toEqual([
        'Ferritin',
        true,
      ]);
      expect(await panel.$eval('.entry-card__stats', (p) => p.textContent)).toContain('On this page 2 times.');
      await run(`card ${theme}`);
      await panel.keyboard.press('Escape');
      await panel.waitForSelector('.sp-list');
      expect(await panel.evaluate(() => document.activeElement?.getAttribute('data-entry'))).toBe('ferritin');

      // The picture: the panel beside the page, an occurrence chosen in the panel and open in the page.
      const [chosen] = await snippetsOf(panel, 'ferritin');
      await panel.click(`[data-occurrence="${chosen!.key}"]`);
      await tooltipIn(page.mainFrame(), 'Ferritin');
      await sleep(300);
      await besideEachOther(env.server, page, panel, `${DOCS}side-panel-${kind}-${theme}.png`);
    }
    await seedSettings(env.session, { preferences: { ...DEFAULT_PREFERENCES } });
    await Promise.all([panel.close(), page.close()]);
    expect(violations).toEqual({ 'list light': [], 'card light': [], 'list dark': [], 'card dark': [] });
  });
});
