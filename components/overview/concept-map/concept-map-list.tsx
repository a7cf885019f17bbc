// The concept map as nested lists: each end point (restless legs syndrome) with the factors that lead to it, and
// theirs below them. The same graph as the drawing, for screen readers and for anyone who prefers reading it.
import type { MapGraph } from './concept-map-graph';
import { t } from '../../../core/i18n';

export interface ConceptMapListProps {
  graph: MapGraph;
  currentId: string | null;
  onSelect: (entryId: string, from: HTMLElement) => void;
}

export function ConceptMapList({ graph, currentId, onSelect }: ConceptMapListProps) {
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const factors = new Map(graph.nodes.map((n) => [n.id, graph.edges.filter((e) => e.to === n.id).map((e) => e.from)]));
  const sinks = graph.nodes.filter((n) => !graph.edges.some((e) => e.from === n.id));
  // A factor that leads to several things is listed under each; its own factors are listed once, the first time.
  const expanded = new Set<string>();
  const item = (id: string) => {
    const below = factors.get(id) ?? [];
    const first = !expanded.has(id);
    expanded.add(id);
    return (
      <li key={id}>
        <button
          type="button"
          class="concept-map__list-button"
          data-entry={id}
          aria-current={id === currentId ? 'true' : undefined}
          onClick={(event) => onSelect(id, event.currentTarget)}
        >
          {label.get(id)}
        </button>
        {below.length > 0 && !first && <span class="concept-map__list-note"> {t('conceptMap.listedAbove')}</span>}
        {below.length > 0 && first && (
          <>
            <span class="concept-map__list-note"> {t('conceptMap.factorsBelow')}</span>
            <ul>{below.map(item)}</ul>
          </>
        )}
      </li>
    );
  };
  return <ul class="concept-map__list">{sinks.map((sink) => item(sink.id))}</ul>;
}
