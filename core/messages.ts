// The messages that cross between the content script, the background script and the popup.
// One union so each side can switch on `type` and the compiler checks both ends.

/** Content script → background: the entries found in this frame and how often (entry id → count). */
export interface FoundMessage {
  type: 'rls-lens:found';
  counts: Record<string, number>;
}

/** Popup → content script (top frame): which entries are on the page, and how often. Answered with PageTerms. */
export interface PageTermsRequest {
  type: 'rls-lens:page-terms';
}
export interface PageTerms {
  /** Host the content script runs on. */
  host: string;
  /** Highlighting is active on this page. */
  active: boolean;
  counts: Record<string, number>;
}

/** Popup → content script: scroll to the next occurrence of an entry and open its tooltip. */
export interface RevealRequest {
  type: 'rls-lens:reveal';
  entryId: string;
}

/** Background (keyboard command) → content script: step to the next or previous term on the page. */
export interface StepRequest {
  type: 'rls-lens:step';
  direction: 1 | -1;
}

/** Content script (tooltip's "Open in overview") → background: open the overview page at an entry. Content scripts
 *  cannot open extension pages themselves. */
export interface OpenOverviewRequest {
  type: 'rls-lens:open-overview';
  entryId: string;
}

export type ContentRequest = PageTermsRequest | RevealRequest | StepRequest;
export type RuntimeMessage = FoundMessage | OpenOverviewRequest;

export function isContentRequest(message: unknown): message is ContentRequest {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'rls-lens:page-terms' || type === 'rls-lens:reveal' || type === 'rls-lens:step';
}
