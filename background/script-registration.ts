// The content script's registration (issue 22): the manifest declares no content script; the background registers
// it with scripting.registerContentScripts for the sites the reader's mode and rules can light
// (settings/script-matches.ts), and keeps that registration in step with the settings. So a page of a site that
// is not switched on in opt-in mode, or is switched off, runs none of RLS Lens: not even the bootstrap.
//
// - The same API in both browsers: Chrome MV3's, and Firefox's in MV2 (since 102), with `persistAcrossSessions`
//   (Firefox 105): the browser keeps the registration across restarts and registers it as the extension starts,
//   before any page loads and before this background runs. (Firefox MV2's contentScripts.register forgets its
//   scripts with the background page, which would leave the tabs a session restore loads first without one.)
// - Checked on every start of the background (Chrome starts its service worker many times): the settings read and
//   one getRegisteredContentScripts; changed only when it differs from what the settings ask for.
// - After a change, the open tabs the new registration covers and the old did not get the script at once
//   (background/late-start.ts): a site switched on in the popup lights up without a reload. After an update, every
//   tab it covers is checked: Firefox unloads the old version's scripts from open tabs and, unlike a manifest
//   script, starts no registered one in them; Chrome leaves the old ones orphaned (they remove themselves) and gives
//   the new version a fresh isolated world, where no instance is found. Both end with one live instance per frame
//   (tests/e2e/update.test.ts).
import { browser, type Browser } from 'wxt/browser';
import { readStored, watchStorage } from '../settings/site-settings';
import { scriptMatches, type ScriptMatches } from '../settings/script-matches';
import { startInOpenTabs, type ScriptFiles } from './late-start';

/** The registration's id: never shown to a page. */
const SCRIPT_ID = 'page';
/**
 * Where WXT writes entrypoints/content.ts and the style sheet it imports (content/highlights.css), from the
 * extension's root (the browsers report them without the leading slash).
 */
const SCRIPT_FILES = {
  js: ['/content-scripts/content.js'],
  css: ['/content-scripts/content.css'],
} as const satisfies ScriptFiles;

type Registered = Browser.scripting.RegisteredContentScript;

/** What the manifest's content_scripts entry said before (entrypoints/content.ts), with the settings' patterns. */
function scriptFor({ matches, excludeMatches }: ScriptMatches): Registered {
  return {
    id: SCRIPT_ID,
    js: [...SCRIPT_FILES.js],
    css: [...SCRIPT_FILES.css],
    matches,
    excludeMatches,
    allFrames: true,
    // The manifest's match_about_blank: about:blank and srcdoc frames run the script when their creator's origin is
    // covered (also data: and blob: frames, which match_about_blank left out).
    matchOriginAsFallback: true,
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
}

const sortedKey = (list: readonly string[] | undefined) =>
  JSON.stringify((list ?? []).map((item) => item.replace(/^\//, '')).sort());

/** The registration as the browser reports it, reduced to the fields set above. */
function same(current: Registered | undefined, wanted: Registered | null): boolean {
  if (!current || !wanted) return !current && !wanted;
  return (
    sortedKey(current.matches) === sortedKey(wanted.matches) &&
    sortedKey(current.excludeMatches) === sortedKey(wanted.excludeMatches) &&
    sortedKey(current.js) === sortedKey(wanted.js) &&
    sortedKey(current.css) === sortedKey(wanted.css) &&
    current.allFrames === true &&
    current.matchOriginAsFallback === true &&
    (current.runAt ?? 'document_idle') === 'document_idle' &&
    current.persistAcrossSessions !== false
  );
}

const matchesOf = (script: Registered | undefined): ScriptMatches | null =>
  script?.matches?.length ? { matches: script.matches, excludeMatches: script.excludeMatches ?? [] } : null;

/** Brings the browser's registration in line with the stored settings; `everywhere`: start it in every open tab. */
async function apply(everywhere = false): Promise<void> {
  const settings = await readStored();
  const wantedMatches = scriptMatches(settings.mode, settings.rules);
  const wanted = wantedMatches && scriptFor(wantedMatches);
  const [current] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (!same(current, wanted)) {
    if (!wanted) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    else if (current) await browser.scripting.updateContentScripts([wanted]);
    else await browser.scripting.registerContentScripts([wanted]);
  } else if (!everywhere) return;
  if (wantedMatches) await startInOpenTabs(everywhere ? null : matchesOf(current), wantedMatches, SCRIPT_FILES);
}

/** Registers the content script now and after every change of the site mode or rules, one change at a time. */
export function startScriptRegistration(): void {
  let queue: Promise<unknown> = Promise.resolve();
  // Firefox for Android had no scripting API before 102 either; the manifest's minimum (142) has it. A browser
  // without it (a test double) leaves the background running without a content script rather than stopping.
  if (!browser.scripting?.registerContentScripts) return;
  const sync = (everywhere = false) => {
    queue = queue
      .then(() => apply(everywhere))
      .catch((error: unknown) => console.warn('RLS Lens: could not register the content script.', error));
  };
  sync();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'update') sync(true);
  });
  // A mode or rule change that leaves the registration as it was (a rule for a site already covered) is a read
  // and a comparison.
  watchStorage(
    (key) => key === 'mode' || key === 'rules',
    readStored,
    () => sync(),
    new AbortController().signal,
  );
}
