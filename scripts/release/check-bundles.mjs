// Prints what each built script weighs (raw and gzipped) and fails when a library meant only for the extension
// pages reaches a content script, which runs in every page: the Public Suffix List (settings/site-domain.ts, via
// tldts) and the punycode decoder used to show internationalised names.
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
const PUNYCODE_MARKERS = ['Overflow: input needs wider integers', 'Illegal input >= 0x80 (not a basic code point)'];

const given = cli(checkBundlesArgs, COMMANDS.checkBundles).dirs;
const dirs = given.length
  ? given.map((d) => join(ROOT, d))
  : ['chrome-mv3', 'firefox-mv2'].map((d) => join(OUT, d)).filter((d) => existsSync(d));
if (dirs.length === 0) {
  console.error('check-bundles: no build found; run `npx wxt build` (or -b firefox) first.');
  process.exit(1);
}

const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`.padStart(10);

let failures = 0;
for (const dir of dirs) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const contentScripts = new Set(
    (manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []).map((p) => join(dir, p)),
  );
  console.log(`\n${relative(ROOT, dir)}: ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)}`);
  for (const file of files(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    const code = readFileSync(file);
    const tag = contentScripts.has(file) ? '  (content script)' : '';
    console.log(
      `  ${relative(dir, file).padEnd(40)} ${kb(code.length)} ${kb(gzipSync(code, { level: 9 }).length)}${tag}`,
    );
    if (!tag) continue;
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
console.log('\ncheck-bundles: no content script carries the Public Suffix List or the punycode decoder.');
