// Finds Debian's Chromium and Firefox ESR, installing them with apt-get when they are missing and we are root
// (as `playwright install --with-deps` would); otherwise prints the exact command to run. Never downloads a
// browser build of its own.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { browsersArgs, cli, COMMANDS } from './cli-args.mjs';

export const CHROMIUM = process.env.RLS_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX = process.env.RLS_FIREFOX ?? '/usr/bin/firefox-esr';
const PACKAGES = { [CHROMIUM]: 'chromium', [FIREFOX]: 'firefox-esr' };

export function ensureBrowsers(paths = [CHROMIUM, FIREFOX]) {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length === 0) return;
  const pkgs = missing.map((p) => PACKAGES[p] ?? p);
  const command = `apt-get update && apt-get install -y ${pkgs.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(`RLS Lens needs ${pkgs.join(' and ')} for this. Install with:\n  sudo ${command}`);
    process.exit(1);
  }
  console.log(`Installing ${pkgs.join(', ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit', env });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { kinds } = cli(browsersArgs, COMMANDS.browsers);
  ensureBrowsers(kinds.length ? kinds.map((w) => (w === 'firefox' ? FIREFOX : CHROMIUM)) : undefined);
}
