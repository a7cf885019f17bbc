// "On this page": the entries highlighted in the tab, most frequent first. Choosing one asks the page to scroll to
// it and open its tooltip.
import type { PageTerms } from '../../core/messages';
import type { Glossary } from '../../glossary/types';
import { rankCounts } from '../shared/target-tab';
import { t } from '../../core/i18n';

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
  else if (!terms) empty = t('popup.onPage.notRead');
  else if (!terms.active) empty = t('popup.onPage.off');
  else if (ranked.length === 0) empty = t('popup.onPage.none');
  return (
    <section class="panel" aria-labelledby="on-page-heading">
      <h2 id="on-page-heading" class="panel__heading">
        {t('popup.onPage.heading')}
      </h2>
      {empty ? (
        <p class="panel__empty">{empty}</p>
      ) : (
        <ul class="page-terms" aria-label={t('popup.onPage.listLabel')}>
          {ranked.map(([id, count]) => (
            <li key={id}>
              <button
                type="button"
                class="page-terms__item"
                data-entry={id}
                data-count={count}
                onClick={() => onReveal(id)}
              >
                <span class="page-terms__term">{glossary.entries.find((e) => e.id === id)?.term}</span>
                <span class="page-terms__count">
                  {count}
                  <span class="visually-hidden"> {t('popup.onPage.times', count)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
