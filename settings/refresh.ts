// Reading the settings again after storage changes: one read at a time and at most one waiting, so a burst of
// changes (an import writes several settings) ends in one fresh read, results arrive in order, and a result equal
// to the last one delivered is not delivered again. Shared by the extension's pages (settings/site-settings.ts)
// and a frame's content script (settings/frame-settings.ts).

/** Returns the function to call after each relevant change. */
export function refresher<T>(load: () => Promise<T>, deliver: (value: T) => void, signal: AbortSignal): () => void {
  let chain: Promise<void> = Promise.resolve();
  let waiting = false;
  let last: string | undefined;
  return () => {
    if (waiting) return;
    waiting = true;
    chain = chain
      .then(async () => {
        waiting = false;
        const value = await load();
        const key = JSON.stringify(value);
        if (signal.aborted || key === last) return;
        last = key;
        deliver(value);
      })
      .catch((error: unknown) => console.warn('RLS Lens: could not read the settings after a change.', error));
  };
}
