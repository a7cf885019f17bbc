// Starting the content script in tabs already open when its registration grows (background/script-registration.ts):
// a registered script runs only in documents loaded after the registration, so a site switched on in the popup, or
// opt-in mode left for opt-out, would otherwise stay dark until each page is reloaded. Also at install: Firefox
// used to inject manifest content scripts into the tabs open at install, and now Chrome does the same.
//
// Only tabs whose address the new registration covers and the old one did not; in them, only the frames the new
// registration covers (by their address, or by their creator's origin for about:blank and srcdoc frames, as
// matchOriginAsFallback does) that have loaded and run no instance yet. A frame of a newly covered site inside
// another site's page starts at its next load. Host access: the `<all_urls>` the registration already needs (no
// `tabs` permission: tabs.query sees the addresses of the tabs the extension may run in).
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { WAKE_KEY } from '../core/page-names';
import { registrationCovers, type ScriptMatches } from '../settings/script-matches';

/** The files of the registered script (background/script-registration.ts), from the extension's root. */
export interface ScriptFiles {
  js: readonly ScriptPublicPath[];
  css: readonly string[];
}

interface FrameState {
  /** The frame's address, or its origin when its address has none (about:blank, srcdoc). */
  url: string;
  /** An instance of the content script runs in the frame (its wake hook is on the content script's global). */
  running: boolean;
}

/** Runs in each frame, in the content script's own world (serialised by executeScript: self-contained). */
const frameState = (key: string): FrameState | null => {
  if (document.readyState !== 'complete') return null;
  const url = /^https?:|^file:/.test(location.href) ? location.href : self.origin;
  return { url, running: typeof (globalThis as Record<string, unknown>)[key] === 'function' };
};

/** Starts the script in the frames of one tab that `after` covers and that run none. */
async function startInTab(tabId: number, after: ScriptMatches, files: ScriptFiles): Promise<void> {
  const results = await browser.scripting.executeScript({
    target: { tabId, allFrames: true },
    func: frameState,
    args: [WAKE_KEY],
  });
  const frameIds = results
    .filter(({ result }) => {
      const state = result as FrameState | null | undefined;
      return !!state && !state.running && registrationCovers(after, state.url);
    })
    .map(({ frameId }) => frameId);
  if (frameIds.length === 0) return;
  // The style sheet first: the script's first highlight is drawn with it, as with a registered script.
  await browser.scripting.insertCSS({ target: { tabId, frameIds }, files: [...files.css] });
  await browser.scripting.executeScript({ target: { tabId, frameIds }, files: [...files.js] });
}

/** Starts the script in the open tabs `after` covers and `before` did not (null: nothing was registered). */
export async function startInOpenTabs(
  before: ScriptMatches | null,
  after: ScriptMatches,
  files: ScriptFiles,
): Promise<void> {
  const tabs = await browser.tabs.query({ url: after.matches, status: 'complete' });
  const newlyCovered = tabs.filter(
    (tab) =>
      tab.id !== undefined &&
      tab.url !== undefined &&
      registrationCovers(after, tab.url) &&
      !registrationCovers(before, tab.url),
  );
  await Promise.all(
    newlyCovered.map((tab) =>
      // A tab that closed or navigated meanwhile, or forbids scripts (the stores): it simply gets none.
      startInTab(tab.id!, after, files).catch(() => undefined),
    ),
  );
}
