// A navigation inside a single-page app (the address changes, the document stays), heard without telling the page.
// WXT's `wxt:locationchange` does the same watch but announces each change as an event on the page's window, named
// after the extension's id, which a page script can listen for (issue 18); this calls back instead.
// Like WXT's watcher: the Navigation API where the browser has it, else a look at the address every second.

/** `navigation`, where the browser has the Navigation API (Chromium; Firefox from 147). */
interface NavigationLike {
  addEventListener(
    type: 'navigate',
    listener: (event: { destination: { url: string } }) => void,
    options: { signal: AbortSignal },
  ): void;
}

export function onLocationChange(callback: () => void, signal: AbortSignal): void {
  let last = location.href;
  const check = (next: string) => {
    if (next === last) return;
    last = next;
    callback();
  };
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    navigation.addEventListener('navigate', (event) => check(new URL(event.destination.url).href), { signal });
    return;
  }
  const timer = setInterval(() => check(location.href), 1000);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
