// Which article sentence the tooltip quotes: the one using the form the reader pointed at.
import type { Evidence, Glossary } from '../../glossary/types';
import { cardQuote } from '../../core/card-quote';

/**
 * The quote for an open tooltip. For the term's own entry: the quote of the surface form found on the page
 * (`forms[form].quote`: the first article sentence using that form, so "genetics" quotes the sentence that says
 * "genetics"); for an entry whose only sentences are treatment claims, its first claim (marked as the article's
 * claim). For a related entry chosen in the tooltip: that entry's card quote.
 */
export function quoteFor(
  glossary: Pick<Glossary, 'forms' | 'entries'>,
  form: number,
  entryId: string,
): Evidence | undefined {
  const found = glossary.forms[form];
  const own = found && glossary.entries[found.entry];
  if (own && own.id === entryId) return found.quote < 0 ? cardQuote(own) : own.evidence[found.quote];
  const other = glossary.entries.find((e) => e.id === entryId);
  return other && cardQuote(other);
}
