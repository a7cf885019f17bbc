// "Look up “…” in RLS Lens" on selected text: the overview opens with the selection in its glossary search and the
// closest entry's card open (`overview.html#lookup=…`, components/overview/overview-app.tsx). The search runs in
// the overview, so the background carries no glossary; the page learns nothing (the menu is the browser's).
import { browser } from 'wxt/browser';
import { t } from '../core/i18n';
import type { MenuItem } from './menus';

/** More than any term or phrase in the glossary; a longer selection is cut. */
const MAX_LOOKUP = 120;

function lookupAddress(selection: string): string {
  const text = selection.replace(/\s+/g, ' ').trim().slice(0, MAX_LOOKUP);
  return `${browser.runtime.getURL('/overview.html')}#lookup=${encodeURIComponent(text)}`;
}

export function selectionMenuItem(): MenuItem {
  return {
    // %s: the browser puts the selected text in the title.
    create: { id: 'look-up-selection', title: t('menus.lookUpSelection'), contexts: ['selection'] },
    onClick: (info, tab) => {
      if (!info.selectionText?.trim()) return;
      void browser.tabs
        .create({ url: lookupAddress(info.selectionText), index: tab ? tab.index + 1 : undefined })
        .catch((error: unknown) => console.warn('RLS Lens: could not open the look-up.', error));
    },
  };
}
