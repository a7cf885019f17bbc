// The one protocol for messages between RLS Lens's contexts, per direction:
// - to a page: sent by the background, the popup (and later panels) with tabs.sendMessage to one frame of a tab;
//   heard by that frame's content script;
// - to the extension: sent by a content script with runtime.sendMessage; heard by the background and by any
//   extension page that is open (the popup follows its tab's counts this way instead of polling).
// Every message is checked field by field before a handler sees it: a page can't send us messages, but another
// extension or an older version of this one can, and a malformed message must do nothing.
import { browser, type Browser } from 'wxt/browser';

/** What a frame reports about itself: its host, whether highlighting is on, and entry id → times highlighted. */
export interface PageTerms {
  host: string;
  active: boolean;
  counts: Record<string, number>;
  /** The frame is the page Chrome wraps around its PDF viewer: there is no text for a content script to read. */
  pdf?: boolean;
}

/** Messages to a frame's content script, and the answer each expects. */
export interface ToPage {
  /** Which entries are highlighted in this frame, and how often. */
  'rls-lens:page-terms': { message: Record<never, never>; answer: PageTerms };
  /** Scroll to the next occurrence of an entry and open its tooltip (the popup's "Show on the page"). */
  'rls-lens:reveal': { message: { entryId: string }; answer: void };
  /** Step to the next or previous term and open its tooltip (the keyboard commands). */
  'rls-lens:step': { message: { direction: 1 | -1 }; answer: void };
}

/** Messages from a content script to the extension. */
export interface ToExtension {
  /** The frame's terms changed (or highlighting was switched on or off): for the badge and an open popup. */
  'rls-lens:found': { message: PageTerms; answer: void };
  /** The tooltip's "Open in overview": content scripts cannot open extension pages themselves. */
  'rls-lens:open-overview': { message: { entryId: string }; answer: void };
}

type Protocol = ToPage | ToExtension;
type Spec<P, K extends keyof P> = P[K] extends { message: infer M; answer: infer A } ? { message: M; answer: A } : never;
export type MessageOf<P, K extends keyof P> = { type: K } & Spec<P, K>['message'];
export type AnswerOf<P, K extends keyof P> = Spec<P, K>['answer'];
export type AnyMessage<P> = { [K in keyof P]: MessageOf<P, K> }[keyof P];

const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isEntryId = (value: unknown): value is string => typeof value === 'string' && ENTRY_ID.test(value);
const isCounts = (value: unknown): value is Record<string, number> =>
  isRecord(value) && Object.entries(value).every(([id, n]) => isEntryId(id) && Number.isInteger(n) && (n as number) >= 0);

export function isPageTerms(value: unknown): value is PageTerms {
  return (
    isRecord(value) &&
    typeof value.host === 'string' &&
    typeof value.active === 'boolean' &&
    isCounts(value.counts) &&
    (value.pdf === undefined || typeof value.pdf === 'boolean')
  );
}

type Checks<P> = { [K in keyof P]: (message: Record<string, unknown>) => boolean };
const TO_PAGE: Checks<ToPage> = {
  'rls-lens:page-terms': () => true,
  'rls-lens:reveal': (m) => isEntryId(m.entryId),
  'rls-lens:step': (m) => m.direction === 1 || m.direction === -1,
};
const TO_EXTENSION: Checks<ToExtension> = {
  'rls-lens:found': (m) => isPageTerms(m),
  'rls-lens:open-overview': (m) => isEntryId(m.entryId),
};

function parser<P>(checks: Checks<P>) {
  return (value: unknown): AnyMessage<P> | null => {
    if (!isRecord(value) || typeof value.type !== 'string' || !Object.hasOwn(checks, value.type)) return null;
    return checks[value.type as keyof P](value) ? (value as AnyMessage<P>) : null;
  };
}
/** A message for a content script, or null when it is not one of ours or a field is wrong. */
export const parseToPage = parser(TO_PAGE);
/** A message from a content script, or null when it is not one of ours or a field is wrong. */
export const parseToExtension = parser(TO_EXTENSION);

export type Handlers<P> = {
  [K in keyof P]?: (message: MessageOf<P, K>, sender: Browser.runtime.MessageSender) => AnswerOf<P, K> | Promise<AnswerOf<P, K>>;
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
  const onMessage = (value: unknown, sender: Browser.runtime.MessageSender, sendResponse: (answer: unknown) => void): true | undefined => {
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
  signal?.addEventListener('abort', () => runtimeAlive() && browser.runtime.onMessage.removeListener(onMessage), { once: true });
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
