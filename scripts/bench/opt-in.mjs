// The bench's fourth browser: RLS Lens with "only the sites I switch on" (opt-in mode) and no site switched on,
// which is what every page of an unlisted site gets (issue 22: nothing at all). The settings are written as the
// settings module stores them (settings/stored-keys.ts); then the bench waits until the background has
// unregistered the content script (background/script-registration.ts), before any page loads.
import { runnerImport } from 'vite';
import { openExtensionPage, registeredScripts, ROOT, untilRegistered } from '../../tests/harness/launch.mjs';

/** @param {Awaited<ReturnType<typeof import('../../tests/harness/launch.mjs').launch>>} session */
export async function seedOptIn(session) {
  const { module } = await runnerImport(`${ROOT}settings/stored-keys.ts`);
  const page = await openExtensionPage(session.browser, session.extensionUrl('popup.html'), 'body');
  await page.evaluate(
    async (entries) => {
      const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
      await api.storage.local.set(entries);
    },
    module.storedEntries({ siteMode: 'opt-in', siteRules: [] }),
  );
  await untilRegistered(page, (scripts) => scripts.length === 0, 'no content script (opt-in mode, no site on)');
  await page.close();
}

/**
 * How many content scripts the opt-in browser has registered after its loads: none, or its pages were not those of
 * an unlisted site.
 * @param {Awaited<ReturnType<typeof import('../../tests/harness/launch.mjs').launch>>} session
 */
export async function optInRegistered(session) {
  const page = await openExtensionPage(session.browser, session.extensionUrl('popup.html'), 'body');
  const scripts = await registeredScripts(page);
  await page.close();
  return scripts.length;
}
