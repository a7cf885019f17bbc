// The popup's view of its tab: which tab, its host, and the terms its content script reports — asked once, then
// kept current by the reports the tab's top frame sends whenever its terms change (or it is switched on or off),
// so counts follow the page without a reload.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { listen, parseToExtension, type PageTerms, type ToExtension } from '../core/messages';
import { describePage, type PageState } from './page-reasons';
import { askPageTerms, findTargetTab, type TargetTab } from './target-tab';

export type TargetPage =
  | { kind: 'loading' }
  /**
   * `terms` is null when no content script answered: a page opened before install (reload needed), or one the
   * browser keeps extensions out of while its site is known (`unreadable` says which, and what to do).
   */
  | (Extract<PageState, { kind: 'ready' }> & { tabId: number })
  | Extract<PageState, { kind: 'unavailable' }>;

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
          setTerms({ host: message.host, active: message.active, counts: message.counts, ...(message.pdf ? { pdf: true } : {}) });
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
  const page = describePage(terms, target.url, import.meta.env.FIREFOX ? 'firefox' : 'chrome', browser.runtime.getURL('/'));
  return page.kind === 'ready' ? { ...page, tabId: target.tabId } : page;
}
