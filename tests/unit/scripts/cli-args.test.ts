import { describe, expect, it } from 'vitest';
import {
  benchArgs,
  checkSourcesZipArgs,
  devArgs,
  pdfCheckArgs,
  storeAssetsArgs,
  sweepArgs,
  UsageError,
} from '../../harness/cli-args.mjs';

describe('the tools’ arguments (node:util parseArgs)', () => {
  it('sweep: folders in any position, the documented options and their defaults', () => {
    expect(sweepArgs(['a', '--browser', 'firefox', 'b', '--timeout', '500', '--out', 'x.json'])).toEqual({
      help: false,
      kinds: ['firefox'],
      timeoutMs: 500,
      out: 'x.json',
      dirs: ['a', 'b'],
    });
    expect(sweepArgs(['corpus'])).toMatchObject({ kinds: ['chromium', 'firefox'], timeoutMs: 30_000, out: undefined });
  });

  it('sweep: bad input is refused with a message, not read as a folder', () => {
    expect(() => sweepArgs([])).toThrow(UsageError);
    expect(() => sweepArgs(['a', '--timeout', 'soon'])).toThrow(/--timeout takes milliseconds/);
    expect(() => sweepArgs(['a', '--browser', 'safari'])).toThrow(/not safari/);
    expect(() => sweepArgs(['a', '--brower', 'firefox'])).toThrow(UsageError);
    expect(sweepArgs(['--help']).help).toBe(true);
  });

  it('pdf-check: files, both browsers unless told, and no file refused', () => {
    expect(pdfCheckArgs(['a.txt', '--browser', 'firefox', 'b.html'])).toEqual({
      help: false,
      kinds: ['firefox'],
      files: ['a.txt', 'b.html'],
    });
    expect(pdfCheckArgs(['a.txt']).kinds).toEqual(['chromium', 'firefox']);
    expect(() => pdfCheckArgs([])).toThrow(/at least one/);
    expect(() => pdfCheckArgs(['a.txt', '--browser', 'lynx'])).toThrow(/not lynx/);
  });

  it('bench, dev, store-assets and the sources-zip check keep their flags', () => {
    expect(benchArgs(['page.html', 'notes.txt']).files).toEqual(['page.html', 'notes.txt']);
    expect(benchArgs([])).toMatchObject({ soak: false, minutes: 10, routes: 500 });
    expect(benchArgs(['--soak', '--minutes', '2', '--routes', '50'])).toMatchObject({
      soak: true,
      minutes: 2,
      routes: 50,
    });
    expect(() => benchArgs(['--soak', '--minutes', 'ten'])).toThrow(/not ten/);
    expect(() => benchArgs(['--soak', 'page.html'])).toThrow(/no files/);
    expect(devArgs(['--firefox']).firefox).toBe(true);
    expect(devArgs([]).firefox).toBe(false);
    expect(storeAssetsArgs(['--no-build', '--theme', 'dark', '--out', 'o'])).toEqual({
      help: false,
      build: false,
      theme: 'dark',
      out: 'o',
    });
    expect(storeAssetsArgs([])).toEqual({ help: false, build: true, theme: 'light', out: 'docs/store' });
    expect(() => storeAssetsArgs(['--theme', 'sepia'])).toThrow(/light or dark/);
    expect(checkSourcesZipArgs(['--rebuild', '--npm-ci', 'a.zip'])).toEqual({
      help: false,
      rebuild: true,
      cleanInstall: true,
      zip: 'a.zip',
    });
    expect(checkSourcesZipArgs([])).toEqual({ help: false, rebuild: false, cleanInstall: false, zip: undefined });
    expect(() => checkSourcesZipArgs(['--npm-ci'])).toThrow(/goes with --rebuild/);
  });
});
