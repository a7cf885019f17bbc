// Whether a frame has text worth scanning, decided before the frame does anything else: no settings are read, no
// scanner, observer of the whole tree or highlight is set up in a frame that cannot show a term. Most frames of the
// web are such frames: ad and tracking slots (zero-size, hidden, a few words of an advert), widgets, and about:blank
// or srcdoc frames that are still empty.
//
// The rules, in order:
// 1. A subframe smaller than MIN_SIZE px in either direction (display:none frames have no size at all) waits until
//    its window is resized to something a reader can read.
// 2. A document with more than MAX_GATED_NODES text nodes or MAX_GATED_TEXT characters of text is scanned: it is a
//    real page, and the scanner reads it in time slices anyway. (Not textContent: on a large page it is one long
//    task; the walk stops early. docs/performance.md#reading-a-frames-text-in-the-gate)
// 3. Otherwise the document's text, its text nodes joined, is tested with the matcher's `mayHold`: a document no
//    form can occur in waits. Joining glues the text of neighbouring blocks without a break, which can glue a form
//    to a neighbouring word but never hides one from `mayHold` (core/matcher.ts). Text in open shadow roots is not
//    walked, so a document with one is scanned.
// 4. A waiting document is watched for text arriving (one MutationObserver, checked at most every RECHECK_MS): an
//    about:blank frame the page writes into, a widget that loads its content later.
import { GATE_MEASURE } from '../core/page-names';
import { PROBES } from '../core/build-mode';
import { mayHostShadow } from './blocks';

const MIN_SIZE = 8;
const MAX_GATED_NODES = 2000;
const MAX_GATED_TEXT = 100_000;
const RECHECK_MS = 250;

export interface FrameGateOptions {
  /** False when the text certainly holds no term (Matcher.mayHold). */
  mayHold(text: string): boolean;
  /** Called once, when the frame has text worth scanning. */
  open(): void;
  signal: AbortSignal;
  doc?: Document;
  win?: Window;
}

export type GateVerdict = 'scan' | 'too-small' | 'no-terms';

/** The verdict for the document as it is now. */
export function frameVerdict(doc: Document, win: Window, mayHold: (text: string) => boolean): GateVerdict {
  if (win !== win.top && (win.innerWidth < MIN_SIZE || win.innerHeight < MIN_SIZE)) return 'too-small';
  const root = doc.body ?? doc.documentElement;
  if (!root) return 'no-terms';
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let nodes = 0; walker.nextNode();) {
    text += (walker.currentNode as Text).data;
    if (++nodes > MAX_GATED_NODES || text.length > MAX_GATED_TEXT) return 'scan';
  }
  return mayHold(text) || hasOpenShadowRoot(root) ? 'scan' : 'no-terms';
}

function hasOpenShadowRoot(root: Element): boolean {
  const all = root.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    if (mayHostShadow(el.localName) && el.shadowRoot) return true;
  }
  return false;
}

/** Calls `open` once the frame has text worth scanning (at once if it has). Stops with the signal. */
export function whenWorthScanning({ mayHold, open, signal, doc = document, win = window }: FrameGateOptions): void {
  let observer: MutationObserver | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let resizing = false;
  const stop = () => {
    observer?.disconnect();
    observer = undefined;
    clearTimeout(timer);
    timer = undefined;
    if (resizing) win.removeEventListener('resize', check);
    resizing = false;
  };
  function check(): void {
    timer = undefined;
    if (signal.aborted) return;
    const start = performance.now();
    const verdict = frameVerdict(doc, win, mayHold);
    // A frame read and found to hold no term says so (not as a scan: none ran), so that the tests and the sweep
    // know it was read.
    if (PROBES && verdict === 'no-terms') performance.measure(GATE_MEASURE, { start, end: performance.now() });
    if (verdict === 'scan') {
      stop();
      open();
    } else if (verdict === 'too-small') {
      if (!resizing) win.addEventListener('resize', check, { passive: true });
      resizing = true;
    } else if (!observer) {
      observer = new MutationObserver(() => {
        timer ??= setTimeout(check, RECHECK_MS);
      });
      observer.observe(doc, { childList: true, subtree: true, characterData: true });
    }
  }
  signal.addEventListener('abort', stop, { once: true });
  check();
}
