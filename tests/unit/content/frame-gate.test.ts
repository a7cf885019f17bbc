// @vitest-environment happy-dom
// The frame gate: a frame with nothing a term could be found in does nothing until text worth scanning arrives.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { frameVerdict, whenWorthScanning } from '../../../content/frame-gate';
import { compileMatcher } from '../../../core/matcher-compile';

const matcher = compileMatcher([
  { text: 'ferritin', entry: 0 },
  { text: 'restless legs', entry: 1 },
]);
const mayHold = (text: string) => matcher.mayHold(text);

/** A stand-in window: a subframe (top is another window) of the given size, with resize listeners. */
function frameWindow(width: number, height: number, top?: 'top') {
  const win = Object.assign(new EventTarget(), { innerWidth: width, innerHeight: height, top: {} });
  if (top) win.top = win;
  return win as unknown as Window;
}
const topWindow = () => frameWindow(0, 0, 'top');
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML = '';
});
afterEach(() => controller.abort());

describe('frame verdict', () => {
  it('scans a document a form may occur in, also when blocks glue words together', () => {
    document.body.innerHTML = '<p>Low</p><p>ferritin</p><p>levels</p>';
    expect(frameVerdict(document, frameWindow(300, 120), mayHold)).toBe('scan');
  });

  it('leaves a document no form can occur in, and a subframe too small to read', () => {
    document.body.innerHTML = '<p>Sponsored: weekend city breaks</p><button>More</button>';
    expect(frameVerdict(document, frameWindow(300, 120), mayHold)).toBe('no-terms');
    document.body.innerHTML = '<p>ferritin</p>';
    expect(frameVerdict(document, frameWindow(0, 0), mayHold)).toBe('too-small');
    expect(frameVerdict(document, frameWindow(300, 1), mayHold)).toBe('too-small');
    // The top frame has no frame element to be hidden by: its size never gates it.
    expect(frameVerdict(document, topWindow(), mayHold)).toBe('scan');
  });

  it('scans a long document without testing it, and one with an open shadow root', () => {
    document.body.innerHTML = `<p>${'lorem ipsum '.repeat(10_000)}</p>`;
    const spy = vi.fn(mayHold);
    expect(frameVerdict(document, frameWindow(300, 120), spy)).toBe('scan');
    expect(spy).not.toHaveBeenCalled();
    document.body.innerHTML = '<div id="host"></div>';
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>ferritin</p>';
    expect(frameVerdict(document, frameWindow(300, 120), mayHold)).toBe('scan');
  });
});

describe('whenWorthScanning', () => {
  it('opens at once when the frame has terms, once', () => {
    document.body.innerHTML = '<p>restless legs</p>';
    const open = vi.fn();
    whenWorthScanning({ mayHold, open, signal: controller.signal, doc: document, win: frameWindow(300, 120) });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('waits for text to arrive (an about:blank frame the page writes into), then opens', async () => {
    const open = vi.fn();
    whenWorthScanning({ mayHold, open, signal: controller.signal, doc: document, win: frameWindow(300, 120) });
    await wait(20);
    expect(open).not.toHaveBeenCalled();
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Low ferritin' }));
    await wait(400);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('waits for a hidden frame to get a size', async () => {
    document.body.innerHTML = '<p>ferritin</p>';
    const win = frameWindow(0, 0);
    const open = vi.fn();
    whenWorthScanning({ mayHold, open, signal: controller.signal, doc: document, win });
    expect(open).not.toHaveBeenCalled();
    Object.assign(win, { innerWidth: 300, innerHeight: 120 });
    win.dispatchEvent(new Event('resize'));
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('does nothing once stopped', async () => {
    const open = vi.fn();
    whenWorthScanning({ mayHold, open, signal: controller.signal, doc: document, win: frameWindow(300, 120) });
    controller.abort();
    document.body.innerHTML = '<p>ferritin</p>';
    await wait(400);
    expect(open).not.toHaveBeenCalled();
  });
});
