// What the control tests need beyond support.ts: a tab's id and what its content script says, the keyboard
// commands as the background receives them, the real toolbar button, a phone, and the size of every control.
//
// How a command is triggered (puppeteer's key presses go to the page, never to the browser's shortcut handling;
// both browsers were tried with next-term's Alt+Shift+Period and neither ran it):
// - Firefox: the browser window's own <key> element for the command — what a key press reaches after the
//   browser has matched the shortcut — after browser.commands.update gave the command a shortcut (it has no
//   default). Firefox then grants activeTab and calls the background's onCommand listener with the tab, as for a
//   real key press. Reached through WebDriver BiDi's chrome scope (the launcher's --remote-allow-system-access).
// - Chromium: chrome.commands.onCommand.dispatch(name, tab) in the service worker, over CDP: the listener the
//   background registered runs with the arguments Chrome gives it (the name and the active tab). What it skips
//   is Chrome's own shortcut matching and the activeTab grant, which the handler does not use (it asks the tab's
//   content script for the host).
import type { Page } from 'puppeteer-core';
import { GECKO_ID } from '../../build/extension-ids.mjs';
import { WAKE_KEY } from '../../core/page-names';
import { sleep, until, type Session } from './support';

type Bidi = { send(method: string, params: object): Promise<{ result: any }> };

/** Evaluates `expression` in Firefox's browser window (privileged chrome scope), awaiting a promise it returns. */
export async function inFirefoxChrome(session: Session, expression: string): Promise<unknown> {
  const connection = (session.browser as unknown as { connection: Bidi }).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = tree.result.contexts[0].context as string;
  const { result } = await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true });
  if (result.type === 'exception') throw new Error(`Firefox chrome scope: ${JSON.stringify(result.exceptionDetails)}`);
  return result.result?.value;
}

/** Firefox's toolbar button code for our extension (ext-browserAction.js), and its open popup if any. */
const BROWSER_ACTION = `(() => {
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  const { ViewPopup } = ChromeUtils.importESModule('resource:///modules/ExtensionPopups.sys.mjs');
  const extension = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
  return { action: ExtensionParent.apiManager.global.browserActionFor(extension), popup: () => ViewPopup.for(extension, window) };
})()`;

/** What the tab's top frame's content script answers to `rls-lens:page-terms`, or null when none answers. */
export function pageTerms(
  ext: Page,
  tabId: number,
): Promise<{ host: string; active: boolean; counts: Record<string, number>; pdf?: boolean } | null> {
  return ext.evaluate(async (id: number) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    try {
      return (await api.tabs.sendMessage(id, { type: 'rls-lens:page-terms' }, { frameId: 0 })) ?? null;
    } catch {
      return null; // no content script answers there
    }
  }, tabId);
}

/**
 * What the popup gets from the tab's top frame (core/frame-wake.ts askTopFrame): the answer to `rls-lens:page-terms`,
 * and when the frame is silent (a page without terms: issue 22), the answer after its wake hook ran.
 */
export async function wokenPageTerms(ext: Page, tabId: number): ReturnType<typeof pageTerms> {
  const first = await pageTerms(ext, tabId);
  if (first) return first;
  await ext.evaluate(
    async (id: number, key: string) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      await api.scripting.executeScript({
        target: { tabId: id, frameIds: [0] },
        func: (name: string) => (globalThis as any)[name]?.(),
        args: [key],
      });
    },
    tabId,
    WAKE_KEY,
  );
  return pageTerms(ext, tabId);
}

/**
 * Whether RLS Lens's content script runs in each frame of a tab, frame by frame: its wake hook is on the content
 * script's own global (core/page-names.ts WAKE_KEY), which scripting.executeScript reaches and no page script does.
 */
