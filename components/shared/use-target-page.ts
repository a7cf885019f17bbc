// The popup's view of its tab: which tab, its host, and the terms its content script reports — asked once, then
// kept current by the reports the tab's frames send whenever their terms change (or they are switched on or off),
// so counts follow the page without a reload. The counts are those of every frame (the other frames are asked to
// report once), as the badge's are, since "Show on the page" goes through every frame.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { listen, parseToExtension, sendToAllFrames, type PageTerms, type ToExtension } from '../../core/messages';
import { tabCounts } from './frame-counts';
import { describePage, type PageState } from './page-reasons';
import type { AllSettings } from '../../settings/site-settings';
import { scriptCovers } from '../../settings/script-matches';
import { askPageTerms, findTargetTab, type TargetTab } from './target-tab';
import { t } from '../../core/i18n';

/** Waits (ms) before asking a freshly loaded page again while its content script has not answered. */
const REASKS = [300, 1000];

export type TargetPage =
  | { kind: 'loading' }
  /**
   * `terms` is null when no content script answered: a page opened before install (reload needed), or one the
   * browser keeps extensions out of while its site is known (`unreadable` says which, and what to do).
   */
  | (Extract<PageState, { kind: 'ready' }> & { tabId: number })
  | Extract<PageState, { kind: 'unavailable' }>;

/** `settings`: the mode and rules, which say where no content script runs by choice (undefined while loading). */
export function useTargetPage(search: string, settings?: Pick<AllSettings, 'mode' | 'rules'>): TargetPage {
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
          const report = {
            host: message.host,
            active: message.active,
            counts: message.counts,
            ...(message.pdf ? { pdf: true } : {}),
          };
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
    // The tab loads another page (a reload, a link) while the popup is open: what the old page said is void. Its new
    // content script may start after `complete` (document_idle) or not at all (a site switched off), so the
    // question is asked again a few times before the page is taken as silent (no `tabs` permission needed).
    const onUpdated = (updatedId: number, change: { status?: string }) => {
      if (updatedId !== tabId || change.status !== 'complete') return;
      reported = false;
      setSubframes({});
      void reask(0);
    };
    const reask = async (attempt: number) => {
      const answer = await askPageTerms(tabId);
      if (controller.signal.aborted || reported) return;
      if (answer || attempt >= REASKS.length) return setTerms(answer);
      setTimeout(() => void reask(attempt + 1), REASKS[attempt]);
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    controller.signal.addEventListener('abort', () => browser.tabs.onUpdated.removeListener(onUpdated));
    return () => controller.abort();
  }, [target]);

  if (!target) return { kind: 'loading' };
  if (terms === undefined && target.tabId !== null) return { kind: 'loading' };
  const all = terms?.active ? { ...terms, counts: tabCounts([terms, ...Object.values(subframes)]) } : terms;
  return describeTarget(target, all ?? null, settings);
}

/**
 * What the tab's page can tell once its top frame answered (`terms`) or did not (null): its terms, or why there are
 * none (components/shared/page-reasons.ts). Shared with the side panel, which follows the active tab.
 */
export function describeTarget(
  target: TargetTab,
  terms: PageTerms | null,
  settings?: Pick<AllSettings, 'mode' | 'rules'>,
): TargetPage {
  if (target.tabId === null) return { kind: 'unavailable', reason: t('pageReasons.noTab') };
  const page = describePage(
    terms,
    target.url,
    import.meta.env.FIREFOX ? 'firefox' : 'chrome',
    browser.runtime.getURL('/'),
    settings && ((host) => scriptCovers(host, settings.mode, settings.rules)),
  );
  return page.kind === 'ready' ? { ...page, tabId: target.tabId } : page;
}
