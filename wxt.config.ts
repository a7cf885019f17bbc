import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { noInnerHtml } from './scripts/vite-no-inner-html';
import { glossary } from './glossary/vite-plugin';
import { publicSuffixList } from './scripts/vite-public-suffix';
// The gecko id doubles as the key the E2E harness uses to pin the add-on's internal UUID: one constant for both.
import { GECKO_ID } from './scripts/extension-ids.mjs';


export default defineConfig({
  // Explicit imports everywhere: the structure should be readable from the code.
  imports: false,
  // Separate output folders let several builds (parallel test runs, a benchmark) coexist.
  outDir: process.env.RLS_OUT_DIR || '.output',
  // RLS_ENTRYPOINTS=content,background builds only those (the benchmark needs no popup).
  filterEntrypoints: process.env.RLS_ENTRYPOINTS?.split(','),
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [noInnerHtml(), preact(), glossary(), publicSuffixList()],
  }),
  manifest: ({ browser }) => ({
    name: 'RLS Lens',
    description:
      'Marks restless legs syndrome terms on any page and explains each one from an article\'s glossary.',
    // activeTab: the toolbar popup learns the tab's address (to explain pages extensions cannot run on); the
    // host otherwise comes from the content script. No `tabs`: it would warn "read your browsing history".
    permissions: ['storage', 'activeTab'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' },
    action: { default_title: 'RLS Lens' },
    // The overview page doubles as the options page (settings, site list), always in a tab of its own.
    options_ui: { page: 'overview.html', open_in_tab: true },
    // Alt+Shift+Period / Comma (think ">" and "<"): free in Chrome and Firefox on Windows, Linux and macOS, unlike
    // Alt+Shift+N (ChromeOS notifications). Relayed to the page by content/commands.ts; README "Keyboard".
    commands: {
      'next-term': { suggested_key: { default: 'Alt+Shift+Period' }, description: 'Explain the next term on the page' },
      'previous-term': { suggested_key: { default: 'Alt+Shift+Comma' }, description: 'Explain the previous term on the page' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
