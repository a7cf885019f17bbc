// Where the card's host goes in the page's DOM. Its popover draws in the top layer either way; what the parent
// decides is whether the card can be used. While an element is fullscreen (a slide show, a video's player with its
// captions in the page, `element.requestFullscreen()`), both Chromium and Firefox draw a popover from outside that
// element above it but leave it out of hit testing (it is inert): the pointer falls through to the slide, so the
// card closes as the reader moves onto it, and its buttons cannot be clicked (tests/e2e/card-placement.test.ts). Inside the
// fullscreen element it is an ordinary part of the page again.

/** Elements whose children are not drawn: a card's host inside one would not be drawn either. */
const REPLACED = new Set(['VIDEO', 'AUDIO', 'CANVAS', 'IMG', 'IFRAME', 'EMBED', 'OBJECT', 'SELECT', 'TEXTAREA']);

/** The innermost fullscreen element, through open shadow roots (a player component's own fullscreen part). */
function fullscreenElement(doc: Document): Element | null {
  let element = doc.fullscreenElement;
  while (element?.shadowRoot?.fullscreenElement) element = element.shadowRoot.fullscreenElement;
  return element;
}

/** Whether `node` is inside `container`, across the shadow roots between them. */
function within(container: Element, node: Node | null): boolean {
  for (let at: Node | null = node; at;) {
    if (container.contains(at)) return true;
    const root = at.getRootNode();
    at = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}

/**
 * The parent for the card's host: the fullscreen element the term is in (when it can hold a drawn child), else
 * <body> (<html> for a frameset document), last of its children.
 */
export function hostParent(termNode: Node | null, doc: Document = document): Element {
  const fullscreen = fullscreenElement(doc);
  if (fullscreen && !REPLACED.has(fullscreen.tagName) && within(fullscreen, termNode)) return fullscreen;
  return doc.body ?? doc.documentElement;
}
