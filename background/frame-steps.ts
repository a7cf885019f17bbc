// Steps and reveals over every frame of a tab, in reading order: the top frame first, then each frame in document
// order (core/frame-order.ts). The background is the one place that can do this: it remembers which frames a tab
// has (each frame's content script reports itself with `rls-lens:found`) and which frame the reader is on.
//
// A step asks the tab's frames where they are and what they have (`rls-lens:frame-info`, answered on demand), goes
// to the reader's frame, and, when that frame answers that it is at its last (first) term, on to the next (previous)
// frame in order that has terms, wrapping at the ends. The frame left behind closes its tooltip (`rls-lens:leave`).
// The state lives in session storage: Chrome stops an idle service worker between two key presses.
import { browser, type Browser } from 'wxt/browser';
import { storage } from '@wxt-dev/storage';
import { compareFramePaths } from '../core/frame-order';
import {
  isFrameInfo,
  isStepAnswer,
  sendToPage,
  type FrameInfo,
  type InBackground,
  type MessageOf,
  type OccurrenceRef,
  type StepAnswer,
  type StepFrom,
} from '../core/messages';

interface TabFrames {
  /** Frames that reported and answered when last asked (the top frame, 0, is always asked). */
  frames: number[];
  /** The frame the reader is on: where the last step landed or the pointer opened a tooltip. Null: the top frame. */
  current: number | null;
}
type State = Record<string, TabFrames>;

// No `fallback`: WXT hands out the same fallback object every time, and this state is changed in place.
const stateItem = storage.defineItem<State>('session:frameSteps');
/** Frames remembered per tab: pages that keep replacing ad frames must not grow the record without end. */
const MAX_FRAMES = 64;
const NOT_MOVED: StepAnswer = { moved: false };

interface FrameTerms {
  frameId: number;
  info: FrameInfo;
}

/** The frames in reading order (ties, which a page cannot produce, by frame id). */
export function orderFrames(frames: readonly FrameTerms[]): FrameTerms[] {
  return [...frames].sort((a, b) => compareFramePaths(a.info.path, b.info.path) || a.frameId - b.frameId);
}

/**
 * The frames a step tries, in turn: the reader's frame from its current term, then each other frame from its edge
 * in the step's direction, wrapping, and finally the reader's frame again from its edge (a tab of one frame wraps
 * that way). Without a reader's frame (`start` -1): every frame from its edge, from the first (last) one.
 */
export function visits(count: number, start: number, direction: 1 | -1): { index: number; from: StepFrom }[] {
  if (start < 0)
    return Array.from({ length: count }, (_, k) => ({ index: direction === 1 ? k : count - 1 - k, from: 'edge' }));
  const out: { index: number; from: StepFrom }[] = [{ index: start, from: 'current' }];
  for (let k = 1; k <= count; k++)
    out.push({ index: (((start + k * direction) % count) + count) % count, from: 'edge' });
  return out;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const termsIn = (info: FrameInfo, entryId?: string) =>
  !info.active ? 0 : entryId ? (info.counts[entryId] ?? 0) : sum(Object.values(info.counts));

/** Whether a request comes from one of the extension's own pages (the popup, the side panel), not a content script. */
export function fromOwnPage(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));
}

type Handler<K extends keyof InBackground> = (
  message: MessageOf<InBackground, K>,
  sender: Browser.runtime.MessageSender,
) => void;
type Request<K extends keyof InBackground> = (
  message: MessageOf<InBackground, K>,
  sender: Browser.runtime.MessageSender,
) => Promise<StepAnswer>;

export interface FrameSteps {
  /** A keyboard command: one step through the tab's frames. */
  step(tabId: number, direction: 1 | -1, entryId?: string): Promise<StepAnswer>;
  /** Handler of `rls-lens:found`: remembers the frame. */
  found: Handler<'rls-lens:found'>;
  /** Handler of `rls-lens:here`: the reader opened a tooltip in that frame with the pointer. */
  here: Handler<'rls-lens:here'>;
  /** Handlers of the popup's and the side panel's requests. */
  stepTab: Request<'rls-lens:step-tab'>;
  revealOccurrence: Request<'rls-lens:reveal-occurrence'>;
}

