// The one protocol for messages between RLS Lens's contexts, per direction:
// - to a page: sent by the background, the popup and the side panel with tabs.sendMessage to one frame of a tab
//   (or, for a roll call, to all of them); heard by that frame's content script;
// - to the extension: sent by a content script with runtime.sendMessage; heard by the background and by any
//   extension page that is open (the popup and the side panel follow their tab this way instead of polling);
// - to the background: requests from the popup and the side panel that concern every frame of a tab (steps,
//   reveals), which only the background can route, because it remembers the tab's frames and where the reader is.
// Every message is checked field by field before a handler sees it: a page can't send us messages, but another
// extension or an older version of this one can, and a malformed message must do nothing.
import { browser, type Browser } from 'wxt/browser';
import {
  arrayOf,
  both,
  isBoolean,
  isEmpty,
  isRecord,
  isString,
  noAnswer,
  oneOf,
  optional,
  shape,
  type Guard,
  type Infer,
} from './guards';

// Each message and each answer is described once, as the guard that checks it; the types below are inferred from
// the guards (core/guards.ts), so a field added to one is a field of the other.

const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Frames nest a few levels at most; a page may have hundreds of frames side by side. */
const MAX_DEPTH = 32;
const MAX_COUNT = 10_000_000;
/** Snippet text is cut to a line in the frame; anything longer is not ours. */
const MAX_TEXT = 400;

const isEntryId: Guard<string> = (value): value is string => typeof value === 'string' && ENTRY_ID.test(value);
/** Entry id → times highlighted. */
const isCounts: Guard<Record<string, number>> = (value): value is Record<string, number> =>
  isRecord(value) &&
  Object.entries(value).every(([id, n]) => isEntryId(id) && Number.isInteger(n) && (n as number) >= 0);
const isCount =
  (min = 0): Guard<number> =>
  (value): value is number =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= MAX_COUNT;
const isText =
  (min = 0): Guard<string> =>
  (value): value is string =>
    typeof value === 'string' && value.length >= min && value.length <= MAX_TEXT;
const isDirection = oneOf(1, -1);
/** Tab and frame ids: any whole number the browser hands out (Chrome's tab ids run into the billions). */
const isId: Guard<number> = (value): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** What a frame reports about itself: its host, whether highlighting is on, and entry id → times highlighted. */
export const isPageTerms = shape({
  host: isString,
  active: isBoolean,
  counts: isCounts,
  /** The frame is the page Chrome wraps around its PDF viewer: there is no text for a content script to read. */
  pdf: optional(isBoolean),
});
export type PageTerms = Infer<typeof isPageTerms>;

/** A frame's place in its tab: its index among its parent's frames at each level from the top ([] is the top frame). */
const isFramePath = arrayOf(isCount(), MAX_DEPTH);
export type FramePath = Infer<typeof isFramePath>;

/** What a frame tells the step router and the side panel when they ask: its terms and where it sits in the tab. */
export const isFrameInfo = both(isPageTerms, shape({ path: isFramePath }));
export type FrameInfo = Infer<typeof isFrameInfo>;

/** One occurrence as a frame can find it again: its index in the frame's reading order, checked by entry and text. */
const isOccurrenceRef = shape({
  index: isCount(),
  entryId: isEntryId,
  /** The words on the page, as they were when listed. */
  text: isText(1),
});
export type OccurrenceRef = Infer<typeof isOccurrenceRef>;

/** An occurrence with the text around it on its line (plain text; the panel shows `text` in bold). */
const isOccurrence = both(isOccurrenceRef, shape({ before: isText(), after: isText() }));
export type Occurrence = Infer<typeof isOccurrence>;

/** A frame's occurrences, up to the limit asked per entry (`counts` says how many there are in all). */
export const isFrameOccurrences = both(isFrameInfo, shape({ occurrences: arrayOf(isOccurrence) }));
export type FrameOccurrences = Infer<typeof isFrameOccurrences>;

/** Terms in the frames before this one and in all frames of the tab: a step's "term 3 of 12" counts the whole tab. */
const isPlace = shape({ before: isCount(), total: isCount() });
export type Place = Infer<typeof isPlace>;

/** Whether a frame showed the card it was asked for (the context menu's look-up). */
export const isShown = shape({ shown: isBoolean });

/** Whether a step or reveal landed on a term, which entry's, and where: `position` (from 1) of `total` in the tab. */
export const isStepAnswer = shape({
  moved: isBoolean,
  entryId: optional(isEntryId),
  position: optional(isCount()),
  total: optional(isCount()),
});
export type StepAnswer = Infer<typeof isStepAnswer>;

/** Where a step starts in a frame: after its current term (or what is on screen), or at its first / last term. */
const isStepFrom = oneOf('current', 'edge');
export type StepFrom = Infer<typeof isStepFrom>;

/** One message type: the guard of the message's fields (beyond `type`) and the guard of its answer. */
interface MessageSpec {
  message: Guard<object>;
  answer: Guard<unknown>;
}
type Described = Record<string, MessageSpec>;
/** A protocol's types, read from its description: message fields and answer for each message type. */
type ProtocolOf<D extends Described> = {
  [K in keyof D]: { message: Infer<D[K]['message']>; answer: Infer<D[K]['answer']> };
};

