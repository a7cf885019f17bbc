// What the reading-comfort tests ask of a page: how the open card is drawn (size, colours, direction, where its
// host sits), where a word is, and a keyboard step sent from an extension page, as the background relays one.
import type { Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import { HOST } from './tooltip-helpers';
import { html, seedSettings, until, type Session } from './support';
import { storedEntries } from '../../settings/stored-keys';
import { DEFAULT_PREFERENCES, type Preferences } from '../../settings/schema';

/** Terms in plain text, and two under CSS `zoom` (2 and 0.5). */
export const ARTICLE = html(`<main style="max-width:36em;margin:2em auto;font:18px/1.6 Georgia,serif">
<h1>Reading notes</h1>
<p>Low ferritin levels are common in people with restless legs.</p>
<p>Signals through dopamine are studied in sleep laboratories.</p>
<div style="zoom:2"><p>Zoomed twice: pregnancy is mentioned here.</p></div>
<div style="zoom:0.5"><p>Zoomed to half: iron deficiency is named here.</p></div>
</main>`);

/** Settings seeded with these preferences (the others at their defaults). */
export const seed = (session: Session, preferences: Partial<Preferences>) =>
  seedSettings(session, { preferences: { ...DEFAULT_PREFERENCES, ...preferences } });

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface CardLook {
  rect: Rect;
  /** The card's root font size (everything in it is in em). */
  fontSize: number;
  background: string;
  color: string;
  borderWidth: string;
  direction: string;
  lang: string;
  /** Where the host is: the id (or tag name) of its parent element. */
  parent: string;
  /** A pointer at the card's centre hits it (nothing above it, and it is not inert). */
  hit: boolean;
}

/** The open card as the page lays it out, or null. */
export function cardLook(page: Page): Promise<CardLook | null> {
  return page.evaluate((hostName: string) => {
    const host = document.querySelector(hostName);
    const root = host?.shadowRoot?.querySelector<HTMLElement>('.rls-root');
    const tip = root?.querySelector<HTMLElement>('[role="tooltip"]');
    if (!host || !root || !tip || !tip.matches(':popover-open')) return null;
    const r = tip.getBoundingClientRect();
    const style = getComputedStyle(tip);
    const parent = host.parentElement!;
    return {
      rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      fontSize: parseFloat(getComputedStyle(root).fontSize),
      background: style.backgroundColor,
      color: style.color,
      borderWidth: style.borderTopWidth,
      direction: style.direction,
      lang: root.closest('[lang]')?.getAttribute('lang') ?? '',
      parent: parent.id || parent.localName,
      hit: document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2) === host,
    };
  }, HOST);
}

/** The open card, waited for. */
export const look = (page: Page) => until('an open card', () => cardLook(page));

/** The client rect of the first occurrence of `text` in the page's text. */
export async function rectOf(page: Page, text: string): Promise<Rect> {
  const rect = await page.evaluate((needle: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(needle);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const r = range.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }
    return null;
  }, text);
  if (!rect) throw new Error(`"${text}" is not on the page`);
  return rect;
}

/**
 * How the card sits against its term: the gap between them (the placement's offset is 10 px), below the term or,
 * when there is no room below, above it; and whether the card spans the term's centre horizontally (it is centred
 * on the term unless the viewport's edge pushed it aside).
 */
export function against(card: Rect, term: Rect): { gap: number; spans: boolean } {
  const centre = (term.left + term.right) / 2;
  const gap = card.top >= term.top ? card.top - term.bottom : term.top - card.bottom;
  return { gap, spans: card.left <= centre && centre <= card.right };
}

/** The card is placed against its term: just beside it (the 10 px offset), across its centre. */
export function expectOnTerm(card: CardLook, term: Rect): void {
  const { gap, spans } = against(card.rect, term);
  expect(gap).toBeGreaterThanOrEqual(8);
  expect(gap).toBeLessThanOrEqual(13);
  expect(spans).toBe(true);
}

/** A keyboard step to an entry's next term, sent to the tab's top frame as the background relays it. */
export function stepTo(ext: Page, tabId: number, entryId: string): Promise<unknown> {
  return ext.evaluate(
    async (tab: number, id: string) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      return api.tabs.sendMessage(tab, { type: 'rls-lens:step', direction: 1, entryId: id }, { frameId: 0 });
    },
    tabId,
    entryId,
  );
}

/** Browser zoom for a tab (tabs.setZoom, as the reader's Ctrl + does); 1 is 100%. */
export function setZoom(ext: Page, tabId: number, factor: number): Promise<void> {
  return ext.evaluate(
    async (tab: number, f: number) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      await api.tabs.setZoom(tab, f);
    },
    tabId,
    factor,
  );
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core over the open card (as tooltip-helpers' axeTooltip), with WCAG AAA's contrast rule on
 * (`color-contrast-enhanced`: 7:1 for text, 4.5:1 for large text), which axe leaves off by default.
 */
export async function axeCardAaa(page: Page): Promise<{ violations: string[]; incomplete: string[]; aaa: number }> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (hostName: string) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<any> } }).axe;
    const result = await axe.run(
      { include: { fromShadowDom: [hostName, '[role="tooltip"]'] } },
      { rules: { 'color-contrast-enhanced': { enabled: true } } },
    );
    const nodes = (rules: any[]) =>
      rules.flatMap((rule) =>
        rule.nodes.map((n: any) => `${rule.id} ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
      );
    return {
      violations: nodes(result.violations),
      incomplete: nodes(result.incomplete),
      // How many elements the AAA contrast rule measured and passed.
      aaa: result.passes.find((rule: any) => rule.id === 'color-contrast-enhanced')?.nodes.length ?? 0,
    };
  }, HOST);
}

/**
 * Stores the preferences from an extension page already open (as the overview's form does). Not seedSettings, which
 * opens a tab for it: Chromium's headless window shrinks a background page to 1×1 for a moment when a tab is made,
 * and an open card closes as its term leaves that viewport.
 */
export function preferIn(ext: Page, preferences: Partial<Preferences>): Promise<void> {
  return ext.evaluate(
    async (entries) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      await api.storage.local.set(entries);
    },
    storedEntries({ preferences: { ...DEFAULT_PREFERENCES, ...preferences } }),
  );
}
