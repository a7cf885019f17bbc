// What frames cost: a frame with nothing worth scanning (too small to read, hidden, no text a term can occur in,
// an about:blank frame still empty) does no scan work at all, and starts as soon as that changes; a top frame with
// nothing to scan is silent until the popup (or a command) wakes it.
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { SCAN_MEASURE } from '../../core/page-names';
import { pageTerms, tabIdOf } from './control-helpers';
import {
  BROWSERS,
  highlighted,
  html,
  openExtensionPage,
  openPage,
  settled,
  sleep,
  untilValue,
  useBrowser,
  withExtensionPage,
} from './support';

const TERMS = '<p>Low ferritin and restless legs syndrome.</p>';
const NO_TERMS = '<p>Sponsored: weekend city breaks</p><button>More</button>';

/** How many scan slices ran in a frame (0: the extension never scanned it). */
const scans = (frame: Frame) =>
  frame.evaluate((name: string) => performance.getEntriesByName(name).length, SCAN_MEASURE);
const frameOf = (page: Page, id: string) =>
  untilValue(
    `frame #${id}`,
    async () => {
      for (const frame of page.frames())
        if (
          (await frame
            .frameElement()
            .then((el) => el?.evaluate((e) => e.id))
            .catch(() => null)) === id
        )
          return frame;
      return null;
    },
    (frame) => frame !== null,
  ) as Promise<Frame>;

describe.each(BROWSERS)('frames in %s', (kind) => {
  const env = useBrowser(kind);

  it('scans only the frames a reader can see terms in, and each as soon as it can', async () => {
    const put = (name: string, body: string) => env.server.put(`/frames/${name}.html`, html(body));
    const page = await openPage(
      env.session.browser,
      env.server.put(
        '/frames.html',
        html(`${TERMS}
          <iframe id="visible" src="${put('visible', TERMS)}" width="400" height="120"></iframe>
          <iframe id="advert" src="${put('advert', NO_TERMS)}" width="300" height="120"></iframe>
          <iframe id="pixel" src="${put('pixel', TERMS)}" width="1" height="1"></iframe>
          <iframe id="hidden" src="${put('hidden', TERMS)}" style="display:none" width="400" height="120"></iframe>
          <iframe id="blank" width="400" height="120"></iframe>
          <iframe id="srcdoc" srcdoc="${TERMS.replace(/"/g, '&quot;')}" width="400" height="120"></iframe>`),
      ),
    );
    expect(await settled(page)).toEqual(['ferritin', 'restless legs syndrome']);
    const [visible, advert, pixel, hidden, blank, srcdoc] = await Promise.all(
      ['visible', 'advert', 'pixel', 'hidden', 'blank', 'srcdoc'].map((id) => frameOf(page, id)),
    );
    expect(await settled(page, { frame: visible! })).toEqual(['ferritin', 'restless legs syndrome']);
    expect(await settled(page, { frame: srcdoc! })).toEqual(['ferritin', 'restless legs syndrome']);
    await sleep(1000);
    // Nothing worth scanning: no scan at all, no highlight registered.
    for (const frame of [advert!, pixel!, hidden!, blank!]) {
      expect(await scans(frame)).toBe(0);
      expect(await highlighted(page, frame)).toEqual([]);
    }

    // The page writes text into the about:blank frame, and shows the hidden frame: both are read now.
    await page.evaluate((terms: string) => {
      (document.getElementById('blank') as HTMLIFrameElement).contentDocument!.body.innerHTML = terms;
      (document.getElementById('hidden') as HTMLIFrameElement).style.display = 'block';
    }, TERMS);
    expect(await settled(page, { frame: blank! })).toEqual(['ferritin', 'restless legs syndrome']);
    expect(await settled(page, { frame: hidden! })).toEqual(['ferritin', 'restless legs syndrome']);
    // The advert never gets a term; the 1×1 pixel frame is never read.
    expect(await scans(advert!)).toBe(0);
    expect(await scans(pixel!)).toBe(0);
    await page.close();
  });

  it('answers for a top page without any term (highlighting on, nothing found) and reads it once terms arrive', async () => {
    const page = await openPage(
      env.session.browser,
      env.server.put('/plain.html', html('<p>The museum opens at nine on weekdays.</p>')),
    );
    await sleep(800);
    expect(await scans(page.mainFrame())).toBe(0);
    expect(await highlighted(page)).toEqual([]);
    // A top frame without terms listens for nothing (content/bootstrap.ts): the question goes unanswered...
    await withExtensionPage(env.session, async (ext) => {
      const tabId = await tabIdOf(ext, page);
      expect(await pageTerms(ext, tabId)).toBeNull();
      // ...until the popup opens for its tab: it wakes the frame (core/frame-wake.ts), shows the site's switch, and
      // the frame answers from then on.
      const popup = await openExtensionPage(env.session, `popup.html?tab=${tabId}`, '.switch--large');
      expect(await popup.$eval('.switch--large', (el) => el.textContent)).toContain('127.0.0.1');
      await popup.close();
      expect(await pageTerms(ext, tabId)).toEqual({ host: '127.0.0.1', active: true, counts: {} });
    });
    await page.bringToFront();
    // Text with terms arriving later (a single-page app rendering its content) starts the engine.
    await page.evaluate((terms: string) => document.body.insertAdjacentHTML('beforeend', terms), TERMS);
    expect(await settled(page)).toEqual(['ferritin', 'restless legs syndrome']);
    await page.close();
  });
});
