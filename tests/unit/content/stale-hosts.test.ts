// @vitest-environment happy-dom
// A card an unloaded instance left open (Firefox) is removed by the next instance, and nothing of the page's is:
// only a host whose closed root holds our card's markup goes. `openOrClosedShadowRoot` is Firefox's content-script
// view of a closed root; happy-dom has none, so each host is given one here as Firefox would.
import { afterEach, describe, expect, it } from 'vitest';
import { removeStaleHosts } from '../../../content/stale-hosts';
import { TOOLTIP_HOST } from '../../../core/page-names';

const CARD =
  '<div class="rls-root"><div class="rls-tooltip" id="rls-lens-tooltip" role="tooltip" popover="manual"></div></div>';

/** A host with a closed shadow root holding `markup`, appended to `parent`; `firefox`: its root is reachable. */
function host(parent: Element, markup: string, { tag = 'div', firefox = true } = {}): Element {
  const el = document.createElement(tag);
  const root = el.attachShadow({ mode: 'closed' });
  root.innerHTML = markup;
  if (firefox) Object.defineProperty(el, 'openOrClosedShadowRoot', { value: root });
  parent.append(el);
  return el;
}

afterEach(() => {
  document.body.replaceChildren();
  for (const el of [...document.documentElement.children])
    if (el !== document.head && el !== document.body) el.remove();
});

describe('removeStaleHosts', () => {
  it('removes the card hosts left last in <body> and <html>, release and test build', () => {
    const page = document.createElement('p');
    page.textContent = 'The page';
    document.body.append(page);
    const inBody = host(document.body, CARD);
    const probes = host(document.body, CARD, { tag: TOOLTIP_HOST });
    const inHtml = host(document.documentElement, CARD);
    expect(removeStaleHosts()).toBe(3);
    expect([inBody, probes, inHtml].map((el) => el.isConnected)).toEqual([false, false, false]);
    expect(page.isConnected).toBe(true);
  });

  it('leaves the page’s own elements, even a closed root with a tooltip of its own', () => {
    const tooltip = host(document.body, '<div role="tooltip" class="rls-tooltip">Help</div>');
    const deep = document.createElement('section');
    document.body.append(deep);
    const nested = host(deep, CARD);
    const span = host(document.body, CARD, { tag: 'span' });
    expect(removeStaleHosts()).toBe(0);
    expect([tooltip, nested, span].map((el) => el.isConnected)).toEqual([true, true, true]);
  });

  it('finds nothing where a closed root cannot be opened (Chrome)', () => {
    const el = host(document.body, CARD, { firefox: false });
    expect(removeStaleHosts()).toBe(0);
    expect(el.isConnected).toBe(true);
  });
});
