import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import glossary from 'virtual:rls-lens/glossary';
import { compileGlossary } from '../../glossary/compile';
import { ENTRIES } from '../../glossary/entries';

const ARTICLE = readFileSync(new URL('../../glossary/article.md', import.meta.url), 'utf8');

describe('glossary', () => {
  it('the virtual module is the glossary compiled from article.md and entries.ts', () => {
    expect(glossary).toEqual(compileGlossary(ARTICLE, ENTRIES));
    expect(glossary.entries.length).toBeGreaterThan(0);
  });
});
