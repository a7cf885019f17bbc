// One glossary entry, explained: shared by the page tooltip and the popup's entry card, so a reader meets the
// same words in both. Every glossary string is rendered as a text child (never as markup): the glossary is data.
import type { ComponentChildren } from 'preact';
import type { Evidence, GlossaryEntry, GlossarySection } from '../../glossary/types';
import { glossaryLang, t } from '../../core/i18n';

export interface EntryDetailsProps {
  entry: GlossaryEntry;
  /**
   * The quote to show: the tooltip passes the sentence using the form the reader hovered, the cards the entry's first
   * quote (core/card-quote.ts); a treatment claim only where the entry has no other line, and then marked as one.
   */
  quote: Evidence | undefined;
  /** The article's sections: the entry's category is its section's title, and so is the quote's source. */
  sections: readonly GlossarySection[];
  /** Every entry (or at least the related ones): related ids are shown by their term. */
  entries: readonly GlossaryEntry[];
  /** A related entry's button was pressed. Without it the related entries are listed as plain text. */
  onSelectRelated?: (id: string) => void;
  /** Heading level of the term: the tooltip's is its only heading (2), the popup nests it under its own (3). */
  headingLevel?: 2 | 3 | 4;
  /** id of the heading, so a container can be labelled by it (aria-labelledby). */
  headingId?: string;
  /** Shown after a quote's source: the overview page links each quote to its sentence in the article. */
  quoteLink?: (quote: Evidence) => ComponentChildren;
}

function sectionTitle(sections: readonly GlossarySection[], id: string): string {
  return sections.find((s) => s.id === id)?.title ?? id;
}

/**
 * One article quote, verbatim, with where it stands in the article. A treatment claim says so first, in words (read
 * out by screen readers before the sentence, not only a colour or an icon).
 */
export function QuoteFigure({
  quote,
  sections,
  link,
}: {
  quote: Evidence;
  sections: readonly GlossarySection[];
  link?: EntryDetailsProps['quoteLink'];
}) {
  return (
    <figure class={quote.claim ? 'rls-entry__figure rls-entry__figure--claim' : 'rls-entry__figure'}>
      {quote.claim && <p class="rls-entry__claim">{t('entry.claim')}</p>}
      <blockquote class="rls-entry__quote" lang={glossaryLang()}>
        <p>{quote.sentence}</p>
      </blockquote>
      <figcaption class="rls-entry__source">
        {/* Some terms occur only in a section's heading: then the heading itself is the quote. */}
        {quote.heading
          ? t('entry.sectionHeading')
          : t('entry.section', { section: sectionTitle(sections, quote.section) })}
        {link?.(quote)}
      </figcaption>
    </figure>
  );
}

export function EntryDetails({
  entry,
  quote,
  sections,
  entries,
  onSelectRelated,
  headingLevel = 2,
  headingId,
  quoteLink,
}: EntryDetailsProps) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  // Related ids that do not resolve are dropped rather than shown as raw ids: the build step rejects them anyway.
  const related = entry.related
    .map((id) => entries.find((e) => e.id === id))
    .filter((e): e is GlossaryEntry => e !== undefined);
  return (
    <article class="rls-entry" data-entry={entry.id}>
      <Heading class="rls-entry__term" id={headingId} lang={glossaryLang()}>
        {entry.term}
      </Heading>
      <p class="rls-entry__category" lang={glossaryLang()}>
        {sectionTitle(sections, entry.section)}
      </p>
      <p class="rls-entry__definition" lang={glossaryLang()}>
        {entry.definition}
      </p>
      {quote && (
        <section class="rls-entry__evidence" aria-label={t('entry.fromArticle')}>
          <p class="rls-entry__label">{t('entry.fromArticle')}</p>
          <QuoteFigure quote={quote} sections={sections} link={quoteLink} />
        </section>
      )}
      {related.length > 0 && (
        <section class="rls-entry__related" aria-label={t('entry.related')}>
          <p class="rls-entry__label">{t('entry.related')}</p>
          <ul class="rls-entry__related-list" lang={glossaryLang()}>
            {related.map((r) => (
              <li key={r.id}>
                {onSelectRelated ? (
                  <button
                    type="button"
                    class="rls-entry__related-button"
                    data-entry={r.id}
                    onClick={() => onSelectRelated(r.id)}
                  >
                    {r.term}
                  </button>
                ) : (
                  r.term
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
