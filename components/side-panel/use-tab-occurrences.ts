// What the side panel lists for its tab: every frame's occurrences, kept current. The panel asks the top frame at
// once and the other frames to report (a roll call: it cannot know their ids otherwise), then asks each frame again
// whenever that frame reports a change (`rls-lens:found`, which every frame sends when its terms change or it is
// switched on or off). Frames build their snippets only when asked, and only as many as the panel shows.
import { useEffect, useRef, useState } from 'preact/hooks';
import { wakeFrame } from '../../core/frame-wake';
import {
  isFrameOccurrences,
  listen,
  parseToExtension,
  sendToAllFrames,
  sendToPage,
  type FrameOccurrences,
  type PageTerms,
  type ToExtension,
} from '../../core/messages';
import type { PanelTab } from './use-panel-tab';

export interface TabOccurrences {
  /** The top frame's terms: undefined while the panel is still asking, null when no content script answers. */
  top: PageTerms | null | undefined;
  /** frame id → what that frame has. */
  frames: ReadonlyMap<number, FrameOccurrences>;
  /** Asks every frame again (an occurrence the reader chose had changed). */
  refresh(): void;
}

/** A frame's reports come at most 4 times a second; the panel asks it again at most this often. */
const ASK_AGAIN_MS = 300;
/**
 * A frame that took long to answer (a page with thousands of terms, where putting them in reading order is costly)
 * is asked again only after this many times as long, so an open panel never keeps a busy page busier (at most 10 %).
 */
const BACK_OFF = 10;
const MAX_WAIT_MS = 10_000;
/** A content script starts after the page's load event or soon after: its silence means nothing before this. */
const GRACE_MS = 1500;

const NOTHING: Omit<TabOccurrences, 'refresh'> = { top: undefined, frames: new Map() };

/** `limit`: occurrences per entry to list; `more`: a larger number for entries the reader expanded. */
export function useTabOccurrences(tab: PanelTab | null, limit: number, more: Record<string, number>): TabOccurrences {
  const [state, setState] = useState(NOTHING);
  const session = useRef<{ askAll(rollCall: boolean): void } | null>(null);
  const asked = useRef({ limit, more });
  asked.current = { limit, more };
  const tabId = tab?.tabId ?? null;
  const loads = tab?.loads ?? 0;

  useEffect(() => {
    setState(NOTHING);
    if (tabId === null) return;
    const controller = new AbortController();
    const { signal } = controller;
    const frames = new Map<number, FrameOccurrences>();
    const timers = new Map<number, number>();
    /** How long each frame took to answer last time. */
    const took = new Map<number, number>();
    let top: PageTerms | null | undefined;
    /** The top frame was silent and its wake hook called (core/frame-wake.ts): once per tab and page load. */
    let woken = false;
    const started = Date.now();
    const publish = () => setState({ top, frames: new Map(frames) });

    const ask = async (frameId: number) => {
      const { limit: perEntry, more: expanded } = asked.current;
      const begun = performance.now();
      const answer = await sendToPage<'rls-lens:occurrences'>(
        tabId,
        { type: 'rls-lens:occurrences', limit: perEntry, more: expanded },
        frameId,
      );
      took.set(frameId, performance.now() - begun);
      if (signal.aborted) return;
      if (isFrameOccurrences(answer)) {
        frames.set(frameId, answer);
        if (frameId === 0) top = { host: answer.host, active: answer.active, counts: answer.counts };
      } else {
        frames.delete(frameId);
        // A top frame without terms is silent until woken; woken, it answers (with no occurrences).
        if (frameId === 0 && !woken) {
          woken = true;
          if (await wakeFrame(tabId)) return void (signal.aborted || ask(0));
        }
        if (frameId === 0) {
          // Not running yet (the page is still loading) or not at all: say so only once it had time to start.
          const wait = GRACE_MS - (Date.now() - started);
          if (wait > 0 && top === undefined) return void schedule(0, wait);
          top = null;
        }
      }
      publish();
    };
    const schedule = (frameId: number, wait?: number) => {
      if (timers.has(frameId) || signal.aborted) return;
      const delay = wait ?? Math.min(MAX_WAIT_MS, Math.max(ASK_AGAIN_MS, BACK_OFF * (took.get(frameId) ?? 0)));
      timers.set(
        frameId,
        window.setTimeout(() => {
          timers.delete(frameId);
          void ask(frameId);
        }, delay),
      );
    };
    /** Asks the frames it knows; with `rollCall`, also has every frame report, to learn of the others. */
    const askAll = (rollCall: boolean) => {
      void ask(0);
      for (const frameId of frames.keys()) if (frameId !== 0) void ask(frameId);
      if (rollCall) void sendToAllFrames<'rls-lens:report'>(tabId, { type: 'rls-lens:report' });
    };

    listen<ToExtension>(
      parseToExtension,
      {
        'rls-lens:found': (_message, sender) => {
          if (sender.tab?.id === tabId) schedule(sender.frameId ?? 0);
        },
      },
      signal,
    );
    signal.addEventListener('abort', () => {
      for (const timer of timers.values()) clearTimeout(timer);
      session.current = null;
    });
    session.current = { askAll };
    askAll(true);
    return () => controller.abort();
  }, [tabId, loads]);

  // Expanding an entry asks every frame for more of it.
  const moreKey = JSON.stringify(more);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    session.current?.askAll(false);
  }, [moreKey, limit]);

  return { ...state, refresh: () => session.current?.askAll(true) };
}
