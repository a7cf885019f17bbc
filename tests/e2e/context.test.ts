// Senses in context, in real browsers (issue 10): every row of the table gets no highlight or the honest
// entry, the true synonyms are found, "RLS" stays dark on a database page while RLS pages light up, a held term is
// released when its context arrives later, and the tooltip quotes the sentence using the hovered form — never a
// treatment claim first. The entries each page gets are read from the content script itself (its page-terms answer,
// what the popup and badge show), the headings from the tooltip a reader opens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import glossary from 'virtual:rls-lens/glossary';
import { demoPage } from '../harness/demo-page.mjs';
import {
  BROWSERS,
  SCREENSHOT_DIR,
  highlighted,
  hover,
  html,
  openExtensionPage,
  openPage,
  settled,
  until,
  useBrowser,
} from './support';
import { tabIdOf, wokenPageTerms } from './control-helpers';
import { closedTooltip, openTooltip, tooltipPixels } from './tooltip-helpers';

interface Row {
  name: string;
  body: string;
  title?: string;
  /** Entry id → times highlighted; {} for nothing at all. */
  entries: Record<string, number>;
}

const ROWS: Row[] = [
  {
    name: 'anaemia of other causes gets Anemia, not Iron-deficiency anemia',
    body: `<h1>Kidney disease and your blood</h1>
      <p>People with sickle cell anemia have red blood cells shaped like a crescent.</p>
      <p>Pernicious anaemia is caused by a lack of vitamin B12.</p>
      <p>In kidney disease, anaemia (low blood count) is common.</p>`,
    entries: { anemia: 3 },
  },
  {
    name: '"acute kidney failure can be reversed" gets Kidney failure, not End-stage renal disease',
    body: '<h1>Acute kidney injury</h1><p>Acute kidney failure can be reversed if the cause is found quickly.</p>',
    entries: { 'kidney-failure': 1 },
  },
  {
    name: 'paresthesia and itching of other conditions get nothing',
    body: '<h1>Hand and skin problems</h1><p>Carpal tunnel causes paresthesia in the fingers.</p><p>Eczema causes itching sensations.</p>',
    entries: {},
  },
  {
    name: 'a gastric sleeve is not a gastric bypass',
    body: '<h1>Weight-loss surgery</h1><p>A gastric sleeve is a type of bariatric surgery.</p>',
    entries: {},
  },
  {
    name: 'other senses of the words on a biology page get nothing',
    body: `<h1>Biology 101</h1><p>Genetics is the study of heredity. The heritability of height is high.</p>
      <p>MEIS1 in leukaemia is a research topic. Runners get endorphins. Diabetic peripheral neuropathy affects the feet.</p>`,
    entries: {},
  },
  {
    name: 'a clinical nurse specialist is not the central nervous system',
    body: '<h1>Visiting hours</h1><p>If you have questions, ask the CNS on ward 4.</p>',
    entries: {},
  },
  {
    name: 'the missing synonyms of end-stage renal disease are found on a kidney page',
    body: `<h1>Kidney failure</h1>
      <p>End-stage renal failure, also called end-stage kidney failure or ESRF, means the kidneys no longer work well enough.</p>
      <p>People with ESRF need dialysis or a transplant.</p>`,
    entries: { 'end-stage-renal-disease': 4, 'kidney-failure': 1 },
  },
  {
    name: 'Wittmaack–Ekbom (hyphen and en dash) and dopamine agonists are found',
    body: `<h1>Other names</h1>
      <p>Restless legs syndrome is also called Wittmaack-Ekbom syndrome or Wittmaack–Ekbom syndrome.</p>
      <p>Dopamine agonists are one kind of medicine used for it.</p>`,
    entries: { 'restless-legs-syndrome': 3, 'dopamine-boosting-medications': 1 },
  },
  {
    name: 'an RLS forum thread lights up',
    body: '<h1>Re: bad night</h1><p>My RLS was bad again last night.</p><p>Anyone else? Restless legs syndrome runs in my family.</p>',
    entries: { 'restless-legs-syndrome': 2 },
  },
  {
    name: 'a forum whose title says "Restless legs" lights posts that say only RLS (the title is context, never painted)',
    title: 'Restless legs forum — Re: bad night',
    body: '<p>My RLS was bad again last night.</p><p>Same here, my RLS kept me up.</p>',
    entries: { 'restless-legs-syndrome': 2 },
  },
];

