// The keyboard commands — next-term / previous-term, routed over the tab's frames (background/frame-steps.ts);
// toggle-site, which switches the tab's site on or off — and the tooltip's "Open in overview" (a content script cannot
// open extension pages, so it asks the background).
import { browser, type Browser } from 'wxt/browser';
import { askTopFrame } from '../core/frame-wake';
import { hostOf } from '../core/hosts';
import { type MessageOf, type ToExtension } from '../core/messages';
import { scriptCovers } from '../settings/script-matches';
import { readStored } from '../settings/site-settings';
// Not the settings barrel: it carries the Public Suffix List, which a toggle does not need.
import { toggleSite } from '../settings/site-switch';
import { openSidePanelFor } from './side-panel';

/** Manifest command names (wxt.config.ts) → step direction. */
const STEP_COMMANDS: Readonly<Record<string, 1 | -1>> = { 'next-term': 1, 'previous-term': -1 };

/** Address of the overview page opened at one entry. */
export function overviewUrl(entryId: string): string {
  return `${browser.runtime.getURL('/overview.html')}#entry=${encodeURIComponent(entryId)}`;
}

/** One step through every frame of a tab (FrameSteps.step). */
type Step = (tabId: number, direction: 1 | -1) => Promise<unknown>;

async function commandTab(tab?: Browser.tabs.Tab): Promise<Browser.tabs.Tab | undefined> {
  // Chrome and Firefox pass the active tab with the command; older versions did not.
  return tab?.id !== undefined ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
}

/**
 * The site of a tab that runs no content script because the settings keep it away (not switched on in opt-in
 * mode, or switched off: settings/script-matches.ts), from the tab's address, which the browser gives with the
 * command (activeTab, and the host access the content script's registration has). null for every other page.
 */
async function siteWithoutScript(url: string | undefined): Promise<string | null> {
  const host = hostOf(url);
  if (!host) return null;
  const { mode, rules } = await readStored();
  return scriptCovers(host, mode, rules) ? null : host;
}

/**
 * toggle-site: the site is the one the tab's top frame reports (its content script knows its own host), or, where
 * the settings keep the content script away, the tab's address. No answer otherwise — a browser page, the store, a
 * PDF viewer, a page loaded before install — or no host (a local file): there is no site to switch.
 */
async function toggleTabSite(tab: Browser.tabs.Tab): Promise<void> {
  // A top frame without terms is silent until woken (core/frame-wake.ts).
  const terms = await askTopFrame(tab.id!);
  const host = terms?.host || (!terms && (await siteWithoutScript(tab.url)));
  if (!host) return;
  // The page hears the change through its settings watch and starts or stops highlighting, like the popup's switch;
  // a page without the script gets it from the background once the registration covers its site
  // (background/late-start.ts).
  await toggleSite(host);
}

/** What a keyboard command does, given the tab the browser passes with it. */
async function runCommand(step: Step, command: string, tab?: Browser.tabs.Tab): Promise<void> {
  const direction = STEP_COMMANDS[command];
  if (!direction && command !== 'toggle-site') return;
  const target = await commandTab(tab);
  if (target?.id === undefined) return;
  if (command === 'toggle-site') return toggleTabSite(target);
  // One frame at a time: every frame has its own terms and tooltip; one step must not open one per frame.
  await step(target.id, direction!);
}

/**
 * Listens for the keyboard commands for as long as the background lives. Firefox for Android has no `commands`
 * API (no keyboard shortcuts): there the background goes on without them rather than stopping at a TypeError
 * before its message listener exists.
 */
export function startCommands(step: Step): void {
  if (!browser.commands) return;
  browser.commands.onCommand.addListener((command: string, tab?: Browser.tabs.Tab) => {
    // Chrome opens a side panel only within the gesture: synchronously, before any await.
    if (command === 'open-side-panel') return openSidePanelFor(tab);
    runCommand(step, command, tab).catch((error: unknown) =>
      console.warn(`RLS Lens: the ${command} command failed.`, error),
    );
  });
}

/** Handler of `rls-lens:open-overview`: the overview opens next to the page the reader came from. */
export async function openOverview(
  message: MessageOf<ToExtension, 'rls-lens:open-overview'>,
  sender: Browser.runtime.MessageSender,
): Promise<void> {
  const opener = sender.tab;
  await browser.tabs.create({
    url: overviewUrl(message.entryId),
    // Next to the page the reader came from, so closing the overview returns there.
    ...(opener?.index !== undefined ? { index: opener.index + 1 } : {}),
    ...(opener?.id !== undefined ? { openerTabId: opener.id } : {}),
  });
}
