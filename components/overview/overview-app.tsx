// The overview page (also the options page): the whole glossary with search and cards, the article itself and its
// concept map beside the open card, the site rules, the preferences and the settings file.
// `overview.html#entry=<id>` opens at that entry's card.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ArticleData } from '../../glossary/compile-article';
import type { Evidence, Glossary } from '../../glossary/types';
import { QuoteLink, quoteTargets } from './article-quote-link';
import { ArticleView } from './article-view';
import { ConceptMap } from './concept-map/concept-map';
import { conceptGraph } from './concept-map/concept-map-graph';
import { EntryCard } from '../shared/entry-card';
import { GlossaryOutline } from '../shared/glossary-outline';
import { PreferencesForm } from './preferences-form';
import { searchGlossary } from '../shared/search-glossary';
import { resultsStatus, SearchResults } from '../shared/search-results';
import { SettingsTransfer } from './settings-transfer';
import { SiteRulesEditor } from './site-rules-editor';
import { MyTermsSection } from './my-terms-section';
import { useSettings, useTheme, useCardComfort } from '../shared/use-settings';
import { SearchBox } from '../shared/search-box';
import { t } from '../../core/i18n';
import { setKnown } from '../../settings/known-terms';
import { saved, useSaveFailure } from '../shared/save-status';
import { SaveProblem } from '../shared/save-problem';
import { NewerSettingsNote } from '../shared/newer-settings-note';

