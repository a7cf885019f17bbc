// @vitest-environment happy-dom
// Where the card's host goes: last in <body>, or inside the fullscreen element its term is in (a popover from outside
// a fullscreen element is drawn but inert in both browsers: tests/e2e/card-placement.test.ts shows it).
import { afterEach, describe, expect, it } from 'vitest';
import { hostParent } from '../../../../content/tooltip/top-layer';

const setFullscreen = (element: Element | null, root: Document | ShadowRoot = document) =>
  Object.defineProperty(root, 'fullscreenElement', { configurable: true, get: () => element });

afterEach(() => {
  setFullscreen(null);
  document.body.replaceChildren();
});

function page() {
  document.body.innerHTML =
    '<div id="slides"><p id="in">Low ferritin</p></div><p id="out">iron</p><video id="video"></video>';
  const text = (id: string) => document.getElementById(id)!.firstChild!;
  return { slides: document.getElementById('slides')!, inside: text('in'), outside: text('out') };
}

describe('the card host’s parent', () => {
  it('is <body> when nothing is fullscreen', () => {
    const { inside } = page();
    expect(hostParent(inside)).toBe(document.body);
  });

  it('is the fullscreen element when the term is in it, and <body> for a term outside it', () => {
    const { slides, inside, outside } = page();
    setFullscreen(slides);
    expect(hostParent(inside)).toBe(slides);
    expect(hostParent(outside)).toBe(document.body);
  });

  it('is never an element whose children are not drawn (a fullscreen video)', () => {
    const { inside } = page();
    setFullscreen(document.getElementById('video'));
    expect(hostParent(inside)).toBe(document.body);
  });

  it('follows a fullscreen part inside a component’s open shadow root, to a term slotted or inside it', () => {
    document.body.innerHTML = '<slide-deck></slide-deck>';
    const deck = document.querySelector('slide-deck')!;
    const shadow = deck.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<section><p>Low <b>ferritin</b></p></section>';
    const section = shadow.querySelector('section')!;
    setFullscreen(deck);
    setFullscreen(section, shadow);
    expect(hostParent(shadow.querySelector('b')!.firstChild)).toBe(section);
  });
});
