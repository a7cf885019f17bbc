import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, html, launch, openExtensionPage, openPage, startServer, waitFor, type Server, type Session } from './harness';

describe.each(BROWSERS)('the built extension in %s', (kind) => {
  let session: Session;
  let server: Server;

  beforeAll(async () => {
    server = await startServer();
    session = await launch(kind);
  });
  afterAll(async () => {
    await session?.browser.close();
    await server?.close();
  });

  it('runs its content script in a web page', async () => {
    const url = server.put('/plain.html', html('<p>Low ferritin levels are common.</p>'));
    const page = await openPage(session.browser, url);
    const registered = await waitFor(page, () => [...CSS.highlights.keys()].some((name) => name.startsWith('rls-lens')));
    expect(registered).toBe(true);
    await page.close();
  });

  it('opens its popup page', async () => {
    const page = await openExtensionPage(session.browser, session.extensionUrl('popup.html'), 'h1');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('RLS Lens');
    await page.close();
  });
});
