// @vitest-environment happy-dom
// The glossary stays English whatever language the UI speaks: where the catalogue in use is another language's, the
// glossary's text is marked lang="en" (a screen reader then reads it in English) and the UI's own words are not;
// with the English catalogue nothing needs marking, since the page itself is lang="en".
import { render } from 'preact';
import glossary from 'virtual:rls-lens/glossary';
import article from 'virtual:rls-lens/article';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EntryDetails } from '../../../components/tooltip/entry-details';
import { ArticleView } from '../../../components/overview/article-view';
import { declarePage } from '../../../components/shared/page-language';
import { getMessage } from '../../fixtures/catalogue';

/** The English catalogue, claiming to be written in `language` (as a translation's meta.language would). */
function catalogueIn(language: string) {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((name: string, subs?: string[]) =>
    name === 'meta_language' ? language : getMessage(name, subs)) as typeof fakeBrowser.i18n.getMessage);
}
afterEach(() => vi.restoreAllMocks());

const entry = glossary.entries.find((e) => e.related.length > 0 && e.evidence.length > 0)!;
function mount() {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(
    <>
      <EntryDetails entry={entry} quote={entry.evidence[0]} sections={glossary.sections} entries={glossary.entries} />
      <ArticleView article={article} currentId={null} onSelect={() => undefined} />
    </>,
    root,
  );
  return root;
}
const langOf = (root: HTMLElement, selector: string) =>
  root.querySelector(selector)!.closest('[lang]')?.getAttribute('lang') ?? null;

describe("the glossary's language", () => {
  it("is marked on the glossary's text, not on the UI's words, when the UI speaks another language", () => {
    catalogueIn('fr');
    const root = mount();
    for (const glossaryText of [
      '.rls-entry__term',
      '.rls-entry__definition',
      '.rls-entry__category',
      '.rls-entry__quote p',
      '.rls-entry__related-list li',
      '.article-view__title',
      '.article-view__sentence',
    ]) {
      expect(langOf(root, glossaryText), glossaryText).toBe('en');
    }
    for (const uiText of [
      '.rls-entry__label',
      '.rls-entry__source',
      '.article-view__kicker',
      '.article-view__byline',
      '.hint',
    ]) {
      expect(langOf(root, uiText), uiText).toBeNull();
    }
    declarePage('Titre');
    expect(document.documentElement.lang).toBe('fr');
  });

  it('is left to the page when the UI is English too', () => {
    catalogueIn('en');
    expect(mount().querySelectorAll('[lang]')).toHaveLength(0);
    declarePage('RLS Lens');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('RLS Lens');
  });
});
