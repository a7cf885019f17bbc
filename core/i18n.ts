// The extension's words. Every string a person reads or hears comes from the catalogue (locales/en.yml), which
// @wxt-dev/i18n compiles into _locales/<lang>/messages.json: `t` is its wrapper around browser.i18n.getMessage,
// synchronous, with nothing bundled or fetched, so every context (pages, background, content script) uses it alike.
// The glossary is data, not UI: it is compiled from the English article and is never looked up here.
import { i18n } from '#i18n';

/**
 * A message in the reader's language, typed by the catalogue: `t('popup.openOverview')`,
 * `t('search.status', count)` (a plural message: its form is chosen by the count, which is its $1),
 * `t('site.ruleDomain', { pattern })` (named placeholders).
 */
export const t = i18n.t;

/** The language of the catalogue in use (its `meta.language`): the browser falls back to English without one. */
export const uiLanguage = (): string => t('meta.language');

/** The glossary's language: it is the article's, whatever the reader's. */
const GLOSSARY_LANGUAGE = 'en';

/**
 * `lang` for glossary text (terms, definitions, quotes, the article): the glossary's language where the words around
 * it are in another one, so a screen reader reads it in English; nothing where they are English too (it inherits).
 */
export const glossaryLang = (): string | undefined =>
  uiLanguage().split('-')[0]!.toLowerCase() === GLOSSARY_LANGUAGE ? undefined : GLOSSARY_LANGUAGE;

/** A number as the catalogue's language writes it ("1,234" in English). */
export const formatNumber = (n: number): string => n.toLocaleString(uiLanguage());

/** Items listed as the catalogue's language lists them, without a conjunction ("A, B, C" in English). */
export const formatList = (items: readonly string[]): string =>
  new Intl.ListFormat(uiLanguage(), { type: 'unit' }).format(items);
