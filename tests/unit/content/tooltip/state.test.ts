import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_DELAY_MS, createTooltipMachine, type PointerTarget } from '../../../../content/tooltip/state';

type T = { id: string };
const a: T = { id: 'a' };
const b: T = { id: 'b' };
const on = (term: T): PointerTarget<T> => ({ kind: 'term', term, x: 10, y: 20 });
const NONE: PointerTarget<T> = { kind: 'none' };
const UI: PointerTarget<T> = { kind: 'ui' };
const HOVER_DELAY = 400;

function machine() {
  const events: string[] = [];
  const m = createTooltipMachine<T>({
    same: (x, y) => x?.id === y?.id,
    hoverDelay: () => HOVER_DELAY,
    open: (term, by, point) => events.push(`open ${term.id} by ${by}${point ? ` at ${point.x},${point.y}` : ''}`),
    close: () => events.push('close'),
    timers: { set: (run, ms) => setTimeout(run, ms) as unknown as number, clear: (id) => clearTimeout(id) },
  });
  return { m, events };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('when a tooltip opens and closes', () => {
  it('opens a hovered term only after the pointer has rested on it for the hover delay', () => {
    const { m, events } = machine();
    m.pointer(on(a));
    vi.advanceTimersByTime(HOVER_DELAY - 1);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open a by hover at 10,20']);
    expect(m.current()).toEqual({ term: a, by: 'hover' });
  });

  it('opens nothing when the pointer only passes over a term', () => {
    const { m, events } = machine();
    m.pointer(on(a));
    vi.advanceTimersByTime(200);
    m.pointer(NONE);
    vi.advanceTimersByTime(2000);
    expect(events).toEqual([]);
  });

  it('stays open while the pointer moves from the term onto the tooltip, and closes after it leaves both', () => {
    const { m, events } = machine();
    m.pointer(on(a));
    vi.advanceTimersByTime(HOVER_DELAY);
    m.pointer(NONE); // crossing the gap
    vi.advanceTimersByTime(CLOSE_DELAY_MS - 50);
    m.pointer(UI);
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open a by hover at 10,20']);
    m.pointer(NONE);
    vi.advanceTimersByTime(CLOSE_DELAY_MS - 1);
    expect(events).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open a by hover at 10,20', 'close']);
  });

  it('keeps a tooltip open when the pointer comes back to its term before the close delay', () => {
    const { m, events } = machine();
    m.pointer(on(a));
    vi.advanceTimersByTime(HOVER_DELAY);
    m.pointer(NONE);
    vi.advanceTimersByTime(100);
    m.pointer(on({ id: 'a' })); // a new object for the same term
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open a by hover at 10,20']);
  });

  it('moves to another term after its own hover delay, closing the first one meanwhile', () => {
    const { m, events } = machine();
    m.pointer(on(a));
    vi.advanceTimersByTime(HOVER_DELAY);
    m.pointer(on(b));
    vi.advanceTimersByTime(CLOSE_DELAY_MS);
    expect(events).toEqual(['open a by hover at 10,20', 'close']);
    vi.advanceTimersByTime(HOVER_DELAY - CLOSE_DELAY_MS);
    expect(events).toEqual(['open a by hover at 10,20', 'close', 'open b by hover at 10,20']);
  });

  it('closes with Esc and does not reopen while the pointer still rests on that term', () => {
    const { m, events } = machine();
    m.pointer(on(a));
    vi.advanceTimersByTime(HOVER_DELAY);
    expect(m.escape()).toBe(true);
    m.pointer(on(a));
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open a by hover at 10,20', 'close']);
    expect(m.escape()).toBe(false);
    // Leaving the term lifts the suppression: the next rest opens it again.
    m.pointer(NONE);
    m.pointer(on(a));
    vi.advanceTimersByTime(HOVER_DELAY);
    expect(events).toEqual(['open a by hover at 10,20', 'close', 'open a by hover at 10,20']);
  });

  it('keeps a tooltip opened by a tap or the keyboard when the pointer moves away', () => {
    const { m, events } = machine();
    m.openNow(a, 'keyboard');
    m.pointer(NONE);
    vi.advanceTimersByTime(5000);
    m.openNow(b, 'tap', { x: 1, y: 2 });
    m.pointer(NONE);
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open a by keyboard', 'open b by tap at 1,2']);
  });

  it('cancels a pending hover when a step opens another term', () => {
    const { m, events } = machine();
    m.pointer(on(a));
    m.openNow(b, 'keyboard');
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open b by keyboard']);
  });

  it('reads the hover delay when each hover starts, so a changed preference applies to the next one', () => {
    let delay = 400;
    const events: string[] = [];
    const m = createTooltipMachine<T>({
      same: (x, y) => x?.id === y?.id,
      hoverDelay: () => delay,
      open: (term) => events.push(`open ${term.id}`),
      close: () => events.push('close'),
    });
    delay = 1000;
    m.pointer(on(a));
    vi.advanceTimersByTime(999);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open a']);
  });

  it('leaves nothing pending after dispose', () => {
    const { m, events } = machine();
    m.pointer(on(a));
    m.dispose();
    vi.advanceTimersByTime(5000);
    expect(events).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
