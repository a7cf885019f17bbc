// The toolbar popup: the site switch for the tab, the terms on its page, the article's outline, search, and one
// entry's card. Views change in place; focus moves to what appeared and back to where the person was.
import { useState } from 'preact/hooks';
import { useEntryCard } from '../shared/use-entry-card';
import { browser } from 'wxt/browser';
import type { Glossary } from '../../glossary/types';
import { EntryCard } from '../shared/entry-card';
import { GlossaryOutline } from '../shared/glossary-outline';
import { PageTermsList } from './page-terms-list';
import { searchGlossary } from '../shared/search-glossary';
import { resultsStatus, SearchResults } from '../shared/search-results';
import { pauseLabel, SiteControls } from '../shared/site-controls';
import { SwitchButton } from '../shared/switch-button';
import { revealOnPage } from '../shared/target-tab';
import { useSettings, useTheme, useCardComfort } from '../shared/use-settings';
import { useTargetPage } from '../shared/use-target-page';
import { setGlobalEnabled } from '../../settings';
import { SearchBox } from '../shared/search-box';
import { SidePanelButton } from './side-panel-button';
import { PrivateReadingSwitch } from './private-reading-switch';
import { t } from '../../core/i18n';
import { saved, useSaveFailure } from '../shared/save-status';
import { SaveProblem } from '../shared/save-problem';
import { NewerSettingsNote } from '../shared/newer-settings-note';

export interface PopupAppProps {
  glossary: Glossary;
  /** `location.search`: `?tab=<id>` targets that tab. */
  search: string;
}

export function PopupApp({ glossary, search }: PopupAppProps) {
  const settings = useSettings();
  // A change not saved redraws the popup: every control shows the stored value again (save-status.ts).
  const saveFailure = useSaveFailure();
  useTheme(settings?.preferences.theme);
  useCardComfort(settings?.preferences);
  const page = useTargetPage(search, settings ?? undefined);
  const [query, setQuery] = useState('');
  const card = useEntryCard('main');
  const { openId, open, close: back } = card;

  const entry = openId ? glossary.entries.find((e) => e.id === openId) : undefined;
  const counts = page.kind === 'ready' && page.terms?.active ? page.terms.counts : {};
  const hits = searchGlossary(glossary.entries, query);

  const reveal = (id: string) => {
    if (page.kind !== 'ready') return;
    void revealOnPage(page.tabId, id).then(() => window.close());
  };
  // A PDF in the browser's viewer: the RLS Lens reader opens the same address (components/reader/). The extension
  // page may fetch from the hosts the content script matches (`<all_urls>`, in both browsers).
  const pdfUrl = page.kind === 'ready' || page.kind === 'unavailable' ? page.pdfUrl : undefined;
  const openReader = async (url: string) => {
    await browser.tabs.create({ url: `${browser.runtime.getURL('/reader.html')}?url=${encodeURIComponent(url)}` });
    window.close();
  };
  const openOverview = async () => {
    await browser.runtime.openOptionsPage();
    window.close();
  };

  return (
    <main class="popup" onKeyDown={card.onKeyDown}>
      <header class="popup__header">
        <h1 class="popup__title">{t('extension.name')}</h1>
        <p class="popup__article">{glossary.article.title}</p>
      </header>
      <NewerSettingsNote />
      {settings && page.kind === 'ready' && page.host && <SiteControls host={page.host} settings={settings} />}
      {pdfUrl && (
        <button type="button" class="button popup__reader" onClick={() => void openReader(pdfUrl)}>
          {t('popup.openInReader')}
        </button>
      )}
      {settings && (page.kind === 'unavailable' || (page.kind === 'ready' && !page.host)) && (
        <section class="site" aria-label={t('popup.thisPage')}>
          <p class="site__unavailable">{page.kind === 'unavailable' ? page.reason : t('popup.noSiteName')}</p>
          <SwitchButton
            checked={settings.globalEnabled}
            onChange={(on) => void saved(setGlobalEnabled(on))}
            class="switch--small"
          >
            {pauseLabel(settings)}
          </SwitchButton>
        </section>
      )}
      {settings && (
        <PrivateReadingSwitch settings={settings} host={page.kind === 'ready' ? (page.host ?? undefined) : undefined} />
      )}
      {entry ? (
        <section class="card-view" aria-labelledby="card-heading">
          <button type="button" class="link-button card-view__back" onClick={back}>
            {t('popup.back')}
          </button>
          <EntryCard
            glossary={glossary}
            entry={entry}
            onSelect={open}
            count={page.kind === 'ready' ? (counts[entry.id] ?? 0) : undefined}
            onReveal={page.kind === 'ready' ? reveal : undefined}
            headingId="card-heading"
          />
        </section>
      ) : (
        <>
          <SearchBox query={query} onQuery={setQuery} />
          {query.trim() ? (
            <SearchResults hits={hits} query={query} onSelect={open} />
          ) : (
            <>
              {page.kind === 'ready' && (
                <PageTermsList glossary={glossary} terms={page.terms} unreadable={page.unreadable} onReveal={reveal} />
              )}
              <section class="panel" aria-labelledby="overview-heading">
                <h2 id="overview-heading" class="panel__heading">
                  {t('popup.overviewHeading')}
                </h2>
                <GlossaryOutline glossary={glossary} onSelect={open} onPage={counts} />
              </section>
            </>
          )}
        </>
      )}
      <p class="visually-hidden" role="status">
        {resultsStatus(query, hits)}
      </p>
      <footer class="popup__footer">
        <button type="button" class="button" onClick={() => void openOverview()}>
          {t('popup.openOverview')}
        </button>
        <SidePanelButton />
      </footer>
      <SaveProblem failure={saveFailure} />
    </main>
  );
}
