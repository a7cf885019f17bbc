// How `npm run dev` / `npm run dev:firefox` (WXT's dev mode, through web-ext) open a browser: Debian's Chromium or
// Firefox ESR (the same binaries as the tests, tests/harness/browsers.mjs), a fresh profile, the demo page when
// scripts/dev.mjs serves one. WXT rebuilds on every change and reloads the extension in that browser.
//
// Without a display there is no window to open: the runner is disabled, WXT still builds and rebuilds on change
// into .output/<browser>-dev, and scripts/dev.mjs says so.
import { defineWebExtConfig } from 'wxt';
import { CHROMIUM, FIREFOX } from './tests/harness/browsers.mjs';

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const startUrl = process.env.RLS_DEV_START_URL;

export default defineWebExtConfig({
  disabled: !hasDisplay,
  binaries: { chrome: CHROMIUM, chromium: CHROMIUM, firefox: FIREFOX },
  // As the launcher for the tests does (tests/harness/launch.mjs): Chromium refuses to start as root without
  // --no-sandbox, and nothing should phone home from a dev browser.
  chromiumArgs: [
    ...(isRoot ? ['--no-sandbox'] : []),
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  firefoxPref: {
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
  },
  ...(startUrl ? { startUrls: [startUrl] } : {}),
});
