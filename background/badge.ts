// The toolbar badge: how many distinct glossary entries are highlighted in a tab, all frames together.
//
// Each frame's content script reports its counts (`rls-lens:found`); the badge is the size of the union of the
// entry ids over the tab's frames. The per-frame reports live in session storage, because Chrome stops an idle MV3
// service worker and the next report would otherwise be summed against nothing.
//
// Navigation: a page whose frames hold no term sends no report at all (content/bootstrap.ts), so the background
// clears the badge itself. `tabs.onUpdated` tells it a tab started loading (its `status` needs no `tabs`
// permission): the tab's frames are set aside and its badge cleared; frames that find terms in the new document
// report as before. When the tab has finished loading, the frames set aside that have not reported since are asked
// for their terms again: a frame that is gone cannot answer and is dropped, one that is still there (a single-page
// app's navigation within the same document) answers and counts again.
import { browser, type Browser } from 'wxt/browser';
import { storage } from '@wxt-dev/storage';
import { isPageTerms, sendToPage, type PageTerms } from '../core/messages';

/** The teal of the icon. White text on it has a contrast ratio of 5.9:1. */
const BADGE_COLOUR = '#1f6f78';

interface TabRecord {
  /** Identity of the top frame's document: Chrome's documentId, else its address without the fragment. */
  top: string;
  /** The tab started loading since the top frame last reported. */
  loading: boolean;
  /** frameId → entry ids found in that frame. */
  frames: Record<string, string[]>;
  /** The frames recorded before the tab started loading, to ask again once it has loaded. */
  before?: Record<string, string[]>;
}
type BadgeState = Record<string, TabRecord>;

// No `fallback`: WXT hands out the same fallback object every time, and this state is changed in place.
const stateItem = storage.defineItem<BadgeState>('session:badgeFrames');

function badgeText(record: TabRecord | undefined): string {
  if (!record) return '';
  const ids = new Set(Object.values(record.frames).flat());
  return ids.size === 0 ? '' : String(ids.size);
}

function documentKey(sender: Browser.runtime.MessageSender): string {
  const id = (sender as { documentId?: unknown }).documentId;
  return typeof id === 'string' ? id : (sender.url ?? '').split('#')[0]!;
}

const foundIds = (counts: Record<string, number>) => Object.keys(counts).filter((id) => counts[id]! > 0);

export interface Badge {
  /** Handler of `rls-lens:found`. */
  found(message: PageTerms, sender: Browser.runtime.MessageSender): void;
}

/** Keeps every tab's badge for as long as the background lives. */
export function createBadge(): Badge {
  // Firefox builds are MV2, where the toolbar button is `browserAction`.
  const action = browser.action ?? browser.browserAction;
  void action.setBadgeBackgroundColor({ color: BADGE_COLOUR });
  void action.setBadgeTextColor?.({ color: '#ffffff' });

  let state: BadgeState | undefined;
  let chain: Promise<void> = Promise.resolve();
  /** Changes run one at a time against the stored state; `change` returns the tabs whose badge to redraw. */
  const update = (change: (state: BadgeState) => number[]) => {
    chain = chain
      .then(async () => {
        state ??= (await stateItem.getValue()) ?? {};
        const tabs = change(state);
        await stateItem.setValue(state);
        await Promise.all(
          tabs.map((tabId) => action.setBadgeText({ tabId, text: badgeText(state![tabId]) }).catch(() => undefined)),
        );
      })
      .catch((error: unknown) => console.warn('RLS Lens: could not update the badge.', error));
    return chain;
  };

  /** Asks each recorded subframe for its terms again; frames that no longer exist are dropped. */
  const recheckFrames = async (tabId: number, frameIds: number[]) => {
    const answers = await Promise.all(
      frameIds.map(async (frameId) => {
        const answer = await sendToPage<'rls-lens:page-terms'>(tabId, { type: 'rls-lens:page-terms' }, frameId);
        return { frameId, ids: isPageTerms(answer) ? foundIds(answer.counts) : null };
      }),
    );
    await update((s) => {
      const record = s[tabId];
      if (!record) return [];
      for (const { frameId, ids } of answers) {
        if (ids) record.frames[frameId] = ids;
        else delete record.frames[frameId];
      }
      return [tabId];
    });
  };

  browser.tabs.onUpdated.addListener((tabId: number, change: Browser.tabs.OnUpdatedInfo) => {
    if (change.status === 'loading') {
      void update((s) => {
        const record = s[tabId];
        if (!record) return [tabId];
        record.loading = true;
        record.before = { ...record.before, ...record.frames };
        record.frames = {};
        return [tabId];
      });
    } else if (change.status === 'complete') {
      let recheck: number[] = [];
      void update((s) => {
        const record = s[tabId];
        if (!record?.before) return [];
        recheck = Object.keys(record.before)
          .filter((id) => !(id in record.frames))
          .map(Number);
        delete record.before;
        return [];
      }).then(() => {
        if (recheck.length > 0) return recheckFrames(tabId, recheck);
      });
    }
  });
  browser.tabs.onRemoved.addListener((tabId: number) => {
    void update((s) => {
      delete s[tabId];
      return [];
    });
  });

  return {
    found(message, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined || tabId < 0) return;
      const frameId = sender.frameId ?? 0;
      const ids = message.active ? foundIds(message.counts) : [];
      const top = frameId === 0 ? documentKey(sender) : '';
      let recheck: number[] = [];
      void update((s) => {
        const record = (s[tabId] ??= { top, loading: false, frames: {} });
        if (frameId === 0 && (record.top !== top || record.loading)) {
          record.top = top;
          record.loading = false;
          recheck = Object.keys(record.frames)
            .map(Number)
            .filter((id) => id !== 0);
        }
        record.frames[frameId] = ids;
        return [tabId];
      }).then(() => {
        if (recheck.length > 0) return recheckFrames(tabId, recheck);
      });
    },
  };
}
