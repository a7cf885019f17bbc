// What the side panel lists, from what each frame answered: the terms on the page grouped by the article's sections
// (in the article's order, so items do not jump about while the page changes), each with its count over every frame
// and its occurrences in reading order (the top frame first, then each frame in document order).
import { compareFramePaths } from '../../core/frame-order';
import type { FrameOccurrences, Occurrence } from '../../core/messages';
import type { CompiledEntry, Glossary, GlossarySection } from '../../glossary/types';
import { tabCounts } from '../shared/frame-counts';

export interface PanelOccurrence extends Occurrence {
  frameId: number;
  /** In a frame of the page rather than the page itself. */
  inFrame: boolean;
}

export interface PanelTerm {
  entry: CompiledEntry;
  /** Occurrences on the page, all frames together. */
  count: number;
  /** The first ones, as many as were asked for. */
  occurrences: PanelOccurrence[];
}

interface PanelSection {
  section: GlossarySection;
  terms: PanelTerm[];
}

export interface PanelModel {
  sections: PanelSection[];
  /** Distinct entries on the page, and occurrences of all of them. */
  entries: number;
  occurrences: number;
}

/**
 * `shown(entryId)`: how many occurrences of an entry to list. Each frame sends that many; the list keeps the first
 * ones over all frames, so it is always the start of the page's reading order and "show more" only adds at its end.
 */
export function buildPanel(
  glossary: Glossary,
  frames: ReadonlyMap<number, FrameOccurrences>,
  shown: (entryId: string) => number,
): PanelModel {
  const ordered = [...frames]
    .filter(([, f]) => f.active)
    .sort(([a, x], [b, y]) => compareFramePaths(x.path, y.path) || a - b);
  const counts = tabCounts(ordered.map(([, f]) => f));
  const listed = new Map<string, PanelOccurrence[]>();
  for (const [frameId, frame] of ordered) {
    for (const occurrence of frame.occurrences) {
      const list = listed.get(occurrence.entryId) ?? [];
      list.push({ ...occurrence, frameId, inFrame: frame.path.length > 0 });
      listed.set(occurrence.entryId, list);
    }
  }
  const byId = new Map(glossary.entries.map((e) => [e.id, e]));
  const sections = glossary.sections
    .map((section) => {
      // The section's own order (first mention in the article), then any entry filed under it but not listed.
      const ids = [...section.entryIds, ...glossary.entries.filter((e) => e.section === section.id).map((e) => e.id)];
      const terms = [...new Set(ids)]
        .filter((id) => byId.get(id)?.section === section.id && (counts[id] ?? 0) > 0)
        .map((id) => ({
          entry: byId.get(id)!,
          count: counts[id]!,
          occurrences: (listed.get(id) ?? []).slice(0, shown(id)),
        }));
      return { section, terms };
    })
    .filter((s) => s.terms.length > 0);
  return {
    sections,
    entries: sections.reduce((n, s) => n + s.terms.length, 0),
    occurrences: sections.reduce((n, s) => n + s.terms.reduce((m, t) => m + t.count, 0), 0),
  };
}
