// Positioning the open tooltip against its term with Floating UI: below the term (above when there is no room),
// kept inside the viewport, its arrow pointing at the line the pointer is on, its body scrolling when space is short.
import {
  arrow,
  autoUpdate,
  computePosition,
  flip,
  hide,
  inline,
  offset,
  shift,
  size,
  type VirtualElement,
} from '@floating-ui/dom';
import type { Term } from '../terms';
import { liveRange } from './geometry';

/** A Floating UI reference that follows the term's text (re-measured on every update: the page may reflow). */
function termReference(term: Term): VirtualElement {
  return {
    getBoundingClientRect: () => liveRange(term)?.getBoundingClientRect() ?? new DOMRect(),
    getClientRects: () => liveRange(term)?.getClientRects() ?? ([] as unknown as DOMRectList),
    contextElement: term.range.startContainer.parentElement ?? undefined,
  };
}

export interface PlacementParts {
  floating: HTMLElement;
  arrow: HTMLElement | null;
  /** The scrolling body: told how much height it has. */
  body: HTMLElement | null;
}

/** Where the tooltip goes now; false when the term is scrolled out of view or its text is gone. */
async function place(term: Term, point: { x: number; y: number } | undefined, parts: PlacementParts): Promise<boolean> {
  const { floating, arrow: arrowElement, body } = parts;
  const { x, y, placement, middlewareData } = await computePosition(termReference(term), floating, {
    strategy: 'fixed',
    placement: 'bottom',
    middleware: [
      inline(point),
      offset(10),
      flip({ padding: 8 }),
      shift({ padding: 8 }),
      size({
        padding: 8,
        apply: ({ availableWidth, availableHeight }) => {
          body?.style.setProperty('--rls-max-height', `${Math.max(120, availableHeight)}px`);
          // The width on screen: less than 100vw under pinch zoom (the visual viewport).
          floating.style.setProperty('--rls-max-width', `${Math.max(200, availableWidth)}px`);
        },
      }),
      ...(arrowElement ? [arrow({ element: arrowElement, padding: 10 })] : []),
      hide({ strategy: 'referenceHidden' }),
    ],
  });
  if (middlewareData.hide?.referenceHidden || !liveRange(term)) return false;
  Object.assign(floating.style, { left: `${x}px`, top: `${y}px` });
  const side = placement.split('-')[0] as 'top' | 'bottom' | 'left' | 'right';
  if (arrowElement && middlewareData.arrow) {
    const opposite = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' }[side];
    const { x: ax, y: ay } = middlewareData.arrow;
    Object.assign(arrowElement.style, {
      left: ax != null ? `${ax}px` : '',
      top: ay != null ? `${ay}px` : '',
      right: '',
      bottom: '',
      [opposite]: 'calc(-0.375em - 1px)',
    });
    arrowElement.dataset.side = side;
  }
  return true;
}

export interface Following {
  /** Places the tooltip again now (its content changed size). */
  update(): Promise<void>;
  stop(): void;
}

/**
 * Keeps the tooltip placed while the page scrolls, resizes or reflows; calls `onLost` when the term leaves the
 * viewport or the page.
 */
export function follow(
  term: Term,
  point: { x: number; y: number } | undefined,
  parts: PlacementParts,
  onLost: () => void,
): Following {
  let stopped = false;
  const update = async () => {
    const placed = await place(term, point, parts);
    if (!placed && !stopped) onLost();
  };
  const stop = autoUpdate(termReference(term), parts.floating, () => void update(), { animationFrame: false });
  // Pinch zoom: the term keeps its place in the layout viewport (the card's `fixed` coordinates), but what is on
  // screen is the visual viewport, which Floating UI clips to (its `viewport` boundary) and autoUpdate does not
  // listen to. Zooming or panning places the card again, inside what the reader sees. (In Chromium autoUpdate's
  // IntersectionObserver happens to fire on a pinch or a pan as well; the test cannot pinch Firefox to see.)
  const visual = window.visualViewport;
  const onVisual = () => void update();
  visual?.addEventListener('resize', onVisual);
  visual?.addEventListener('scroll', onVisual);
  return {
    update,
    stop() {
      stopped = true;
      stop();
      visual?.removeEventListener('resize', onVisual);
      visual?.removeEventListener('scroll', onVisual);
    },
  };
}
