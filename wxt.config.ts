import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { noInnerHtml } from './build/vite-no-inner-html';
import { pdfjsNoEval } from './build/vite-pdfjs-no-eval';
import { glossary } from './glossary/vite-plugin';
import { publicSuffixList } from './build/vite-public-suffix';
import { quietContentScriptContext } from './build/vite-quiet-context';
// The gecko id doubles as the key the E2E harness uses to pin the add-on's internal UUID: one constant for both.
import { GECKO_ID } from './build/extension-ids.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// homepage_url comes from package.json's `homepage`, the one place npm and the stores' listings read it from.
const { homepage } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  homepage: string;
};

// The oldest browsers with every web API the content script and the pages use (MDN browser-compat-data):
// - Chrome 128: document.caretPositionFromPoint with its shadowRoots option (content/tooltip/hit-test.ts). The rest is older:
//   CSS Custom Highlights and ::highlight() 105, popover 114, light-dark() 123, storage.session 102.
// - Firefox 140: CSS Custom Highlights (CSS.highlights, Highlight, ::highlight(), Highlight.priority) and
//   data_collection_permissions; popover 125, light-dark() 120, caretPositionFromPoint long before.
// - Firefox for Android 142: data_collection_permissions reached Android two releases after desktop; the web APIs
//   above are at the same versions as on desktop.
// Tested on Chromium 156 and Firefox ESR 153 (README, "Requirements"); the minimums are the API floor, not tested.
const MIN_CHROME = '128';
const MIN_FIREFOX = '140.0';
const MIN_FIREFOX_ANDROID = '142.0';

// The tooltip UI: an extension file every frame imports on first use (content/tooltip/lazy-view.ts), not part of the
// content script. WXT builds unlisted scripts as IIFE bundles; import() needs an ES module, whose default export is
// what the entrypoint's main() returns.
const TOOLTIP_UI = 'tooltip-ui';
// The frame's session: what the bootstrap content script imports once a frame's text can hold a term
// (content/bootstrap.ts), built and listed like the tooltip UI.
const PAGE_SESSION = 'page-session';
/** The extension files content scripts import(): ES modules, web-accessible. */
const PAGE_MODULES = new Set([TOOLTIP_UI, PAGE_SESSION]);

// What pages load runs on the browsers' own promise-based API (Chrome MV3's `chrome`, Firefox's `browser`) instead of
// webextension-polyfill, which the extension's own pages and background keep: the polyfill is 2.7 KB gzipped and
// builds its wrappers in every frame, and the content script uses nothing it adds (storage.local, storage.onChanged,
// runtime.sendMessage, runtime.onMessage answered through sendResponse, runtime.getURL, runtime.id).
const PAGE_BUNDLES = new Set(['content', ...PAGE_MODULES]);
/** The browser's own API object, looked up on first use (core/page-browser.ts). */
const PAGE_BROWSER = fileURLToPath(new URL('./core/page-browser.ts', import.meta.url));

