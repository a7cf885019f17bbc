// My terms and "I know this" (issue 19), in Chromium and Firefox: the overview asks once and counts nothing before
// the reader says yes; a card kept open under a moving pointer is one look-up, the next opening another; the list
// exported and imported back is the same list, a bad file is refused in the catalogue's words; "I know this" on a
// card restyles the term on another page that is already open (hl-q7-faint in its registry) and Undo in the overview
// brings the usual marking back; a card a private reader opens in the side panel counts once; axe-core on the
// overview's section in light and dark; pictures in docs/.
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { FAINT_HIGHLIGHT, highlightName } from '../../core/page-names';
import { DEFAULT_PREFERENCES, type Preferences } from '../../settings/schema';
import type { MyTerms } from '../../settings/my-terms-data';
import { englishText } from '../fixtures/catalogue';
import { ROOT } from '../harness/launch.mjs';
import {
  BROWSERS,
  html,
  hover,
  openExtensionPage,
  openPage,
  pointOf,
  seedSettings,
  sleep,
  until,
  untilValue,
  useBrowser,
  withExtensionPage,
  type Session,
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
import { tabIdOf } from './side-panel-helpers';

const DOCS = new URL('../../docs/', import.meta.url);
const picture = (name: string) => new URL(`${name}.png`, DOCS).pathname as `${string}.png`;

const BODY = `<main style="max-width:36em;margin:2em auto;font:20px/1.7 Georgia,serif">
<h1>Reading notes</h1>
<p>Low ferritin levels are common in people with restless legs, and dopamine signals are studied.</p>
<p>Plain words only, nothing to explain here.</p>
</main>`;
const DARK = '<style>html{background:#1e2125;color:#eef0f3}</style>';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 5, 10, 0, 0);
const lookUps = (count: number, days = 0, pages: string[] = []) => ({ count, first: T0, last: T0 + days * DAY, pages });

/** Storage as a reader who never opened the overview has it, with these preferences. */
async function fresh(session: Session, preferences: Partial<Preferences> = {}, myTerms?: MyTerms): Promise<void> {
  await withExtensionPage(session, (page) =>
    page.evaluate(async () => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      await api.storage.local.remove(['myTerms', 'myTerms$']);
    }),
  );
  await seedSettings(session, {
    preferences: { ...DEFAULT_PREFERENCES, ...preferences },
    ...(myTerms ? { myTerms } : {}),
  });
}

/** My terms as stored. */
const storedList = (session: Session) =>
  withExtensionPage(session, (page) =>
    page.evaluate(async () => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      return ((await api.storage.local.get('myTerms')).myTerms ?? null) as MyTerms | null;
    }),
  );

/** What the overview's list says of an entry ("Opened 2 times, last on …"), or null when it is not listed. */
const countText = (overview: Page, id: string) =>
  overview.$eval(`#my-terms [data-entry="${id}"] .my-terms__count`, (el) => el.textContent).catch(() => null);
const listed = (overview: Page) =>
  overview.$$eval('#my-terms .my-terms__list [data-entry]', (items) => items.map((i) => i.getAttribute('data-entry')));

/** The texts of the ranges under each of our highlight names in a page. */
const registry = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, h] of CSS.highlights)
      out[name] = [...(h as unknown as Iterable<AbstractRange>)].map((r) =>
        r.startContainer.textContent!.slice(r.startOffset, r.endOffset),
      );
    return out;
  });

/** Rests on `word` until its card opens, wanders over the term and the card as a reader does, then leaves. */
async function lookUp(page: Page, word: string, heading: string): Promise<void> {
  await page.bringToFront();
  await hover(page, word);
  await openTooltip(page, heading);
  // A pointer that keeps moving over the term, then over the card and back: still the same card, one look-up.
  const { x, y } = await pointOf(page, word);
  for (const dx of [-12, 6, 14, -4, 0]) await page.mouse.move(x + dx, y + (dx % 3), { steps: 3 });
  await pointerIntoTooltip(page);
  await sleep(300);
  await page.mouse.move(x, y, { steps: 6 });
  await sleep(SETTLE_MS);
  expect((await tooltip(page))?.heading).toBe(heading);
  await page.mouse.move(5, 5, { steps: 6 });
  await closedTooltip(page);
}

/** The file an Export button offers: its link is caught before it downloads. */
async function exported(page: Page, button: string): Promise<{ name: string; text: string }> {
  await page.evaluate(() => {
    const w = window as unknown as { __saved?: Promise<{ name: string; text: string }> };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      w.__saved = fetch(this.href)
        .then((r) => r.text())
        .then((text) => ({ name: this.download, text }));
    };
  });
  await page.click(button);
  return until('the exported file', () =>
    page.evaluate(() => (window as unknown as { __saved?: Promise<{ name: string; text: string }> }).__saved ?? null),
  );
}

