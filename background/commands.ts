// The keyboard commands (next-term / previous-term), relayed to the page, and the tooltip's "Open in overview"
// (a content script cannot open extension pages, so it asks the background).
import { browser, type Browser } from 'wxt/browser';
import { sendToPage, type MessageOf, type ToExtension } from '../core/messages';

/** Manifest command names (wxt.config.ts) → step direction. */
const STEP_COMMANDS: Readonly<Record<string, 1 | -1>> = { 'next-term': 1, 'previous-term': -1 };

/** Address of the overview page opened at one entry. */
export function overviewUrl(entryId: string): string {
  return `${browser.runtime.getURL('/overview.html')}#entry=${encodeURIComponent(entryId)}`;
}

async function relayStep(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  const direction = STEP_COMMANDS[command];
  if (!direction) return;
  // Chrome and Firefox pass the active tab with the command; older versions did not.
  const target = tab?.id !== undefined ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (target?.id === undefined) return;
  // Top frame only: every frame has its own terms and tooltip; one step must not open one per frame.
  await sendToPage<'rls-lens:step'>(target.id, { type: 'rls-lens:step', direction });
}

/** Listens for the keyboard commands for as long as the background lives. */
export function startCommands(): void {
  browser.commands.onCommand.addListener((command: string, tab?: Browser.tabs.Tab) => void relayStep(command, tab));
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
