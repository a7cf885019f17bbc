// "On this page": the entries highlighted in the tab, most frequent first. Choosing one asks the page to scroll to
// it and open its tooltip.
import type { PageTerms } from '../core/messages';
import type { Glossary } from '../glossary/types';
import { rankCounts } from './target-tab';

export interface PageTermsListProps {
  glossary: Glossary;
  terms: PageTerms | null;
  /** The page cannot be read, and why (a PDF, a page the browser keeps extensions out of). */
  unreadable?: string;
  onReveal: (entryId: string) => void;
}

export function PageTermsList({ glossary, terms, unreadable, onReveal }: PageTermsListProps) {
  const order = glossary.entries.map((e) => e.id);
  const ranked = terms ? rankCounts(terms.counts, order) : [];
  let empty: string | null = null;
  if (unreadable) empty = unreadable;
  else if (!terms) empty = 'RLS Lens has not read this page yet. Reload the page to see its terms.';
  else if (!terms.active) empty = 'Highlighting is off on this page.';
  else if (ranked.length === 0) empty = 'No glossary terms found on this page.';
  return (
    <section class="panel" aria-labelledby="on-page-heading">
      <h2 id="on-page-heading" class="panel__heading">
        On this page
      </h2>
      {empty ? (
        <p class="panel__empty">{empty}</p>
      ) : (
        <ul class="page-terms" aria-label="Terms on this page, most frequent first">
          {ranked.map(([id, count]) => (
            <li key={id}>
              <button type="button" class="page-terms__item" data-entry={id} data-count={count} onClick={() => onReveal(id)}>
                <span class="page-terms__term">{glossary.entries.find((e) => e.id === id)?.term}</span>
                <span class="page-terms__count">
                  {count}
                  <span class="visually-hidden">{count === 1 ? ' time' : ' times'}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
