import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../../../glossary/types';
import { editDistance, normalize, searchGlossary } from '../../../../components/shared/search-glossary';

const entry = (id: string, term: string, over: Partial<GlossaryEntry> = {}): GlossaryEntry => ({
  id,
  term,
  forms: [term],
  aliases: [],
  outsideAliases: [],
  section: 'iron',
  definition: '',
  related: [],
  evidence: [],
  mentions: 1,
  ...over,
});
const entries = [
  entry('restless-legs-syndrome', 'Restless legs syndrome', {
    aliases: ['RLS'],
    outsideAliases: ['Willis–Ekbom disease'],
  }),
  entry('ferritin', 'Ferritin', { definition: 'A protein that stores iron inside cells.' }),
  entry('iron-deficiency', 'Iron deficiency', { aliases: ['iron depletion'] }),
  entry('iron-deficiency-anemia', 'Iron-deficiency anemia', { outsideAliases: ['anaemia'] }),
  entry('dopamine', 'Dopamine', { definition: 'A chemical messenger in the brain.' }),
];
const ids = (query: string) => searchGlossary(entries, query).map((h) => h.entry.id);

describe('glossary search', () => {
  it('finds an entry by its term, ignoring case', () => {
    expect(ids('FERRITIN')[0]).toBe('ferritin');
  });
  it('finds an entry by an alias and says which alias matched', () => {
    const [hit] = searchGlossary(entries, 'willis ekbom');
    expect(hit?.entry.id).toBe('restless-legs-syndrome');
    expect(hit?.via).toBe('Willis–Ekbom disease');
    expect(ids('anaemia')).toEqual(['iron-deficiency-anemia']);
  });
  it('finds entries while the word is still being typed', () => {
    expect(ids('iron def')).toEqual(['iron-deficiency', 'iron-deficiency-anemia']);
  });
  it('forgives a typo', () => {
    expect(ids('feritin')[0]).toBe('ferritin');
    expect(ids('dopmaine')[0]).toBe('dopamine');
  });
  it('searches definitions after names', () => {
    expect(ids('messenger')).toEqual(['dopamine']);
    expect(ids('protein')).toEqual(['ferritin']);
  });
  it('finds nothing for an unrelated word or an empty query', () => {
    expect(ids('xylophone')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });
});

describe('search helpers', () => {
  it('treats hyphens, dashes and accents as the plain form', () => {
    expect(normalize('Willis–Ekbom  Anämie-x')).toBe('willis ekbom anamie x');
  });
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('dopmaine', 'dopamine', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});
