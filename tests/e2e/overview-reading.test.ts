// The overview page's reading aids as a person meets them, in Chromium and Firefox: the article with its terms
// marked (each a button that opens its card), the card's quote link back to the sentence, the concept map (each box
// a button, laid out inside the width from phone to desktop), axe in light and dark, and screenshots in docs/.
import { readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import article from 'virtual:rls-lens/article';
import glossary from 'virtual:rls-lens/glossary';
import { parseArticle } from '../../glossary/parse-article';
import { ROOT } from '../harness/launch.mjs';
import { BROWSERS, openExtensionPage, sleep, useBrowser, waitFor, type Session } from './support';
import { conceptGraph } from '../../components/overview/concept-map/concept-map-graph';

const PARSED = parseArticle(readFileSync(new URL('../../glossary/article.md', import.meta.url), 'utf8'));
const DOCS = new URL('../../docs/', import.meta.url);
const WIDE = 1280;
const NARROW = 360;
const GRAPH = conceptGraph(glossary.entries);
const TERMS = [
  article.title,
  ...article.sections.flatMap((s) => [s.heading.runs, ...s.paragraphs.flatMap((p) => p.sentences.map((x) => x.runs))]),
]
  .flat()
  .filter((run) => run.entryId)
  .map((run) => [run.text, run.entryId]);

/** The overview page at `hash`, once the article and the map are there. */
async function overview(session: Session, hash = '', width = WIDE): Promise<Page> {
  const page = await openExtensionPage(session, `overview.html${hash}`, '#article .article-term');
  await page.setViewport({ width, height: 900 });
  await page.waitForSelector('.concept-map__node', { timeout: 15_000 });
  return page;
}

const activeElement = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      id: el?.id ?? '',
      entry: el?.dataset.entry ?? '',
      text: el?.textContent ?? '',
      tag: el?.tagName.toLowerCase() ?? '',
    };
  });

/** Polls `check(arg)` in the page until it is truthy. */
async function until(page: Page, check: (arg: string) => unknown, arg: string): Promise<void> {
  await page.waitForFunction(check, { timeout: 10_000, polling: 50 }, arg);
}

const cardHeading = (page: Page) => waitFor(page, () => document.getElementById('card-heading')?.textContent ?? '');

