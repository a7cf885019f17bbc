// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import glossary from 'virtual:rls-lens/glossary';
import { buildPanel } from '../../../../components/side-panel/side-panel-model';
import { SidePanelTerms } from '../../../../components/side-panel/side-panel-terms';
import type { FrameOccurrences } from '../../../../core/messages';

const frames = new Map<number, FrameOccurrences>([
  [
    0,
    {
      host: 'example.com',
      active: true,
      path: [],
      counts: { ferritin: 3, dopamine: 1 },
      occurrences: [
        {
          index: 0,
          entryId: 'ferritin',
          text: 'ferritin',
          before: 'Low ',
          after: ' <img src=x onerror=alert(1)> levels',
        },
        { index: 1, entryId: 'dopamine', text: 'Dopamine', before: '', after: ' signals' },
        { index: 2, entryId: 'ferritin', text: 'Ferritin', before: '', after: ' again' },
      ],
    },
  ],
  [
    4,
    {
      host: 'example.com',
      active: true,
      path: [0],
      counts: { ferritin: 1 },
      occurrences: [{ index: 0, entryId: 'ferritin', text: 'ferritin', before: 'in a frame: ', after: '' }],
    },
  ],
]);

function mount(shown = 10) {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const props = { onOpen: vi.fn(), onReveal: vi.fn(), onMore: vi.fn() };
  render(<SidePanelTerms model={buildPanel(glossary, frames, () => shown)} current="0:2" {...props} />, root);
  return { root, ...props };
}
const press = (key: string) =>
  document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

describe("the side panel's list", () => {
  it('shows each term with its count, read out as times on this page', () => {
    const { root } = mount();
    const ferritin = root.querySelector<HTMLElement>('[data-entry="ferritin"]')!;
    expect(ferritin.textContent).toBe('Ferritin4 times on this page');
    expect(ferritin.querySelector('.visually-hidden')?.textContent).toBe(' times on this page');
    expect(root.querySelector('[data-entry="dopamine"]')?.textContent).toBe('Dopamine1 time on this page');
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(
      glossary.sections.filter((s) => ['iron', 'dopamine'].includes(s.id)).map((s) => s.title),
    );
  });

  it("shows each occurrence as the page's words, the term in bold, as text and never as markup", () => {
    const { root } = mount();
    const snippets = [...root.querySelectorAll<HTMLElement>('[data-entry="ferritin"] ~ ol .sp-snippet')];
    expect(snippets.map((s) => s.querySelector('b')?.textContent)).toEqual(['ferritin', 'Ferritin', 'ferritin']);
    // A no-break space keeps the gap before the term in the box that is cut at its start.
    expect(snippets[0]!.textContent).toBe('1 of 4: Low\u00a0ferritin <img src=x onerror=alert(1)> levels');
    expect(root.querySelector('img')).toBeNull();
    expect(snippets[2]!.textContent).toBe('3 of 4, in a frame: in a frame:\u00a0ferritin');
    expect(snippets[1]!.getAttribute('aria-current')).toBe('true');
  });

  it("opens a term's card, shows an occurrence, and offers more when not all are listed", () => {
    const { root, onOpen, onReveal, onMore } = mount(2);
    root.querySelector<HTMLElement>('[data-entry="ferritin"]')!.click();
    expect(onOpen).toHaveBeenCalledWith('ferritin');
    root.querySelector<HTMLElement>('[data-occurrence="0:2"]')!.click();
    expect(onReveal).toHaveBeenCalledWith(
      expect.objectContaining({ frameId: 0, index: 2, entryId: 'ferritin', text: 'Ferritin' }),
    );
    const more = root.querySelector<HTMLElement>('.sp-more')!;
    expect(more.textContent).toBe('Show more of “Ferritin” (2 of 4 shown)');
    more.click();
    expect(onMore).toHaveBeenCalledWith('ferritin');
  });

  it('moves between items with the arrow keys, Home and End', () => {
    const { root } = mount();
    const items = [...root.querySelectorAll<HTMLElement>('[data-nav]')];
    expect(items.every((item) => item.localName === 'button')).toBe(true);
    items[0]!.focus();
    press('ArrowDown');
    expect(document.activeElement).toBe(items[1]);
    press('ArrowUp');
    press('ArrowUp');
    expect(document.activeElement).toBe(items[0]);
    press('End');
    expect(document.activeElement).toBe(items.at(-1));
    press('ArrowDown');
    expect(document.activeElement).toBe(items.at(-1));
    press('Home');
    expect(document.activeElement).toBe(items[0]);
  });
});
