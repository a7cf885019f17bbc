// The one article line every card shows: why the article names the term. A sentence that explains comes first; an
// entry whose only sentences are treatment claims (Ferritin) shows its first claim, marked as the article's claim
// by QuoteFigure, rather than no line at all (glossary/compile.ts fails the build for an entry with neither).
import type { Evidence, GlossaryEntry } from '../glossary/types';

export function cardQuote(entry: Pick<GlossaryEntry, 'evidence' | 'claims'>): Evidence | undefined {
  return entry.evidence[0] ?? entry.claims?.[0];
}
