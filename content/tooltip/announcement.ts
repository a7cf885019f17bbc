// What a screen reader hears when a keyboard step or the side panel opens a tooltip, in the reader's language
// (locales/en.yml, `tooltip.step`). The entry's term is the glossary's (English) text.
import { formatNumber, t } from '../../core/i18n';

/** "Ferritin: term 3 of 12 on this page. Escape closes." `position` counts from 1. */
export const stepAnnouncement = (term: string, position: number, total: number): string =>
  t('tooltip.step', { term, position: formatNumber(position), total: formatNumber(total) });
