// @vitest-environment happy-dom
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { UnitTerm } from '../../../content/blocks';
import { HighlightLayer } from '../../../content/highlights';
import { FAINT_HIGHLIGHT, highlightName } from '../../../core/page-names';
import { installHighlightStandIns, rangeText, registry } from './dom-stand-ins';

beforeAll(installHighlightStandIns);
beforeEach(() => {
  registry.clear();
  document.body.replaceChildren();
});

/** A paragraph whose words at the given entries become terms, as the scanner would commit them. */
function paragraph(text: string, terms: [word: string, entryId: string][]): { p: HTMLElement; terms: UnitTerm[] } {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  const node = p.firstChild as Text;
  let from = 0;
  return {
    p,
    terms: terms.map(([word, entryId]) => {
      const start = text.indexOf(word, from);
      from = start + word.length;
      return {
        entryId,
        form: 0,
        range: new StaticRange({ startContainer: node, startOffset: start, endContainer: node, endOffset: from }),
      };
    }),
  };
}
const texts = (name: string) => [...(registry.get(name) ?? [])].map(rangeText);

describe('the highlight layer', () => {
  it("registers every committed term under the style's name and counts them per entry", () => {
    const layer = new HighlightLayer({ style: 'both', firstOnly: false });
    const one = paragraph('ferritin and dopamine', [
      ['ferritin', 'ferritin'],
      ['dopamine', 'dopamine'],
    ]);
    const two = paragraph('more ferritin', [['ferritin', 'ferritin']]);
    layer.commitUnit(one.p, one.terms);
    layer.commitUnit(two.p, two.terms);
    // Painted in one batch, when the scan settles (content/paint-window.ts).
    expect(texts(highlightName('both'))).toEqual([]);
    layer.settled();
    expect(texts(highlightName('both'))).toEqual(['ferritin', 'dopamine', 'ferritin']);
    expect(layer.counts()).toEqual({ ferritin: 2, dopamine: 1 });
  });

  it('reading privately, indexes the terms but registers nothing in the page until switched back', () => {
    const layer = new HighlightLayer({ style: 'both', firstOnly: false, hidden: true });
    const one = paragraph('ferritin and dopamine', [
      ['ferritin', 'ferritin'],
      ['dopamine', 'dopamine'],
    ]);
    layer.commitUnit(one.p, one.terms);
    layer.settled();
    expect([...registry.keys()]).toEqual([]);
    expect(layer.counts()).toEqual({ ferritin: 1, dopamine: 1 });
    expect(layer.at(one.p.firstChild!, 2)?.entryId).toBe('ferritin');
    layer.setHidden(false);
    expect(texts(highlightName('both'))).toEqual(['ferritin', 'dopamine']);
    layer.setHidden(true);
    expect([...registry.keys()]).toEqual([]);
  });

  it('replaces what it knew of a unit when the unit is committed again', () => {
    const layer = new HighlightLayer({ style: 'tint', firstOnly: false });
    const one = paragraph('ferritin and dopamine', [
      ['ferritin', 'ferritin'],
      ['dopamine', 'dopamine'],
    ]);
    layer.commitUnit(one.p, one.terms);
    layer.settled();
    // A painted unit committed again is repainted at once.
    layer.commitUnit(one.p, one.terms.slice(1));
    expect(texts(highlightName('tint'))).toEqual(['dopamine']);
    layer.commitUnit(one.p, []);
    expect(texts(highlightName('tint'))).toEqual([]);
    expect(layer.counts()).toEqual({});
  });

  it('orders terms in document order, whatever order their units were committed in', () => {
    const layer = new HighlightLayer({ style: 'both', firstOnly: false });
    const first = paragraph('iron first', [['iron', 'iron']]);
    const second = paragraph('then ferritin', [['ferritin', 'ferritin']]);
    layer.commitUnit(second.p, second.terms);
    layer.commitUnit(first.p, first.terms);
    expect(layer.ordered().map((t) => t.entryId)).toEqual(['iron', 'ferritin']);
  });

  it('finds the term at a boundary point, and nothing between terms', () => {
    const layer = new HighlightLayer({ style: 'both', firstOnly: false });
    const one = paragraph('ferritin and dopamine', [
      ['ferritin', 'ferritin'],
      ['dopamine', 'dopamine'],
    ]);
    layer.commitUnit(one.p, one.terms);
    const node = one.p.firstChild!;
    expect(layer.at(node, 3)?.entryId).toBe('ferritin');
    expect(layer.at(node, 10)).toBeUndefined();
    expect(layer.at(node, 15)?.entryId).toBe('dopamine');
  });

  it('moves its registration when the style changes, and shows only first occurrences when asked', () => {
    const layer = new HighlightLayer({ style: 'underline', firstOnly: false });
    const one = paragraph('ferritin, ferritin and dopamine', [
      ['ferritin', 'ferritin'],
      ['ferritin', 'ferritin'],
      ['dopamine', 'dopamine'],
    ]);
    layer.commitUnit(one.p, one.terms);
    layer.settled();
    layer.setStyle('tint');
    expect(registry.has(highlightName('underline'))).toBe(false);
    expect(texts(highlightName('tint'))).toHaveLength(3);
    layer.setFirstOnly(true);
    expect(texts(highlightName('tint'))).toEqual(['ferritin', 'dopamine']);
    expect(layer.counts()).toEqual({ ferritin: 2, dopamine: 1 }); // counts still see every term
    layer.setFirstOnly(false);
    expect(texts(highlightName('tint'))).toHaveLength(3);
  });

  it('forgets units that left the document, tells listeners once per burst, and removes everything on destroy', () => {
    const layer = new HighlightLayer({ style: 'both', firstOnly: false });
    const controller = new AbortController();
    let told = 0;
    layer.onChange(() => told++, controller.signal);
    const one = paragraph('ferritin', [['ferritin', 'ferritin']]);
    const two = paragraph('dopamine', [['dopamine', 'dopamine']]);
    layer.commitUnit(one.p, one.terms);
    layer.commitUnit(two.p, two.terms);
    layer.settled();
    layer.settled();
    expect(told).toBe(1);
    one.p.remove();
    layer.sweep();
    layer.settled();
    expect(told).toBe(2);
    expect(layer.counts()).toEqual({ dopamine: 1 });
    layer.destroy();
    expect(registry.size).toBe(0);
  });

  it('draws the terms of known entries under the faint name, moves them when the reader changes their mind, and registers it only while it holds a term', () => {
    const layer = new HighlightLayer({ style: 'both', firstOnly: false, known: ['ferritin'] });
    const one = paragraph('ferritin and dopamine', [
      ['ferritin', 'ferritin'],
      ['dopamine', 'dopamine'],
    ]);
    const two = paragraph('more ferritin', [['ferritin', 'ferritin']]);
    layer.commitUnit(one.p, one.terms);
    layer.commitUnit(two.p, two.terms);
    layer.settled();
    expect(texts(highlightName('both'))).toEqual(['dopamine']);
    expect(texts(FAINT_HIGHLIGHT)).toEqual(['ferritin', 'ferritin']);
    // Known terms are terms all the same: counted, found under the pointer.
    expect(layer.counts()).toEqual({ ferritin: 2, dopamine: 1 });
    expect(layer.at(one.p.firstChild!, 2)?.entryId).toBe('ferritin');
    // Undone: back to the ordinary highlight, and the faint name leaves the registry.
    layer.setKnown([]);
    expect(texts(highlightName('both'))).toEqual(['ferritin', 'dopamine', 'ferritin']);
    expect(registry.has(FAINT_HIGHLIGHT)).toBe(false);
    layer.setKnown(['dopamine']);
    expect(texts(FAINT_HIGHLIGHT)).toEqual(['dopamine']);
    // First occurrences only: the first of each entry, each in its own highlight.
    layer.setFirstOnly(true);
    expect(texts(highlightName('both'))).toEqual(['ferritin']);
    expect(texts(FAINT_HIGHLIGHT)).toEqual(['dopamine']);
    // Privately, neither is in the page.
    layer.setHidden(true);
    expect([...registry.keys()]).toEqual([]);
    layer.setHidden(false);
    expect([...registry.keys()].sort()).toEqual([FAINT_HIGHLIGHT, highlightName('both')].sort());
    layer.destroy();
    expect(registry.size).toBe(0);
  });

  it('registers no faint highlight on a page without a known term', () => {
    const layer = new HighlightLayer({ style: 'tint', firstOnly: false, known: ['pregnancy'] });
    const one = paragraph('ferritin and dopamine', [
      ['ferritin', 'ferritin'],
      ['dopamine', 'dopamine'],
    ]);
    layer.commitUnit(one.p, one.terms);
    layer.settled();
    expect([...registry.keys()]).toEqual([highlightName('tint')]);
  });
});
