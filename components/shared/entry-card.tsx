// One entry in full: the shared EntryDetails (what the tooltip shows, with the entry's first quote), then every other
// sentence of the article that mentions it, then the sentences in which the article makes a treatment claim about it
// (marked as the article's claim, never the first quote), and how often it appears here.
import type { Glossary, GlossaryEntry } from '../../glossary/types';
import { EntryDetails, QuoteFigure, type EntryDetailsProps } from '../tooltip/entry-details';
import { t } from '../../core/i18n';
import { cardQuote } from '../../core/card-quote';

export interface EntryCardProps {
  glossary: Glossary;
  entry: GlossaryEntry;
  onSelect: (entryId: string) => void;
  /** Times highlighted on the tab's page; undefined where there is no page (the overview page). */
  count?: number;
  onReveal?: (entryId: string) => void;
  headingLevel?: 2 | 3;
  headingId?: string;
  quoteLink?: EntryDetailsProps['quoteLink'];
  /** The reader marked the entry "I know this" (issue 19); with `onKnow`, the card offers it and its undo. */
  known?: boolean;
  onKnow?: (entryId: string, known: boolean) => void;
}

export function EntryCard({
  glossary,
  entry,
  onSelect,
  count,
  onReveal,
  headingLevel = 2,
  headingId,
  quoteLink,
  known = false,
  onKnow,
}: EntryCardProps) {
  // Claims come after every other quote: a reader meets what the article explains before what it recommends.
  const quote = cardQuote(entry);
  const more = [...entry.evidence, ...(entry.claims ?? [])].filter((q) => q !== quote);
  const claims = more.filter((q) => q.claim).length;
  return (
    <div class="entry-card">
      <EntryDetails
        entry={entry}
        quote={quote}
        sections={glossary.sections}
        entries={glossary.entries}
        onSelectRelated={onSelect}
        headingLevel={headingLevel}
        headingId={headingId}
        quoteLink={quoteLink}
      />
      {more.length > 0 && (
        <details class="entry-card__more">
          <summary>
            {claims ? t('entry.moreWithClaims', claims, { count: more.length }) : t('entry.more', more.length)}
          </summary>
          <ul class="entry-card__quotes">
            {more.map((quote) => (
              <li key={quote.sentence}>
                <QuoteFigure quote={quote} sections={glossary.sections} link={quoteLink} />
              </li>
            ))}
          </ul>
        </details>
      )}
      <p class="entry-card__stats">
        {count !== undefined && `${t('entry.onPage', count)} `}
        {t('entry.inArticle', entry.mentions)}
      </p>
      {onReveal && count !== undefined && count > 0 && (
        <button type="button" class="button" onClick={() => onReveal(entry.id)}>
          {t('entry.showOnPage')}
        </button>
      )}
      {onKnow && (
        <div class="entry-card__know">
          {/* One button whose words say what pressing it does: the focus stays on it when it turns. */}
          <button type="button" class="button button--quiet" onClick={() => onKnow(entry.id, !known)}>
            {known ? t('known.cardUndo') : t('known.cardKnow')}
          </button>
          {known && <p class="hint">{t('known.cardHint')}</p>}
        </div>
      )}
    </div>
  );
}
