// The context menu's look-up, in the frame where the reader selected the words (background/selection-menu.ts): the
// card of the entry the background chose opens beside the selection, as a keyboard step opens one (focus in it,
// closed with Esc, a tap elsewhere or its close button). Part of the session, loaded on demand; a frame that stayed
// silent (no term in its text) is woken for it by the background (core/frame-wake.ts).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Preferences } from '../settings/schema';
import type { TermIndex } from './terms';
import { startTooltips, type Tooltips } from './tooltip';
import { linkToContext } from './context-links';

/** No terms: the tooltips of a frame where highlighting is off or nothing was found, opened only by a look-up. */
const NO_TERMS: TermIndex = { at: () => undefined, ordered: () => [], counts: () => ({}), onChange: () => undefined };

const TEXT_FIELDS = 'input, textarea';

/** The focused element, through open shadow roots. */
function focusedElement(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

/**
 * What the card is placed against: the selection's range, or, for words selected in a text field (whose selection
 * the document's does not show), the field itself. Undefined when nothing is selected any more.
 */
export function selectionAnchor(doc: Document = document): StaticRange | undefined {
  const field = focusedElement();
  if (
    field?.matches(TEXT_FIELDS) &&
    (field as HTMLInputElement).selectionStart !== (field as HTMLInputElement).selectionEnd &&
    field.parentNode
  ) {
    const at = [...field.parentNode.childNodes].indexOf(field as ChildNode);
    return new StaticRange({
      startContainer: field.parentNode,
      startOffset: at,
      endContainer: field.parentNode,
      endOffset: at + 1,
    });
  }
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const { startContainer, startOffset, endContainer, endOffset } = selection.getRangeAt(0);
  return new StaticRange({ startContainer, startOffset, endContainer, endOffset });
}

export interface LookUp {
  /** Opens the entry's card beside the selection; false when there is none, or the reader reads privately here. */
  open(entryId: string): boolean;
  /** The tooltips of the running engine took over (highlighting started): the look-up's own ones stop. */
  handOver(): void;
  /** The preferences changed: the open card is drawn again, and private reading is obeyed. */
  refresh(privateReading: boolean): void;
}

export function startLookUp(
  ctx: ContentScriptContext,
  preferences: () => Preferences,
  running: () => Tooltips | undefined,
): LookUp {
  let own: { controller: AbortController; tooltips: Tooltips } | undefined;
  const tooltips = (): Tooltips => {
    const engine = running();
    if (engine) return engine;
    if (!own) {
      const controller = new AbortController();
      linkToContext(ctx, controller);
      own = {
        controller,
        tooltips: startTooltips({ ctx, signal: controller.signal, index: NO_TERMS, getPreferences: preferences }),
      };
    }
    return own.tooltips;
  };
  return {
    open(entryId) {
      const anchor = selectionAnchor();
      if (!anchor || preferences().privateReading) return false;
      return tooltips().lookUp(entryId, anchor);
    },
    handOver() {
      own?.controller.abort();
      own = undefined;
    },
    refresh(privateReading) {
      own?.tooltips.setPrivate(privateReading);
      own?.tooltips.refresh();
    },
  };
}
