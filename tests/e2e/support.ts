// What every E2E test shares: one browser per describe block, pages served on loopback, waiting that fails loudly,
// extension pages, settings seeded the way the settings module stores them, and the ways a person meets the
// extension (hover a word, look at a screenshot).
import type { Browser, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { PAGE_PREFIX, SCAN_MEASURE, CURRENT_HIGHLIGHT, GATE_MEASURE } from '../../core/page-names';
import { STORED, storedEntries, type StoredSettings } from '../../settings/stored-keys';
import { readRules, readSiteMode } from '../../settings/schema';
import { scriptMatches } from '../../settings/script-matches';
import {
  launch,
  openExtensionPage as openExtensionTab,
  ROOT,
  untilRegistered,
  type BrowserKind,
  type BuildKind,
} from '../harness/launch.mjs';
import { highlightTextsInPage, scanProgressInPage } from '../harness/page-probes.mjs';
import { startServer } from '../harness/serve.mjs';

export type { BrowserKind };
export const BROWSERS: BrowserKind[] = ['chromium', 'firefox'];
export type Server = Awaited<ReturnType<typeof startServer>>;
export type Session = Awaited<ReturnType<typeof launch>>;
export { launch, startServer };

/**
 * One browser of `kind` with the built extension, and one loopback server, for the tests of a describe block:
 * started before the first test, closed after the last.
 */
/** A browser with RLS Lens for the file's tests: the test build (probes on: core/build-mode.ts) unless told. */
export function useBrowser(
  kind: BrowserKind,
  build: BuildKind = 'probes',
): { session: Session; readonly server: Server } {
  const env = {} as { session: Session; server: Server };
  beforeAll(async () => {
    env.server = await startServer();
    env.session = await launch(kind, { build });
  });
  afterAll(async () => {
    await env.session?.browser.close();
    await env.server?.close();
  });
  return env;
}

export const SCREENSHOT_DIR = `${ROOT}test-output`;

/** A complete HTML document around some body markup, titled "fixture" unless `head` brings its own title. */
export function html(body: string, head = ''): string {
  const title = /<title>/i.test(head) ? '' : '<title>fixture</title>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${title}${head}</head><body>${body}</body></html>`;
}

export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

export function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns a truthy value; throws, naming `what` and the last value, when it never does. */
export async function until<T>(what: string, check: () => Promise<T>, timeout = 10_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await check();
    if (last) return last as NonNullable<T>;
    if (Date.now() > end)
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
    await sleep(50);
  }
}

/** Polls `read` until `done` accepts its value, and returns it; throws with the last value when it never does. */
export async function untilValue<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeout = 10_000,
): Promise<T> {
  let value!: T;
  await until(what, async () => done((value = await read())), timeout).catch((error: Error) => {
    throw new Error(`${error.message.split('; last:')[0]}; last: ${JSON.stringify(value)}`);
  });
  return value;
}

/** Polls `check` in the page until it returns a truthy value (throws on timeout). */
export async function waitFor<T>(page: Page, check: () => T, timeout = 10_000): Promise<T> {
  const handle = await page.waitForFunction(check, { timeout, polling: 50 });
  return (await handle.jsonValue()) as T;
}

/** The text of every range registered under a highlight of ours, by highlight name. */
function highlightTexts(page: Page, frame: Frame = page.mainFrame()): Promise<Record<string, string[]>> {
  return frame.evaluate(highlightTextsInPage, PAGE_PREFIX);
}

/** All highlighted strings (not the keyboard's current-term mark), flattened. */
export async function highlighted(page: Page, frame: Frame = page.mainFrame()): Promise<string[]> {
  const byName = await highlightTexts(page, frame);
  return Object.entries(byName)
    .filter(([name]) => name !== CURRENT_HIGHLIGHT)
    .flatMap(([, texts]) => texts);
}

/**
 * Waits until the extension has read the frame and its scans and highlights have not changed for `quietMs`
 * (throws when that never happens); returns the highlighted strings.
 */
