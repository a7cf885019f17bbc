import { describe, expect, it } from 'vitest';
import glossary from 'virtual:rls-lens/glossary';
import { buildPanel } from '../../../../components/side-panel/side-panel-model';
import type { FrameOccurrences, Occurrence } from '../../../../core/messages';

const at = (entryId: string, index: number, text = entryId): Occurrence => ({
  index,
  entryId,
  text,
  before: '',
  after: '',
});
const frame = (
  path: number[],
  occurrences: Occurrence[],
  counts: Record<string, number>,
  active = true,
): FrameOccurrences => ({
  host: 'example.com',
  active,
  counts,
  path,
  occurrences,
});
const sectionOf = (id: string) => glossary.entries.find((e) => e.id === id)!.section;

describe('what the side panel lists', () => {
  // Frame 3 is the top frame's second frame, frame 8 its first: 8's occurrences come before 3's.
  const frames = new Map([
    [3, frame([1], [at('ferritin', 0), at('dopamine', 1)], { ferritin: 1, dopamine: 1 })],
    [
      0,
      frame([], [at('ferritin', 0), at('ferritin', 2), at('iron-deficiency', 1, 'iron deficiency')], {
        ferritin: 5,
        'iron-deficiency': 1,
      }),
    ],
    [8, frame([0], [at('ferritin', 0)], { ferritin: 1 })],
    [9, frame([2], [at('pregnancy', 0)], { pregnancy: 4 }, false)],
  ]);
  const model = buildPanel(glossary, frames, () => 10);
  const term = (id: string) => model.sections.flatMap((s) => s.terms).find((t) => t.entry.id === id);

  it('counts every frame that highlights, and none that is switched off', () => {
    expect(term('ferritin')?.count).toBe(7);
    expect(term('dopamine')?.count).toBe(1);
    expect(term('pregnancy')).toBeUndefined();
    expect(model.entries).toBe(3);
    expect(model.occurrences).toBe(9);
  });

  it('lists occurrences in reading order: the top frame first, then each frame in document order', () => {
    expect(term('ferritin')?.occurrences.map((o) => `${o.frameId}@${o.index}`)).toEqual(['0@0', '0@2', '8@0', '3@0']);
    expect(term('ferritin')?.occurrences.map((o) => o.inFrame)).toEqual([false, false, true, true]);
  });

  it("groups the terms by the article's sections, in the article's order", () => {
    const ids = glossary.sections.map((s) => s.id);
    const shown = model.sections.map((s) => s.section.id);
    expect(shown).toEqual(
      [...new Set(['ferritin', 'dopamine', 'iron-deficiency'].map(sectionOf))].sort(
        (a, b) => ids.indexOf(a) - ids.indexOf(b),
      ),
    );
    for (const { section, terms } of model.sections) for (const t of terms) expect(t.entry.section).toBe(section.id);
  });

  it('keeps only the first occurrences over all frames, so "show more" adds at the end', () => {
    const two = buildPanel(glossary, frames, (id) => (id === 'ferritin' ? 3 : 10));
    const ferritin = two.sections.flatMap((s) => s.terms).find((t) => t.entry.id === 'ferritin');
    expect(ferritin?.occurrences.map((o) => `${o.frameId}@${o.index}`)).toEqual(['0@0', '0@2', '8@0']);
    expect(ferritin?.count).toBe(7);
  });

  it('is empty for a page without terms', () => {
    expect(buildPanel(glossary, new Map([[0, frame([], [], {})]]), () => 10)).toEqual({
      sections: [],
      entries: 0,
      occurrences: 0,
    });
  });
});
