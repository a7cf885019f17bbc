// Prints what each built script weighs (raw and gzipped) and fails when a library meant only for the extension
// pages reaches a script that runs in pages (the content script, and the modules it imports: web_accessible_resources):
// the Public Suffix List (settings/site-domain.ts, via tldts) and the punycode decoder used to show
// internationalised names. The content script itself is what every frame of every page evaluates, only the gate
// (content/bootstrap.ts): it fails above BOOTSTRAP_BUDGET gzipped.
//
//   node scripts/release/check-bundles.mjs [.output/chrome-mv3 .output/firefox-mv2 …]   (default: the builds that exist)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { checkBundlesArgs, cli, COMMANDS } from '../../tests/harness/cli-args.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, process.env.RLS_OUT_DIR || '.output');

// Names from the list's private section that no glossary text or page code of ours contains; two of them in one
// file mean the list is there, whichever library carries it.
const PSL_MARKERS = ['blogspot', 'herokuapp', 'netlify', 'pythonanywhere', 'azurewebsites'];
/** gzip -9 bytes the content script may weigh (issue 22: a few KB at most). */
const BOOTSTRAP_BUDGET = 6 * 1024;
const PUNYCODE_MARKERS = ['Overflow: input needs wider integers', 'Illegal input >= 0x80 (not a basic code point)'];

const given = cli(checkBundlesArgs, COMMANDS.checkBundles).dirs;
const dirs = given.length
  ? given.map((d) => join(ROOT, d))
  : ['chrome-mv3', 'firefox-mv2'].map((d) => join(OUT, d)).filter((d) => existsSync(d));
if (dirs.length === 0) {
  console.error('check-bundles: no build found; run `npx wxt build` (or -b firefox) first.');
  process.exit(1);
}

/** Every file under dir, recursively. @param {string} dir @returns {string[]} */
const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`.padStart(10);

let failures = 0;
for (const dir of dirs) {
  /** @type {import('../bench/size.mjs').BuiltManifest} */
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  // The manifest's content scripts, and those the background registers at run time (background/script-registration.ts),
  // which WXT writes to the same folder.
  const contentScripts = new Set([
    ...(manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []).map((p) => join(dir, p)),
    ...(existsSync(join(dir, 'content-scripts')) ? readdirSync(join(dir, 'content-scripts')) : [])
      .filter((name) => name.endsWith('.js'))
      .map((name) => join(dir, 'content-scripts', name)),
  ]);
  const pageModules = new Set(
    (manifest.web_accessible_resources ?? [])
      .flatMap((r) => (typeof r === 'string' ? [r] : (r.resources ?? [])))
      .filter((p) => p.endsWith('.js'))
      .map((p) => join(dir, p)),
  );
  console.log(`\n${relative(ROOT, dir)}: ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)}`);
  for (const file of files(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    const code = readFileSync(file);
    const gzipped = gzipSync(code, { level: 9 }).length;
    const tag = contentScripts.has(file) ? '  (content script)' : pageModules.has(file) ? '  (imported by it)' : '';
    console.log(`  ${relative(dir, file).padEnd(40)} ${kb(code.length)} ${kb(gzipped)}${tag}`);
    if (!tag) continue;
    if (contentScripts.has(file) && gzipped > BOOTSTRAP_BUDGET) {
      console.error(
        `  ✗ ${relative(ROOT, file)} is ${gzipped} bytes gzipped, over the ${BOOTSTRAP_BUDGET} every frame may evaluate: import it from the session (entrypoints/page-session.ts) instead.`,
      );
      failures++;
    }
    const text = code.toString('utf8');
    const psl = PSL_MARKERS.filter((m) => text.includes(m));
    if (psl.length >= 2) {
      console.error(
        `  ✗ ${relative(ROOT, file)} contains the Public Suffix List (${psl.join(', ')}). Only the popup and the overview page may import settings/site-domain.ts; see build/vite-public-suffix.ts.`,
      );
      failures++;
    }
    const puny = PUNYCODE_MARKERS.filter((m) => text.includes(m));
    if (puny.length > 0) {
      console.error(`  ✗ ${relative(ROOT, file)} contains the punycode decoder, which only the extension pages need.`);
      failures++;
    }
  }
  if (contentScripts.size === 0) {
    console.error(`  ✗ ${relative(ROOT, dir)}/manifest.json declares no content script: nothing was checked.`);
    failures++;
  }
}
if (failures > 0) process.exit(1);
console.log(
  `\ncheck-bundles: no script that runs in pages carries the Public Suffix List or the punycode decoder; the content script is within ${BOOTSTRAP_BUDGET} bytes gzipped.`,
);
