// Which entry a selection is about (the context menu's look-up): whole words of the selection against the glossary's
// names, exactly or within the typos the search box forgives; nothing close, nothing.
import { describe, expect, it } from 'vitest';
import glossary from 'virtual:rls-lens/glossary';
import { closestEntry } from '../../../../components/shared/closest-entry';

const NAMES = glossary.entries.map(({ id, forms }) => ({ id, names: forms }));
const lookUp = (selection: string) => closestEntry(NAMES, selection);

describe('the entry a selection is about', () => {
  it('finds a misspelling, a plural inside a phrase and an inflected synonym', () => {
    expect(lookUp('feritin')).toMatchObject({ id: 'ferritin', score: 80 });
    expect(lookUp('ferritins level')).toMatchObject({ id: 'ferritin', words: 'ferritins', score: 80 });
    expect(lookUp('Restless Leg')).toMatchObject({ id: 'restless-legs-syndrome', name: 'restless legs' });
    expect(lookUp('Willis–Ekbom disease')).toMatchObject({ id: 'restless-legs-syndrome', score: 100 });
  });

  it('prefers an exact name, then the longer match, then the earlier one', () => {
    // "iron" alone is an entry; "iron deficiency anemia" is a longer exact name in the same words.
    expect(lookUp('symptoms of iron deficiency anemia in pregnancy')).toMatchObject({
      id: 'iron-deficiency-anemia',
      score: 100,
    });
    expect(lookUp('pregnancy and iron')).toMatchObject({ id: 'pregnancy' });
    expect(lookUp('a ferritn test and dopamine')).toMatchObject({ id: 'dopamine', score: 100 });
  });

  it('matches whole words only: no term inside another word, no prefix, no acronym in a longer word', () => {
    expect(lookUp('environment')).toBeUndefined();
    expect(lookUp('in')).toBeUndefined();
    expect(lookUp('girls')).toBeUndefined();
    expect(lookUp('   ')).toBeUndefined();
    expect(lookUp('blood pressure readings')).toBeUndefined();
  });
});
