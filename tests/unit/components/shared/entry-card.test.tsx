// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { EntryCard } from '../../../../components/shared/entry-card';
import type { Glossary, GlossaryEntry, GlossarySection } from '../../../../glossary/types';

const sections: GlossarySection[] = [
  { id: 'iron', title: 'Iron Deficiency and Its Systemic Impact', summary: '', entryIds: ['ferritin'] },
];
const ferritin: GlossaryEntry = {
  id: 'ferritin',
  term: 'Ferritin',
  forms: [],
  aliases: [],
  outsideAliases: [],
  section: 'iron',
  definition: 'A protein that stores iron.',
  related: [],
  mentions: 1,
  evidence: [
    { sentence: 'Ferritin is a protein that stores iron.', section: 'iron' },
    { sentence: 'A second sentence.', section: 'iron' },
  ],
  claims: [
    {
      sentence:
        'Monitoring and correcting iron stores, especially ferritin levels, is often a cornerstone of effective management.',
      section: 'iron',
      claim: true,
    },
  ],
};

describe('EntryCard', () => {
  const glossary = { sections, entries: [ferritin] } as unknown as Glossary;
  const card = (entry: GlossaryEntry) => {
    const root = document.createElement('div');
    render(<EntryCard glossary={glossary} entry={entry} onSelect={() => undefined} />, root);
    return root;
  };

  it('lists the other quotes, then the claims marked "the article\'s claim" in words, never a claim first', () => {
    const root = card(ferritin);
    const figures = [...root.querySelectorAll('figure')];
    expect(figures.map((f) => f.querySelector('blockquote')!.textContent)).toEqual([
      'Ferritin is a protein that stores iron.',
      'A second sentence.',
      ferritin.claims![0]!.sentence,
    ]);
    expect(figures.map((f) => f.querySelector('.rls-entry__claim')?.textContent ?? null)).toEqual([
      null,
      null,
      'The article’s claim',
    ]);
    // The label is text inside the figure, before the sentence: a screen reader says it first.
    expect(figures[2]!.textContent!.indexOf('The article’s claim')).toBeLessThan(
      figures[2]!.textContent!.indexOf('Monitoring'),
    );
    expect(root.querySelector('summary')?.textContent).toBe('More from the article (2, including 1 claim)');
  });

  it("shows the claim, marked as the article's claim, as the line of an entry whose only sentences are claims", () => {
    const root = card({ ...ferritin, evidence: [] });
    const evidence = root.querySelector('.rls-entry__evidence');
    expect(evidence?.querySelector('blockquote')?.textContent).toBe(ferritin.claims![0]!.sentence);
    expect(evidence?.querySelector('.rls-entry__claim')?.textContent).toBe('The article’s claim');
    // Shown once: not again under "More from the article".
    expect([...root.querySelectorAll('blockquote')].map((b) => b.textContent)).toEqual([ferritin.claims![0]!.sentence]);
    expect(root.querySelector('summary')).toBeNull();
  });
});