export function scriptInFrames(ext: Page, tabId: number): Promise<boolean[]> {
  return ext.evaluate(
    async (id: number, key: string) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      const results = await api.scripting.executeScript({
        target: { tabId: id, allFrames: true },
        func: (name: string) => typeof (globalThis as any)[name] === 'function',
        args: [key],
      });
      return (results as { result: boolean }[]).map((r) => r.result);
    },
    tabId,
    WAKE_KEY,
  );
}

/** The id of `page`'s tab: brought to front, it is the active tab (extension pages see ids without `tabs`). */
export async function tabIdOf(ext: Page, page: Page): Promise<number> {
  await page.bringToFront();
  return until('the active tab', () =>
    ext.evaluate(async () => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      return (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id as number | undefined;
    }),
  );
}

/** Runs a keyboard command for `page`'s tab the way the background receives it (see the top of this file). */
export async function runCommand(session: Session, ext: Page, name: string, page: Page): Promise<void> {
  await page.bringToFront();
  if (session.kind === 'firefox') {
    // The command's shortcut, given one if it has none (toggle-site has no default key).
    const shortcut = await ext.evaluate(async (command: string) => {
      const api = (globalThis as any).browser;
      const current = ((await api.commands.getAll()) as { name: string; shortcut?: string }[]).find(
        (c) => c.name === command,
      )?.shortcut;
      if (current) return current;
      await api.commands.update({ name: command, shortcut: 'Alt+Shift+U' });
      return 'Alt+Shift+U';
    }, name);
    const key = shortcut.split('+').at(-1)!;
    const widget = GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
    const ran = await inFirefoxChrome(
      session,
      `(() => {
        const keys = [...document.querySelectorAll('keyset[id="ext-keyset-id-${widget}"] key')];
        const wanted = ${JSON.stringify(key)};
        const key = keys.find((k) => wanted.length === 1 ? k.getAttribute('key')?.toUpperCase() === wanted : k.getAttribute('keycode') === 'VK_' + wanted.toUpperCase());
        if (!key) return 'no key for ' + wanted + ' among ' + keys.map((k) => (k.getAttribute('key') || k.getAttribute('keycode')) + '/' + k.getAttribute('modifiers')).join(' ');
        key.doCommand();
        return 'ran';
      })()`,
    );
    if (ran !== 'ran') throw new Error(String(ran));
    return;
  }
  // Chrome stops an idle service worker: a message from an extension page wakes it (nothing answers this one).
  await ext.evaluate(() =>
    (globalThis as any).chrome.runtime.sendMessage({ type: 'rls-lens:wake-up' }).catch(() => undefined),
  );
  const target = await session.browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(session.extensionOrigin),
  );
  const worker = await target.worker();
  if (!worker) throw new Error('no service worker');
  await worker.evaluate(async (command: string) => {
    const api = (globalThis as any).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    api.commands.onCommand.dispatch(command, tab);
  }, name);
}

/**
 * Clicks the toolbar button for `page`'s tab the way the browser does, which grants activeTab as a real click
 * does. Chromium (CDP Extensions.triggerAction) opens the real popup: it is returned. Firefox runs the button's own
 * code (browserAction.triggerAction), whose popup panel puppeteer cannot reach: it is closed again and null
 * returned; the grant stays, so popup.html?tab=<id> then sees the tab's address, as the toolbar popup does.
 */
