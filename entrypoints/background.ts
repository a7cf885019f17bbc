import { defineBackground } from 'wxt/utils/define-background';
import { createBadge } from '../background/badge';
import { openOverview, startCommands } from '../background/commands';
import { createFrameSteps, fromOwnPage } from '../background/frame-steps';
import { startMenus } from '../background/menus';
import { pdfLinkMenuItem } from '../background/pdf-link-menu';
import { startScriptRegistration } from '../background/script-registration';
import { selectionMenuItem } from '../background/selection-menu';
import { readerListHandlers } from '../background/reader-lists';
import { sidePanelMenuItem } from '../background/side-panel';
import { listen, parseInBackground, type InBackground } from '../core/messages';
import { PROBES } from '../core/build-mode';
import { browser } from 'wxt/browser';

export default defineBackground(() => {
  // First: the content script runs only where the registration says (issue 22); at install there is none yet.
  startScriptRegistration();
  const badge = createBadge();
  const steps = createFrameSteps();
  startCommands(steps.step);
  const menuClick = startMenus([sidePanelMenuItem(), selectionMenuItem(), pdfLinkMenuItem()]);
  // The background's one message listener: content scripts report their terms and ask for the overview; the popup
  // and the side panel ask for steps and reveals across the tab's frames.
  listen<InBackground>(parseInBackground, {
    'rls-lens:found': (message, sender) => {
      badge.found(message, sender);
      steps.found(message, sender);
    },
    'rls-lens:open-overview': openOverview,
    'rls-lens:here': steps.here,
    // My terms and "I know this" (background/reader-lists.ts).
    ...readerListHandlers,
    'rls-lens:step-tab': steps.stepTab,
    'rls-lens:reveal-occurrence': steps.revealOccurrence,
    // The test build's stand-in for a click on the browser's context menu (core/messages.ts): the same listener,
    // the tab as the browser would pass it. A release build has no such handler.
    ...(PROBES
      ? {
          'rls-lens:menu-click': ({ type: _, tabId, ...info }, sender) => {
            if (!fromOwnPage(sender)) return;
            void browser.tabs.get(tabId).then((tab) => menuClick({ ...info, editable: false }, tab));
          },
        }
      : {}),
  });
});
