// The catalogue and the code agree: every key the code asks for exists in locales/en.yml, every message in it is
// used, no key is built at run time (a test could not see it), the manifest's __MSG_…__ names resolve, and every
// message is one the browsers and @wxt-dev/i18n read as meant (plural forms, `$`, key names, store limits).
// Keys are read with TypeScript's own parser from the calls of `t` (core/i18n.ts) and `richMessage`
// (components/shared/rich-message.ts), so a key in a comment or an unrelated string does not count.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { messagesJson, parsedCatalogue } from '../../fixtures/catalogue';

const ROOT = fileURLToPath(new globalThis.URL('../../../', import.meta.url).href);
/** Where the extension's code lives (what the build bundles). */
const SOURCE_DIRS = ['background', 'components', 'content', 'core', 'entrypoints', 'glossary', 'settings'];
const LOOKUPS = new Set(['t', 'richMessage']);

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
const sources = [...SOURCE_DIRS.flatMap((d) => filesUnder(join(ROOT, d))), join(ROOT, 'wxt.config.ts')];
const code = sources.filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts'));

interface Use {
  key: string;
  at: string;
}

/** The keys of every `t(…)` and `richMessage(…)` call, and the calls whose key is not written out. */
function keysIn(file: string, text: string): { uses: Use[]; dynamic: string[] } {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const uses: Use[] = [];
  const dynamic: string[] = [];
  const where = (node: ts.Node) =>
    `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  /** A written-out key, or each branch of a condition between written-out keys. */
  const literalKeys = (node: ts.Expression): string[] | null => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
    if (ts.isParenthesizedExpression(node)) return literalKeys(node.expression);
    if (ts.isConditionalExpression(node)) {
      const a = literalKeys(node.whenTrue);
      const b = literalKeys(node.whenFalse);
      return a && b ? [...a, ...b] : null;
    }
    return null;
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && LOOKUPS.has(node.expression.text)) {
      const [first] = node.arguments;
      const keys = first ? literalKeys(first) : null;
      if (keys) uses.push(...keys.map((key) => ({ key, at: where(node) })));
      else dynamic.push(`${where(node)}: ${node.getText(source).slice(0, 80)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { uses, dynamic };
}

const scanned = code.map((file) => ({ file, ...keysIn(file, readFileSync(file, 'utf8')) }));
const uses = scanned.flatMap((s) => s.uses);
/** `__MSG_name__` in the manifest (wxt.config.ts) and in the pages' manifest meta tags. */
const manifestNames = sources
  .filter((f) => /\.(ts|html)$/.test(f))
  .flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/__MSG_(\w+?)__/g)].map((m) => ({ name: m[1]!, at: relative(ROOT, f) })),
  );
const catalogueKeys = parsedCatalogue.map((m) => m.key.join('.'));
const chromeName = (key: string) => key.replaceAll('.', '_');

describe('the catalogue and the code', () => {
  it('finds the lookups it checks (the scan itself works)', () => {
    expect(uses.length).toBeGreaterThan(150);
    expect(uses.map((u) => u.key)).toContain('popup.openOverview');
    expect(manifestNames.map((m) => m.name)).toEqual(
      expect.arrayContaining(['extension_name', 'extension_description', 'commands_nextTerm']),
    );
  });

  it('asks only for keys written out in the code', () => {
    expect(scanned.flatMap((s) => s.dynamic)).toEqual([]);
  });

  it('asks only for keys the catalogue has, in the code and in the manifest', () => {
    const known = new Set(Object.keys(messagesJson));
    expect(uses.filter((u) => !known.has(chromeName(u.key)))).toEqual([]);
    expect(manifestNames.filter((m) => !known.has(m.name))).toEqual([]);
  });

  it('uses every message of the catalogue', () => {
    const used = new Set([...uses.map((u) => chromeName(u.key)), ...manifestNames.map((m) => m.name)]);
    expect(catalogueKeys.filter((key) => !used.has(chromeName(key)))).toEqual([]);
  });

  it('reaches @wxt-dev/i18n only through core/i18n.ts', () => {
    const direct = code.filter((f) =>
      /from '#i18n'|from '@wxt-dev\/i18n'/.test(readFileSync(f, 'utf8').replace(/import type [^;]+;/g, '')),
    );
    expect(direct.map((f) => relative(ROOT, f))).toEqual(['core/i18n.ts']);
  });
});

describe('every message reads as meant', () => {
  it('has a key of letters and digits in each part, so that its messages.json name (parts joined by "_") is unique', () => {
    expect(catalogueKeys.filter((key) => !key.split('.').every((part) => /^[a-z][A-Za-z0-9]*$/.test(part)))).toEqual(
      [],
    );
    expect(new Set(catalogueKeys.map(chromeName)).size).toBe(catalogueKeys.length);
  });

  it('has plural forms @wxt-dev/i18n chooses from (1 and n, and 0 where nothing is said differently)', () => {
    // The library picks by count among the forms in order: [1, n] or [0, 1, n]. A form "2" would be taken for 0.
    const plurals = parsedCatalogue.filter((m) => m.type === 'plural') as {
      key: string[];
      plurals: Record<string, string>;
    }[];
    expect(plurals.length).toBeGreaterThan(10);
    const wrong = plurals.filter((m) => {
      const forms = Object.keys(m.plurals).join(',');
      return forms !== '1,n' && forms !== '0,1,n';
    });
    expect(wrong.map((m) => m.key.join('.'))).toEqual([]);
    // Every form names the same placeholders, so no value silently goes missing in one of them.
    const names = (text: string) =>
      [...text.matchAll(/\{(\w+)\}/g)]
        .map((x) => x[1])
        .sort()
        .join();
    const uneven = plurals.filter((m) => {
      const [one, ...rest] = Object.entries(m.plurals)
        .filter(([form]) => form !== '0')
        .map(([, text]) => names(text));
      return rest.some((other) => other !== one);
    });
    expect(uneven.map((m) => m.key.join('.'))).toEqual([]);
  });

  it('has no "$" the browsers would read as a placeholder, and no " | " outside plural forms', () => {
    const all = Object.entries(messagesJson);
    expect(all.filter(([, m]) => /\$(?![1-9$])/.test(m.message.replace(/\$\$/g, ''))).map(([name]) => name)).toEqual(
      [],
    );
    const plural = new Set(parsedCatalogue.filter((m) => m.type === 'plural').map((m) => chromeName(m.key.join('.'))));
    expect(all.filter(([name, m]) => !plural.has(name) && m.message.includes(' | ')).map(([name]) => name)).toEqual([]);
  });

  it("keeps the manifest's name and description within the stores' limits", () => {
    expect(messagesJson.extension_name!.message.length).toBeLessThanOrEqual(45);
    expect(messagesJson.extension_description!.message.length).toBeLessThanOrEqual(132);
  });
});
