// The house rules, checked (as refined-github checks its own features with a test): names in comments and docs
// point at files that exist, the content script reaches into the UI only through the tooltip, product code carries
// no test or benchmark tooling, and every file name is kebab-case.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deadPathMentions, importsOf, isKebabCase } from './conventions';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The tracked files and the files not yet added (a new file must follow the rules before it is committed). */
const FILES = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => f && existsSync(join(ROOT, f)));
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const exists = (path: string) => existsSync(join(ROOT, path));

const CODE = /\.(ts|tsx|mjs|js)$/;
const PRODUCT = /^(entrypoints|components|content|core|background|settings|glossary)\//;
// What names files it does not own: the history of changes names files as they were then.
const HISTORY = new Set(['CHANGELOG.md']);

describe('the repository follows its conventions', () => {
  it('names only files that exist, in every comment and document', () => {
    const dead = FILES.filter(
      (f) =>
        (CODE.test(f) || f.endsWith('.md') || f.endsWith('.css')) &&
        !HISTORY.has(f) &&
        !f.startsWith('tests/unit/repo/'),
    ).flatMap((file) => deadPathMentions(file, read(file), exists, read).map((path) => `${file} names ${path}`));
    expect(dead).toEqual([]);
  });

  it('lets content/ import from components/ only the tooltip’s part', () => {
    const wrong = FILES.filter((f) => f.startsWith('content/') && CODE.test(f)).flatMap((file) =>
      importsOf(read(file))
        .map((spec) => posix.normalize(posix.join(dirname(file), spec.replace(/\?.*$/, ''))))
        .filter((target) => target.startsWith('components/') && !target.startsWith('components/tooltip/'))
        .map((target) => `${file} imports ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it('keeps test and benchmark tooling out of product code', () => {
    const wrong = FILES.filter((f) => PRODUCT.test(f) && CODE.test(f)).flatMap((file) =>
      importsOf(read(file))
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => posix.normalize(posix.join(dirname(file), spec)))
        .filter((target) => /^(tests|scripts)\//.test(target) || /\bvitest\b|puppeteer|happy-dom/.test(target))
        .map((target) => `${file} imports ${target}`),
    );
    const libraries = FILES.filter((f) => PRODUCT.test(f) && CODE.test(f) && !/\.test\.tsx?$/.test(f)).flatMap((file) =>
      importsOf(read(file))
        .filter((spec) => /^(vitest|puppeteer-core|happy-dom|axe-core|rrweb)(\/|$)/.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect([...wrong, ...libraries]).toEqual([]);
  });

  it('has kebab-case file and folder names', () => {
    const wrong = FILES.filter((f) => !/^(public|\.ci|\.github)\//.test(f))
      .flatMap((f) => f.split('/'))
      .filter((part, i, all) => all.indexOf(part) === i && !isKebabCase(part));
    expect(wrong).toEqual([]);
  });

  it('has no source file at the top of components/', () => {
    expect(FILES.filter((f) => /^components\/[^/]+$/.test(f))).toEqual([]);
  });

  it('keeps in scripts/ nothing that the build or the E2E tests import', () => {
    const importers = FILES.filter(
      (f) =>
        /^(wxt\.config\.ts|vitest\.config\.ts|web-ext\.config\.ts|build\/|glossary\/vite-plugin\.ts|tests\/e2e\/|tests\/harness\/)/.test(
          f,
        ) && CODE.test(f),
    );
    const wrong = importers.flatMap((file) =>
      importsOf(read(file))
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => posix.normalize(posix.join(dirname(file), spec)))
        .filter((target) => target.startsWith('scripts/'))
        .map((target) => `${file} imports ${target}`),
    );
    expect(wrong).toEqual([]);
  });
});
