// One way to start a real browser with the built extension installed, shared by `npm start`, the E2E tests,
// the benchmark and the sweep. puppeteer-core drives Debian's Chromium over CDP and Firefox ESR over WebDriver BiDi.
import puppeteer from 'puppeteer-core';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, FIREFOX } from './browsers.mjs';
import { GECKO_ID, FIREFOX_UUID } from '../../build/extension-ids.mjs';

export { GECKO_ID, FIREFOX_UUID };

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** @typedef {'chromium' | 'firefox'} BrowserKind */

/** @typedef {'release' | 'probes'} BuildKind */

/**
 * Where a build of the extension is: the release build (`npm run build:all`), or the test build with its probes on
 * (`npm run build:probes`, core/build-mode.ts), which the E2E tests and the sweep load; the privacy E2E, the
 * benchmark and `npm start` load the release build.
 * @param {BrowserKind} kind
 * @param {BuildKind} [build]
 */
export function extensionDir(kind, build = 'release') {
  const suffix = build === 'probes' ? '-probes' : '';
  return `${ROOT}${process.env.RLS_OUT_DIR || '.output'}/${kind === 'chromium' ? 'chrome-mv3' : 'firefox-mv2'}${suffix}`;
}

/**
 * @param {BrowserKind} kind
 * @param {{ headless?: boolean, extension?: boolean, extensionPath?: string, build?: BuildKind, args?: string[], prefs?: Record<string, unknown> }} [options]
 *   `build`: which build of RLS Lens to install (extensionDir), the release build unless told.
 *   `prefs`: extra Firefox preferences (the sweep routes other hosts to a dead proxy with them); ignored by Chromium.
 *   `extensionPath`: install this unpacked extension instead of RLS Lens's build (the benchmark's empty-script floor).
 */
export async function launch(kind, options = {}) {
  const { headless = true, extension = true, extensionPath, build = 'release', args = [], prefs = {} } = options;
  const browser =
    kind === 'chromium'
      ? await puppeteer.launch({
          executablePath: CHROMIUM,
          headless,
          pipe: true,
          enableExtensions: extension,
          defaultViewport: { width: 1100, height: 800 },
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--hide-scrollbars',
            ...args,
          ],
        })
      : await puppeteer.launch({
          browser: 'firefox',
          protocol: 'webDriverBiDi',
          executablePath: FIREFOX,
          headless,
          defaultViewport: { width: 1100, height: 800 },
          args: ['--remote-allow-system-access', ...args],
          extraPrefsFirefox: {
            'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
            'browser.shell.checkDefaultBrowser': false,
            'network.dns.disableIPv6': false,
            ...prefs,
          },
        });
  let extensionId = '';
  if (extension) extensionId = await browser.installExtension(extensionPath ?? extensionDir(kind, build));
  const extensionOrigin = kind === 'chromium' ? `chrome-extension://${extensionId}` : `moz-extension://${FIREFOX_UUID}`;
  // RLS Lens's content script is registered by its background once it starts (background/script-registration.ts):
  // a page loaded before that would run none.
  if (extension && !extensionPath) {
    // Firefox over BiDi sometimes fails a poll that lands while the moz-extension page replaces about:blank (the
    // page is fine): tried again, as tests/e2e/support.ts does.
    for (let attempt = 1; ; attempt++) {
      try {
        const page = await openExtensionPage(browser, `${extensionOrigin}/popup.html`, 'body');
        await untilRegistered(page, (scripts) => scripts.length > 0, 'the content script to be registered');
        await page.close();
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }
  return {
    kind,
    browser,
    extensionId,
    extensionOrigin,
    /** @param {string} path */
    extensionUrl: (path) => `${extensionOrigin}/${path.replace(/^\//, '')}`,
  };
}

/**
 * Opens an extension page. Firefox may never report `load` for moz-extension:// over BiDi, so the navigation is
 * not awaited: the caller's selector is.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 * @param {string} readySelector
 */
export async function openExtensionPage(browser, url, readySelector) {
  const page = await browser.newPage();
  page.goto(url, { waitUntil: 'domcontentloaded' }).catch(() => {});
  await page.waitForSelector(readySelector, { timeout: 15_000 });
  return page;
}

/**
 * The content scripts RLS Lens has registered (background/script-registration.ts), read in one of its pages.
 * @param {import('puppeteer-core').Page} extensionPage
 * @returns {Promise<{ id: string, matches?: string[], excludeMatches?: string[] }[]>}
 */
export function registeredScripts(extensionPage) {
  return extensionPage.evaluate(() => {
    const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
    return api.scripting.getRegisteredContentScripts();
  });
}

/**
 * Polls the registration from an extension page until `done` accepts it; throws, naming `what` and the last
 * registration, after 15 s.
 * @param {import('puppeteer-core').Page} extensionPage
 * @param {(scripts: Awaited<ReturnType<typeof registeredScripts>>) => boolean} done
 * @param {string} what
 */
export async function untilRegistered(extensionPage, done, what) {
  const end = Date.now() + 15_000;
  for (;;) {
    const scripts = await registeredScripts(extensionPage);
    if (done(scripts)) return scripts;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; registered: ${JSON.stringify(scripts)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
