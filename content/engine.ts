// The page engine: glossary forms → one matcher → scanner → highlight layer. Everything stops with the signal.

import type { Glossary } from '../glossary/types';
import type { HighlightStyle } from '../core/page-names';
import { HighlightLayer } from './highlights';
import { compileMatcher, type SurfaceForm } from '../core/matcher';
import { Scanner } from './scan';

export interface EngineOptions {
  glossary: Glossary;
  signal: AbortSignal;
  style: HighlightStyle;
  firstOnly: boolean;
  root?: Document;
}

export function surfaceForms(glossary: Glossary): SurfaceForm[] {
  return glossary.entries.flatMap((entry, index) => entry.forms.map((text) => ({ text, entry: index })));
}

/** Starts highlighting `root` (default: this document) and returns the layer, which is also the term index. */
export function startEngine({ glossary, signal, style, firstOnly, root = document }: EngineOptions): HighlightLayer {
  const layer = new HighlightLayer({ style, firstOnly });
  const scanner = new Scanner({
    matcher: compileMatcher(surfaceForms(glossary)),
    entryIds: glossary.entries.map((entry) => entry.id),
    commitUnit: layer.commitUnit,
    sweep: layer.sweep,
    forgetWithin: layer.forgetWithin,
    settled: layer.settled,
    signal,
  });
  signal.addEventListener('abort', () => layer.destroy(), { once: true });
  scanner.scanTree(root);
  return layer;
}
