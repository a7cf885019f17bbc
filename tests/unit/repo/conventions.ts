// Pure readers for the conventions test (conventions.test.ts): which paths a text names, which modules a source
// imports, what counts as a kebab-case name.
import { dirname, posix } from 'node:path';

/** The repository's top-level folders: a word followed by one of these and a slash is a path we can check. */
const TOP = [
  'entrypoints',
  'components',
  'content',
  'core',
  'background',
  'settings',
  'glossary',
  'scripts',
  'tests',
  'docs',
  'build',
  'public',
  'locales',
  '.ci',
];
const MENTION = new RegExp(
  `(?<![\\w./@:-])((?:${TOP.map((t) => t.replace('.', '\\.')).join('|')})/[\\w./-]*[\\w-])(/?)(?=([^\\w]|$))`,
  'g',
);
/** A path written as a pattern or a placeholder (`components/<Part>/`, `tests/**`, `…/${name}`): nothing to check. */
const PATTERN_NEXT = /^[*{<$…[]/;
const LINK = /\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a Markdown text's headings (a repeated heading gets -1, -2, … as on GitHub). */
export function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = anchorOf(heading[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/**
 * The repository paths a file names that do not exist: bare mentions (`content/scan.ts`, `docs/performance.md#x`)
 * from the repository's root or the file's folder, and in Markdown relative links, with their anchors.
 */
export function deadPathMentions(
  file: string,
  text: string,
  exists: (path: string) => boolean,
  read?: (path: string) => string,
): string[] {
  const dead = new Set<string>();
  const here = dirname(file);
  // A module may be named as it is imported, without its extension (`core/matcher`).
  const found = (path: string) =>
    ['', '.ts', '.tsx', '.mjs', '.js'].some((ext) => exists(path + ext) || exists(posix.join(here, path + ext)));
  for (const match of text.matchAll(MENTION)) {
    const after = text.slice((match.index ?? 0) + match[0].length);
    if (PATTERN_NEXT.test(after)) continue;
    const path = match[1]!.replace(/\.+$/, '');
    if (!found(path)) dead.add(path);
    else if (read && after.startsWith('#') && path.endsWith('.md')) {
      const anchor = /^#([\w-]+)/.exec(after)?.[1];
      const target = exists(path) ? path : posix.join(here, path);
      if (anchor && !anchorsOf(read(target)).has(anchor)) dead.add(`${path}#${anchor}`);
    }
  }
  if (file.endsWith('.md')) {
    for (const match of text.matchAll(LINK)) {
      const link = match[1]!;
      if (/^(\w+:|\/\/)/.test(link) || /[<>{}*$]/.test(link)) continue;
      const [pathPart = '', anchor] = link.split('#');
      const path = pathPart ? posix.normalize(posix.join(here, decodeURIComponent(pathPart))) : file;
      if (!exists(path)) dead.add(link);
      else if (anchor && read && path.endsWith('.md') && !anchorsOf(read(path)).has(anchor)) dead.add(link);
    }
  }
  return [...dead];
}

/** The module specifiers a source file imports or re-exports, statically or with import(). */
export function importsOf(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(/(?:^|[\s;])(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g))
    specs.push(m[1]!);
  for (const m of source.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/g)) specs.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  return specs;
}

/** Documents the world names in capitals by convention. */
const CAPITALISED = /^(README|CONTRIBUTING|CHANGELOG|LICENSE|PRIVACY|SECURITY|SOURCE)(\.md)?$/;

/** A kebab-case name: lower-case words of letters and digits joined by hyphens, with dotted suffixes. */
export function isKebabCase(name: string): boolean {
  if (CAPITALISED.test(name)) return true;
  const bare = name.replace(/^\./, '');
  return bare.split('.').every((part) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(part));
}
