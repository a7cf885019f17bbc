// The popup's view of its tab: which tab, its host, and the terms its content script reports — asked once, then
// kept current by the reports the tab's top frame sends whenever its terms change (or it is switched on or off),
// so counts follow the page without a reload.
import { useEffect, useState } from 'preact/hooks';
import { listen, parseToExtension, type PageTerms, type ToExtension } from '../core/messages';
import { hostOf } from '../core/hosts';
import { askPageTerms, findTargetTab, restrictedReason, type TargetTab } from './target-tab';

export type TargetPage =
  | { kind: 'loading' }
  /** `terms` is null when the page has no RLS Lens content script yet (opened before install): reload needed. */
  | { kind: 'ready'; tabId: number; host: string; terms: PageTerms | null }
  | { kind: 'unavailable'; reason: string };

const NOT_RUNNING =
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
    const controller = new AbortController();
    let reported = false;
    listen<ToExtension>(
      parseToExtension,
      {
        'rls-lens:found': (message, sender) => {
          if (sender.tab?.id !== tabId || (sender.frameId ?? 0) !== 0) return;
          reported = true;
          setTerms({ host: message.host, active: message.active, counts: message.counts });
        },
      },
      controller.signal,
    );
    // A report that arrives while the question is on its way is newer than the answer.
    void askPageTerms(tabId).then((answer) => {
      if (!controller.signal.aborted && !reported) setTerms(answer);
    });
    return () => controller.abort();
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
