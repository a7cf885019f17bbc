// The popup's view of its tab: which tab, its host, and the terms its content script reports, asked again every
// second while the popup is open so counts follow the page (and the switch) without a reload.
import { useEffect, useState } from 'preact/hooks';
import type { PageTerms } from '../core/messages';
import { askPageTerms, findTargetTab, hostOf, restrictedReason, type TargetTab } from './target-tab';

export type TargetPage =
  | { kind: 'loading' }
  /** `terms` is null when the page has no RLS Lens content script yet (opened before install): reload needed. */
  | { kind: 'ready'; tabId: number; host: string; terms: PageTerms | null }
  | { kind: 'unavailable'; reason: string };

const POLL_MS = 1000;

export const NOT_RUNNING =
  'RLS Lens is not running on this page. Browsers keep extensions out of their own pages and add-on stores. ' +
  'If this is an ordinary web page that was open before RLS Lens was installed or updated, reload it.';

export function useTargetPage(search: string): TargetPage {
  const [target, setTarget] = useState<TargetTab | null>(null);
  const [terms, setTerms] = useState<PageTerms | null | undefined>(undefined);

  useEffect(() => {
    void findTargetTab(search).then(setTarget);
  }, [search]);

  useEffect(() => {
    const tabId = target?.tabId;
    if (tabId == null) return;
    let stopped = false;
    const ask = async () => {
      const answer = await askPageTerms(tabId);
      if (!stopped) setTerms(answer);
    };
    void ask();
    const timer = setInterval(() => void ask(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [target]);

  if (!target) return { kind: 'loading' };
  if (target.tabId === null) return { kind: 'unavailable', reason: 'There is no tab for RLS Lens to show.' };
  if (terms === undefined) return { kind: 'loading' };
  if (terms) return { kind: 'ready', tabId: target.tabId, host: terms.host, terms };
  if (target.url) {
    const reason = restrictedReason(target.url);
    const host = hostOf(target.url);
    if (reason) return { kind: 'unavailable', reason };
    if (host) return { kind: 'ready', tabId: target.tabId, host, terms: null };
  }
  return { kind: 'unavailable', reason: NOT_RUNNING };
}