/** Messages to a frame's content script, and the answer each expects. */
const TO_PAGE = {
  /** Which entries are highlighted in this frame, and how often. */
  'rls-lens:page-terms': { message: isEmpty, answer: isPageTerms },
  /**
   * One step within this frame, to the next or previous term (of `entryId` only, when given), opening its tooltip.
   * It never wraps: at the frame's last (first) term it answers `moved: false` and the router tries the next frame.
   */
  'rls-lens:step': {
    message: shape({
      direction: isDirection,
      from: optional(isStepFrom),
      entryId: optional(isEntryId),
      place: optional(isPlace),
    }),
    answer: isStepAnswer,
  },
  /** Scroll to one listed occurrence and open its tooltip (the side panel's snippets); refused if it changed. */
  'rls-lens:reveal': {
    message: shape({ occurrence: isOccurrenceRef, place: optional(isPlace) }),
    answer: isStepAnswer,
  },
  /** The reader went on in another frame: close this frame's tooltip and clear its current-term mark. */
  'rls-lens:leave': { message: isEmpty, answer: noAnswer },
  /** The frame's terms and its place among the tab's frames (asked when a step is routed). */
  'rls-lens:frame-info': { message: isEmpty, answer: isFrameInfo },
  /** The frame's occurrences with snippets, at most `limit` per entry, or as many as `more` says for an entry. */
  'rls-lens:occurrences': {
    message: shape({ limit: isCount(1), more: optional(isCounts) }),
    answer: isFrameOccurrences,
  },
  /** Send `rls-lens:found` again: a panel that just opened learns which frames the tab has. Sent to all frames. */
  'rls-lens:report': { message: isEmpty, answer: noAnswer },
  /**
   * The context menu's look-up of a selection (background/selection-menu.ts): open this entry's card beside the
   * frame's selection. `shown: false` when nothing is selected any more or the frame is read privately.
   */
  'rls-lens:look-up': { message: shape({ entryId: isEntryId }), answer: isShown },
} satisfies Described;
export type ToPage = ProtocolOf<typeof TO_PAGE>;

/** Messages from a content script to the extension. */
const TO_EXTENSION = {
  /** The frame's terms changed (or highlighting was switched on or off): for the badge and an open popup. */
  'rls-lens:found': { message: isPageTerms, answer: noAnswer },
  /** The tooltip's "Open in overview": content scripts cannot open extension pages themselves. */
  'rls-lens:open-overview': { message: shape({ entryId: isEntryId }), answer: noAnswer },
  /**
   * Private reading: the reader opened this entry's card in the page; the side panel shows it instead. `opened`: the
   * card was not already showing this entry in the page (My terms counts it once, in the side panel that shows it).
   */
  'rls-lens:card': { message: shape({ entryId: isEntryId, opened: optional(isBoolean) }), answer: noAnswer },
  /** A card opened in the page for this entry (once per opening): My terms counts it, if the reader keeps the list. */
  'rls-lens:looked-up': { message: shape({ entryId: isEntryId }), answer: noAnswer },
  /** The card's "I know this" (or its undo): the background marks the entry as known, or not, in the preferences. */
  'rls-lens:know': { message: shape({ entryId: isEntryId, known: isBoolean }), answer: noAnswer },
  /** The reader opened a tooltip in this frame with the pointer: steps go on from here. */
  'rls-lens:here': { message: isEmpty, answer: noAnswer },
} satisfies Described;
export type ToExtension = ProtocolOf<typeof TO_EXTENSION>;

/** Requests from the extension's own pages (popup, side panel) to the background, which routes them over frames. */
const TO_BACKGROUND = /* @__PURE__ */ (() =>
  ({
    /** Step (or reveal the next occurrence of `entryId`) through every frame of the tab, in reading order. */
    'rls-lens:step-tab': {
      message: shape({ tabId: isId, direction: isDirection, entryId: optional(isEntryId) }),
      answer: isStepAnswer,
    },
    /** Show one occurrence listed by the side panel, in the frame it is in. */
    'rls-lens:reveal-occurrence': {
      message: shape({ tabId: isId, frameId: isId, occurrence: isOccurrenceRef }),
      answer: isStepAnswer,
    },
    /**
     * Test build only (entrypoints/background.ts has no handler for it in a release build): a context-menu click,
     * with the fields the browser gives a click on a selection, handed to the menu's own click listener. A test
     * cannot click the browser's menu (tests/e2e/look-up.test.ts says why).
     */
    'rls-lens:menu-click': {
      message: shape({
        menuItemId: isString,
        tabId: isId,
        frameId: isId,
        selectionText: optional(isString),
        pageUrl: optional(isString),
        frameUrl: optional(isString),
      }),
      answer: noAnswer,
    },
  }) satisfies Described)();
export type ToBackground = ProtocolOf<typeof TO_BACKGROUND>;

