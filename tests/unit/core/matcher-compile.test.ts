// The build-time compiler and what it emits: the data the run-time matcher walks must behave exactly like the
// matcher compiled on the spot (tests/unit/core/matcher.test.ts and the fuzz tests hold that matcher to the naive
// reference), survive being written into generated code, and answer `mayHold` truthfully.
import { describe, expect, it } from 'vitest';
import { matcherFrom, type MatcherData, type SurfaceForm } from '../../../core/matcher';
import { compileMatcher, compileMatcherData, matcherSource } from '../../../core/matcher-compile';
import { naiveFind } from './naive-matcher';

const FORMS: SurfaceForm[] = [
  { text: 'restless legs syndrome', entry: 0 },
  { text: 'restless legs', entry: 1 },
  { text: 'RLS', entry: 2 },
  { text: 'iron', entry: 3 },
  { text: 'iron deficiency', entry: 4 },
  { text: 'kidney disease', entry: 5 },
  { text: 'Ärztin', entry: 6 },
  { text: 'secondary RLS', entry: 7 },
];
const TEXTS = [
  'Restless legs syndrome (RLS) and iron deficiency.',
  'rls, Rls, secondary RLS, SECONDARY RLS, secondary rls',
  'environment ironic iron_ iron. (iron) kidney\n  disease',
  'ÄRZTIN ärztin Ärztinnen',
  '',
];

/** The emitted object literal, evaluated as a page would evaluate the generated module (test code only). */
const evaluate = (source: string) => new Function(`return ${source};`)() as MatcherData;

describe('matcher compiler', () => {
  it('emits data that, evaluated from source, finds what the matcher compiled on the spot finds', () => {
    const compiled = compileMatcherData(FORMS);
    const source = matcherSource(compiled);
    // The pattern is a regex literal in the source (twice: searching, and anchored), not a string assembled into a
    // RegExp at run time.
    expect(source).toMatch(/candidate: \/[^\n]+\/gi, at: \/[^\n]+\/iy, lengths: \[[\d,]+\] \}$/);
    expect(source).not.toContain('RegExp');
    const fromSource = matcherFrom(evaluate(source));
    const onTheSpot = compileMatcher(FORMS);
    for (const text of TEXTS) {
      expect(fromSource.find(text)).toEqual(naiveFind(FORMS, text));
      expect(fromSource.find(text)).toEqual(onTheSpot.find(text));
    }
  });

  it('writes the trie as printable code units without surrogates', () => {
    const { trie } = compileMatcherData(FORMS);
    for (let i = 0; i < trie.length; i++) {
      const unit = trie.charCodeAt(i);
      expect(unit >= 0x20 && (unit < 0xd800 || unit > 0xdfff), `unit ${i}: ${unit}`).toBe(true);
    }
  });

  it('searches only for the first characters of each form', () => {
    const { candidate, lengths } = compileMatcherData(FORMS);
    expect(candidate).not.toContain('syndrome');
    expect(candidate).toContain('r(?:est|ls)');
    // "RLS" and "iron" are shorter than or as long as the cut: whole.
    expect(lengths).toEqual([4, 3]);
  });

  it('refuses a form it cannot write, naming it', () => {
    expect(() => compileMatcherData([{ text: 'math 𝒜 letter', entry: 0 }])).toThrow(/form "math 𝒜 letter"/);
  });

  it('finds nothing, and may hold nothing, without forms', () => {
    const empty = matcherFrom(evaluate(matcherSource(compileMatcherData([]))));
    expect(empty.find('iron RLS')).toEqual([]);
    expect(empty.mayHold('iron RLS')).toBe(false);
  });

  it('takes a character whose lowercase is a form letter, as the reference does (the Kelvin sign for "k")', () => {
    const matcher = compileMatcher(FORMS);
    const text = '\u212aidney disease';
    expect(naiveFind(FORMS, text)).toHaveLength(1);
    expect(matcher.find(text)).toEqual(naiveFind(FORMS, text));
  });
});

describe('mayHold', () => {
  const matcher = compileMatcher(FORMS);

  it('is false for text without any form', () => {
    expect(matcher.mayHold('The museum opens at nine on weekdays.')).toBe(false);
    expect(matcher.mayHold('')).toBe(false);
  });

  it('is true wherever find finds a term, also when the text is glued to other text', () => {
    const pieces = ['iron', 'RLS', 'restless', 'legs', 'env', 'x', 'É', ' ', '\n', '-', 'kidney', 'disease', 'y', '_'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    let held = 0;
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      for (let p = 0, parts = 1 + Math.floor(random() * 6); p < parts; p++)
        text += pieces[Math.floor(random() * pieces.length)];
      if (matcher.find(text).length === 0) continue;
      held++;
      // textContent joins the text of neighbouring blocks without a space: "ab" + "iron" + "y".
      for (const glued of [text, `ab${text}`, `${text}y`, `_${text}_`])
        expect(matcher.mayHold(glued), JSON.stringify(glued)).toBe(true);
    }
    expect(held).toBeGreaterThan(500);
  });
});
