// The tooltip's view, loaded on first use. Preact, Floating UI, the components, their CSS and the glossary's text
// are one extension file, `tooltip-ui.js` (entrypoints/tooltip-ui.ts), that a frame imports the first time it opens
// a tooltip — or earlier, when `prefetch` is called on the first pointer rest over a term — instead of parsing them
// in every frame of every page at load. What the spike behind this found is in docs/architecture.md ("What every
// frame carries, and what loads later") and docs/performance.md#the-tooltip-ui-as-an-imported-module.
//
// How it loads: `import(runtime.getURL('/tooltip-ui.js'))` from the content script. The file is an ES module (the
// build makes that one entrypoint a module: wxt.config.ts) listed in web_accessible_resources, with
// `use_dynamic_url` in Chrome so a page cannot probe for it by the extension's fixed id. Both browsers evaluate it in
// the content script's own world (Chrome's isolated world, Firefox's content-script sandbox), once per frame, and
// give its exports straight to the importer: nothing is registered on a global, no <script> enters the page, and
// neither a page's CSP nor a sandboxed frame stops it (checked in both browsers: the versions are in
// docs/performance.md#the-tooltip-ui-as-an-imported-module).
import type { TooltipView, TooltipViewOptions, TooltipState } from './view';

/** What tooltip-ui.js exports as its default: the view, with the glossary it carries itself. */
export interface TooltipUi {
  createTooltipView(options: Omit<TooltipViewOptions, 'glossary'>): TooltipView;
}

/** Where the build writes entrypoints/tooltip-ui.ts. */
const UI_FILE = '/tooltip-ui.js';

/**
 * The browsers' own extension API object, as a global (Chrome's `chrome`; Firefox has it in content scripts too).
 * The import below is written `import(chrome.runtime.getURL(…))` on purpose: it is the one form of a computed
 * import() that addons-linter (and AMO's review) accepts as loading the extension's own file, so it must reach the
 * built file as written, not through an imported (and minified) name.
 */
declare const chrome: { runtime: { id?: string; getURL(path: string): string } };

let loading: Promise<TooltipUi> | undefined;

/**
 * Imports the UI once per frame; a failed import (extension reloaded meanwhile) is tried again next time. Inside a
 * promise: an orphaned script (Chrome, the extension updated or reloaded under the page, before the watchdog noticed)
 * throws "Extension context invalidated." from getURL itself, which must reject rather than reach the page as an
 * uncaught error.
 */
function loadTooltipUi(): Promise<TooltipUi> {
  loading ??= new Promise<{ default: TooltipUi }>((resolve) =>
    resolve(import(/* @vite-ignore */ chrome.runtime.getURL(UI_FILE)) as Promise<{ default: TooltipUi }>),
  ).then(
    (module) => module.default,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export interface LazyTooltipView extends TooltipView {
  /** Starts loading the UI now (the pointer rests on a term), so the first tooltip opens on time. */
  prefetch(): void;
}

/**
 * A TooltipView that loads the real one on the first `show`. Until then `hide` only forgets a pending show and
 * `isOwnUi` is false (there is no UI to be in). `load` is the import (a stand-in in tests).
 */
export function lazyTooltipView(
  options: Omit<TooltipViewOptions, 'glossary'>,
  load: () => Promise<TooltipUi> = loadTooltipUi,
): LazyTooltipView {
  let view: TooltipView | undefined;
  let creating: Promise<TooltipView | undefined> | undefined;
  /** The state the latest call asks for while the UI is loading: shown, or nothing (hidden). */
  let wanted: TooltipState | undefined;

  const create = () =>
    (creating ??= load().then(
      (ui) => {
        if (options.signal.aborted) return undefined;
        view = ui.createTooltipView(options);
        return view;
      },
      (error: unknown) => {
        creating = undefined;
        // An orphaned script (its extension updated or removed) has nothing to say: it is going.
        if (!options.signal.aborted && chrome.runtime?.id) console.warn('RLS Lens: could not load the tooltip.', error);
        return undefined;
      },
    ));

  return {
    async show(state) {
      if (view) return view.show(state);
      wanted = state;
      const created = await create();
      // A later show or a hide while loading wins; only the latest wanted state is drawn.
      if (!created || wanted !== state) return;
      wanted = undefined;
      await created.show(state);
    },
    hide() {
      wanted = undefined;
      view?.hide();
    },
    isOwnUi: (event) => view?.isOwnUi(event) ?? false,
    termOf: (entryId) => view?.termOf(entryId),
    prefetch() {
      void create();
    },
  };
}