export default defineConfig({
  // Explicit imports everywhere: the structure should be readable from the code.
  imports: false,
  // Separate output folders let several builds (parallel test runs, a benchmark) coexist.
  outDir: process.env.RLS_OUT_DIR || '.output',
  // RLS_ENTRYPOINTS=content,background builds only those (the benchmark needs no popup).
  filterEntrypoints: process.env.RLS_ENTRYPOINTS?.split(','),
  // @wxt-dev/i18n compiles locales/<lang>.yml into _locales/<lang>/messages.json and types `#i18n` from the default
  // locale's file (docs/i18n.md; the manifest's own strings are the `__MSG_…__` below).
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    // quietContentScriptContext: no CustomEvent on the page's document when the content script starts (issue 18).
    plugins: [
      noInnerHtml(),
      pdfjsNoEval(),
      preact(),
      glossary(),
      publicSuffixList(),
      quietContentScriptContext(fileURLToPath(new URL('./content/script-context.ts', import.meta.url))),
    ],
  }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.length !== 1 || !PAGE_BUNDLES.has(entrypoints[0]!.name)) return;
      const alias = config.resolve?.alias ?? [];
      const aliases = Array.isArray(alias)
        ? alias
        : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      // First, so it wins over the alias @wxt-dev/webextension-polyfill adds for every bundle.
      config.resolve = {
        ...config.resolve,
        alias: [{ find: /^wxt\/browser$/, replacement: PAGE_BROWSER }, ...aliases],
      };
      if (!PAGE_MODULES.has(entrypoints[0]!.name) || !config.build?.lib) return;
      config.build.lib.formats = ['es'];
      // Vite leaves whitespace and comments in ES libraries for their consumers' bundlers; this one goes to browsers.
      const output = config.build.rollupOptions?.output;
      if (output && !Array.isArray(output)) Object.assign(output, { minify: true, comments: false });
    },
  },
  // The Firefox sources zip holds what builds the extension and nothing else: AMO reviewers rebuild from it
  // (CONTRIBUTING.md, "Rebuilding the Firefox package"). An allowlist, so that docs images, tests and the output of
  // bench, sweep, demo and test runs never slip in; `npm run zip` rebuilds from the zip and compares
  // (scripts/release/check-sources-zip.mjs), so a source folder missing here fails there.
  zip: {
    includeSources: [
      'background/**',
      'components/**',
      'content/**',
      'core/**',
      'entrypoints/**',
      'glossary/**',
      'locales/**',
      'public/**',
      'settings/**',
      // The only tooling the build runs: Vite plugins and the add-on's fixed identities, imported by this file.
      'build/**',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
      'LICENSE',
    ],
    // Added to WXT's own (node_modules, *.test.*, __tests__, the output folder, web-ext.config.ts).
    excludeSources: ['**/*.test.*', '**/*.spec.*', '**/*.log'],
  },
  manifest: ({ browser, manifestVersion }) => ({
    // Every string a person reads in the browser's UI comes from the catalogue (locales/en.yml, `extension.*` and
    // `commands.*`); the browser picks the reader's language, falling back to English.
    default_locale: 'en',
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    // activeTab: the toolbar popup learns the tab's address (to explain pages extensions cannot run on); the
    // host otherwise comes from the content script. No `tabs`: it would warn "read your browsing history".
    // contextMenus / menus (Firefox's name): "Open the side panel" on the toolbar button; no install warning.
    // Chrome's `sidePanel` is added by WXT with the side panel entrypoint (entrypoints/sidepanel/).
    // scripting: the background registers the content script for the sites the settings allow
    // (background/script-registration.ts) and starts it in open tabs a change covers; the popup, the side panel and
    // the commands wake a top frame that stayed silent because its text holds no term (core/frame-wake.ts). No
    // install warning. Its host access is the content script's own (<all_urls>, which WXT adds from the content
    // script's `matches` and which already warns "read and change all your data on all websites").
    permissions: [
      'storage',
      'activeTab',
      'scripting',
      browser === 'firefox' ? 'menus' : 'contextMenus',
      ...(manifestVersion === 2 ? ['<all_urls>'] : []),
    ],
    ...(manifestVersion === 2 ? {} : { host_permissions: ['<all_urls>'] }),
    homepage_url: homepage,
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' },
    action: { default_title: '__MSG_extension_name__' },
    // The overview page doubles as the options page (settings, site list), always in a tab of its own.
    options_ui: { page: 'overview.html', open_in_tab: true },
    // The content script imports the session and the tooltip UI from here. Chrome: only through the per-session dynamic id that
    // runtime.getURL returns, so a page cannot fetch chrome-extension://<fixed id>/… to learn that RLS Lens is
    // installed. Firefox MV2 lists files only; its moz-extension address is already random per installation.
    web_accessible_resources:
      manifestVersion === 2
        ? [...PAGE_MODULES].map((name) => `${name}.js`)
        : [
            {
              resources: [...PAGE_MODULES].map((name) => `${name}.js`),
              matches: ['<all_urls>'],
              use_dynamic_url: true,
            },
          ],
    // Alt+Shift+Period / Comma (think ">" and "<"): free in Chrome and Firefox on Windows, Linux and macOS, unlike
    // Alt+Shift+N (ChromeOS notifications). Relayed to the page by background/commands.ts; README "Keyboard".
    // toggle-site has no default key, because none is free everywhere: Alt+Shift+letter is Firefox's modifier
    // for pages' accesskeys on Windows and Linux (Wikipedia has two dozen) and is taken by ChromeOS, by Chrome
    // (Alt+Shift+I, T, A) and by Google Docs' menus; Option+Shift+digit or punctuation types a character on a
    // Mac; Alt+Shift+arrows, Home, End and Page keys select text on a Mac and in web editors; Period and Comma are
    // the two above. People set one in chrome://extensions/shortcuts or about:addons (README "Keyboard").
    commands: {
      'next-term': { suggested_key: { default: 'Alt+Shift+Period' }, description: '__MSG_commands_nextTerm__' },
      'previous-term': { suggested_key: { default: 'Alt+Shift+Comma' }, description: '__MSG_commands_previousTerm__' },
      'toggle-site': { description: '__MSG_commands_toggleSite__' },
      // The side panel: Firefox's built-in sidebar command needs no code; Chrome's is background/side-panel.ts.
      // Alt+Shift+G ("glossary"), free in both browsers. Chrome allows four suggested keys: this is the third.
      ...(browser === 'firefox'
        ? {
            _execute_sidebar_action: {
              suggested_key: { default: 'Alt+Shift+G' },
              description: '__MSG_commands_toggleSidePanel__',
            },
          }
        : {
            'open-side-panel': {
              suggested_key: { default: 'Alt+Shift+G' },
              description: '__MSG_commands_openSidePanel__',
            },
          }),
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: MIN_FIREFOX,
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: MIN_FIREFOX_ANDROID },
          },
        }
      : { minimum_chrome_version: MIN_CHROME }),
  }),
});
