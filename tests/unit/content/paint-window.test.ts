// @vitest-environment happy-dom
// The paint window: with many terms only the units near the viewport have their ranges in the highlight.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { UnitTerm } from '../../../content/blocks';
import { PaintWindow, type ObserverFactory } from '../../../content/paint-window';
import { HighlightStandIn, installHighlightStandIns } from './dom-stand-ins';

beforeAll(installHighlightStandIns);

/** A stand-in IntersectionObserver: records what is observed; `report` plays the browser's callback. */
function observers() {
  const observed = new Set<Element>();
  let callback: IntersectionObserverCallback | undefined;
  let margin = '';
  const factory: ObserverFactory = (cb, options) => {
    callback = cb;
    margin = options.rootMargin ?? '';
    return {
      observe: (el: Element) => void observed.add(el),
      unobserve: (el: Element) => void observed.delete(el),
      disconnect: () => observed.clear(),
    } as unknown as IntersectionObserver;
  };
  const report = (inside: Element[], outside: Element[] = []) =>
    callback!(
      [
        ...inside.map((target) => ({ target, isIntersecting: true, boundingClientRect: { width: 100, height: 20 } })),
        ...outside.map((target) => ({ target, isIntersecting: false, boundingClientRect: { width: 100, height: 20 } })),
      ] as unknown as IntersectionObserverEntry[],
      {} as IntersectionObserver,
    );
  return { factory, observed, report, margin: () => margin, started: () => callback !== undefined };
}

/** A paragraph with `n` terms (ranges over its text). */
function unit(n: number) {
  const p = document.body.appendChild(document.createElement('p'));
  const text = p.appendChild(document.createTextNode('iron '.repeat(n)));
  const terms: UnitTerm[] = Array.from({ length: n }, (_, i) => ({
    range: new StaticRange({ startContainer: text, startOffset: i * 5, endContainer: text, endOffset: i * 5 + 4 }),
    entryId: 'iron',
    form: 0,
  }));
  return { p, terms };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('paint window', () => {
  it('paints every range of a page with few terms, without an observer', () => {
    const highlight = new HighlightStandIn();
    const io = observers();
    const paint = new PaintWindow(highlight as unknown as Highlight, io.factory, 10);
    const a = unit(3);
    paint.set(a.p, a.terms);
    // In a batch: every change makes the browser paint again.
    expect(highlight.size).toBe(0);
    paint.flush();
    expect(highlight.size).toBe(3);
    expect(io.started()).toBe(false);
    expect(paint.windowed).toBe(false);
  });

  it('with many terms keeps only the units inside the window painted, and follows the reader', () => {
    const highlight = new HighlightStandIn();
    const io = observers();
    const paint = new PaintWindow(highlight as unknown as Highlight, io.factory, 10);
    const units = Array.from({ length: 6 }, () => unit(3));
    for (const u of units) paint.set(u.p, u.terms);
    expect(paint.windowed).toBe(true);
    expect(io.margin()).toBe('200% 0px');
    // Units committed once the window is on are observed in a batch.
    expect(io.observed.size).toBe(4);
    paint.flush();
    expect(io.observed.size).toBe(6);
    // The first report: units 0 and 1 are near the viewport, the rest are not.
    io.report(
      [units[0]!.p, units[1]!.p],
      units.slice(2).map((u) => u.p),
    );
    expect(highlight.size).toBe(6);
    // The reader scrolls: 1 leaves, 4 enters, in one batch.
    io.report([units[4]!.p], [units[1]!.p]);
    expect([...highlight]).toEqual([...units[0]!.terms, ...units[4]!.terms].map((t) => t.range));
  });

  it('leaves units that waited for their batch to the window once it starts: none is painted outside it', () => {
    const highlight = new HighlightStandIn();
    const io = observers();
    const paint = new PaintWindow(highlight as unknown as Highlight, io.factory, 10);
    const units = Array.from({ length: 4 }, () => unit(3));
    // The first three wait for their batch; the fourth starts the window.
    for (const u of units) paint.set(u.p, u.terms);
    expect(paint.windowed).toBe(true);
    paint.flush();
    expect(highlight.size).toBe(0);
    io.report(
      [units[0]!.p],
      units.slice(1).map((u) => u.p),
    );
    expect([...highlight]).toEqual(units[0]!.terms.map((t) => t.range));
  });

  it("replaces a painted unit's ranges at once and forgets a unit left without terms", () => {
    const highlight = new HighlightStandIn();
    const io = observers();
    const paint = new PaintWindow(highlight as unknown as Highlight, io.factory, 4);
    const a = unit(2);
    const b = unit(2);
    paint.set(a.p, a.terms);
    paint.flush();
    paint.set(b.p, b.terms);
    io.report([a.p], [b.p]);
    expect(highlight.size).toBe(2);
    const again = unit(3);
    paint.set(a.p, again.terms);
    expect([...highlight]).toEqual(again.terms.map((t) => t.range));
    paint.set(a.p, []);
    expect(highlight.size).toBe(0);
    expect(io.observed.has(a.p)).toBe(false);
  });

  it('rebuilds the highlight from what stays when many ranges leave at once (one call instead of one per range)', () => {
    class Counting extends HighlightStandIn {
      deletes = 0;
      override delete(range: AbstractRange): boolean {
        this.deletes++;
        return super.delete(range);
      }
    }
    const highlight = new Counting();
    const io = observers();
    const paint = new PaintWindow(highlight as unknown as Highlight, io.factory, 10);
    const units = Array.from({ length: 40 }, () => unit(2));
    for (const u of units) paint.set(u.p, u.terms);
    paint.flush();
    io.report(units.map((u) => u.p));
    expect(highlight.size).toBe(80);
    io.report(
      [],
      units.slice(1).map((u) => u.p),
    );
    expect([...highlight]).toEqual(units[0]!.terms.map((t) => t.range));
    expect(highlight.deletes).toBe(0);
    // A few leaving: deleted one by one.
    io.report(units.slice(1, 3).map((u) => u.p));
    io.report([], [units[1]!.p]);
    expect(highlight.deletes).toBe(2);
    expect(highlight.size).toBe(4);
  });

  it('draws nothing while suspended (first-occurrence mode) and everything it should after', () => {
    const highlight = new HighlightStandIn();
    const io = observers();
    const paint = new PaintWindow(highlight as unknown as Highlight, io.factory, 100);
    const a = unit(3);
    paint.suspend(true);
    paint.set(a.p, a.terms);
    expect(highlight.size).toBe(0);
    paint.suspend(false);
    expect(highlight.size).toBe(3);
  });
});