export function createFrameSteps(): FrameSteps {
  let state: State | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  /** Work on the state runs one piece at a time: two quick key presses must not both start from the same frame. */
  const queue = <T>(work: (state: State) => Promise<T>): Promise<T> => {
    const run = chain.then(async () => work((state ??= (await stateItem.getValue()) ?? {})));
    chain = run.catch((error: unknown) => console.warn('RLS Lens: could not route a step.', error));
    return run;
  };
  const save = () => stateItem.setValue(state!);
  const recordOf = (s: State, tabId: number) => (s[tabId] ??= { frames: [], current: null });

  /** Every live frame of the tab with its terms and place, in reading order; frames that are gone are forgotten. */
  const survey = async (tabId: number, record: TabFrames): Promise<FrameTerms[]> => {
    const ids = [0, ...record.frames.filter((id) => id !== 0)];
    const answers = await Promise.all(
      ids.map(async (frameId) => {
        const info = await sendToPage<'rls-lens:frame-info'>(tabId, { type: 'rls-lens:frame-info' }, frameId);
        return isFrameInfo(info) ? { frameId, info } : null;
      }),
    );
    const live = answers.filter((a): a is FrameTerms => a !== null);
    const kept = record.frames.filter((id) => live.some((f) => f.frameId === id));
    if (kept.length !== record.frames.length) {
      record.frames = kept;
      await save();
    }
    return orderFrames(live);
  };

  /** Remembers a frame that reported; the oldest go first once a tab has had too many. */
  const remember = (record: TabFrames, frameId: number): boolean => {
    if (frameId === 0 || record.frames.includes(frameId)) return false;
    record.frames.push(frameId);
    if (record.frames.length > MAX_FRAMES) record.frames.shift();
    return true;
  };

  /** The reader is in `frameId` now: the frame left behind closes its tooltip. */
  const land = async (tabId: number, record: TabFrames, frameId: number) => {
    const previous = record.current ?? 0;
    if (previous !== frameId) void sendToPage<'rls-lens:leave'>(tabId, { type: 'rls-lens:leave' }, previous);
    const added = remember(record, frameId);
    if (added || record.current !== frameId) {
      record.current = frameId;
      await save();
    }
  };

  const placeIn = (order: FrameTerms[], index: number) => {
    const totals = order.map((f) => termsIn(f.info));
    return { before: sum(totals.slice(0, index)), total: sum(totals) };
  };

  const step = (tabId: number, direction: 1 | -1, entryId?: string) =>
    queue(async (s) => {
      const record = recordOf(s, tabId);
      const order = await survey(tabId, record);
      const start = order.findIndex((f) => f.frameId === (record.current ?? 0));
      for (const { index, from } of visits(order.length, start, direction)) {
        const { frameId, info } = order[index]!;
        if (termsIn(info, entryId) === 0) continue;
        const answer = await sendToPage<'rls-lens:step'>(
          tabId,
          { type: 'rls-lens:step', direction, from, ...(entryId ? { entryId } : {}), place: placeIn(order, index) },
          frameId,
        );
        if (isStepAnswer(answer) && answer.moved) {
          await land(tabId, record, frameId);
          return answer;
        }
      }
      return NOT_MOVED;
    });

  const revealOccurrence = (tabId: number, frameId: number, occurrence: OccurrenceRef) =>
    queue(async (s) => {
      const record = recordOf(s, tabId);
      const order = await survey(tabId, record);
      const index = order.findIndex((f) => f.frameId === frameId);
      if (index === -1) return NOT_MOVED;
      const answer = await sendToPage<'rls-lens:reveal'>(
        tabId,
        { type: 'rls-lens:reveal', occurrence, place: placeIn(order, index) },
        frameId,
      );
      if (!isStepAnswer(answer) || !answer.moved) return NOT_MOVED;
      await land(tabId, record, frameId);
      return answer;
    });

  browser.tabs.onRemoved.addListener((tabId: number) => {
    void queue(async (s) => {
      if (!(tabId in s)) return;
      delete s[tabId];
      await save();
    });
  });

  return {
    step,
    found(_message, sender) {
      const tabId = sender.tab?.id;
      const frameId = sender.frameId ?? 0;
      if (tabId === undefined || tabId < 0 || frameId === 0) return;
      // Known frames cost nothing: frames report often while their page changes.
      if (state?.[tabId]?.frames.includes(frameId)) return;
      void queue(async (s) => {
        if (remember(recordOf(s, tabId), frameId)) await save();
      });
    },
    here(_message, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined || tabId < 0) return;
      void queue((s) => land(tabId, recordOf(s, tabId), sender.frameId ?? 0));
    },
    // A content script has no business stepping other tabs: such a request is refused.
    stepTab: async (message, sender) =>
      fromOwnPage(sender) ? step(message.tabId, message.direction, message.entryId) : NOT_MOVED,
    revealOccurrence: async (message, sender) =>
      fromOwnPage(sender) ? revealOccurrence(message.tabId, message.frameId, message.occurrence) : NOT_MOVED,
  };
}
