// "Open in RLS Lens reader" on a link to a PDF (its address ends in .pdf): the reader opens that address in a new
// tab (components/reader/), as the popup's button does for a PDF tab.
import { browser } from 'wxt/browser';
import { t } from '../core/i18n';
import type { MenuItem } from './menus';

/** Links whose path ends in .pdf (the menu API's match patterns cannot say "ends with" for a query string too). */
const PDF_LINKS = ['*://*/*.pdf', '*://*/*.PDF', '*://*/*.pdf?*', '*://*/*.PDF?*', 'file:///*.pdf'];

function readerAddress(pdfUrl: string): string {
  return `${browser.runtime.getURL('/reader.html')}?url=${encodeURIComponent(pdfUrl)}`;
}

export function pdfLinkMenuItem(): MenuItem {
  return {
    create: { id: 'open-pdf-link', title: t('menus.openPdfLink'), contexts: ['link'], targetUrlPatterns: PDF_LINKS },
    onClick: (info, tab) => {
      if (!info.linkUrl || !/^(https?|file):/.test(info.linkUrl)) return;
      void browser.tabs
        .create({ url: readerAddress(info.linkUrl), index: tab ? tab.index + 1 : undefined })
        .catch((error: unknown) => console.warn('RLS Lens: could not open the reader.', error));
    },
  };
}
