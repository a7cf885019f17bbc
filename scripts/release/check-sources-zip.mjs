// Checks the Firefox sources zip that `wxt zip -b firefox` writes for AMO's reviewers:
// 1. it holds only what builds the extension — no tests, docs images, run output (bench, sweep, demo, test),
//    installed packages, hidden folders (.output, .wxt, .git) or dev scripts the build does not run;
// 2. with --rebuild: it builds the extension. The zip is extracted to a temporary folder, built there with this
//    project's node_modules (linked, so nothing is downloaded), and every file of the result is compared with the
//    build the zip was made beside. A source the build reads but the zip lacks fails here.
// 3. with --rebuild --npm-ci: what a reviewer does — `npm ci` in the extracted folder (from the registry, or npm's
//    cache) and `wxt zip -b firefox` — and the resulting extension zip is compared byte for byte with ours.
//
//   node scripts/release/check-sources-zip.mjs [--rebuild [--npm-ci]] [path/to/sources.zip]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import yauzl from 'yauzl';
import { checkSourcesZipArgs, cli, COMMANDS } from '../../tests/harness/cli-args.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, process.env.RLS_OUT_DIR || '.output');
const { rebuild, cleanInstall, zip } = cli(checkSourcesZipArgs, COMMANDS.checkSourcesZip);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const zipPath = zip ?? join(OUT, `${pkg.name}-${pkg.version}-sources.zip`);

/** Paths that have no place in the sources, each with the reason given when one is found. */
/** @type {[RegExp, string][]} */
const FORBIDDEN = [
  [/(^|\/)node_modules\//, 'installed packages'],
  [/(^|\/)\.[^/]/, 'a hidden file or folder (.output, .wxt, .git, .env…)'],
  [/^tests?\//, 'tests'],
  [/\.(test|spec)\.[cm]?[jt]sx?$/, 'a test'],
  [/^docs\//, 'documentation (screenshots, store images)'],
  [/^[a-z]+-output\//, 'the output of a run (bench, sweep, demo, test)'],
  [/^coverage\//, 'coverage output'],
  [/^(?!public\/).*\.(png|jpe?g|gif|webp|avif|svg)$/i, 'an image outside public/ (the only images the build uses)'],
  [/\.(log|zip|tgz|xpi|crx)$/, 'a log or an archive'],
  [/^scripts\//, 'a dev script the build does not run (what the build runs lives in build/)'],
];
const REQUIRED = ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md', 'LICENSE'];

/**
 * @param {string} path
 * @returns {Promise<Map<string, Buffer>>} every file of the zip, by path
 */
function readZip(path) {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      /** @type {Map<string, Buffer>} */
      const files = new Map();
      zip.on('error', reject);
      zip.on('end', () => resolve(files));
      zip.on('entry', (entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          /** @type {Buffer[]} */
          const chunks = [];
          stream.on('data', (/** @type {Buffer} */ c) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

const sha = (/** @type {Buffer} */ buffer) => createHash('sha256').update(buffer).digest('hex');
/** @type {(dir: string) => string[]} */
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

if (!existsSync(zipPath)) {
  console.error(`check-sources-zip: ${relative(ROOT, zipPath)} not found; run \`npx wxt zip -b firefox\` first.`);
  process.exit(1);
}
const files = await readZip(zipPath);
const problems = [];
for (const name of files.keys()) {
  const hit = FORBIDDEN.find(([pattern]) => pattern.test(name));
  if (hit) problems.push(`${name}: ${hit[1]}`);
}
for (const name of REQUIRED) if (!files.has(name)) problems.push(`${name}: missing (a reviewer needs it to rebuild)`);

console.log(
  `${relative(ROOT, zipPath)}: ${files.size} files, ${[...files.values()].reduce((n, b) => n + b.length, 0)} bytes`,
);
if (problems.length > 0) {
  console.error(
    `✗ The sources zip holds what does not build the extension (zip.includeSources / excludeSources in wxt.config.ts):\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
console.log('✓ only sources: no tests, docs, run output, packages, hidden folders or dev scripts');

if (rebuild) {
  const built = join(OUT, 'firefox-mv2');
  if (!existsSync(join(built, 'manifest.json'))) {
    console.error(
      `check-sources-zip: ${relative(ROOT, built)} not found; the zip must be checked beside the build it was made with.`,
    );
    process.exit(1);
  }
  const work = mkdtempSync(join(tmpdir(), 'rls-lens-sources-'));
  try {
    console.log(rebuildIn(work, built));
  } catch (/** @type {any} */ error) {
    console.error(error.stderr ? `✗ The sources zip does not build:\n${error.stderr}` : `✗ ${error.message}`);
    process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Builds the extracted zip in `work` and compares the result with `built`; throws on any difference.
 * @param {string} work
 * @param {string} built
 */
function rebuildIn(work, built) {
  for (const [name, content] of files) {
    mkdirSync(dirname(join(work, name)), { recursive: true });
    writeFileSync(join(work, name), content);
  }
  const env = { ...process.env };
  delete env.RLS_OUT_DIR;
  delete env.RLS_ENTRYPOINTS;
  if (cleanInstall) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: work, env, stdio: 'pipe' });
    execFileSync('npx', ['wxt', 'zip', '-b', 'firefox'], { cwd: work, env, stdio: 'pipe' });
  } else {
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '-b', 'firefox'], {
      cwd: work,
      env,
      stdio: 'pipe',
    });
  }
  const digest = (/** @type {string} */ dir) => new Map(walk(dir).map((f) => [relative(dir, f), sha(readFileSync(f))]));
  const want = digest(built);
  const got = digest(join(work, '.output/firefox-mv2'));
  const diffs = [];
  for (const [name, hash] of want) {
    if (!got.has(name)) diffs.push(`${name}: not produced from the sources zip`);
    else if (got.get(name) !== hash) diffs.push(`${name}: differs`);
  }
  for (const name of got.keys()) if (!want.has(name)) diffs.push(`${name}: produced only from the sources zip`);
  if (diffs.length > 0) {
    throw new Error(
      `Building the sources zip does not give the extension that was built beside it — a source the build reads is probably missing from zip.includeSources in wxt.config.ts:\n  ${diffs.join('\n  ')}`,
    );
  }
  const lines = [`✓ rebuilt from the zip: the ${want.size} files of firefox-mv2 are identical (sha-256)`];
  if (cleanInstall) {
    const name = `${pkg.name}-${pkg.version}-firefox.zip`;
    const ours = sha(readFileSync(join(OUT, name)));
    const theirs = sha(readFileSync(join(work, '.output', name)));
    if (ours !== theirs)
      throw new Error(
        `${name} rebuilt after npm ci differs from ours (${theirs} ≠ ${ours}), although its files are the same`,
      );
    lines.push(`✓ after npm ci, ${name} is byte-for-byte ours: sha-256 ${ours}`);
  }
  return lines.join('\n');
}
