// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { ConceptMapList } from '../../../../../components/overview/concept-map/concept-map-list';
import type { MapGraph } from '../../../../../components/overview/concept-map/concept-map-graph';

const graph: MapGraph = {
  nodes: ['rls', 'iron-deficiency', 'pregnancy', 'dopaminergic-dysfunction'].map((id) => ({
    id,
    label: id.replace(/-/g, ' '),
  })),
  edges: [
    { from: 'iron-deficiency', to: 'rls' },
    { from: 'dopaminergic-dysfunction', to: 'rls' },
    { from: 'iron-deficiency', to: 'dopaminergic-dysfunction' },
    { from: 'pregnancy', to: 'iron-deficiency' },
  ],
};

/** The nested lists as an outline: "label" lines, indented two spaces per level. */
function outline(list: Element, depth = 0): string[] {
  return [...list.children].flatMap((li) => {
    const label = `${'  '.repeat(depth)}${li.querySelector(':scope > button')!.textContent}${li.querySelector(':scope > .concept-map__list-note')?.textContent ?? ''}`;
    const nested = li.querySelector(':scope > ul');
    return [label, ...(nested ? outline(nested, depth + 1) : [])];
  });
}

describe('the concept map as nested lists', () => {
  it('lists each outcome with the factors leading to it, and theirs below; a factor met again is not expanded twice', () => {
    const root = document.createElement('div');
    render(<ConceptMapList graph={graph} currentId={null} onSelect={() => {}} />, root);
    expect(outline(root.querySelector('ul')!)).toEqual([
      'rls — factors leading to it:',
      '  iron deficiency — factors leading to it:',
      '    pregnancy',
      '  dopaminergic dysfunction — factors leading to it:',
      '    iron deficiency (its factors are listed above)',
    ]);
  });

  it('opens an entry from any item, and marks the open one', () => {
    const onSelect = vi.fn();
    const root = document.createElement('div');
    render(<ConceptMapList graph={graph} currentId="pregnancy" onSelect={onSelect} />, root);
    const pregnancy = root.querySelector<HTMLButtonElement>('button[data-entry="pregnancy"]')!;
    expect(pregnancy.getAttribute('aria-current')).toBe('true');
    pregnancy.click();
    expect(onSelect).toHaveBeenCalledWith('pregnancy', pregnancy);
  });
});
