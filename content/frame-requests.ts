// This frame's part in tab-wide steps and in the side panel: where it sits among the tab's frames, its occurrences
// with snippets, one step within it, and letting the background know when the reader moves here with the pointer.
// Everything is answered when asked; nothing here runs while the page loads or is scanned.
import {
  sendToExtension,
  type FrameInfo,
  type Handlers,
  type PageTerms,
  type StepAnswer,
  type ToPage,
} from '../core/messages';
import { framePath } from './frame-position';
import { occurrencesOf } from './snippets';
import type { TermIndex } from './terms';
import type { Tooltips } from './tooltip';

export interface FrameRequestsOptions {
  /** The running engine and tooltips; null while highlighting is off here. */
  run(): { index: TermIndex; tooltips: Tooltips } | null;
  terms(): PageTerms;
  /** Sends this frame's `rls-lens:found` report (soon). */
  report(): void;
}

export interface FrameRequests {
  handlers: Pick<
    Handlers<ToPage>,
    | 'rls-lens:step'
    | 'rls-lens:reveal'
    | 'rls-lens:leave'
    | 'rls-lens:frame-info'
    | 'rls-lens:occurrences'
    | 'rls-lens:report'
  >;
  /** For the tooltips: a tooltip opened by the pointer. */
  onPointerOpen(): void;
}

const NOT_MOVED: StepAnswer = { moved: false };

export function frameRequests({ run, terms, report }: FrameRequestsOptions): FrameRequests {
  // Whether the background takes this frame for the one the reader is in: the top frame until a step lands
  // elsewhere. The pointer moving the reader here is worth a message only when it changes that.
  let readerHere = window.top === window;
  // terms() says whether the frame is Chrome's PDF viewer page (content/page-session.ts).
  const info = (): FrameInfo => ({ ...terms(), path: framePath() });
  const landed = (answer: StepAnswer): StepAnswer => {
    if (answer.moved) readerHere = true;
    return answer;
  };
  return {
    handlers: {
      'rls-lens:frame-info': info,
      'rls-lens:occurrences': (message) => {
        const current = run();
        return { ...info(), occurrences: current ? occurrencesOf(current.index, message) : [] };
      },
      'rls-lens:step': ({ type: _, ...request }) => landed(run()?.tooltips.step(request) ?? NOT_MOVED),
      'rls-lens:reveal': ({ occurrence, place }) => landed(run()?.tooltips.reveal(occurrence, place) ?? NOT_MOVED),
      'rls-lens:leave': () => {
        readerHere = false;
        run()?.tooltips.leave();
      },
      'rls-lens:report': () => report(),
    },
    onPointerOpen() {
      if (readerHere) return;
      readerHere = true;
      sendToExtension<'rls-lens:here'>({ type: 'rls-lens:here' });
    },
  };
}
