import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CLOSE_DELAY_MS,
  clickOpens,
  createTooltipMachine,
  type PointerTarget,
} from '../../../../content/tooltip/state';
import type { TooltipTrigger } from '../../../../settings';

type T = { id: string };
const a: T = { id: 'a' };
const b: T = { id: 'b' };
const on = (term: T): PointerTarget<T> => ({ kind: 'term', term, x: 10, y: 20 });
const NONE: PointerTarget<T> = { kind: 'none' };
const UI: PointerTarget<T> = { kind: 'ui' };
const HOVER_DELAY = 400;

function machine(trigger: () => TooltipTrigger = () => 'hover', stillUnder = () => true) {
  const events: string[] = [];
  const m = createTooltipMachine<T>({
    same: (x, y) => x?.id === y?.id,
    hoverDelay: () => HOVER_DELAY,
    trigger,
    stillUnder,
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
      trigger: () => 'hover',
      stillUnder: () => true,
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

describe('Alt+hover: tooltips open only while Alt (Option) is held', () => {
  const altHover = () => machine(() => 'alt-hover');

  it('opens nothing when the pointer rests on a term without Alt', () => {
    const { m, events } = altHover();
    m.pointer(on(a));
    vi.advanceTimersByTime(5000);
    expect(events).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('opens the term under a resting pointer as soon as Alt goes down, without a move', () => {
    const { m, events } = altHover();
    m.pointer(on(a));
    vi.advanceTimersByTime(1000);
    m.modifier(true);
    expect(events).toEqual(['open a by hover at 10,20']);
  });

  it('keeps the tooltip open after Alt is released while the pointer is on the term or the tooltip', () => {
    const { m, events } = altHover();
    m.pointer(on(a));
    m.modifier(true);
    m.modifier(false);
    vi.advanceTimersByTime(5000);
    m.pointer(NONE); // crossing the gap
    vi.advanceTimersByTime(CLOSE_DELAY_MS - 50);
    m.pointer(UI);
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open a by hover at 10,20']);
    // Leaving both closes it, as any hover tooltip.
    m.pointer(NONE);
    vi.advanceTimersByTime(CLOSE_DELAY_MS);
    expect(events).toEqual(['open a by hover at 10,20', 'close']);
  });

  it('with Alt held, opens a term the pointer moves onto after the hover delay; releasing Alt first cancels it', () => {
    const { m, events } = altHover();
    m.modifier(true);
    m.pointer(on(a));
    vi.advanceTimersByTime(HOVER_DELAY - 1);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open a by hover at 10,20']);
    m.pointer(on(b));
    vi.advanceTimersByTime(100);
    m.modifier(false);
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open a by hover at 10,20', 'close']);
  });

  it('opens nothing on an Alt press when the pointer is not on a term, or the page moved the term away', () => {
    let under = true;
    const { m, events } = machine(
      () => 'alt-hover',
      () => under,
    );
    m.pointer(NONE);
    m.modifier(true);
    m.modifier(false);
    m.pointer(on(a));
    under = false; // scrolled under a resting pointer
    m.modifier(true);
    expect(events).toEqual([]);
  });

  it('reopens a term dismissed with Esc when Alt is pressed again (a request, not a pointer passing by)', () => {
    const { m, events } = altHover();
    m.pointer(on(a));
    m.modifier(true);
    expect(m.escape()).toBe(true);
    m.modifier(false);
    m.pointer(on(a));
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open a by hover at 10,20', 'close']);
    m.modifier(true);
    expect(events).toEqual(['open a by hover at 10,20', 'close', 'open a by hover at 10,20']);
  });

  it('ignores Alt in the other modes', () => {
    for (const trigger of ['hover', 'click'] as const) {
      const { m, events } = machine(() => trigger);
      m.pointer(on(a));
      m.modifier(true);
      if (trigger === 'hover') vi.advanceTimersByTime(HOVER_DELAY - 1);
      expect(events, trigger).toEqual([]);
      m.modifier(false);
      vi.advanceTimersByTime(HOVER_DELAY);
      expect(events, trigger).toEqual(trigger === 'hover' ? ['open a by hover at 10,20'] : []);
      m.dispose();
    }
  });
});

describe('click mode: hover opens nothing', () => {
  it('opens nothing on hover, and opens on a click, a tap or the keyboard, which stay when the pointer leaves', () => {
    const { m, events } = machine(() => 'click');
    m.pointer(on(a));
    vi.advanceTimersByTime(5000);
    expect(events).toEqual([]);
    m.openNow(a, 'tap', { x: 1, y: 2 });
    m.pointer(NONE);
    vi.advanceTimersByTime(5000);
    m.openNow(b, 'keyboard');
    m.pointer(on(a));
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open a by tap at 1,2', 'open b by keyboard']);
  });

  it('reads the trigger at every pointer change: switching to click stops the next hover, back to hover restores it', () => {
    let trigger: TooltipTrigger = 'hover';
    const { m, events } = machine(() => trigger);
    trigger = 'click';
    m.pointer(on(a));
    vi.advanceTimersByTime(5000);
    expect(events).toEqual([]);
    trigger = 'hover';
    m.pointer(NONE);
    m.pointer(on(a));
    vi.advanceTimersByTime(HOVER_DELAY);
    expect(events).toEqual(['open a by hover at 10,20']);
  });
});

describe('which clicks open a tooltip', () => {
  it.each([
    ['hover', 'mouse', false, true],
    ['click', 'mouse', false, true],
    ['click', 'pen', false, true],
    ['alt-hover', 'mouse', false, false],
    ['alt-hover', 'mouse', true, true],
    ['alt-hover', 'pen', false, false],
    ['hover', 'touch', false, true],
    ['alt-hover', 'touch', false, true],
    ['click', 'touch', false, true],
  ] as const)('in %s mode a %s click (Alt %s) opens: %s', (trigger, pointerType, altKey, expected) => {
    expect(clickOpens(trigger, { pointerType, altKey })).toBe(expected);
  });
});