function entryFromHash(hash: string, glossary: Glossary): string | null {
  const id = new URLSearchParams(hash.replace(/^#/, '')).get('entry');
  return id && glossary.entries.some((e) => e.id === id) ? id : null;
}

/**
 * `#lookup=<text>` (the "Look up … in RLS Lens" menu on a selection, background/selection-menu.ts): the text goes
 * into the search, and the closest entry's card opens.
 */
function lookupFromHash(hash: string): string {
  return (new URLSearchParams(hash.replace(/^#/, '')).get('lookup') ?? '').slice(0, 120);
}

/** Where "Back to …" returns after a term in the article or a box of the map opened the card. */
interface ReturnPoint {
  element: HTMLElement;
  /** The button's words: "Back to the article". */
  label: string;
}

export function OverviewApp({ glossary, article }: { glossary: Glossary; article: ArticleData }) {
  const settings = useSettings();
  // A change not saved redraws the page: every control shows the stored value again (save-status.ts).
  const saveFailure = useSaveFailure();
  useTheme(settings?.preferences.theme);
  useCardComfort(settings?.preferences);
  const [lookup] = useState(() => lookupFromHash(location.hash));
  const [query, setQuery] = useState(lookup);
  const [openId, setOpenId] = useState<string | null>(
    () => entryFromHash(location.hash, glossary) ?? searchGlossary(glossary.entries, lookup, 1)[0]?.entry.id ?? null,
  );
  const [focusCard, setFocusCard] = useState(openId !== null);
  const entry = openId ? glossary.entries.find((e) => e.id === openId) : undefined;
  const hits = searchGlossary(glossary.entries, query);
  const graph = useMemo(() => conceptGraph(glossary.entries), [glossary]);
  const targets = useMemo(() => quoteTargets(article), [article]);
  const [returnTo, setReturnTo] = useState<ReturnPoint | null>(null);

  const open = (id: string, from?: ReturnPoint) => {
    setOpenId(id);
    setFocusCard(true);
    setReturnTo(from ?? null);
    // The address names the open entry, so it can be bookmarked or shared, without adding history entries.
    history.replaceState(null, '', `#entry=${encodeURIComponent(id)}`);
  };

  useEffect(() => {
    const controller = new AbortController();
    window.addEventListener(
      'hashchange',
      () => {
        const id = entryFromHash(location.hash, glossary);
        if (id) open(id);
      },
      { signal: controller.signal },
    );
    return () => controller.abort();
  }, [glossary]);

  useEffect(() => {
    if (!focusCard || !openId) return;
    const heading = document.getElementById('card-heading');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus({ preventScroll: true });
    document.getElementById('entry-card')?.scrollIntoView({ block: 'nearest' });
    setFocusCard(false);
  }, [focusCard, openId]);

  const { title, author, date } = glossary.article;
  return (
    <div class="overview">
      <header class="overview__header">
        <h1 class="overview__title">{t('extension.name')}</h1>
        <p class="overview__article">{t('overview.about', { title, author, date })}</p>
        <nav aria-label={t('overview.navLabel')} class="overview__nav">
          <a href="#glossary">{t('overview.nav.glossary')}</a>
          <a href="#article">{t('overview.nav.article')}</a>
          {graph.edges.length > 0 && <a href="#concept-map">{t('overview.nav.conceptMap')}</a>}
          <a href="#my-terms">{t('myTerms.nav')}</a>
          <a href="#sites">{t('overview.nav.sites')}</a>
          <a href="#preferences">{t('overview.nav.preferences')}</a>
          <a href="#backup">{t('overview.nav.backup')}</a>
          {/* Its own page (components/sheet/): the terms the reader ticks, to print or save for a doctor's visit. */}
          <a href={entry ? `sheet.html?entries=${entry.id}` : 'sheet.html'}>{t('overview.nav.sheet')}</a>
        </nav>
        <NewerSettingsNote />
      </header>
      <main>
        {/* One grid: the glossary, the article and the map on the left, the open card beside them (sticky); on a
            narrow screen the card comes right after the glossary, as before. */}
        <div class="overview__grid">
          <section id="glossary" class="overview__section" aria-labelledby="glossary-heading">
            <h2 id="glossary-heading">{t('overview.glossaryHeading')}</h2>
            {/* The one place the UI says it: the glossary is not translated with the rest (the store text says it too). */}
            <p class="hint">{t('overview.glossaryLanguage')}</p>
            <SearchBox query={query} onQuery={setQuery} />
            <p class="visually-hidden" role="status">
              {resultsStatus(query, hits)}
            </p>
            <div class="overview__list">
              {query.trim() ? (
                <SearchResults hits={hits} query={query} onSelect={open} />
              ) : (
                <GlossaryOutline glossary={glossary} onSelect={open} currentId={openId} />
              )}
            </div>
          </section>
          <aside id="entry-card" class="overview__card" aria-label={t('overview.cardLabel')}>
            {entry ? (
              <EntryCard
                glossary={glossary}
                entry={entry}
                // A related entry opened from the card keeps the way back to where the reader was.
                onSelect={(id) => open(id, returnTo ?? undefined)}
                headingLevel={3}
                headingId="card-heading"
                quoteLink={(quote: Evidence) => <QuoteLink target={targets.get(quote.sentence)} />}
                known={settings?.preferences.knownTerms.includes(entry.id)}
                onKnow={(id, known) => void saved(setKnown(id, known))}
              />
            ) : (
              <p class="panel__empty">{t('overview.cardEmpty')}</p>
            )}
            {entry && returnTo && (
              <button type="button" class="link-button card-return" onClick={() => returnTo.element.focus()}>
                {returnTo.label}
              </button>
            )}
          </aside>
          <ArticleView
            article={article}
            currentId={openId}
            onSelect={(id, element) => open(id, { element, label: t('overview.backToArticle') })}
            highlightStyle={settings?.preferences.highlightStyle}
            skipTo={graph.edges.length > 0 ? { id: 'concept-map', label: t('conceptMap.skipTo') } : undefined}
          />
          {graph.edges.length > 0 && (
            <ConceptMap
              graph={graph}
              currentId={openId}
              onSelect={(id, element) => open(id, { element, label: t('overview.backToConceptMap') })}
            />
          )}
        </div>
        <MyTermsSection glossary={glossary} knownTerms={settings?.preferences.knownTerms ?? []} onOpen={open} />
        <section id="sites" class="overview__section" aria-labelledby="sites-heading">
          <h2 id="sites-heading">{t('overview.sitesHeading')}</h2>
          {settings && <SiteRulesEditor settings={settings} />}
        </section>
        <section id="preferences" class="overview__section" aria-labelledby="preferences-heading">
          <h2 id="preferences-heading">{t('overview.preferencesHeading')}</h2>
          {settings && <PreferencesForm preferences={settings.preferences} />}
        </section>
        <section id="backup" class="overview__section" aria-labelledby="backup-heading">
          <h2 id="backup-heading">{t('overview.backupHeading')}</h2>
          <SettingsTransfer />
        </section>
      </main>
      <SaveProblem failure={saveFailure} />
    </div>
  );
}
