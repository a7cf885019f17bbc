// What the background does for My terms and "I know this" (issue 19): a page's card sends one message when it opens
// (`rls-lens:looked-up`) or when the reader marks its entry as known (`rls-lens:know`), and the background writes
// storage. A page's content script never reads the list, and nothing of it leaves the browser.
import type { Handlers, InBackground } from '../core/messages';
import { setKnown } from '../settings/known-terms';
import { recordLookUp } from '../settings/my-terms';

/** A write nobody waits for: its failure is logged, not thrown into the listener. */
const logged = (task: Promise<void>): void =>
  void task.catch((error: unknown) => console.warn('RLS Lens: could not save a change.', error));

export const readerListHandlers = {
  'rls-lens:looked-up': ({ entryId }, sender) => logged(recordLookUp(entryId, sender)),
  'rls-lens:know': ({ entryId, known }) => logged(setKnown(entryId, known)),
} satisfies Handlers<InBackground>;
