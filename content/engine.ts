// The page engine: glossary forms → one matcher and the page's context → scanner → highlight layer. Everything
// stops with the signal. The matcher and the context rule come compiled from the build (virtual:rls-lens/page-data):
// a frame builds neither.

import { contextRule, entryIds, formEntry } from 'virtual:rls-lens/page-data';
import type { Matcher } from '../core/matcher';
import type { HighlightStyle } from '../core/page-names';
import { HighlightLayer } from './highlights';
import { ContextGate } from './page-context';
import { Scanner } from './scan';

/** The entry id of each form (what a match's `entry` numbers). */
const FORM_ENTRY_IDS = formEntry.map((entry) => entryIds[entry]!);

export interface EngineOptions {
  /** The page data's matcher (shared with the frame gate: one per frame). */
  matcher: Matcher;
  signal: AbortSignal;
  style: HighlightStyle;
  firstOnly: boolean;
  /** Private reading: terms are indexed but never registered in the page (content/highlights.ts). */
  hidden?: boolean;
  /** Entries the reader marked "I know this": drawn faint. */
  known?: readonly string[];
  root?: Document;
}

/** Starts highlighting `root` (default: this document) and returns the layer, which is also the term index. */
export function startEngine({
  matcher,
  signal,
  style,
  firstOnly,
  hidden,
  known,
  root = document,
}: EngineOptions): HighlightLayer {
  const layer = new HighlightLayer({ style, firstOnly, hidden, known });
  // One page context for the document and its shadow roots (a frame runs its own engine, with its own context).
  const gate = new ContextGate({
    matcher,
    rule: contextRule,
    entryIds: FORM_ENTRY_IDS,
    sink: layer,
    signal,
    title: () => root.title,
  });
  const scanner = new Scanner({
    reader: gate,
    commitUnit: gate.commitUnit,
    sweep: gate.sweep,
    forgetWithin: gate.forgetWithin,
    settled: gate.settled,
    signal,
  });
  signal.addEventListener('abort', () => layer.destroy(), { once: true });
  // The title first: a page it says is about restless legs lights its terms as they are read, not after.
  gate.readTitle();
  scanner.scanTree(root);
  return layer;
}
