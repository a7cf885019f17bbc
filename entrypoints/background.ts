import { defineBackground } from 'wxt/utils/define-background';
import { startBadge } from '../background/badge';
import { startCommandRelay } from '../background/commands';

export default defineBackground(() => {
  // The background lives as long as the extension: nothing aborts this, but every feature takes a signal so
  // tests (and any later teardown) stop it with one call.
  const controller = new AbortController();
  startBadge(controller.signal);
  startCommandRelay(controller.signal); // next/previous-term commands → page; tooltip's "Open in overview"
});
