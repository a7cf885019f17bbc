// Reaching a frame whose content script stayed silent (issue 22): a frame whose text holds no term never loads its
// session or listens for messages (content/bootstrap.ts), so the popup and the commands that ask the top frame for
// its terms get no answer there. They then call the frame's wake hook through scripting.executeScript, which runs in
// the content script's own world (where the hook is, and where no page script can see it), and ask again.
// No answer after that: no content script runs in the frame (a browser page, the store, a page loaded before
// install), as before.
import { browser } from 'wxt/browser';
import { isPageTerms, sendToPage, type PageTerms } from './messages';
import { WAKE_KEY } from './page-names';

/** Runs in the frame (serialised by executeScript: self-contained). */
const callWakeHook = (key: string): Promise<boolean> | boolean => {
  const hook = (globalThis as Record<string, unknown>)[key];
  return typeof hook === 'function' ? (hook as () => Promise<boolean>)() : false;
};

/** Wakes the frame's session; false when no content script of ours is there (or the page forbids scripts). */
export async function wakeFrame(tabId: number, frameId = 0): Promise<boolean> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      func: callWakeHook,
      args: [WAKE_KEY],
    });
    return result?.result === true;
  } catch {
    return false;
  }
}

/** The top frame's terms, waking its session when it was silent; null when no content script answers. */
export async function askTopFrame(tabId: number): Promise<PageTerms | null> {
  const answer = await sendToPage<'rls-lens:page-terms'>(tabId, { type: 'rls-lens:page-terms' });
  if (isPageTerms(answer)) return answer;
  if (!(await wakeFrame(tabId))) return null;
  const woken = await sendToPage<'rls-lens:page-terms'>(tabId, { type: 'rls-lens:page-terms' });
  return isPageTerms(woken) ? woken : null;
}
