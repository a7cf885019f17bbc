// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { stepFrom } from '../../content/keyboard';
import { sameTerm } from '../../content/hover';
import type { Term } from '../../content/terms';

const text = document.createTextNode('ferritin dopamine ferritin iron');
document.body.append(text);
// happy-dom has no StaticRange: a plain object with the same fields stands in (only the fields are read).
const term = (start: number, end: number, entryId: string): Term => ({
  range: { startContainer: text, startOffset: start, endContainer: text, endOffset: end, collapsed: false } as StaticRange,
  entryId,
});
const ordered = [term(0, 8, 'ferritin'), term(9, 17, 'dopamine'), term(18, 26, 'ferritin'), term(27, 31, 'iron')];

describe('stepping through terms', () => {
  it('goes to the next and previous term in document order, wrapping at both ends', () => {
    expect(stepFrom(ordered, ordered[1], 1, 1)).toMatchObject({ position: 2, total: 4 });
    expect(stepFrom(ordered, ordered[1], 1, -1)?.position).toBe(0);
    expect(stepFrom(ordered, ordered[3], 3, 1)?.position).toBe(0);
    expect(stepFrom(ordered, ordered[0], 0, -1)?.position).toBe(3);
  });

  it('finds the current term again when the engine handed out new objects for the same text', () => {
    const again = term(9, 17, 'dopamine');
    expect(sameTerm(again, ordered[1])).toBe(true);
    expect(stepFrom(ordered, again, 0, 1)?.term).toBe(ordered[2]);
  });

  it('reveals only occurrences of the asked entry, the next one after the current term', () => {
    expect(stepFrom(ordered, ordered[0], 0, 1, 'ferritin')?.position).toBe(2);
    expect(stepFrom(ordered, ordered[2], 2, 1, 'ferritin')?.position).toBe(0);
    expect(stepFrom(ordered, ordered[0], 0, 1, 'pregnancy')).toBeUndefined();
  });

  it('starts at the first term in view when there is no current term, and has nothing to do on a page without terms', () => {
    expect(stepFrom(ordered, undefined, 0, 1)?.position).toBe(0);
    expect(stepFrom([], undefined, 0, 1)).toBeUndefined();
  });
});
