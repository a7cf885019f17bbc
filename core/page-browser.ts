// `wxt/browser` for what pages load (the content script and the tooltip UI; wxt.config.ts aliases it here for
// those two bundles): the browser's own extension API object (Chrome's `chrome`, Firefox's `browser`), without
// webextension-polyfill, and looked up on first use. Chrome builds a content script's `chrome` object, with a
// binding per API, the first time the script touches it; a frame with nothing worth scanning never does.
import type { browser as WxtBrowser } from 'wxt/browser';

type Api = typeof WxtBrowser;
let api: Api | undefined;
const resolve = (): Api => {
  const scope = globalThis as { browser?: Api; chrome?: Api };
  return (api ??= scope.browser?.runtime?.id ? scope.browser : scope.chrome!);
};

export const browser = new Proxy({} as Api, { get: (_, key) => Reflect.get(resolve(), key) });
