// The tooltip's quote, from the compiled glossary: the sentence using the form the reader hovered, never a claim.
import { describe, expect, it } from 'vitest';
import glossary from 'virtual:rls-lens/glossary';
import { quoteFor } from '../../../../content/tooltip/quote';

const form = (text: string) => {
  const i = glossary.forms.findIndex((f) => f.text === text);
  if (i < 0) throw new Error(`no form "${text}"`);
  return i;
};
const entryOf = (i: number) => glossary.entries[glossary.forms[i]!.entry]!.id;

describe('the quote a tooltip shows', () => {
  it('quotes the article sentence using the hovered form ("genetics"), not a heading', () => {
    const genetics = form('Genetics');
    expect(quoteFor(glossary, genetics, entryOf(genetics))?.sentence).toBe(
      'One of the most significant contributors to RLS is genetics.',
    );
  });

  it('quotes another form of an entry with its own sentence: "iron depletion", not Iron deficiency\'s first quote', () => {
    const depletion = form('iron depletion');
    expect(quoteFor(glossary, depletion, 'iron-deficiency')?.sentence).toMatch(
      /can lead to iron depletion, triggering secondary forms/,
    );
    expect(quoteFor(glossary, form('Iron deficiency'), 'iron-deficiency')?.sentence).toMatch(/^Beyond iron deficiency/);
  });

  it('quotes the claim, marked as a claim, for an entry whose only sentences are treatment claims (Ferritin)', () => {
    const ferritin = form('Ferritin');
    const quote = quoteFor(glossary, ferritin, 'ferritin');
    expect(quote?.sentence).toBe(
      'Monitoring and correcting iron stores, especially ferritin levels, is often a cornerstone of effective management.',
    );
    expect(quote?.claim).toBe(true);
  });

  it('gives every form of every entry a line of the article (issue 19: a card always says why the term is here)', () => {
    const without = glossary.forms
      .filter((f, i) => !quoteFor(glossary, i, glossary.entries[f.entry]!.id))
      .map((f) => f.text);
    expect(without).toEqual([]);
  });

  it('differs by form where the article uses each form in its own sentence', () => {
    const byForm = glossary.entries
      .map((entry, e) =>
        glossary.forms
          .map((f, i) => (f.entry === e ? quoteFor(glossary, i, entry.id)?.sentence : null))
          .filter((q) => q),
      )
      .filter((quotes) => new Set(quotes).size > 1);
    expect(byForm.length).toBeGreaterThan(0);
  });

  it('shows a related entry chosen in the tooltip with its first quote', () => {
    const ferritin = form('Ferritin');
    expect(quoteFor(glossary, ferritin, 'iron-deficiency')).toBe(
      glossary.entries.find((e) => e.id === 'iron-deficiency')!.evidence[0],
    );
  });

  it('never quotes a treatment claim first where the entry has another line, for any form', () => {
    for (let i = 0; i < glossary.forms.length; i++) {
      if (glossary.entries[glossary.forms[i]!.entry]!.evidence.length === 0) continue;
      const quote = quoteFor(glossary, i, entryOf(i));
      expect(quote?.claim, glossary.forms[i]!.text).toBeUndefined();
      for (const claim of glossary.entries[glossary.forms[i]!.entry]!.claims)
        expect(quote?.sentence).not.toBe(claim.sentence);
    }
  });
});