/** What the background hears: content scripts' reports and the pages' requests, through its one listener. */
export type InBackground = ToExtension & ToBackground;

type Protocol = ToPage | ToExtension | ToBackground | InBackground;
type Spec<P, K extends keyof P> = P[K] extends { message: infer M; answer: infer A }
  ? { message: M; answer: A }
  : never;
export type MessageOf<P, K extends keyof P> = { type: K } & Spec<P, K>['message'];
export type AnswerOf<P, K extends keyof P> = Spec<P, K>['answer'];
export type AnyMessage<P> = { [K in keyof P]: MessageOf<P, K> }[keyof P];

function parser<P>(...descriptions: Described[]) {
  return (value: unknown): AnyMessage<P> | null => {
    if (!isRecord(value) || typeof value.type !== 'string') return null;
    const type = value.type;
    const spec = descriptions.find((d) => Object.hasOwn(d, type))?.[type];
    return spec?.message(value) ? (value as AnyMessage<P>) : null;
  };
}
/** A message for a content script, or null when it is not one of ours or a field is wrong. */
export const parseToPage = parser<ToPage>(TO_PAGE);
/** A message from a content script, or null when it is not one of ours or a field is wrong. */
export const parseToExtension = parser<ToExtension>(TO_EXTENSION);
/**
 * A message for the background: a content script's report or a request from one of the extension's pages. Pure, so
 * that the content script's bundle, which never parses these, leaves it (and TO_BACKGROUND) out.
 */
export const parseInBackground = /* @__PURE__ */ parser<InBackground>(TO_EXTENSION, TO_BACKGROUND);

export type Handlers<P> = {
  [K in keyof P]?: (
    message: MessageOf<P, K>,
    sender: Browser.runtime.MessageSender,
  ) => AnswerOf<P, K> | Promise<AnswerOf<P, K>>;
};

/**
 * The one runtime.onMessage listener of a context: checks each message, hands it to the handler for its type,
 * and answers with what the handler returns. Messages without a handler here are left to other contexts.
 */
export function listen<P extends Protocol>(
  parse: (value: unknown) => AnyMessage<P> | null,
  handlers: Handlers<P>,
  /** Stops listening; the background, which lives as long as the extension, passes none. */
  signal?: AbortSignal,
): void {
  if (signal?.aborted) return;
  const onMessage = (
    value: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (answer: unknown) => void,
  ): true | undefined => {
    const message = parse(value);
    const handler = message && (handlers[message.type as keyof P] as ((m: unknown, s: unknown) => unknown) | undefined);
    if (!handler) return undefined;
    const answer = handler(message, sender);
    // undefined: no answer from this context (other listeners, e.g. another open page, may still answer).
    if (answer === undefined) return undefined;
    // sendResponse and `return true`, not a returned promise: the one way that works in Chrome's own API (the
    // content script runs without webextension-polyfill, see wxt.config.ts), in Firefox's and through the polyfill.
    Promise.resolve(answer).then(sendResponse, (error: unknown) => {
      console.warn('RLS Lens: could not answer a message.', error);
      sendResponse(undefined);
    });
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  // Once the extension is gone (unloaded, reloaded, updated), removeListener throws "Extension context invalidated"
  // into the page in Chromium, and nothing can call a dead listener anyway.
  signal?.addEventListener('abort', () => runtimeAlive() && browser.runtime.onMessage.removeListener(onMessage), {
    once: true,
  });
}

/** Sends a message to one frame of a tab (the top frame unless told). Undefined when no content script answers. */
export async function sendToPage<K extends keyof ToPage>(
  tabId: number,
  message: MessageOf<ToPage, K>,
  frameId = 0,
): Promise<AnswerOf<ToPage, K> | undefined> {
  try {
    return (await browser.tabs.sendMessage(tabId, message, { frameId })) as AnswerOf<ToPage, K> | undefined;
  } catch {
    return undefined; // no content script there: a browser page, the store, a page loaded before install
  }
}

/** Sends a message to every frame of a tab; no answer is awaited (the frames answer with messages of their own). */
export async function sendToAllFrames<K extends keyof ToPage>(
  tabId: number,
  message: MessageOf<ToPage, K>,
): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, message);
  } catch {
    // no content script in any frame, or none answered: both are fine for a message that wants no answer
  }
}

/** Sends a request from an extension page to the background. Undefined when the background did not answer. */
export async function sendToBackground<K extends keyof ToBackground>(
  message: MessageOf<ToBackground, K>,
): Promise<AnswerOf<ToBackground, K> | undefined> {
  try {
    return (await browser.runtime.sendMessage(message)) as AnswerOf<ToBackground, K> | undefined;
  } catch {
    return undefined;
  }
}

/** Sends a message from a content script to the extension; a missing receiver (during an update) is harmless. */
export function sendToExtension<K extends keyof ToExtension>(message: MessageOf<ToExtension, K>): void {
  if (!runtimeAlive()) return;
  browser.runtime.sendMessage(message).catch(() => undefined);
}

/** False once the extension is gone (unloaded, reloaded, updated): its APIs then throw or are missing. */
function runtimeAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}