export async function clickToolbarButton(session: Session, page: Page): Promise<Page | null> {
  await page.bringToFront();
  if (session.kind === 'firefox') {
    // A popup still open would make the click close it instead (and grant nothing): it is gone before and after.
    const error = await inFirefoxChrome(
      session,
      `(async () => {
      const { action, popup } = ${BROWSER_ACTION};
      const settle = async (open) => {
        for (let i = 0; i < 60 && !!popup() !== open; i++) await new Promise((r) => setTimeout(r, 50));
        return !!popup() === open;
      };
      popup()?.closePopup();
      if (!(await settle(false))) return 'an earlier popup did not close';
      action.triggerAction(window);
      if (!(await settle(true))) return 'the popup did not open';
      popup().closePopup();
      return (await settle(false)) ? '' : 'the popup did not close';
    })()`,
    );
    if (error) throw new Error(String(error));
    return null;
  }
  const extension = (await session.browser.extensions()).get(session.extensionId);
  if (!extension) throw new Error('the extension is not installed');
  const isPopup = (t: { url(): string }) => t.url().startsWith(session.extensionUrl('popup.html'));
  // A popup left open (by a test that failed) is not the one this click opens.
  const before = new Set(session.browser.targets().filter(isPopup));
  await page.triggerExtensionAction(extension);
  const target = await session.browser.waitForTarget((t) => isPopup(t) && !before.has(t));
  const popup = await target.asPage();
  await popup.waitForSelector('.site');
  return popup;
}

/**
 * A phone's viewport with touch. Chromium: CDP's mobile emulation (meta viewport, touch, coarse pointer). Firefox:
 * WebDriver BiDi sets the size but has neither isMobile nor, in Firefox 153, emulation.setTouchOverride ("unknown
 * command"), so touch events and the coarse pointer are turned on in the tab as Firefox's Responsive Design Mode
 * does (browsingContext.touchEventsOverride, inRDMPane), from the chrome scope. The page is reloaded (an
 * extension page: not awaited, its `ready` element is).
 */
export async function emulatePhone(
  session: Session,
  page: Page,
  width = 390,
  height = 844,
  ready?: string,
): Promise<void> {
  if (session.kind === 'chromium') {
    await page.setViewport({ width, height, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    if (ready) await page.waitForSelector(ready);
    return;
  }
  await page.setViewport({ width, height });
  await page.bringToFront();
  await inFirefoxChrome(
    session,
    `(() => {
    const context = gBrowser.selectedBrowser.browsingContext;
    context.touchEventsOverride = 'enabled';
    context.inRDMPane = true;
  })()`,
  );
  // Extension pages may never report `load` over BiDi (tests/harness/launch.mjs): those wait for their `ready` element.
  if (ready) {
    page.reload({ waitUntil: 'domcontentloaded' }).catch(() => undefined);
    await sleep(300);
    await page.waitForSelector(ready);
  } else await page.reload({ waitUntil: 'load' });
}

/**
 * Controls smaller than 24×24 CSS px (WCAG 2.5.8) in the document or in a shadow root: buttons, links, inputs
 * (a radio or checkbox by its label, which is its target), summaries, switches. Visually hidden ones are skipped.
 */
export function smallTargets(page: Page, shadowHost?: string): Promise<string[]> {
  return page.evaluate((hostName: string | null) => {
    const root: ParentNode | null | undefined = hostName ? document.querySelector(hostName)?.shadowRoot : document;
    if (!root) return ['no such root'];
    const small: string[] = [];
    for (const control of root.querySelectorAll<HTMLElement>(
      'button, a[href], input, select, textarea, summary, [role="switch"]',
    )) {
      const target = control.closest('label') ?? control;
      const r = target.getBoundingClientRect();
      if ((r.width === 0 && r.height === 0) || control.closest('.visually-hidden, .rls-visually-hidden')) continue;
      if (r.width < 24 || r.height < 24) {
        small.push(
          `${target.localName}.${target.className} "${(target.textContent ?? '').trim().slice(0, 30)}" ${r.width.toFixed(1)}×${r.height.toFixed(1)}`,
        );
      }
    }
    return small;
  }, shadowHost ?? null);
}

/** Whether the document scrolls sideways (wider than its viewport, scrollbar excluded). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** A one-page PDF showing `text` in Helvetica (objects, cross-reference table and trailer written out by hand). */
export function pdfDocument(text: string): Buffer {
  const content = `BT /F1 18 Tf 72 700 Td (${text.replace(/[()\\]/g, (c) => `\\${c}`)}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