/** The page's head with a title of its own. */
const titled = (body: string, title = 'fixture') =>
  html(body).replace('<title>fixture</title>', `<title>${title}</title>`);

/** Scrolls the first element whose own text holds `text` to the middle of the viewport (hover needs it on screen). */
const scrollToText = (page: Page, text: string) =>
  page.evaluate((needle: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if ((node as Text).data.includes(needle)) return node.parentElement!.scrollIntoView({ block: 'center' });
    }
    throw new Error(`"${needle}" is not on the page`);
  }, text);

const CLAIMS = new Set(glossary.entries.flatMap((e) => e.claims.map((c) => c.sentence)));

describe.each(BROWSERS)('senses in context in %s', (kind) => {
  const env = useBrowser(kind);
  /** An extension page that asks tabs what they highlight, as the popup does. */
  let ext: Page;
  beforeAll(async () => {
    ext = await openExtensionPage(env.session, 'popup.html', 'body');
  });
  afterAll(async () => ext?.close());

  /** Entry id → count, as the page's content script reports it to the popup (waking a silent frame, as it does). */
  async function entriesOn(page: Page): Promise<Record<string, number>> {
    const answer = await wokenPageTerms(ext, await tabIdOf(ext, page));
    if (!answer) throw new Error(`no content script answers in ${page.url()}`);
    return answer.counts;
  }

  it.each(ROWS)('$name', async ({ name, body, title, entries }) => {
    const page = await openPage(
      env.session.browser,
      env.server.put(`/${encodeURIComponent(name.slice(0, 24))}.html`, titled(body, title)),
    );
    const texts = await settled(page);
    expect(await entriesOn(page)).toEqual(entries);
    expect(texts.length).toBe(Object.values(entries).reduce((a, b) => a + b, 0));
    await page.close();
  });

  it('names the honest entry in the tooltip: Anemia, Kidney failure, Medications that boost dopamine levels', async () => {
    const cases: [string, string, string][] = [
      [ROWS[0]!.body, 'anemia', 'Anemia'], // in "sickle cell anemia"
      [ROWS[1]!.body, 'kidney failure', 'Kidney failure'], // in "Acute kidney failure can be reversed"
      [ROWS[7]!.body, 'agonists', 'Medications that boost dopamine levels'],
    ];
    for (const [i, [body, text, heading]] of cases.entries()) {
      const page = await openPage(env.session.browser, env.server.put(`/heading-${i}.html`, html(body)));
      await settled(page);
      await hover(page, text);
      await openTooltip(page, heading);
      await page.close();
    }
  });

  it('keeps "RLS" dark everywhere on a database page: its blocks, a shadow root and text added later', async () => {
    const page = await openPage(
      env.session.browser,
      env.server.put(
        '/row-level-security.html',
        html(`<h1>Row Level Security in Postgres</h1>
          <p>Row Level Security (RLS) restricts which rows a user can see.</p>
          <p>Enable RLS on a table with ALTER TABLE.</p><div id="host"></div>
          <script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>RLS policies in a component.</p>';</script>`),
      ),
    );
    expect(await settled(page)).toEqual([]);
    await page.evaluate(() =>
      document.body.insertAdjacentHTML('beforeend', '<p>RLS policies are checked on every query.</p>'),
    );
    expect(await settled(page)).toEqual([]);
    expect(await entriesOn(page)).toEqual({});
    await page.close();
  });

  it('releases a held term when its context arrives later in the page, reading only what was added', async () => {
    const page = await openPage(
      env.session.browser,
      env.server.put(
        '/late-context.html',
        html('<main id="feed"><h1>Re: bad night</h1><p>My RLS was bad again.</p></main>'),
      ),
    );
    expect(await settled(page)).toEqual([]);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Anyone else? Restless legs syndrome runs in my family.';
      document.getElementById('feed')!.append(p);
    });
    const texts = await until('the held RLS to be released', async () => {
      const now = await highlighted(page);
      return now.includes('RLS') ? now : null;
    });
    expect(texts.sort()).toEqual(['RLS', 'Restless legs syndrome']);
    expect(await entriesOn(page)).toEqual({ 'restless-legs-syndrome': 2 });
    await hover(page, 'RLS');
    await openTooltip(page, 'Restless legs syndrome');
    await page.close();
  });

  describe('on the article', () => {
    let article: string;
    beforeAll(async () => {
      article = env.server.put('/the-article.html', await demoPage());
    });

    it('quotes the sentence using the hovered form: "genetics" → "One of the most significant contributors to RLS is genetics.", "iron depletion" → its own', async () => {
      const page = await openPage(env.session.browser, article);
      await settled(page);
      await hover(page, 'genetics');
      const info = await openTooltip(page, 'Genetics');
      expect(info.quote).toBe('One of the most significant contributors to RLS is genetics.');
      await writeFile(`${SCREENSHOT_DIR}/context-${kind}-genetics-tooltip.png`, (await tooltipPixels(page, 40)).png);
      // Another form of an entry, its own sentence: "iron depletion" is quoted where the article says it, not with
      // Iron deficiency's first quote ("Low iron levels, particularly in the brain…").
      await page.mouse.move(1060, 760, { steps: 4 });
      await closedTooltip(page);
      await scrollToText(page, 'iron depletion');
      await hover(page, 'iron depletion');
      const depletion = await openTooltip(page, 'Iron deficiency');
      expect(depletion.quote).toMatch(
        /can lead to iron depletion, triggering secondary forms of restless legs syndrome\.$/,
      );
      await page.close();
    });

    it("quotes a claim, marked as the article's claim, only where it is the only line: Ferritin, Iron stores, Quality of life and Sleep quality", async () => {
      const page = await openPage(env.session.browser, article);
      await settled(page);
      for (const [text, heading] of [
        ['ferritin', 'Ferritin'],
        ['iron stores', 'Iron stores'],
        ['quality of life', 'Quality of life'],
        ['sleep quality', 'Sleep quality'],
      ]) {
        await page.mouse.move(1060, 760, { steps: 4 }); // an empty corner: the last tooltip closes
        await closedTooltip(page);
        await scrollToText(page, text!);
        await hover(page, text!);
        const info = await openTooltip(page, heading!);
        // Their only sentences in the article are claims: the card shows the first, marked (issue 19).
        const entry = glossary.entries.find((e) => e.term === heading)!;
        expect(info.quote, heading).toBe(entry.evidence[0]?.sentence ?? entry.claims[0]!.sentence);
        if (entry.evidence.length === 0) expect(info.text, heading).toContain('The article’s claim');
        else for (const claim of CLAIMS) expect(info.text).not.toContain(claim);
      }
      await page.close();
    });
  });

  it('lists the claims in the overview card, marked "the article\'s claim", after the other quotes', async () => {
    const card = await openExtensionPage(env.session, 'overview.html#entry=dopamine', '#card-heading');
    await card.click('.entry-card__more summary');
    const figures = await card.$$eval('.overview__card figure', (all) =>
      all.map((f) => ({
        label: f.querySelector('.rls-entry__claim')?.textContent ?? null,
        quote: f.querySelector('blockquote')!.textContent,
      })),
    );
    const entry = glossary.entries.find((e) => e.id === 'dopamine')!;
    expect(entry.claims.length).toBeGreaterThan(0);
    expect(figures).toEqual([
      ...entry.evidence.map((q) => ({ label: null, quote: q.sentence })),
      ...entry.claims.map((q) => ({ label: 'The article’s claim', quote: q.sentence })),
    ]);
    // A viewport tall enough for the whole card, unscrolled: the clip is the card's box as laid out.
    await card.setViewport({ width: 1100, height: 2000 });
    await card.bringToFront();
    const rect = await card.$eval('.overview__card', (c) => {
      window.scrollTo(0, 0);
      const r = c.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    await card.screenshot({ path: `${SCREENSHOT_DIR}/context-${kind}-claims-card.png`, clip: rect });
    await card.close();
  });
});
