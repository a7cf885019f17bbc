// `npm run dev` (Chromium) and `npm run dev:firefox`: WXT's dev mode, which rebuilds on every change and reloads
// the extension, with web-ext opening Debian's browser on the demo page (the article, so every term lights up).
// The browser is configured in web-ext.config.ts. Without a display no browser can open: this says so, and WXT
// still builds and rebuilds on change. Stop with Ctrl+C (or `q` + Enter in WXT's prompt).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureBrowsers, CHROMIUM, FIREFOX } from '../tests/harness/browsers.mjs';
import { ROOT } from '../tests/harness/launch.mjs';
import { startServer } from '../tests/harness/serve.mjs';
import { demoPage } from '../tests/harness/demo-page.mjs';
import { cli, COMMANDS, devArgs } from '../tests/harness/cli-args.mjs';

const { firefox } = cli(devArgs, COMMANDS.dev);
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const outDir = join(process.env.RLS_OUT_DIR || '.output', firefox ? 'firefox-mv2-dev' : 'chrome-mv3-dev');

/** @type {Awaited<ReturnType<typeof startServer>> | undefined} */
let server;
const env = { ...process.env };
if (hasDisplay) {
  ensureBrowsers([firefox ? FIREFOX : CHROMIUM]);
  server = await startServer();
  env.RLS_DEV_START_URL = server.put('/', await demoPage());
  console.log(
    `RLS Lens dev: ${firefox ? 'Firefox ESR' : 'Chromium'} opens on the demo page ${env.RLS_DEV_START_URL}; edits rebuild and reload the extension.`,
  );
} else {
  console.log(
    [
      'RLS Lens dev: no display ($DISPLAY and $WAYLAND_DISPLAY are unset), so no browser is opened.',
      `WXT still builds into ${outDir} and rebuilds on every change: load that folder by hand`,
      `(CONTRIBUTING.md, "Loading the built extension by hand"), or run this under a display (e.g. \`xvfb-run -a npm run dev${firefox ? ':firefox' : ''}\`).`,
    ].join('\n'),
  );
}

const wxt = spawn(
  process.execPath,
  [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), ...(firefox ? ['-b', 'firefox'] : [])],
  {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  },
);
const stop = (/** @type {NodeJS.Signals} */ signal) => wxt.kill(signal);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
wxt.on('exit', async (code, signal) => {
  await server?.close();
  process.exit(code ?? (signal ? 1 : 0));
});