export async function settled(
  page: Page,
  { frame = page.mainFrame(), quietMs = 500, timeout = 30_000 } = {},
): Promise<string[]> {
  let last = '';
  let since = Date.now();
  const end = Date.now() + timeout;
  for (;;) {
    const now = await frame.evaluate(scanProgressInPage, PAGE_PREFIX, SCAN_MEASURE, GATE_MEASURE);
    if (now !== last) [last, since] = [now, Date.now()];
    else if (Date.now() - since >= quietMs && !now.startsWith('0:')) return highlighted(page, frame);
    if (Date.now() > end) throw new Error(`the extension never settled in ${frame.url()} (last: ${last})`);
    await sleep(100);
  }
}

/** Centre of the nth occurrence of `text` in the page (searching text nodes, through open shadow roots). */
export async function pointOf(page: Page, text: string, nth = 0): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    (needle: string, which: number) => {
      let seen = 0;
      const visit = (root: Node): DOMRect | null => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
          if (node instanceof Element && node.shadowRoot) {
            const inner = visit(node.shadowRoot);
            if (inner) return inner;
          }
          if (node.nodeType !== Node.TEXT_NODE) continue;
          const data = (node as Text).data;
          let at = data.indexOf(needle);
          while (at !== -1) {
            if (seen++ === which) {
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + needle.length);
              return range.getClientRects()[0] ?? null;
            }
            at = data.indexOf(needle, at + 1);
          }
        }
        return null;
      };
      const rect = visit(document.body);
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    },
    text,
    nth,
  );
  if (!point) throw new Error(`"${text}" is not on the page`);
  return point;
}

/** Moves the pointer onto the nth occurrence of `text`, in a few steps as a hand would. */
export async function hover(page: Page, text: string, nth = 0): Promise<void> {
  const { x, y } = await pointOf(page, text, nth);
  await page.mouse.move(x - 30, y + 40);
  await page.mouse.move(x, y, { steps: 4 });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  await page.screenshot({ path: path as `${string}.png` });
  return path;
}

/** The page's DOM as a string: the same on both sides of a comparison means the page was not touched. */
export function serializedDom(page: Page): Promise<string> {
  return page.evaluate(() => new XMLSerializer().serializeToString(document));
}

/** An error's message with those of its causes. */
function causes(error: unknown): string {
  let text = '';
  for (let e = error as { cause?: unknown } | undefined; e; e = e.cause as typeof e) text += ` ${String(e)}`;
  return text;
}

/**
 * Opens an extension page (`popup.html?tab=3`) in a tab and waits for `ready`. Firefox over BiDi sometimes fails a
 * selector poll that lands while the moz-extension document replaces about:blank; the page is fine, so the wait
 * is tried again.
 */
export async function openExtensionPage(session: Session, path: string, ready = 'body'): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openExtensionTab(session.browser, session.extensionUrl(path), ready);
    } catch (error) {
      if (attempt === 3 || !causes(error).includes('Protocol error')) throw error;
      await sleep(200);
    }
  }
}

/** Runs `work` in a fresh extension page (which can call the extension's APIs), closing it afterwards. */
export async function withExtensionPage<T>(session: Session, work: (page: Page) => Promise<T>): Promise<T> {
  const page = await openExtensionPage(session, 'popup.html', 'body');
  try {
    return await work(page);
  } finally {
    await page.close();
  }
}

/**
 * Writes settings the way the settings module stores them (settings/stored-keys.ts: keys and versions), and waits
 * until the background has brought the content script's registration in line with them
 * (background/script-registration.ts), so that the pages opened next run it where the settings say.
 */
export function seedSettings(session: Session, settings: Partial<StoredSettings>): Promise<void> {
  return withExtensionPage(session, async (page) => {
    const stored = await page.evaluate(
      async (entries, keys) => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        await api.storage.local.set(entries);
        return (await api.storage.local.get(keys)) as Record<string, unknown>;
      },
      storedEntries(settings),
      [STORED.siteMode.key, STORED.siteRules.key],
    );
    const wanted = scriptMatches(
      readSiteMode(stored[STORED.siteMode.key], []),
      readRules(stored[STORED.siteRules.key], []),
    );
    const key = (list?: readonly string[]) => JSON.stringify([...(list ?? [])].sort());
    await untilRegistered(
      page,
      (scripts) =>
        wanted === null
          ? scripts.length === 0
          : scripts.length === 1 &&
            key(scripts[0]!.matches) === key(wanted.matches) &&
            key(scripts[0]!.excludeMatches) === key(wanted.excludeMatches),
      `the content script registered for ${JSON.stringify(wanted)}`,
    );
  });
}
