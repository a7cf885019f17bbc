// Background side of the tooltip features: keyboard commands relayed to the page, and "Open in overview"
// requests from the page's tooltip (a content script cannot open extension pages).
import { browser, type Browser } from 'wxt/browser';
import type { OpenOverviewRequest, StepRequest } from '../core/messages';

/** Manifest command names (wxt.config.ts) → step direction. */
export const STEP_COMMANDS: Readonly<Record<string, 1 | -1>> = { 'next-term': 1, 'previous-term': -1 };

const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isOpenOverviewRequest(message: unknown): message is OpenOverviewRequest {
  const m = message as Partial<OpenOverviewRequest> | null;
  return m?.type === 'rls-lens:open-overview' && typeof m.entryId === 'string' && ENTRY_ID.test(m.entryId);
}

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
  const message: StepRequest = { type: 'rls-lens:step', direction };
  // Top frame only: every frame has its own terms and tooltip; one step must not open one per frame.
  await browser.tabs.sendMessage(target.id, message, { frameId: 0 }).catch(() => {
    // No content script in this tab (a browser page, the store, a page loaded before install): nothing to step.
  });
}

export function startCommandRelay(signal: AbortSignal): void {
  const onCommand = (command: string, tab?: Browser.tabs.Tab) => void relayStep(command, tab);
  const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isOpenOverviewRequest(message)) return undefined; // not ours: leave it to the other listeners
    const opener = sender.tab;
    return browser.tabs
      .create({
        url: overviewUrl(message.entryId),
        // Next to the page the reader came from, so closing the overview returns there.
        ...(opener?.index !== undefined ? { index: opener.index + 1 } : {}),
        ...(opener?.id !== undefined ? { openerTabId: opener.id } : {}),
      })
      .then(() => undefined);
  };
  browser.commands.onCommand.addListener(onCommand);
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => {
    browser.commands.onCommand.removeListener(onCommand);
    browser.runtime.onMessage.removeListener(onMessage);
  });
}
