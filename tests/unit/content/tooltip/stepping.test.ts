// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { stepFrom, type StepGeometry } from '../../../../content/tooltip/stepping';
import { sameTerm } from '../../../../content/tooltip/hit-test';
import type { Term } from '../../../../content/terms';

const text = document.createTextNode('ferritin dopamine ferritin iron');
document.body.append(text);
// happy-dom has no StaticRange: a plain object with the same fields stands in (only the fields are read).
const term = (start: number, end: number, entryId: string): Term => ({
  range: { startContainer: text, startOffset: start, endContainer: text, endOffset: end, collapsed: false } as StaticRange,
  entryId,
  form: 0,
});
const ordered = [term(0, 8, 'ferritin'), term(9, 17, 'dopamine'), term(18, 26, 'ferritin'), term(27, 31, 'iron')];

/** A page scrolled so that terms 1 and 2 are on screen: term 0 above the viewport, term 3 below it. */
const scrolled: StepGeometry = {
  viewport: () => ({ width: 800, height: 600 }),
  rectOf: (t) => {
    const tops = [-400, 120, 480, 900];
    const top = tops[ordered.findIndex((o) => sameTerm(o, t))]!;
    return { top, bottom: top + 20 };
  },
};

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

  it('has nothing to do on a page without terms', () => {
    expect(stepFrom([], undefined, 0, 1)).toBeUndefined();
  });

  it('starts from what is on screen when there is no current term: the first term in view going forwards', () => {
    expect(stepFrom(ordered, undefined, 0, 1, undefined, scrolled)?.position).toBe(1);
  });

  it('and the last term in view going backwards', () => {
    expect(stepFrom(ordered, undefined, 0, -1, undefined, scrolled)?.position).toBe(2);
  });

  it('reveals the first occurrence of an entry at or after the top of the screen', () => {
    // Term 0 (ferritin) is above the viewport: the reveal lands on term 2, the ferritin the reader can see.
    expect(stepFrom(ordered, undefined, 0, 1, 'ferritin', scrolled)?.position).toBe(2);
  });

  it('goes from the top when every term is above the viewport, and from the bottom when all are below it', () => {
    const above: StepGeometry = { viewport: () => ({ width: 800, height: 600 }), rectOf: () => ({ top: -100, bottom: -80 }) };
    const below: StepGeometry = { viewport: () => ({ width: 800, height: 600 }), rectOf: () => ({ top: 900, bottom: 920 }) };
    expect(stepFrom(ordered, undefined, 0, 1, undefined, above)?.position).toBe(0);
    expect(stepFrom(ordered, undefined, 0, -1, undefined, below)?.position).toBe(3);
  });
});
