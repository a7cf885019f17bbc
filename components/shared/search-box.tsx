// The glossary search field, the same in the popup and on the overview page.
import { t } from '../../core/i18n';

export function SearchBox({ query, onQuery }: { query: string; onQuery: (query: string) => void }) {
  return (
    <div class="search" role="search">
      <label for="search-input" class="search__label">
        {t('search.label')}
      </label>
      <input
        id="search-input"
        class="search__input"
        type="search"
        autocomplete="off"
        spellcheck={false}
        placeholder={t('search.placeholder')}
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
      />
    </div>
  );
}
