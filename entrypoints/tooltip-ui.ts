// The tooltip UI, loaded by the content script on first use (content/tooltip/lazy-view.ts): the view, Preact,
// Floating UI, the components and their CSS, and the glossary's text. Built as an ES module whose default export is
// what `main` returns (wxt.config.ts), listed in web_accessible_resources.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import glossary from 'virtual:rls-lens/glossary';
import { createTooltipView } from '../content/tooltip/view';
import type { TooltipUi } from '../content/tooltip/lazy-view';

export default defineUnlistedScript({
  main: (): TooltipUi => ({ createTooltipView: (options) => createTooltipView({ ...options, glossary }) }),
});
