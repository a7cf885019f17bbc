// Search results as buttons, best first; each says which alias matched and the start of the definition.
import type { SearchHit } from './search-glossary';

export interface SearchResultsProps {
  hits: SearchHit[];
  query: string;
  onSelect: (entryId: string) => void;
}

/** Words for a live region that stays in the page while the person types (so screen readers hear each update). */
export function resultsStatus(query: string, hits: SearchHit[]): string {
  if (!query.trim()) return '';
  return hits.length === 0 ? 'No matching terms' : `${hits.length} matching ${hits.length === 1 ? 'term' : 'terms'}`;
}

export function SearchResults({ hits, query, onSelect }: SearchResultsProps) {
  return (
    <section class="panel" aria-labelledby="results-heading">
      <h2 id="results-heading" class="panel__heading">
        Search results
      </h2>
      {hits.length === 0 ? (
        <p class="panel__empty">No term, alias or definition matches “{query}”.</p>
      ) : (
        <ul class="results">
          {hits.map(({ entry, via }) => (
            <li key={entry.id}>
              <button type="button" class="results__item" data-entry={entry.id} onClick={() => onSelect(entry.id)}>
                <span class="results__term">{entry.term}</span>
                {via && <span class="results__via"> (also “{via}”)</span>}
                <span class="results__definition">{entry.definition}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
