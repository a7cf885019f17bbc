import { describe, expect, it } from 'vitest';
import { anchorsOf, deadPathMentions, importsOf, isKebabCase } from './conventions';

const files: Record<string, string> = {
  'content/scan.ts': '',
  'core/matcher.ts': '',
  'docs/performance.md':
    '# Performance\n## What a page pays, and why\n```\n# not a heading\n```\n## Figures\n## Figures\n',
};
const exists = (path: string) => path in files || Object.keys(files).some((f) => f.startsWith(`${path}/`));
const read = (path: string) => files[path] ?? '';

describe('the conventions test’s readers', () => {
  it('finds a path a comment names that does not exist, and leaves patterns and other folders alone', () => {
    const text = [
      '// see content/scan.ts and core/matcher, then content/gone.ts.',
      '// tests/unit/**/*.test.ts, components/<Part>/, .output/chrome-mv3/content/x.js, virtual:rls-lens/core/x',
    ].join('\n');
    expect(deadPathMentions('content/x.ts', text, exists, read)).toEqual(['content/gone.ts']);
  });

  it('checks Markdown links and anchors relative to the document', () => {
    const text =
      '[a](performance.md#what-a-page-pays-and-why) [b](performance.md#figures-1) [c](performance.md#nope) ' +
      '[d](../content/scan.ts) [e](https://example.com/x.md) [f](missing.md) docs/performance.md#figures';
    expect(deadPathMentions('docs/index.md', text, exists, read)).toEqual(['performance.md#nope', 'missing.md']);
  });

  it('reads headings as GitHub anchors them, outside code fences', () => {
    expect([...anchorsOf(files['docs/performance.md']!)]).toEqual([
      'performance',
      'what-a-page-pays-and-why',
      'figures',
      'figures-1',
    ]);
  });

  it('lists static, side-effect and dynamic imports', () => {
    const source =
      "import a from '../a';\nimport { b } from \"./b.ts\";\nimport './c.css';\nexport { d } from '../d';\nconst e = await import('./e');";
    expect(importsOf(source)).toEqual(['../a', './b.ts', '../d', './c.css', './e']);
  });

  it('tells kebab-case names from others', () => {
    for (const good of [
      'page-session.ts',
      'en.yml',
      'promo-tile-440x280.png',
      'README.md',
      '.gitignore',
      'wxt.config.ts',
    ])
      expect(isKebabCase(good)).toBe(true);
    for (const bad of ['pageSession.ts', 'Page-session.ts', 'page_session.ts', 'page--session.ts'])
      expect(isKebabCase(bad)).toBe(false);
  });
});