/** Boxes of the map that overlap, boxes whose text does not fit, and how far the page scrolls sideways. */
const mapProblems = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    const nodes = [...document.querySelectorAll<HTMLElement>('.concept-map__node')];
    const rects = nodes.map((n) => n.getBoundingClientRect());
    rects.forEach((a, i) =>
      rects.slice(i + 1).forEach((b, k) => {
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
          found.push(`${nodes[i]!.dataset.entry} overlaps ${nodes[i + 1 + k]!.dataset.entry}`);
        }
      }),
    );
    for (const node of nodes) {
      if (node.scrollWidth > node.clientWidth || node.scrollHeight > node.clientHeight)
        found.push(`${node.dataset.entry}: text does not fit`);
      for (const line of node.querySelectorAll('.concept-map__line')) {
        const box = line.getBoundingClientRect();
        const outer = node.getBoundingClientRect();
        if (box.left < outer.left || box.right > outer.right)
          found.push(`${node.dataset.entry}: "${line.textContent}" sticks out`);
      }
    }
    const section = document.getElementById('concept-map')!.getBoundingClientRect();
    for (const [i, r] of rects.entries()) {
      if (r.left < section.left - 0.5 || r.right > section.right + 0.5)
        found.push(`${nodes[i]!.dataset.entry} is outside the section`);
    }
    if (document.documentElement.scrollWidth > innerWidth)
      found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${innerWidth})`);
    return { found, count: nodes.length };
  });

describe.each(BROWSERS)('the article and its concept map in the overview page, %s', (kind) => {
  const env = useBrowser(kind);

  it('shows the whole article, section by section, with its byline and every term marked like a page highlight', async () => {
    const page = await overview(env.session);
    const shown = await page.evaluate(() => ({
      title: document.getElementById('article-title')?.textContent,
      byline: document.querySelector('.article-view__byline')?.textContent,
      date: document.querySelector('.article-view__byline time')?.getAttribute('datetime'),
      headings: [...document.querySelectorAll('#article h3')].map((h) => h.textContent),
      sentences: [...document.querySelectorAll('#article section')].map((s) =>
        [...s.querySelectorAll('.article-view__sentence')].map((x) => x.textContent),
      ),
      terms: [...document.querySelectorAll<HTMLElement>('#article button.article-term')].map((b) => [
        b.textContent,
        b.dataset.entry,
      ]),
    }));
    expect(shown.title).toBe(PARSED.title);
    expect([shown.byline, shown.date]).toEqual(['By FruitOrchid · October 11, 2025', '2025-10-11']);
    expect(shown.headings).toEqual(PARSED.sections.map((s) => s.title));
    expect(shown.sentences).toEqual(PARSED.sections.map((s) => s.sentences));
    expect(shown.terms).toEqual(TERMS);
    expect(shown.terms.length).toBeGreaterThan(60);

    // Drawn as pages draw terms: a dotted #e8893a underline and a light tint of it (the default style, "both").
    const look = () =>
      page.$eval('#article .article-term', (b) => {
        const style = getComputedStyle(b);
        return [style.textDecorationLine, style.textDecorationStyle, style.textDecorationColor, style.backgroundColor];
      });
    expect(await look()).toEqual(['underline', 'dotted', 'rgb(232, 137, 58)', 'rgba(232, 137, 58, 0.14)']);
    // And follows the person's highlight style, live.
    await page.click('input[name="highlight-style"][value="tint"]');
    await waitFor(
      page,
      () => getComputedStyle(document.querySelector('#article .article-term')!).textDecorationLine === 'none',
    );
    expect(await look()).toEqual(['none', 'solid', expect.any(String), 'rgba(232, 137, 58, 0.22)']);
    await page.click('input[name="highlight-style"][value="both"]');
    await page.close();
  });

  it('opens a term’s card from the article, by pointer and by keyboard, and goes back to the term', async () => {
    const page = await overview(env.session);
    await page.click('#article .article-term[data-entry="ferritin"]');
    expect(await cardHeading(page)).toBe('Ferritin');
    expect(await activeElement(page)).toMatchObject({ id: 'card-heading' });
    expect(
      await page.$$eval('#article .article-term[aria-current="true"]', (b) => [
        ...new Set(b.map((x) => (x as HTMLElement).dataset.entry)),
      ]),
    ).toEqual(['ferritin']);

    await page.click('.card-return');
    expect(await activeElement(page)).toMatchObject({ entry: 'ferritin', tag: 'button' });

    // Keyboard: focus the first "dopamine" term, Enter opens its card.
    await page.$eval('#article .article-term[data-entry="dopamine"]', (b) => (b as HTMLElement).focus());
    await page.keyboard.press('Enter');
    await waitFor(page, () => document.getElementById('card-heading')?.textContent === 'Dopamine');
    expect(await page.$eval('.card-return', (b) => b.textContent)).toBe('Back to the article');
    await page.close();
  });

  it('jumps from a card’s quote to its sentence in the article, and from a heading quote to the heading', async () => {
    const page = await overview(env.session, '#entry=dopamine');
    expect(await cardHeading(page)).toBe('Dopamine');
    const quote = await page.$eval('.overview__card .rls-entry__quote', (q) => q.textContent);
    await page.click('.overview__card .rls-entry__figure .quote-link');
    const target = await waitFor(page, () => {
      const el = document.activeElement as HTMLElement;
      if (!el?.classList.contains('article-view__sentence')) return null;
      const box = el.getBoundingClientRect();
      // Smooth scrolling: wait until it has arrived.
      return box.top >= 0 && box.bottom <= innerHeight
        ? { text: el.textContent, id: el.id, background: getComputedStyle(el).backgroundColor }
        : null;
    });
    expect(target!.text).toBe(quote);
    const sentenceId = article.sections
      .flatMap((sec) => sec.paragraphs.flatMap((p) => p.sentences))
      .find((x) => x.runs.map((r) => r.text).join('') === quote)?.id;
    expect(sentenceId).toBeDefined();
    expect(target!.id).toBe(sentenceId);
    // Marked: the background is not the page's.
    expect(target!.background).not.toBe('rgba(0, 0, 0, 0)');

    // Genetic predisposition occurs only in its section's heading, which is its quote.
    await page.evaluate(() => (location.hash = '#entry=genetic-predisposition'));
    expect(await cardHeading(page)).toBe('Genetic predisposition');
    await page.click('.overview__card .rls-entry__figure .quote-link');
    await waitFor(
      page,
      () => document.activeElement?.id === 'article-genetic-predisposition-and-family-history-heading',
    );
    expect(await activeElement(page)).toMatchObject({ tag: 'h3', text: 'Genetic Predisposition and Family History' });
    await page.close();
  });

  it('opens a card from a box of the concept map, by pointer and by keyboard (Enter and Space)', async () => {
    const page = await overview(env.session);
    const boxes = await page.$$eval('.concept-map__node', (nodes) =>
      nodes.map((n) => [(n as HTMLElement).dataset.entry, n.textContent]),
    );
    expect(boxes.map(([id]) => id).sort()).toEqual(GRAPH.nodes.map((n) => n.id).sort());
    expect(boxes).toEqual(expect.arrayContaining(GRAPH.nodes.map((n) => [n.id, n.label])));

    // A box in the middle of the graph (with arrows in and out): pointer.
    const middle = GRAPH.nodes.find(
      (n) => GRAPH.edges.some((e) => e.to === n.id) && GRAPH.edges.some((e) => e.from === n.id),
    )!;
    await page.click(`.concept-map__node[data-entry="${middle.id}"]`);
    expect(await cardHeading(page)).toBe(glossary.entries.find((e) => e.id === middle.id)!.term);
    expect(
      await page.$eval(`.concept-map__node[data-entry="${middle.id}"]`, (n) => n.getAttribute('aria-current')),
    ).toBe('true');
    // Its arrows are drawn as current.
    expect(
      await page.$$eval('.concept-map__edge--current', (edges) => edges.map((e) => e.getAttribute('data-edge')).sort()),
    ).toEqual(
      GRAPH.edges
        .filter((e) => e.from === middle.id || e.to === middle.id)
        .map((e) => `${e.from}>${e.to}`)
        .sort(),
    );

    const [first, last] = [GRAPH.nodes[0]!, GRAPH.nodes.at(-1)!];
    for (const [key, node] of [
      ['Enter', first],
      [' ', last],
    ] as const) {
      await page.$eval(`.concept-map__node[data-entry="${node.id}"]`, (n) => (n as HTMLElement).focus());
      await page.keyboard.press(key);
      await until(
        page,
        (t: string) => document.getElementById('card-heading')?.textContent === t,
        glossary.entries.find((e) => e.id === node.id)!.term,
      );
    }
    expect(await page.$eval('.card-return', (b) => b.textContent)).toBe('Back to the concept map');
    await page.click('.card-return');
    expect(await activeElement(page)).toMatchObject({ entry: last.id, tag: 'button' });

    // The text alternative: the same graph as nested lists, its items opening cards too.
    await page.click('.concept-map__text summary');
    await page.click(`.concept-map__list button[data-entry="${middle.id}"]`);
    await until(
      page,
      (t: string) => document.getElementById('card-heading')?.textContent === t,
      glossary.entries.find((e) => e.id === middle.id)!.term,
    );
    expect(await page.$eval('.card-return', (b) => b.textContent)).toBe('Back to the concept map');
    await page.close();
  });

  it('lays the map out without overlaps, every label inside its box, from a phone to a wide screen', async () => {
    const page = await overview(env.session, '', 320);
    for (const width of [320, 480, 768, 1024, 1400]) {
      await page.setViewport({ width, height: 900 });
      // The map is laid out again when its width changes: give it a moment to fit the section, then look.
      await waitFor(
        page,
        () => {
          const drawing = document.querySelector<HTMLElement>('.concept-map__drawing');
          const section = document.getElementById('concept-map');
          return drawing && section && drawing.offsetWidth <= section.clientWidth;
        },
        3_000,
      ).catch(() => {});
      await sleep(100);
      const { found, count } = await mapProblems(page);
      expect(found, `at ${width}px`).toEqual([]);
      expect(count).toBe(GRAPH.nodes.length);
    }
    await page.close();
  });

  it('has no axe violations on the overview with the article and the map, light and dark; screenshots', async () => {
    const axe = await readFile(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
    const page = await overview(env.session, '#entry=iron-deficiency');
    const violations: Record<string, string[]> = {};
    await mkdir(DOCS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      // The theme preference, as a person sets it on this page (Firefox over BiDi cannot emulate the system's).
      await page.click(`input[name="theme"][value="${scheme}"]`);
      const background = scheme === 'dark' ? 'rgb(27, 29, 33)' : 'rgb(255, 255, 255)';
      await until(page, (bg: string) => getComputedStyle(document.documentElement).backgroundColor === bg, background);
      await page.bringToFront();
      for (const [width, name] of [
        [WIDE, 'wide'],
        [NARROW, 'narrow'],
      ] as const) {
        await page.setViewport({ width, height: 900 });
        await sleep(300);
        if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axe);
        violations[`${scheme} ${name}`] = await page.evaluate(async () => {
          const result = await (globalThis as any).axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map(
            (v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`,
          );
        });
        // The article beside the open card (wide) or the top of the article (narrow), and the whole map.
        await page.$eval('#article', (section) => section.scrollIntoView({ block: 'start' }));
        await sleep(150);
        await page.screenshot({
          path: new URL(`overview-article-${kind}-${scheme}-${name}.png`, DOCS).pathname as `${string}.png`,
        });
        const map = await page.$('#concept-map');
        await map!.screenshot({
          path: new URL(`concept-map-${kind}-${scheme}-${name}.png`, DOCS).pathname as `${string}.png`,
        });
      }
    }
    await page.click('input[name="theme"][value="auto"]');
    await page.close();
    expect(violations).toEqual({ 'light wide': [], 'light narrow': [], 'dark wide': [], 'dark narrow': [] });
  });
});