async function upload(page: Page, name: string, text: string): Promise<void> {
  const file = join(tmpdir(), `${process.pid}-${name}`);
  await writeFile(file, text);
  const input = (await page.$('#my-terms .my-terms__import')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
}

describe.each(BROWSERS)('My terms and “I know this” in %s', (kind) => {
  const env = useBrowser(kind);
  const article = async (name = '/notes.html', head = '') => {
    const page = await openPage(env.session.browser, env.server.put(name, html(BODY, head)));
    await engineReady(page);
    return page;
  };

  it('asks once, counts nothing before the reader says yes, then one look-up per opening of a card', async () => {
    await fresh(env.session);
    const overview = await openExtensionPage(env.session, 'overview.html#my-terms', '#my-terms .my-terms__yes');
    const page = await article();
    // Off by default: a card opened before the answer is not counted, and nothing is stored.
    await lookUp(page, 'ferritin', 'Ferritin');
    await sleep(300);
    expect(await storedList(env.session)).toBeNull();

    await overview.bringToFront();
    await overview.click('#my-terms .my-terms__yes');
    await until('the list switched on', () =>
      overview.$eval('#my-terms .my-terms__on', (i) => (i as HTMLInputElement).checked).catch(() => false),
    );
    // Asked once: the question is gone for good, and the keyboard focus is on the switch that replaced it.
    expect(await overview.$('#my-terms .my-terms__yes')).toBeNull();
    expect(await overview.evaluate(() => document.activeElement?.className)).toBe('my-terms__on');
    expect(await listed(overview)).toEqual([]);

    await lookUp(page, 'ferritin', 'Ferritin');
    expect(await untilValue('Ferritin counted', () => countText(overview, 'ferritin'), Boolean)).toMatch(
      /^Opened once, on /,
    );
    await lookUp(page, 'ferritin', 'Ferritin');
    expect(
      await untilValue(
        'Ferritin counted again',
        () => countText(overview, 'ferritin'),
        (t) => !!t?.includes('2'),
      ),
    ).toMatch(/^Opened 2 times, last on /);
    await sleep(500);
    const list = (await storedList(env.session))!;
    expect(Object.keys(list.terms)).toEqual(['ferritin']);
    expect(list.terms.ferritin!.count).toBe(2);
    // No address unless the reader asks for them too.
    expect(list.terms.ferritin!.pages).toEqual([]);
    // Opened again, the overview does not ask again.
    await overview.close();
    const again = await openExtensionPage(env.session, 'overview.html#my-terms', '#my-terms .my-terms__on');
    expect(await again.$('#my-terms .my-terms__yes')).toBeNull();
    await Promise.all([page.close(), again.close()]);
  });

  it('exports the list and imports it back the same; refuses a bad file in the catalogue’s words; makes a sheet of it', async () => {
    const seeded: MyTerms = {
      on: true,
      pages: true,
      asked: true,
      terms: { ferritin: lookUps(2, 1, ['http://127.0.0.1/notes.html']), dopamine: lookUps(1) },
    };
    await fresh(env.session, {}, seeded);
    const overview = await openExtensionPage(env.session, 'overview.html#my-terms', '#my-terms [data-entry]');
    expect(await listed(overview)).toEqual(['ferritin', 'dopamine']);
    const file = await exported(overview, '#my-terms .my-terms__export');
    expect(file.name).toMatch(/^rls-lens-my-terms-\d{4}-\d\d-\d\d\.json$/);
    expect(JSON.parse(file.text).terms.ferritin).toEqual({
      count: 2,
      first: '2026-12-05T10:00:00.000Z',
      last: '2026-12-06T10:00:00.000Z',
      pages: ['http://127.0.0.1/notes.html'],
    });

    await overview.click('#my-terms .my-terms__clear');
    await overview.click('#my-terms .my-terms__clear-yes');
    await until('the list cleared', async () => ((await listed(overview)).length === 0 ? true : null));
    expect(await overview.$eval('#my-terms .success', (p) => p.textContent)).toBe(englishText('myTerms.cleared'));
    expect((await storedList(env.session))!.terms).toEqual({});

    await upload(overview, file.name, file.text);
    await until('the list imported', async () => ((await listed(overview)).length === 2 ? true : null));
    expect(await listed(overview)).toEqual(['ferritin', 'dopamine']);
    expect(await countText(overview, 'ferritin')).toMatch(/^Opened 2 times, last on /);
    expect((await storedList(env.session))!.terms).toEqual(seeded.terms);

    // A settings file, and a list naming an entry the glossary does not have: refused, nothing changed.
    await upload(overview, 'settings.json', '{"format":"rls-lens-settings","version":2}');
    expect(await untilValue('an error', () => overview.$eval('#my-terms .error', (p) => p.textContent), Boolean)).toBe(
      englishText('myTermsErrors.notFile'),
    );
    const bad = { format: 'rls-lens-my-terms', version: 1, terms: { cure: JSON.parse(file.text).terms.ferritin } };
    await upload(overview, 'bad.json', JSON.stringify(bad));
    expect(
      await untilValue(
        'another error',
        () => overview.$eval('#my-terms .error', (p) => p.textContent),
        (t) => !!t?.includes('cure'),
      ),
    ).toBe('Nothing was imported. The file has a problem: terms: “cure” is not an entry of the glossary.');
    expect((await storedList(env.session))!.terms).toEqual(seeded.terms);

    // "Make a sheet of these": the doctor's sheet with the list's entries (in the glossary's order), and only those.
    const sheetLink = await overview.$eval('#my-terms .my-terms__sheet', (a) => a.getAttribute('href'));
    expect(sheetLink).toBe('sheet.html?entries=ferritin,dopamine');
    const sheet = await openExtensionPage(env.session, sheetLink!, '.sheet__entry');
    expect(await sheet.$$eval('.sheet__entry', (s) => s.map((e) => e.getAttribute('data-entry')))).toEqual([
      'dopamine',
      'ferritin',
    ]);
    await Promise.all([sheet.close(), overview.close()]);
  });

  it('“I know this” on a card quiets the term on another open page at once; Undo in the overview brings it back', async () => {
    await fresh(env.session, { theme: 'light' });
    const other = await article('/other.html');
    const otherDark = await article('/other-dark.html', DARK);
    expect(await registry(other)).toEqual({ [highlightName('both')]: ['ferritin', 'restless legs', 'dopamine'] });
    const page = await article();
    await page.bringToFront();
    await hover(page, 'ferritin');
    await openTooltip(page, 'Ferritin');
    await pointerIntoTooltip(page);
    const know = () => page.$(`${HOST} >>> .rls-know`);
    expect(await (await know())!.evaluate((b) => b.textContent)).toBe(englishText('known.cardKnow'));
    const card = (await tooltip(page))!.rect;
    await page.screenshot({
      path: picture(`tooltip-know-${kind}`),
      clip: {
        x: Math.max(0, card.x - 24),
        y: Math.max(0, card.y - 70),
        width: card.width + 48,
        height: card.height + 94,
      },
    });
    // The pointer rests in the card (as a reader's hand does to press its button), and the card is still open.
    await pointerIntoTooltip(page);
    await openTooltip(page, 'Ferritin');
    await (await until('the “I know this” button', know))!.click();
    // The card says what its button now does, and the focus stays on it.
    expect(
      await untilValue(
        'the undo button',
        async () => (await know())?.evaluate((b) => b.textContent),
        (t) => t === englishText('known.cardUndo'),
      ),
    ).toBe(englishText('known.cardUndo'));
    expect(
      await page.evaluate((h: string) => document.querySelector(h)!.shadowRoot!.activeElement?.className, HOST),
    ).toBe('rls-know');
    // The other pages were open all along: their ferritin moves to the faint highlight, live.
    for (const p of [other, otherDark])
      expect(
        await untilValue(
          'ferritin faint on the other page',
          () => registry(p),
          (r) => !!r[FAINT_HIGHLIGHT],
        ),
      ).toEqual({ [highlightName('both')]: ['restless legs', 'dopamine'], [FAINT_HIGHLIGHT]: ['ferritin'] });
    await page.mouse.move(5, 5, { steps: 6 });
    await closedTooltip(page);
    for (const [p, scheme] of [
      [other, 'light'],
      [otherDark, 'dark'],
    ] as const) {
      await p.bringToFront();
      await p.setViewport({ width: 900, height: 320 });
      await sleep(200);
      await p.screenshot({ path: picture(`known-term-${kind}-${scheme}`) });
    }

    const overview = await openExtensionPage(env.session, 'overview.html#my-terms', '#my-terms [data-known]');
    expect(
      await overview.$$eval('#my-terms [data-known]', (items) => items.map((i) => i.getAttribute('data-known'))),
    ).toEqual(['ferritin']);
    await overview.click('#my-terms [data-known="ferritin"] button');
    expect(
      await untilValue(
        'ferritin as usual again',
        () => registry(other),
        (r) => !r[FAINT_HIGHLIGHT],
      ),
    ).toEqual({ [highlightName('both')]: ['ferritin', 'restless legs', 'dopamine'] });
    expect(await overview.$('#my-terms [data-known]')).toBeNull();
    await Promise.all([page.close(), other.close(), otherDark.close(), overview.close()]);
  });

  it('reading privately, counts a card the side panel shows once per opening', async () => {
    await fresh(env.session, { privateReading: true }, { on: true, pages: false, asked: true, terms: {} });
    const ext = await openExtensionPage(env.session, 'overview.html', 'h1');
    // Read privately: the page registers no highlight to wait for; the side panel's list says it was read.
    const page = await openPage(env.session.browser, env.server.put('/private.html', html(BODY)));
    const tabId = await tabIdOf(ext, page);
    const panel = await openExtensionPage(env.session, `sidepanel.html?tab=${tabId}`, '.sp');
    await until('the panel to list ferritin', () =>
      panel.$$eval('.sp-list [data-entry]', (items) => items.some((i) => i.getAttribute('data-entry') === 'ferritin')),
    );
    const count = async () => (await storedList(env.session))?.terms.ferritin?.count ?? 0;
    for (const times of [1, 2]) {
      await page.bringToFront();
      await hover(page, 'ferritin');
      await until('the Ferritin card in the side panel', async () =>
        (await panel.$eval('#card-heading', (h) => h.textContent).catch(() => null)) === 'Ferritin' ? true : null,
      );
      // Resting and moving over the term: the page's card stays "open" in the panel, counted once.
      const { x, y } = await pointOf(page, 'ferritin');
      for (const dx of [-10, 8, 0]) await page.mouse.move(x + dx, y, { steps: 3 });
      await sleep(SETTLE_MS);
      await page.mouse.move(5, 5, { steps: 6 });
      await sleep(SETTLE_MS);
      expect(await untilValue(`ferritin counted ${times}`, count, (n) => n >= times)).toBe(times);
      await panel.click('.card-view__back');
    }
    await sleep(500);
    expect(await count()).toBe(2);
    await Promise.all([panel.close(), page.close(), ext.close()]);
  });

  it('has no axe-core violations in the overview’s My terms section, light and dark; pictures', async () => {
    const axe = await readFile(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
    const violations: Record<string, string[]> = {};
    const list: MyTerms = {
      on: true,
      pages: true,
      asked: true,
      terms: {
        ferritin: lookUps(4, 2, ['https://example.org/health/restless-legs', 'https://forum.example/t/42']),
        dopamine: lookUps(2, 1),
        'iron-deficiency': lookUps(1),
      },
    };
    const check = async (page: Page, state: string) => {
      if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axe);
      violations[state] = await page.evaluate(async () => {
        const result = await (globalThis as any).axe.run('#my-terms', { resultTypes: ['violations'] });
        return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
      });
    };
    for (const theme of ['light', 'dark'] as const) {
      await fresh(env.session, { theme, knownTerms: ['restless-legs-syndrome'] }, list);
      const page = await openExtensionPage(env.session, 'overview.html#my-terms', '#my-terms [data-entry]');
      await page.setViewport({ width: 900, height: 1000 });
      await page.bringToFront();
      await page.$eval('#my-terms .my-terms__pages-list', (d) => ((d as HTMLDetailsElement).open = true));
      await sleep(300);
      await check(page, theme);
      // The section with a margin of the page around it.
      const box = await page.$eval('#my-terms', (section) => {
        const r = section.getBoundingClientRect();
        return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
      });
      await page.screenshot({
        path: picture(`my-terms-${kind}-${theme}`),
        clip: { x: Math.max(0, box.x - 16), y: box.y, width: box.width + 32, height: box.height },
        captureBeyondViewport: true,
      });
      await page.click('#my-terms .my-terms__clear');
      await check(page, `${theme}, asked to clear`);
      await page.close();
      // The question, as a reader meets it first.
      await fresh(env.session, { theme });
      const asking = await openExtensionPage(env.session, 'overview.html#my-terms', '#my-terms .my-terms__yes');
      await check(asking, `${theme}, asking`);
      await asking.close();
    }
    await fresh(env.session);
    expect(violations).toEqual({
      light: [],
      'light, asked to clear': [],
      'light, asking': [],
      dark: [],
      'dark, asked to clear': [],
      'dark, asking': [],
    });
  });
});
