import { describe, expect, it } from 'vitest';
import { BROWSERS, html, openExtensionPage, openPage, waitFor, useBrowser } from './harness';

describe.each(BROWSERS)('the built extension in %s', (kind) => {
  const env = useBrowser(kind);

  it('runs its content script in a web page', async () => {
    const url = env.server.put('/plain.html', html('<p>Low ferritin levels are common.</p>'));
    const page = await openPage(env.session.browser, url);
    const registered = await waitFor(page, () => [...CSS.highlights.keys()].some((name) => name.startsWith('rls-lens')));
    expect(registered).toBe(true);
    await page.close();
  });

  it('opens its popup page', async () => {
    const page = await openExtensionPage(env.session.browser, env.session.extensionUrl('popup.html'), 'h1');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('RLS Lens');
    await page.close();
  });
});
