import { describe, expect, it } from 'vitest';
import { formKey, isAcronym, type Match, type SurfaceForm } from '../../../core/matcher';
import { compileMatcher } from '../../../core/matcher-compile';
import { naiveFind } from './naive-matcher';

const FORMS: SurfaceForm[] = [
  { text: 'restless legs syndrome', entry: 0 },
  { text: 'restless leg syndrome', entry: 0 },
  { text: 'restless legs', entry: 1 },
  { text: 'RLS', entry: 2 },
  { text: 'iron', entry: 3 },
  { text: 'iron deficiency', entry: 4 },
  { text: 'iron-deficiency anemia', entry: 5 },
  { text: 'iron-deficiency anaemia', entry: 5 },
  { text: 'ferritin', entry: 6 },
  { text: 'dopamine', entry: 7 },
  { text: 'end-stage renal disease', entry: 8 },
  { text: 'Ärztin', entry: 9 },
  { text: 'secondary RLS', entry: 10 },
];
// The regex from the first character on (pages start without it: core/matcher.ts JS_SEARCH_CHARS).
const matcher = compileMatcher(FORMS, { searchByCharacter: 0 });
const found = (text: string) => matcher.find(text).map((m) => text.slice(m.start, m.end));
const entries = (text: string) => matcher.find(text).map((m) => m.entry);

describe('matcher', () => {
  it('finds every form in one pass, left to right', () => {
    expect(found('Dopamine needs iron; ferritin shows iron stores.')).toEqual(['Dopamine', 'iron', 'ferritin', 'iron']);
  });

  it('matches words in any case', () => {
    expect(found('FERRITIN, Ferritin and ferritin')).toEqual(['FERRITIN', 'Ferritin', 'ferritin']);
  });

  it('matches acronyms only in capitals', () => {
    expect(found('RLS, rls, Rls and rLS')).toEqual(['RLS']);
  });

  it('keeps an acronym inside a longer form case-sensitive', () => {
    expect(entries('Secondary RLS and secondary RLS')).toEqual([10, 10]);
    expect(found('secondary rls')).toEqual([]);
    expect(entries('secondary Rls')).toEqual([]);
  });

  it('respects Unicode word boundaries', () => {
    expect(found('environment ironic irony iron_man iron2 ironé')).toEqual([]);
    expect(found('girls URLS RLSx xRLS RLS_ 1RLS')).toEqual([]);
    expect(found('éiron ÄrztinX Ärztin ärztin')).toEqual(['Ärztin', 'ärztin']);
    expect(found('(iron) "RLS" iron. RLS,iron')).toEqual(['iron', 'RLS', 'iron', 'RLS', 'iron']);
  });

  it('treats any run of whitespace or a line break as a space', () => {
    expect(found('restless\n   legs\tsyndrome')).toEqual(['restless\n   legs\tsyndrome']);
    expect(found('restless\u00a0legs')).toEqual(['restless\u00a0legs']);
  });

  it('treats hyphen and space as the same', () => {
    expect(found('iron deficiency anemia and iron-deficiency anaemia')).toEqual([
      'iron deficiency anemia',
      'iron-deficiency anaemia',
    ]);
    expect(found('end stage renal disease, end-stage renal-disease')).toEqual([
      'end stage renal disease',
      'end-stage renal-disease',
    ]);
    expect(entries('iron-deficiency')).toEqual([4]);
  });

  it('prefers the longest form and never overlaps', () => {
    expect(entries('restless legs syndrome')).toEqual([0]);
    expect(entries('restless legs')).toEqual([1]);
    expect(entries('restless legs syndromes')).toEqual([1]);
    expect(entries('iron deficiency anemia')).toEqual([5]);
    expect(entries('iron deficiency anemiaX')).toEqual([4]);
    expect(entries('iron deficiency, anemia')).toEqual([4]);
  });

  it('reports offsets into the original string', () => {
    const text = 'xx RLS yy ferritin';
    expect(matcher.find(text)).toEqual<Match[]>([
      { start: 3, end: 6, entry: 2 },
      { start: 10, end: 18, entry: 6 },
    ]);
  });

  it('finds nothing when there are no forms or no text', () => {
    expect(compileMatcher([]).find('iron')).toEqual([]);
    expect(matcher.find('')).toEqual([]);
  });

  it('keys forms so that spelling of separators and case do not make two forms', () => {
    expect(formKey('Iron-Deficiency  anemia')).toBe(formKey('iron deficiency anemia'));
    expect(isAcronym('RLS')).toBe(true);
    expect(isAcronym('Rls')).toBe(false);
    expect(isAcronym('B')).toBe(false);
  });
});

describe('matcher against a naive reference', () => {
  // Deterministic pseudo-random generator, so a failure can be replayed.
  function rng(seed: number) {
    return () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  }
  const pieces = [
    'iron',
    'Iron',
    'IRON',
    'ferritin',
    'RLS',
    'rls',
    'Rls',
    'restless',
    'legs',
    'leg',
    'syndrome',
    'deficiency',
    'anemia',
    'anaemia',
    'end',
    'stage',
    'renal',
    'disease',
    'dopamine',
    'environment',
    'girls',
    'Ärztin',
    'é',
    'x',
    '_',
    '2',
    'secondary',
    'Secondary',
    ' ',
    '  ',
    '\n',
    '-',
    '\u00a0',
    '.',
    ',',
    '(',
    ')',
    '😀',
    '\u0301',
    'ß',
    'İ',
  ];
  const byCharacter = compileMatcher(FORMS, { searchByCharacter: Infinity });
  it('agrees on 10,000 generated strings, searching by regex and by character', () => {
    const random = rng(42);
    for (let n = 0; n < 10_000; n++) {
      let text = '';
      const parts = 1 + Math.floor(random() * 14);
      for (let p = 0; p < parts; p++) {
        text += pieces[Math.floor(random() * pieces.length)];
        if (random() < 0.5) text += ' ';
      }
      expect(matcher.find(text), JSON.stringify(text)).toEqual(naiveFind(FORMS, text));
      expect(byCharacter.find(text), JSON.stringify(text)).toEqual(naiveFind(FORMS, text));
    }
  });
});
