// The popup's view of its tab: which tab, its host, and the terms its content script reports — asked once, then
// kept current by the reports the tab's top frame sends whenever its terms change (or it is switched on or off),
// so counts follow the page without a reload. The counts are those of every frame (the other frames are asked to
// report once), as the badge's are, since "Show on the page" goes through every frame.
import { useEffect, useState } from 'preact/hooks';
import { listen, parseToExtension, sendToAllFrames, type PageTerms, type ToExtension } from '../core/messages';
import { tabCounts } from './frame-counts';
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
  const [subframes, setSubframes] = useState<Record<number, PageTerms>>({});

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
          if (sender.tab?.id !== tabId) return;
          const report = { host: message.host, active: message.active, counts: message.counts };
          const frameId = sender.frameId ?? 0;
          if (frameId !== 0) return setSubframes((frames) => ({ ...frames, [frameId]: report }));
          reported = true;
          setTerms(report);
        },
      },
      controller.signal,
    );
    // A report that arrives while the question is on its way is newer than the answer.
    void askPageTerms(tabId).then((answer) => {
      if (!controller.signal.aborted && !reported) setTerms(answer);
    });
    void sendToAllFrames<'rls-lens:report'>(tabId, { type: 'rls-lens:report' });
    return () => controller.abort();
  }, [target]);

  if (!target) return { kind: 'loading' };
  if (terms === undefined && target.tabId !== null) return { kind: 'loading' };
  const all = terms?.active ? { ...terms, counts: tabCounts([terms, ...Object.values(subframes)]) } : terms;
  return describeTarget(target, all ?? null);
}

/**
 * What the tab's page can tell once its top frame answered (`terms`) or did not (null): its terms, or why there are
 * none. Shared with the side panel, which follows the active tab.
 */
export function describeTarget(target: TargetTab, terms: PageTerms | null): TargetPage {
  if (target.tabId === null) return { kind: 'unavailable', reason: 'There is no tab for RLS Lens to show.' };
  if (terms) return { kind: 'ready', tabId: target.tabId, host: terms.host, terms };
  if (target.url) {
    const reason = restrictedReason(target.url);
    const host = hostOf(target.url);
    if (reason) return { kind: 'unavailable', reason };
    if (host) return { kind: 'ready', tabId: target.tabId, host, terms: null };
  }
  return { kind: 'unavailable', reason: NOT_RUNNING };
}
