// Search results as buttons, best first; each says which alias matched and the start of the definition.
import type { SearchHit } from './search-glossary';
import { t } from '../../core/i18n';

export interface SearchResultsProps {
  hits: SearchHit[];
  query: string;
  onSelect: (entryId: string) => void;
}

/** Words for a live region that stays in the page while the person types (so screen readers hear each update). */
export function resultsStatus(query: string, hits: SearchHit[]): string {
  if (!query.trim()) return '';
  return t('search.status', hits.length);
}

export function SearchResults({ hits, query, onSelect }: SearchResultsProps) {
  return (
    <section class="panel" aria-labelledby="results-heading">
      <h2 id="results-heading" class="panel__heading">
        {t('search.heading')}
      </h2>
      {hits.length === 0 ? (
        <p class="panel__empty">{t('search.noMatch', { query })}</p>
      ) : (
        <ul class="results">
          {hits.map(({ entry, via }) => (
            <li key={entry.id}>
              <button type="button" class="results__item" data-entry={entry.id} onClick={() => onSelect(entry.id)}>
                <span class="results__term">{entry.term}</span>
                {via && <span class="results__via"> {t('search.via', { alias: via })}</span>}
                <span class="results__definition">{entry.definition}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
