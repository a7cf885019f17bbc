// The keyboard commands (next-term / previous-term), routed over the tab's frames (background/frame-steps.ts), and
// the tooltip's "Open in overview" (a content script cannot open extension pages, so it asks the background).
import { browser, type Browser } from 'wxt/browser';
import type { MessageOf, ToExtension } from '../core/messages';

/** Manifest command names (wxt.config.ts) → step direction. */
const STEP_COMMANDS: Readonly<Record<string, 1 | -1>> = { 'next-term': 1, 'previous-term': -1 };

/** Address of the overview page opened at one entry. */
export function overviewUrl(entryId: string): string {
  return `${browser.runtime.getURL('/overview.html')}#entry=${encodeURIComponent(entryId)}`;
}

/** One step through every frame of a tab (FrameSteps.step). */
type Step = (tabId: number, direction: 1 | -1) => Promise<unknown>;

async function relayStep(step: Step, command: string, tab?: Browser.tabs.Tab): Promise<void> {
  const direction = STEP_COMMANDS[command];
  if (!direction) return;
  // Chrome and Firefox pass the active tab with the command; older versions did not.
  const target = tab?.id !== undefined ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (target?.id === undefined) return;
  // One frame at a time: every frame has its own terms and tooltip; one step must not open one per frame.
  await step(target.id, direction);
}

/** Listens for the keyboard commands for as long as the background lives. */
export function startCommands(step: Step): void {
  browser.commands.onCommand.addListener((command: string, tab?: Browser.tabs.Tab) => void relayStep(step, command, tab));
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
