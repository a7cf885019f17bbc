import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { BROWSERS, openExtensionPage, highlighted, highlightTexts, html, launch, openPage, serializedDom, sleep, waitFor, useBrowser } from './harness';

/** Waits until the highlights stop changing (the scanner has settled), then returns them. */
async function settledHighlights(page: import('puppeteer-core').Page, frame = page.mainFrame()) {
  let last = JSON.stringify(await highlighted(page, frame));
  for (let i = 0; i < 40; i++) {
    await sleep(100);
    const now = JSON.stringify(await highlighted(page, frame));
    if (now === last && now !== '[]') break;
    last = now;
  }
  return highlighted(page, frame);
}

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
    const texts = await settledHighlights(page);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Restless legs syndrome', 'ferritin', 'iron-deficiency anemia', 'RLS', 'Dopamine', 'neurotransmitter',
      ]),
    );
    for (const negative of ['environment', 'ironic', 'girls', 'URLs', 'rls', 'Rls', 'iron-deficiency']) {
      expect(texts).not.toContain(negative);
    }
    const names = Object.keys(await highlightTexts(page));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name.startsWith('rls-lens')).toBe(true);
    await page.close();
  });

  it('finds a term split by inline elements as one range', async () => {
    const page = await openPage(env.session.browser, env.server.put('/article.html', ARTICLE_LIKE));
    const texts = await settledHighlights(page);
    expect(texts).toContain('restless legs');
    expect(texts).toContain('end-stage renal disease');
    const spansNodes = await page.evaluate(() => {
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('rls-lens')) continue;
        for (const r of h) if (r.startContainer !== r.endContainer && r.startContainer.textContent === 'restless') return true;
      }
      return false;
    });
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
    const texts = await settledHighlights(page);
    expect(texts).toEqual(['ferritin']);
    await page.close();
  });

  it('drops the terms of a region that becomes editable, and brings them back when it stops', async () => {
    const page = await openPage(
      env.session.browser,
      env.server.put('/toggle-edit.html', html('<p>ferritin stays</p><section id="s"><p>dopamine <b>here</b></p></section>')),
    );
    expect((await settledHighlights(page)).sort()).toEqual(['dopamine', 'ferritin']);
    await page.evaluate(() => document.getElementById('s')!.setAttribute('contenteditable', 'true'));
    await waitFor(page, () => {
      for (const [name, h] of CSS.highlights) if (name.startsWith('rls-lens') && h.size !== 1) return false;
      return true;
    });
    expect(await highlighted(page)).toEqual(['ferritin']);
    await page.evaluate(() => document.getElementById('s')!.setAttribute('contenteditable', 'false'));
    await waitFor(page, () => {
      for (const [name, h] of CSS.highlights) if (name.startsWith('rls-lens') && h.size === 2) return true;
      return false;
    });
    expect((await highlighted(page)).sort()).toEqual(['dopamine', 'ferritin']);
    await page.close();
  });

  it('highlights content added later, and only rescans what changed', async () => {
    const page = await openPage(
      env.session.browser,
      env.server.put('/late.html', html('<main id="feed"><p>ferritin first</p></main>')),
    );
    await settledHighlights(page);
    const before = await page.evaluate(() => performance.getEntriesByName('rls-lens:scan').length);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later: dopamine arrives.';
      document.getElementById('feed')!.append(p);
    });
    await waitFor(page, () => {
      for (const [name, h] of CSS.highlights) {
        if (name.startsWith('rls-lens') && [...h].some((r) => r.startContainer.textContent?.startsWith('Later'))) return true;
      }
      return false;
    });
    const measures = await page.evaluate((skip: number) =>
      performance.getEntriesByName('rls-lens:scan').slice(skip).map((m) => (m as PerformanceMeasure).detail as { nodes: number; chars: number; matches: number }),
    before);
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
    expect(await settledHighlights(page)).toEqual(['ferritin']);
    await page.close();
  });

  it('highlights text inside a frame', async () => {
    const inner = env.server.put('/inner.html', html('<p>Framed text about dopamine.</p>'));
    const page = await openPage(env.session.browser, env.server.put('/outer.html', html(`<p>outer</p><iframe src="${inner}"></iframe>`)));
    const frame = page.frames().find((f) => f.url().endsWith('/inner.html'))!;
    expect(frame).toBeTruthy();
    expect(await settledHighlights(page, frame)).toEqual(['dopamine']);
    await page.close();
  });

  it('records its scan passes as rls-lens:scan measures', async () => {
    const page = await openPage(env.session.browser, env.server.put('/article.html', ARTICLE_LIKE));
    await settledHighlights(page);
    const details = await page.evaluate(() =>
      performance.getEntriesByName('rls-lens:scan').map((m) => JSON.parse(JSON.stringify((m as PerformanceMeasure).detail))),
    );
    expect(details.length).toBeGreaterThan(0);
    const total = details.reduce((sum, d) => ({ nodes: sum.nodes + d.nodes, chars: sum.chars + d.chars, matches: sum.matches + d.matches }), { nodes: 0, chars: 0, matches: 0 });
    expect(total.matches).toBe((await highlighted(page)).length);
    expect(total.chars).toBeGreaterThan(200);
    await page.close();
  });

  it('follows the highlight style and first-occurrence preferences live', async () => {
    const page = await openPage(
      env.session.browser,
      env.server.put('/repeat.html', html('<p>dopamine, dopamine and ferritin.</p><p>More dopamine and ferritin.</p>')),
    );
    expect((await settledHighlights(page)).length).toBe(5);
    const names = () => page.evaluate(() => [...CSS.highlights.keys()].filter((n) => n.startsWith('rls-lens')).sort());
    expect(await names()).toEqual(['rls-lens-both']);
    const setPreferences = async (preferences: object) => {
      const extensionPage = await openExtensionPage(env.session.browser, env.session.extensionUrl('popup.html'), 'body');
      await extensionPage.evaluate(async (value: object) => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        await api.storage.local.set({ preferences: value, preferences$: { v: 1 } });
      }, preferences);
      await extensionPage.close();
    };
    await setPreferences({ hoverDelayMs: 400, highlightStyle: 'underline', firstOnly: true, theme: 'auto' });
    await waitFor(page, () => CSS.highlights.has('rls-lens-underline') && !CSS.highlights.has('rls-lens-both'));
    await waitFor(page, () => CSS.highlights.get('rls-lens-underline')?.size === 2);
    expect((await highlighted(page)).sort()).toEqual(['dopamine', 'ferritin']);
    // The first occurrences, in reading order: the first "dopamine" of the first paragraph.
    expect(await page.evaluate(() => [...CSS.highlights.get('rls-lens-underline')!].map((r) => r.startOffset).sort((a, b) => a - b))).toEqual([0, 23]);

    await setPreferences({ hoverDelayMs: 400, highlightStyle: 'both', firstOnly: false, theme: 'auto' });
    await waitFor(page, () => CSS.highlights.get('rls-lens-both')?.size === 5);
    expect(await names()).toEqual(['rls-lens-both']);
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
      expect((await settledHighlights(withExtension)).length).toBeGreaterThan(5);
      const without = await openPage(plain, url);
      await sleep(300);
      expect(await serializedDom(withExtension)).toBe(await serializedDom(without));
      await withExtension.close();
      await without.close();
    });
  });
});
