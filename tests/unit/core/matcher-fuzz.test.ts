// Random page text against the matcher: it never throws, returns ordered disjoint matches, and finds exactly what the
// naive reference finds.
import { describe, expect, it } from 'vitest';
import glossary from 'virtual:rls-lens/glossary';
import * as pageData from 'virtual:rls-lens/page-data';
import { matcherFrom, type Match, type SurfaceForm } from '../../../core/matcher';
import { compileMatcher } from '../../../core/matcher-compile';
import { naiveFind } from './naive-matcher';
import { prng, SEED, type Rng } from '../random';

// Numbered by form, as the content script's matcher is (glossary/page-data.ts).
const FORMS: SurfaceForm[] = glossary.forms.map((form, i) => ({ text: form.text, entry: i }));
const SEPARATORS = [' ', '-', '\u2010', '\u2011', '\u2013', '\n', '\t', '\u00a0', '  ', ' \n ', '-\n'];
const NOISE = [
  'e',
  'x',
  'S',
  '_',
  '1',
  '.',
  ',',
  '(',
  ')',
  '"',
  '/',
  'é',
  'e\u0301',
  '\u0301',
  '\u0308',
  'ß',
  'İ',
  'ı',
  'ſ',
  '\u212a',
  'Σ',
  'ς',
  '😀',
  '\u{1d49c}',
  '\u{10400}',
  '\ud800',
  '\udc00',
  'دوبامين',
  'עברית',
  '\u200f',
  '\u200e',
  '铁蛋白',
  '多巴胺',
  'ｒｌｓ',
  'env',
  'ment',
  'ic',
  'URL',
  's',
  'http://x.org/rls',
  '\u00ad',
  '\u200b',
];

/** A form as pages write it: any case, separators swapped, maybe cut short or glued to a neighbour. */
function mangle(rng: Rng, form: string): string {
  let out = '';
  for (const ch of form) {
    if (ch === ' ' || ch === '-') out += rng.pick(SEPARATORS);
    else if (rng.next() < 0.1) out += rng.next() < 0.5 ? ch.toUpperCase() : ch.toLowerCase();
    else out += ch;
  }
  const r = rng.next();
  if (r < 0.05) out = out.slice(0, Math.max(1, out.length - 1 - rng.int(3)));
  else if (r < 0.1) out = out.toUpperCase();
  return out;
}

function randomText(rng: Rng, forms: readonly SurfaceForm[], pieces: number): string {
  let text = '';
  for (let i = 0; i < pieces; i++) {
    const r = rng.next();
    if (r < 0.4) text += mangle(rng, rng.pick(forms).text);
    else if (r < 0.7) text += rng.pick(SEPARATORS);
    else text += rng.pick(NOISE);
  }
  return text;
}

/** Matches must be ordered, disjoint, inside the text and name a real form. */
function checkShape(text: string, matches: Match[], formCount: number): void {
  let last = 0;
  for (const m of matches) {
    if (!(m.start >= last && m.end > m.start && m.end <= text.length && m.entry >= 0 && m.entry < formCount)) {
      throw new Error(`bad match ${JSON.stringify(m)} in ${JSON.stringify(text)}`);
    }
    last = m.end;
  }
}

describe('matcher under random text', () => {
  it('never throws and returns ordered, disjoint matches on 100,000 strings with every glossary form', () => {
    const rng = prng(SEED);
    const matcher = compileMatcher(FORMS);
    // What pages run: the same data, as the build wrote it into the content script (a regex literal, a string).
    const precompiled = matcherFrom(pageData.matcher);
    let found = 0;
    for (let i = 0; i < 100_000; i++) {
      const text = randomText(rng, FORMS, 1 + rng.int(12));
      let matches: Match[];
      try {
        matches = matcher.find(text);
        checkShape(text, matches, glossary.forms.length);
        if (JSON.stringify(precompiled.find(text)) !== JSON.stringify(matches))
          throw new Error('the precompiled matcher differs');
        if (matches.length > 0 && !precompiled.mayHold(text)) throw new Error('mayHold said no to a text with a term');
      } catch (error) {
        throw new Error(`seed ${SEED}, case ${i}: ${JSON.stringify(text)}: ${String(error)}`);
      }
      found += matches.length;
    }
    // The generator is useless if it rarely produces a real term.
    expect(found).toBeGreaterThan(20_000);
  }, 60_000);

  it('finds exactly what the naive reference finds (differential)', () => {
    const rng = prng(SEED + 1);
    // The naive matcher tries every form at every position: a subset of forms (multi-word, acronyms, shared
    // prefixes) and short strings keep this in seconds; a smaller run uses every form.
    const subset = FORMS.filter((f, i) => /[ -]/.test(f.text) || /^[A-Z]{2,}/.test(f.text) || i % 7 === 0);
    const runs: [readonly SurfaceForm[], number][] = [
      [subset, 30_000],
      [FORMS, 3_000],
    ];
    let compared = 0;
    let withMatches = 0;
    for (const [forms, count] of runs) {
      // Both ways of finding candidates: the regex, and looking at each character (a frame's first few thousand).
      const byRegex = compileMatcher(forms, { searchByCharacter: 0 });
      const byCharacter = compileMatcher(forms, { searchByCharacter: Infinity });
      for (let i = 0; i < count; i++) {
        const text = randomText(rng, forms, 1 + rng.int(6));
        const want = naiveFind([...forms], text);
        for (const [how, matcher] of [
          ['regex', byRegex],
          ['character', byCharacter],
        ] as const) {
          const got = matcher.find(text);
          if (JSON.stringify(got) !== JSON.stringify(want)) {
            expect({ seed: SEED + 1, case: i, how, forms: forms.length, text, got }).toEqual({
              seed: SEED + 1,
              case: i,
              how,
              forms: forms.length,
              text,
              got: want,
            });
          }
        }
        compared++;
        if (want.length) withMatches++;
      }
    }
    expect(compared).toBe(33_000);
    expect(withMatches).toBeGreaterThan(compared / 3);
  }, 60_000);
});

// ---- settings ----
