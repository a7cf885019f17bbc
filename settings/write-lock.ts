// One settings write at a time across the whole extension: every read-modify-write of a setting (site rules, My
// terms, known terms, preferences, an import) runs under one Web Lock, which the popup, the overview, the side
// panel, the reader, Chrome's service worker and Firefox's background page all share (locks are per origin, and
// they are all the extension's origin). Two pages switching two different sites at the same instant then each read
// what the other wrote, instead of both reading the same rules and the second write dropping the first change.
// Writes take the lock in the order they ask for it, so the last change asked for is the one stored last.
//
// Not in a web page: a content script runs in the page's origin, where the page itself could hold (or list, with
// `navigator.locks.query()`) a lock of that name. Content scripts write no settings; should code run there, or where
// the API is missing, writes are still serialised within that context (the queue below).

/** The lock's name; only the extension's own origin ever sees it. */
const SETTINGS_LOCK = 'rls-lens-settings-write';

type Task<T> = () => Promise<T>;

/** The Web Locks of the extension's own origin, or undefined where there are none (or they are the page's). */
function extensionLocks(): LockManager | undefined {
  const here = globalThis as { location?: { protocol?: string }; navigator?: { locks?: LockManager } };
  // chrome-extension:, moz-extension:, safari-web-extension:; a web page's content script has the page's protocol.
  if (!here.location?.protocol?.endsWith('-extension:')) return undefined;
  return here.navigator?.locks;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every write asked for before it (in any of the extension's pages), and before any asked later. */
export function serialized<T>(task: Task<T>): Promise<T> {
  const locks = extensionLocks();
  // The lock is released when the task settles, fulfilled or rejected; a closed page releases it too.
  const run = locks ? () => locks.request(SETTINGS_LOCK, () => task()) : task;
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}
