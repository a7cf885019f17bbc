// The page engine in real browsers: which text becomes a highlight (and which never does), inline elements, skipped
// and editable regions, content added later, shadow roots, frames, the scan measures, live preferences, and a DOM
// left exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { HIGHLIGHT_STYLES, PAGE_PREFIX, SCAN_MEASURE, highlightName } from '../../core/page-names';
import { DEFAULT_PREFERENCES } from '../../settings/schema';
import {
  BROWSERS,
  highlighted,
  html,
  launch,
  openPage,
  seedSettings,
  serializedDom,
  settled,
  sleep,
  useBrowser,
} from './support';

const ARTICLE_LIKE = html(`
  <h1>Restless legs syndrome and iron</h1>
  <p>Low ferritin levels and iron-deficiency anemia are linked to RLS. Dopamine is a neurotransmitter.</p>
  <p>Not terms: the environment, ironic girls, URLs, rls in lower case, Rls.</p>
  <p>Split: <em>restless</em> legs and <a href="#x">ferritin</a> levels, end-<b>stage</b> renal disease.</p>
`);

describe.each(BROWSERS)('highlighting in %s', (kind) => {
  const env = useBrowser(kind);

  it('registers the glossary terms of a page in CSS.highlights, and nothing else', async () => {
    const page = await openPage(env.session.browser, env.server.put('/article.html', ARTICLE_LIKE));
    const texts = await settled(page);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Restless legs syndrome',
        'ferritin',
        'iron-deficiency anemia',
        'RLS',
        'Dopamine',
        'neurotransmitter',
      ]),
    );
    for (const negative of ['environment', 'ironic', 'girls', 'URLs', 'rls', 'Rls', 'iron-deficiency']) {
      expect(texts).not.toContain(negative);
    }
    // The page's whole registry, unfiltered: one highlight, under the default style's name.
    expect(await page.evaluate(() => [...CSS.highlights.keys()])).toEqual([
      highlightName(DEFAULT_PREFERENCES.highlightStyle),
    ]);
    await page.close();
  });

  it('finds a term split by inline elements as one range', async () => {
    const page = await openPage(env.session.browser, env.server.put('/article.html', ARTICLE_LIKE));
    const texts = await settled(page);
    expect(texts).toContain('restless legs');
    expect(texts).toContain('end-stage renal disease');
    const spansNodes = await page.evaluate((prefix: string) => {
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith(prefix)) continue;
        for (const r of h)
          if (r.startContainer !== r.endContainer && r.startContainer.textContent === 'restless') return true;
      }
      return false;
    }, PAGE_PREFIX);
    expect(spansNodes).toBe(true);
    await page.close();
  });

  it('leaves editable fields, scripts and the like alone', async () => {
    const page = await openPage(
      env.session.browser,
      env.server.put(
        '/editable.html',
        html(`<p>ferritin outside</p>
          <textarea>dopamine in a textarea</textarea><input value="dopamine in an input">
          <div contenteditable="true"><p>dopamine while editing</p></div>
          <script>/* dopamine in a script */</script><style>/* dopamine */</style>
          <noscript>dopamine</noscript><template><p>dopamine</p></template>
          <select><option>dopamine option</option></select>
          <svg><text x="0" y="15">dopamine in svg</text></svg>`),
      ),
    );
    const texts = await settled(page);
    expect(texts).toEqual(['ferritin']);
    await page.close();
  });

  it('drops the terms of a region that becomes editable, and brings them back when it stops', async () => {
    const page = await openPage(
      env.session.browser,
      env.server.put(
        '/toggle-edit.html',
        html('<p>ferritin stays</p><section id="s"><p>dopamine <b>here</b></p></section>'),
      ),
    );
    expect((await settled(page)).sort()).toEqual(['dopamine', 'ferritin']);
    await page.evaluate(() => document.getElementById('s')!.setAttribute('contenteditable', 'true'));
    await page.waitForFunction(
      (prefix: string) => [...CSS.highlights].every(([name, h]) => !name.startsWith(prefix) || h.size === 1),
      {},
      PAGE_PREFIX,
    );
    expect(await highlighted(page)).toEqual(['ferritin']);
    await page.evaluate(() => document.getElementById('s')!.setAttribute('contenteditable', 'false'));
    await page.waitForFunction(
      (prefix: string) => [...CSS.highlights].some(([name, h]) => name.startsWith(prefix) && h.size === 2),
      {},
      PAGE_PREFIX,
    );
    expect((await highlighted(page)).sort()).toEqual(['dopamine', 'ferritin']);
    await page.close();
  });

  it('highlights content added later, and only rescans what changed', async () => {
    const page = await openPage(
      env.session.browser,
      env.server.put('/late.html', html('<main id="feed"><p>ferritin first</p></main>')),
    );
    await settled(page);
    const before = await page.evaluate((measure: string) => performance.getEntriesByName(measure).length, SCAN_MEASURE);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later: dopamine arrives.';
      document.getElementById('feed')!.append(p);
    });
    await page.waitForFunction(
      (prefix: string) =>
        [...CSS.highlights].some(
          ([name, h]) =>
            name.startsWith(prefix) && [...h].some((r) => r.startContainer.textContent?.startsWith('Later')),
        ),
      {},
      PAGE_PREFIX,
    );
    const measures = await page.evaluate(
      (measure: string, skip: number) =>
        performance
          .getEntriesByName(measure)
          .slice(skip)
          .map((m) => (m as PerformanceMeasure).detail as { nodes: number; chars: number; matches: number }),
      SCAN_MEASURE,
      before,
    );
    expect(measures.length).toBeGreaterThan(0);
    const nodes = measures.reduce((sum, m) => sum + m.nodes, 0);
    expect(nodes).toBeLessThan(5); // the new paragraph and its text, not the page again
    expect(measures.reduce((sum, m) => sum + m.matches, 0)).toBe(1);
    await page.close();
  });

  it('walks open shadow roots', async () => {
    const page = await openPage(
      env.session.browser,
      env.server.put(
        '/shadow.html',
        html(`<p>plain</p><div id="host"></div><script>
          const root = document.getElementById('host').attachShadow({ mode: 'open' });
          root.innerHTML = '<p>Inside a shadow root: ferritin.</p>';
        </script>`),
      ),
    );
    expect(await settled(page)).toEqual(['ferritin']);
    await page.close();
  });

  it('highlights text inside a frame', async () => {
    const inner = env.server.put('/inner.html', html('<p>Framed text about dopamine.</p>'));
    const page = await openPage(
      env.session.browser,
      env.server.put('/outer.html', html(`<p>outer</p><iframe src="${inner}"></iframe>`)),
    );
    const frame = page.frames().find((f) => f.url().endsWith('/inner.html'))!;
    expect(frame).toBeTruthy();
    expect(await settled(page, { frame })).toEqual(['dopamine']);
    await page.close();
  });

  it(`records its scan passes as ${SCAN_MEASURE} measures`, async () => {
    const page = await openPage(env.session.browser, env.server.put('/article.html', ARTICLE_LIKE));
    await settled(page);
    const details = await page.evaluate(
      (measure: string) =>
        performance.getEntriesByName(measure).map((m) => JSON.parse(JSON.stringify((m as PerformanceMeasure).detail))),
      SCAN_MEASURE,
    );
    expect(details.length).toBeGreaterThan(0);
    const total = details.reduce(
      (sum, d) => ({ nodes: sum.nodes + d.nodes, chars: sum.chars + d.chars, matches: sum.matches + d.matches }),
      { nodes: 0, chars: 0, matches: 0 },
    );
    expect(total.matches).toBe((await highlighted(page)).length);
    expect(total.chars).toBeGreaterThan(200);
    await page.close();
  });

  it('follows the highlight style and first-occurrence preferences live', async () => {
    const page = await openPage(
      env.session.browser,
      env.server.put('/repeat.html', html('<p>dopamine, dopamine and ferritin.</p><p>More dopamine and ferritin.</p>')),
    );
    expect((await settled(page)).length).toBe(5);
    const names = () =>
      page.evaluate(
        (prefix: string) => [...CSS.highlights.keys()].filter((n) => n.startsWith(prefix)).sort(),
        PAGE_PREFIX,
      );
    expect(await names()).toEqual([highlightName('both')]);
    const size = (style: (typeof HIGHLIGHT_STYLES)[number]) =>
      page.evaluate((name: string) => CSS.highlights.get(name)?.size ?? 0, highlightName(style));

    await seedSettings(env.session, {
      preferences: { ...DEFAULT_PREFERENCES, highlightStyle: 'underline', firstOnly: true },
    });
    await page.waitForFunction(
      (on: string, off: string) => CSS.highlights.get(on)?.size === 2 && !CSS.highlights.has(off),
      {},
      highlightName('underline'),
      highlightName('both'),
    );
    expect((await highlighted(page)).sort()).toEqual(['dopamine', 'ferritin']);
    // The first occurrences, in reading order: the first "dopamine" of the first paragraph.
    expect(
      await page.evaluate(
        (name: string) => [...CSS.highlights.get(name)!].map((r) => r.startOffset).sort((a, b) => a - b),
        highlightName('underline'),
      ),
    ).toEqual([0, 23]);

    await seedSettings(env.session, {
      preferences: { ...DEFAULT_PREFERENCES, highlightStyle: 'both', firstOnly: false },
    });
    await page.waitForFunction((name: string) => CSS.highlights.get(name)?.size === 5, {}, highlightName('both'));
    expect(await names()).toEqual([highlightName('both')]);
    expect(await size('underline')).toBe(0);
    await page.close();
  });

  describe('leaves the page DOM exactly as it was', () => {
    let plain: Browser;
    beforeAll(async () => {
      plain = (await launch(kind, { extension: false })).browser;
    });
    afterAll(async () => plain?.close());

    it('serializes the same with and without the extension', async () => {
      const url = env.server.put('/article.html', ARTICLE_LIKE);
      const withExtension = await openPage(env.session.browser, url);
      expect((await settled(withExtension)).length).toBeGreaterThan(5);
      const without = await openPage(plain, url);
      await sleep(300);
      expect(await serializedDom(withExtension)).toBe(await serializedDom(without));
      await withExtension.close();
      await without.close();
    });
  });
});
