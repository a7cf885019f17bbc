// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { EntryDetails } from '../../../../components/tooltip/entry-details';
import type { Evidence, GlossaryEntry, GlossarySection } from '../../../../glossary/types';

const sections: GlossarySection[] = [
  { id: 'iron', title: 'Iron Deficiency and Its Systemic Impact', summary: '', entryIds: ['ferritin'] },
  { id: 'dopamine', title: 'Dopamine and Neurotransmitter Imbalance', summary: '', entryIds: ['dopamine'] },
];
const entry = (over: Partial<GlossaryEntry>): GlossaryEntry => ({
  id: 'x',
  term: 'x',
  forms: [],
  aliases: [],
  outsideAliases: [],
  section: 'iron',
  definition: '',
  related: [],
  evidence: [],
  mentions: 1,
  ...over,
});
const ferritin = entry({
  id: 'ferritin',
  term: 'ferritin',
  definition: 'A protein that stores iron. <b>not markup</b>',
  related: ['dopamine', 'missing'],
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
});
const dopamine = entry({ id: 'dopamine', term: 'dopamine', section: 'dopamine' });

function mount(onSelectRelated?: (id: string) => void, quote: Evidence | 'none' = ferritin.evidence[0]!) {
  const root = document.createElement('div');
  render(
    <EntryDetails
      entry={ferritin}
      quote={quote === 'none' ? undefined : quote}
      sections={sections}
      entries={[ferritin, dopamine]}
      onSelectRelated={onSelectRelated}
    />,
    root,
  );
  return root;
}

describe('EntryDetails', () => {
  it('shows the term as heading, its section as category and the definition as text', () => {
    const root = mount();
    expect(root.querySelector('h2')?.textContent).toBe('ferritin');
    expect(root.querySelector('.rls-entry__category')?.textContent).toBe('Iron Deficiency and Its Systemic Impact');
    const definition = root.querySelector('.rls-entry__definition')!;
    expect(definition.textContent).toBe('A protein that stores iron. <b>not markup</b>');
    expect(definition.querySelector('b')).toBeNull();
  });

  it('quotes the first evidence sentence verbatim in a blockquote, with its section', () => {
    const root = mount();
    expect(root.querySelector('blockquote')?.textContent).toBe(ferritin.evidence[0]!.sentence);
    expect(root.querySelectorAll('blockquote')).toHaveLength(1);
    expect(root.querySelector('figcaption')?.textContent).toContain('Iron Deficiency and Its Systemic Impact');
    expect(root.textContent).toContain('From the article');
  });

  it("quotes the sentence it is given (the hovered form's), and shows no quote block without one", () => {
    expect(mount(undefined, ferritin.evidence[1]).querySelector('blockquote')?.textContent).toBe('A second sentence.');
    const none = mount(undefined, 'none');
    expect(none.querySelector('blockquote')).toBeNull();
    expect(none.textContent).not.toContain('From the article');
  });

  it('lists related entries as buttons that report the chosen id, skipping unknown ids', () => {
    const onSelect = vi.fn();
    const root = mount(onSelect);
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['dopamine']);
    buttons[0]!.click();
    expect(onSelect).toHaveBeenCalledWith('dopamine');
  });

  it('lists related entries as text when nothing can be selected', () => {
    const root = mount();
    expect(root.querySelectorAll('button')).toHaveLength(0);
    expect(root.querySelector('.rls-entry__related-list')?.textContent).toBe('dopamine');
  });
});
