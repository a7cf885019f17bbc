import { defineBackground } from 'wxt/utils/define-background';
import { createBadge } from '../background/badge';
import { openOverview, startCommands } from '../background/commands';
import { listen, parseToExtension, type ToExtension } from '../core/messages';

export default defineBackground(() => {
  const badge = createBadge();
  startCommands();
  // The background's one message listener: content scripts report their terms and ask for the overview.
  listen<ToExtension>(parseToExtension, { 'rls-lens:found': badge.found, 'rls-lens:open-overview': openOverview });
});
