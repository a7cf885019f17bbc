// Helpers the E2E tests share: one browser per test file, pages served on loopback, and the ways a person
// meets the extension (hover a word, read what assistive technology reads, look at a screenshot).
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { launch, openExtensionPage, ROOT, type BrowserKind } from '../../scripts/launch.mjs';
import { startServer } from '../../scripts/serve.mjs';

export type { BrowserKind };
export const BROWSERS: BrowserKind[] = ['chromium', 'firefox'];
export type Server = Awaited<ReturnType<typeof startServer>>;
export type Session = Awaited<ReturnType<typeof launch>>;

export { launch, startServer, openExtensionPage };

/**
 * One browser of `kind` with the built extension, and one loopback server, for the tests of a describe block:
 * started before the first test, closed after the last.
 */
export function useBrowser(kind: BrowserKind): { readonly session: Session; readonly server: Server } {
  const env = {} as { session: Session; server: Server };
  beforeAll(async () => {
    env.server = await startServer();
    env.session = await launch(kind);
  });
  afterAll(async () => {
    await env.session?.browser.close();
    await env.server?.close();
  });
  return env;
}

export const SCREENSHOT_DIR = `${ROOT}test-output`;

/** A complete HTML document around some body markup. */
export function html(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fixture</title>${head}</head><body>${body}</body></html>`;
}

export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

export function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` in the page until it returns a truthy value (or times out with the last value). */
export async function waitFor<T>(page: Page, check: () => T, timeout = 10_000): Promise<T> {
  const handle = await page.waitForFunction(check, { timeout, polling: 50 });
  return (await handle.jsonValue()) as T;
}

/** The text of every range registered under a highlight whose name starts with `rls-lens`, by highlight name. */
export async function highlightTexts(page: Page, frame = page.mainFrame()): Promise<Record<string, string[]>> {
  return frame.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('rls-lens')) continue;
      out[name] = [...highlight].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      });
    }
    return out;
  });
}

/** All highlighted strings, flattened and in document order of registration. */
export async function highlighted(page: Page, frame = page.mainFrame()): Promise<string[]> {
  const byName = await highlightTexts(page, frame);
  return Object.entries(byName)
    .filter(([name]) => name !== 'rls-lens-current')
    .flatMap(([, texts]) => texts);
}

/** Centre of the first occurrence of `text` in the page (searching text nodes, through open shadow roots). */
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

/** Moves the pointer onto the first occurrence of `text`, in a few steps as a hand would. */
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
