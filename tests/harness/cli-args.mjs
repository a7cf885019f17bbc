// The command-line arguments of every tool (npm start aside, which takes none): one node:util parseArgs spec per
// command, here rather than in the commands themselves so that the parsing is tested without running them
// (tests/unit/scripts/cli-args.test.ts). Bad input gets the message and the usage, exit code 2; --help the usage.
import { parseArgs } from 'node:util';

/** @typedef {import('node:util').ParseArgsOptionsConfig} Options */
/** @typedef {{ usage: string, options?: Options, positionals?: boolean }} Command */

export class UsageError extends Error {}

const BROWSERS = ['chromium', 'firefox'];

/**
 * @param {string} list
 * @param {string} what
 * @returns {import('./launch.mjs').BrowserKind[]}
 */
function browserList(list, what) {
  const kinds = list
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const unknown = kinds.filter((b) => !BROWSERS.includes(b));
  if (kinds.length === 0 || unknown.length)
    throw new UsageError(`${what} takes chromium and/or firefox, not ${unknown.join(', ') || 'nothing'}`);
  return /** @type {import('./launch.mjs').BrowserKind[]} */ (kinds);
}

/**
 * parseArgs with the command's spec, strict (an unknown option or a missing value is an error), plus --help.
 * @param {string[]} argv
 * @param {Command} command
 */
