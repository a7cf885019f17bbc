// The glossary search field, the same in the popup and on the overview page.

export function SearchBox({ query, onQuery }: { query: string; onQuery: (query: string) => void }) {
  return (
    <div class="search" role="search">
      <label for="search-input" class="search__label">
        Search the glossary
      </label>
      <input
        id="search-input"
        class="search__input"
        type="search"
        autocomplete="off"
        spellcheck={false}
        placeholder="Term, alias or word from a definition"
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
      />
    </div>
  );
}
