// mark.js 8.11, the usual way pages and extensions highlight words, given the glossary's surface forms: how long
// it takes on a page next to RLS Lens's scan. Runs in the plain browser (no extension reacting to its DOM changes),
// once per page, in every frame of the page, after the same settle as the measured loads.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { settle } from './load.mjs';

const require = createRequire(import.meta.url);
export const MARK_TIMEOUT_MS = 180_000;

/**
 * What mark.js took on one page, in all its frames: Infinity ms and NaN matches when it ran out of time.
 * @typedef {{ ms: number, matches: number }} MarkRun
 */

/**
 * @param {import('./load.mjs').Session} session the plain browser
 * @param {string} url
 * @param {string[]} forms the glossary's surface forms
 * @returns {Promise<MarkRun>}
 */
export async function markJsRun(session, url, forms) {
  const source = await readFile(require.resolve('mark.js/dist/mark.min.js'), 'utf8');
  const page = await session.browser.newPage();
  /** @type {MarkRun} */
  const timedOut = { ms: Infinity, matches: NaN };
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await settle(page);
    let ms = 0;
    let matches = 0;
    const deadline = Date.now() + MARK_TIMEOUT_MS;
    for (const frame of page.frames()) {
      // An error page left by a blocked host takes no script: it has no text of the page's either.
      if (
        !(await frame.addScriptTag({ content: source }).then(
          () => true,
          () => false,
        ))
      )
        continue;
      const run = frame.evaluate(
        (keywords) =>
          /** @type {Promise<MarkRun>} */ (
            new Promise((resolve) => {
              const t0 = performance.now();
              // @ts-expect-error -- Mark: mark.js's global, from the script tag added above
              // eslint-disable-next-line no-undef
              new Mark(document.body).mark(keywords, {
                accuracy: 'exactly',
                separateWordSearch: false,
                done: (/** @type {number} */ count) => resolve({ ms: performance.now() - t0, matches: count }),
              });
            })
          ),
        forms,
      );
      /** @type {ReturnType<typeof setTimeout> | undefined} */
      let timer;
      const result = await Promise.race([
        run,
        /** @type {Promise<MarkRun>} */ (
          new Promise((resolve) => (timer = setTimeout(() => resolve(timedOut), Math.max(0, deadline - Date.now()))))
        ),
      ]);
      clearTimeout(timer);
      if (result === timedOut) return timedOut;
      ms += result.ms;
      matches += result.matches;
    }
    return { ms, matches };
  } finally {
    await page.close().catch(() => {});
  }
}