export function parse(argv, command) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h' }, ...command.options },
      allowPositionals: command.positionals ?? false,
      strict: true,
    });
    return { values: /** @type {Record<string, string | boolean | undefined>} */ (values), positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** @satisfies {Record<string, Command>} */
export const COMMANDS = {
  bench: {
    usage:
      'npm run bench [-- page.html notes.txt …]   (options: RLS_BENCH_* variables, README "Benchmark")\n' +
      '       npm run bench -- --soak [--minutes 10] [--routes 500]   (the soak: a feed, then a single-page app)',
    options: {
      soak: { type: 'boolean', default: false },
      minutes: { type: 'string', default: '10' },
      routes: { type: 'string', default: '500' },
    },
    positionals: true,
  },
  sweep: {
    usage: 'npm run sweep -- DIR [DIR…] [--browser chromium|firefox] [--timeout ms] [--out file.json]',
    options: {
      browser: { type: 'string', default: 'chromium,firefox' },
      timeout: { type: 'string', default: '30000' },
      out: { type: 'string' },
    },
    positionals: true,
  },
  labels: { usage: 'node scripts/labels.mjs FILE… (.txt or .html)', positionals: true },
  pdfCheck: {
    usage: 'npm run pdf-check -- FILE… (.txt or .html) [--browser chromium|firefox]',
    options: { browser: { type: 'string', default: 'chromium,firefox' } },
    positionals: true,
  },
  dev: { usage: 'npm run dev [-- --firefox]', options: { firefox: { type: 'boolean', default: false } } },
  browsers: { usage: 'node tests/harness/browsers.mjs [chromium] [firefox]', positionals: true },
  checkBundles: {
    usage: 'node scripts/release/check-bundles.mjs [.output/chrome-mv3 .output/firefox-mv2 …]',
    positionals: true,
  },
  checkSourcesZip: {
    usage: 'node scripts/release/check-sources-zip.mjs [--rebuild [--npm-ci]] [path/to/sources.zip]',
    options: { rebuild: { type: 'boolean', default: false }, 'npm-ci': { type: 'boolean', default: false } },
    positionals: true,
  },
  storeAssets: {
    usage: 'npm run store-assets [-- --no-build] [--theme light|dark] [--out docs/store]',
    options: {
      'no-build': { type: 'boolean', default: false },
      theme: { type: 'string', default: 'light' },
      out: { type: 'string', default: 'docs/store' },
    },
  },
};

/** @param {string[]} argv */
export function benchArgs(argv) {
  const { values, positionals } = parse(argv, COMMANDS.bench);
  const minutes = Number(values.minutes);
  const routes = Number(values.routes);
  if (!Number.isInteger(minutes) || minutes < 1)
    throw new UsageError(`--minutes takes whole minutes, not ${values.minutes}`);
  if (!Number.isInteger(routes) || routes < 10) throw new UsageError(`--routes takes 10 or more, not ${values.routes}`);
  const soak = Boolean(values.soak);
  if (soak && positionals.length) throw new UsageError('--soak loads its own pages: give no files with it');
  return { help: Boolean(values.help), files: positionals, soak, minutes, routes };
}

/** @param {string[]} argv */
export function sweepArgs(argv) {
  const { values, positionals } = parse(argv, COMMANDS.sweep);
  const timeoutMs = Number(values.timeout);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new UsageError(`--timeout takes milliseconds, not ${values.timeout}`);
  const help = Boolean(values.help);
  if (!help && positionals.length === 0) throw new UsageError('give at least one folder of .html pages');
  return {
    help,
    kinds: browserList(String(values.browser), '--browser'),
    timeoutMs,
    out: /** @type {string | undefined} */ (values.out),
    dirs: positionals,
  };
}

/** @param {string[]} argv */
export function pdfCheckArgs(argv) {
  const { values, positionals } = parse(argv, COMMANDS.pdfCheck);
  const help = Boolean(values.help);
  if (!help && positionals.length === 0) throw new UsageError('give at least one .txt or .html file');
  return { help, kinds: browserList(String(values.browser), '--browser'), files: positionals };
}

/** @param {string[]} argv */
export function labelsArgs(argv) {
  const { values, positionals } = parse(argv, COMMANDS.labels);
  const help = Boolean(values.help);
  if (!help && positionals.length === 0) throw new UsageError('give at least one .txt or .html file');
  return { help, files: positionals };
}

/** @param {string[]} argv */
export function devArgs(argv) {
  const { values } = parse(argv, COMMANDS.dev);
  return { help: Boolean(values.help), firefox: Boolean(values.firefox) };
}

/** @param {string[]} argv */
export function browsersArgs(argv) {
  const { values, positionals } = parse(argv, COMMANDS.browsers);
  return {
    help: Boolean(values.help),
    kinds: positionals.length ? browserList(positionals.join(','), 'browsers.mjs') : [],
  };
}

/** @param {string[]} argv */
export function checkBundlesArgs(argv) {
  const { values, positionals } = parse(argv, COMMANDS.checkBundles);
  return { help: Boolean(values.help), dirs: positionals };
}

/** @param {string[]} argv */
export function checkSourcesZipArgs(argv) {
  const { values, positionals } = parse(argv, COMMANDS.checkSourcesZip);
  if (positionals.length > 1) throw new UsageError(`one sources zip at most, not ${positionals.length}`);
  if (values['npm-ci'] && !values.rebuild) throw new UsageError('--npm-ci goes with --rebuild');
  return {
    help: Boolean(values.help),
    rebuild: Boolean(values.rebuild),
    cleanInstall: Boolean(values['npm-ci']),
    zip: positionals[0],
  };
}

/** @param {string[]} argv */
export function storeAssetsArgs(argv) {
  const { values } = parse(argv, COMMANDS.storeAssets);
  if (values.theme !== 'light' && values.theme !== 'dark')
    throw new UsageError(`--theme takes light or dark, not ${values.theme}`);
  return {
    help: Boolean(values.help),
    build: !values['no-build'],
    theme: String(values.theme),
    out: String(values.out),
  };
}

/**
 * Runs one of the parsers above on process.argv for a command: prints the usage and exits 0 on --help, prints the
 * problem and the usage and exits 2 on bad input.
 * @template T
 * @param {(argv: string[]) => T & { help: boolean }} parser
 * @param {Command} command
 * @param {string[]} [argv]
 * @returns {T & { help: boolean }}
 */
export function cli(parser, command, argv = process.argv.slice(2)) {
  try {
    const args = parser(argv);
    if (args.help) {
      console.log(`usage: ${command.usage}`);
      process.exit(0);
    }
    return args;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\nusage: ${command.usage}`);
    process.exit(2);
  }
}
