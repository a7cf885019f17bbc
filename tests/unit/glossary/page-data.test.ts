// `virtual:rls-lens/page-data`, as the build serves it to the content script: the precompiled matcher and context
// rule must be the ones the glossary compiles at run time, and the module must carry nothing a frame does not need.
import { describe, expect, it } from 'vitest';
import glossary from 'virtual:rls-lens/glossary';
import * as pageData from 'virtual:rls-lens/page-data';
import { compileContextRule } from '../../../core/context-rule';
import { matcherFrom } from '../../../core/matcher';
import { compileMatcher } from '../../../core/matcher-compile';
import { literal, pageDataSource } from '../../../glossary/page-data';
import { parseArticle } from '../../../glossary/parse-article';
import { readFileSync } from 'node:fs';

const forms = glossary.forms.map((form, i) => ({ text: form.text, entry: i }));

describe('page data', () => {
  it('holds a matcher that numbers matches by form and finds what the glossary matcher finds', () => {
    const precompiled = matcherFrom(pageData.matcher);
    const onTheSpot = compileMatcher(forms);
    const article = parseArticle(readFileSync('glossary/article.md', 'utf8'));
    let found = 0;
    for (const text of article.sections.flatMap((s) => [s.title, ...s.sentences])) {
      const matches = precompiled.find(text);
      expect(matches).toEqual(onTheSpot.find(text));
      found += matches.length;
    }
    expect(found).toBeGreaterThan(50);
    const [match] = precompiled.find('Low ferritin is common.');
    expect(glossary.forms[match!.entry]!.text.toLowerCase()).toBe('ferritin');
    expect(pageData.matcher.candidate).toBeInstanceOf(RegExp);
    expect(pageData.matcher.candidate.flags).toBe('gi');
  });

  it('holds the context rule compiled from the glossary forms', () => {
    expect(pageData.contextRule).toStrictEqual(compileContextRule(glossary.forms));
  });

  it('maps forms to entries and entries to ids', () => {
    expect(pageData.formEntry).toEqual(glossary.forms.map((form) => form.entry));
    expect(pageData.entryIds).toEqual(glossary.entries.map((entry) => entry.id));
  });

  it('carries no term, definition, quote or source', () => {
    const source = pageDataSource(glossary);
    const entry = glossary.entries.find((e) => e.evidence.length > 0)!;
    expect(source).not.toContain(JSON.stringify(entry.term));
    expect(source).not.toContain(JSON.stringify(entry.definition));
    expect(source).not.toContain(JSON.stringify(entry.evidence[0]!.sentence).slice(1, 40));
    expect(source).not.toContain(entry.sources[0]!.url);
  });
});

describe('literal', () => {
  it('writes typed arrays, Maps, Sets, undefined and -0 so that they read back the same', () => {
    const value = {
      a: new Int32Array([-1, 2]),
      b: new Map([[1, [2, 3]]]),
      c: new Set(['x']),
      d: undefined,
      e: -0,
      f: [null, true, 'q"'],
    };
    expect(new Function(`return ${literal(value)};`)()).toStrictEqual(value);
  });

  it('refuses values it cannot write', () => {
    expect(() => literal(() => 1)).toThrow(/cannot be written/);
    expect(() => literal(new Date(0))).toThrow(/Date/);
    expect(() => literal(Number.NaN)).toThrow(/NaN/);
  });
});
