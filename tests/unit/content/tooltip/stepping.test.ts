// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { stepWithin, type StepGeometry } from '../../../../content/tooltip/stepping';
import { sameTerm } from '../../../../content/tooltip/hit-test';
import type { Term } from '../../../../content/terms';

const text = document.createTextNode('ferritin dopamine ferritin iron');
document.body.append(text);
// happy-dom has no StaticRange: a plain object with the same fields stands in (only the fields are read).
const term = (start: number, end: number, entryId: string): Term => ({
  range: {
    startContainer: text,
    startOffset: start,
    endContainer: text,
    endOffset: end,
    collapsed: false,
  } as StaticRange,
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

/** Nothing on screen matters: every term is in view. */
const all: StepGeometry = { viewport: () => ({ width: 800, height: 600 }), rectOf: () => ({ top: 100, bottom: 120 }) };
const step = (current: Term | undefined, hint: number, direction: 1 | -1, entryId?: string, geometry = all) =>
  stepWithin(ordered, current, hint, direction, 'current', entryId, geometry);

describe('stepping through the terms of one frame', () => {
  it('goes to the next and previous term in document order', () => {
    expect(step(ordered[1], 1, 1)).toMatchObject({ position: 2, total: 4 });
    expect(step(ordered[1], 1, -1)?.position).toBe(0);
  });

  it('stops at either end instead of wrapping: the step goes on in the next frame', () => {
    expect(step(ordered[3], 3, 1)).toBeUndefined();
    expect(step(ordered[0], 0, -1)).toBeUndefined();
  });

  it('starts at the first term, or the last, when the step arrives from another frame', () => {
    expect(stepWithin(ordered, ordered[2], 2, 1, 'edge')?.position).toBe(0);
    expect(stepWithin(ordered, ordered[1], 1, -1, 'edge')?.position).toBe(3);
    expect(stepWithin(ordered, undefined, 0, 1, 'edge', 'iron')?.position).toBe(3);
    expect(stepWithin(ordered, undefined, 0, -1, 'edge', 'ferritin')?.position).toBe(2);
  });

  it('finds the current term again when the engine handed out new objects for the same text', () => {
    const again = term(9, 17, 'dopamine');
    expect(sameTerm(again, ordered[1])).toBe(true);
    expect(step(again, 0, 1)?.term).toBe(ordered[2]);
  });

  it('reveals only occurrences of the asked entry, the next one after the current term', () => {
    expect(step(ordered[0], 0, 1, 'ferritin')?.position).toBe(2);
    expect(step(ordered[2], 2, 1, 'ferritin')).toBeUndefined();
    expect(step(ordered[0], 0, 1, 'pregnancy')).toBeUndefined();
  });

  it('has nothing to do in a frame without terms', () => {
    expect(stepWithin([], undefined, 0, 1, 'current')).toBeUndefined();
    expect(stepWithin([], undefined, 0, -1, 'edge')).toBeUndefined();
  });

  it('starts from what is on screen when there is no current term: the first term in view going forwards', () => {
    expect(step(undefined, 0, 1, undefined, scrolled)?.position).toBe(1);
  });

  it('and the last term in view going backwards', () => {
    expect(step(undefined, 0, -1, undefined, scrolled)?.position).toBe(2);
  });

  it('reveals the first occurrence of an entry at or after the top of the screen', () => {
    // Term 0 (ferritin) is above the viewport: the reveal lands on term 2, the ferritin the reader can see.
    expect(step(undefined, 0, 1, 'ferritin', scrolled)?.position).toBe(2);
  });

  it('has nothing ahead when every term is above the viewport, nor behind when all are below it', () => {
    const above: StepGeometry = {
      viewport: () => ({ width: 800, height: 600 }),
      rectOf: () => ({ top: -100, bottom: -80 }),
    };
    const below: StepGeometry = {
      viewport: () => ({ width: 800, height: 600 }),
      rectOf: () => ({ top: 900, bottom: 920 }),
    };
    expect(step(undefined, 0, 1, undefined, above)).toBeUndefined();
    expect(step(undefined, 0, -1, undefined, below)).toBeUndefined();
    // …but the other way there is: the terms are all behind (ahead of) the reader.
    expect(step(undefined, 0, -1, undefined, above)?.position).toBe(3);
    expect(step(undefined, 0, 1, undefined, below)?.position).toBe(0);
  });
});
