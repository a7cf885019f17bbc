// The side panel: the glossary beside the page the reader is on. It follows the active tab (use-panel-tab.ts) and
// lists that page's terms, all frames together, by article section with their occurrences in context
// (side-panel-terms.tsx); choosing an occurrence shows it on the page, choosing a term opens its card. When there is
// nothing to list it says why: the site is switched off, the page is one extensions cannot read, or it is loading.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useEntryCard } from '../shared/use-entry-card';
import { listen, parseToExtension, sendToBackground, type StepAnswer, type ToExtension } from '../../core/messages';
import type { Glossary } from '../../glossary/types';
import { EntryCard } from '../shared/entry-card';
import { buildPanel, type PanelOccurrence } from './side-panel-model';
import { occurrenceKey, SidePanelTerms } from './side-panel-terms';
import { SiteControls } from '../shared/site-controls';
import { describeTarget } from '../shared/use-target-page';
import { isPdfAddress } from '../shared/page-reasons';
import { usePanelTab } from './use-panel-tab';
import { useSettings, useTheme, useCardComfort } from '../shared/use-settings';
import { useTabOccurrences } from './use-tab-occurrences';
import { usePanelCard } from './use-panel-card';
import { formatNumber, t } from '../../core/i18n';
import { recordLookUp } from '../../settings/my-terms';
import { setKnown } from '../../settings/known-terms';
import { SidePanelMyTerms } from './side-panel-my-terms';

export interface SidePanelAppProps {
  glossary: Glossary;
  /** `location.search`: `?tab=<id>` speaks for that tab instead of following the active one. */
  search: string;
}

/** Occurrences listed per term at first; most terms occur fewer times on a page, so most lists are complete. */
const FIRST = 10;
/** Each "show more" lists this many more. */
const MORE = 100;

export function SidePanelApp({ glossary, search }: SidePanelAppProps) {
  const settings = useSettings();
  useTheme(settings?.preferences.theme);
  useCardComfort(settings?.preferences);
  const tab = usePanelTab(search);
  const [more, setMore] = useState<Record<string, number>>({});
  const data = useTabOccurrences(tab, FIRST, more);
  const model = useMemo(
    () => buildPanel(glossary, data.frames, (id) => more[id] ?? FIRST),
    [glossary, data.frames, more],
  );
  const card = useEntryCard('.sp-list');
  const { openId, open, close: closeCard } = card;
  const [current, setCurrent] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const tabId = tab?.tabId ?? null;

  // A new tab starts with short lists and without the last one's current occurrence.
  useEffect(() => {
    setMore({});
    setCurrent(null);
  }, [tabId]);

  // Private reading: the card the reader opened in the followed tab's page is shown here, not there.
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    if (tabId === null) return;
    const controller = new AbortController();
    listen<ToExtension>(
      parseToExtension,
      {
        'rls-lens:card': ({ entryId, opened }, sender) => {
          if (sender.tab?.id !== tabId || !glossary.entries.some((e) => e.id === entryId)) return;
          openRef.current(entryId);
          // My terms counts a card the panel shows for a page read privately, once per opening in the page.
          if (opened) void recordLookUp(entryId, sender).catch((e: unknown) => console.warn(e));
        },
      },
      controller.signal,
    );
    return () => controller.abort();
  }, [tabId, glossary]);

  // The context menu's look-up on a page read privately: its card, left by the background.
  usePanelCard(tabId, open);

  const nameOf = (id: string) => glossary.entries.find((e) => e.id === id)?.term ?? id;
  /** What the page's tooltip announces there, said here too: the reader's focus stays in the panel. */
  const announce = (answer: StepAnswer | undefined) => {
    if (!answer?.moved) return false;
    const { entryId, position, total } = answer;
    const term = entryId ? nameOf(entryId) : undefined;
    setAnnouncement(
      position && total
        ? term
          ? t('sidePanel.step', total, { term, position })
          : t('sidePanel.stepUnnamed', total, { position })
        : term
          ? t('sidePanel.shown', { term })
          : t('sidePanel.shownUnnamed'),
    );
    return true;
  };

  const reveal = async (occurrence: PanelOccurrence) => {
    if (tabId === null) return;
    const { frameId, index, entryId, text } = occurrence;
    const answer = await sendToBackground<'rls-lens:reveal-occurrence'>({
      type: 'rls-lens:reveal-occurrence',
      tabId,
      frameId,
      occurrence: { index, entryId, text },
    });
    if (announce(answer)) setCurrent(occurrenceKey(occurrence));
    else {
      setAnnouncement(t('sidePanel.changed'));
      data.refresh();
    }
  };
  const step = async (direction: 1 | -1, entryId?: string) => {
    if (tabId === null) return;
    const answer = await sendToBackground<'rls-lens:step-tab'>({
      type: 'rls-lens:step-tab',
      tabId,
      direction,
      ...(entryId ? { entryId } : {}),
    });
    if (!announce(answer)) setAnnouncement(t('sidePanel.noTerm'));
    setCurrent(null);
  };

  const entry = openId ? glossary.entries.find((e) => e.id === openId) : undefined;
  const counts = useMemo(
    () => Object.fromEntries(model.sections.flatMap((s) => s.terms.map((t) => [t.entry.id, t.count]))),
    [model],
  );

  let body;
  let host: string | null = null;
  if (!tab || (tab.tabId !== null && data.top === undefined)) {
    body = <p class="sp-note">{t('sidePanel.reading')}</p>;
  } else {
    const page = describeTarget(tab, data.top ?? null, settings ?? undefined);
    // Chrome runs content scripts in the page around its PDF viewer, which shows no text of the PDF's to them;
    // Firefox's viewer runs none, and the tab's address says it is a PDF.
    if (data.frames.get(0)?.pdf || (tab.url && isPdfAddress(tab.url)))
      body = <p class="sp-note">{t('sidePanel.pdf')}</p>;
    else if (page.kind === 'unavailable') body = <p class="sp-note">{page.reason}</p>;
    else if (page.kind === 'ready' && !page.terms && page.unreadable) {
      // Known from the tab's address: a page Firefox keeps extensions out of. Say why, as the popup does.
      host = page.host;
      body = <p class="sp-note">{page.unreadable}</p>;
    } else if (page.kind === 'loading' || !page.terms) {
      // The tab's address says it is a web page, but no content script answered: opened before RLS Lens was.
      host = page.kind === 'ready' ? page.host : null;
      body = <p class="sp-note">{t('sidePanel.notRead')}</p>;
    } else {
      host = page.host;
      if (!page.terms.active) {
        body = (
          <>
            <p class="sp-note">{t('sidePanel.off')}</p>
            {settings && page.host && <SiteControls host={page.host} settings={settings} />}
          </>
        );
      } else if (model.entries === 0) {
        body = <p class="sp-note">{t('sidePanel.none')}</p>;
      } else {
        body = (
          <SidePanelTerms
            model={model}
            current={current}
            onOpen={open}
            onReveal={(o) => void reveal(o)}
            onMore={(id) => setMore((m) => ({ ...m, [id]: (m[id] ?? FIRST) + MORE }))}
          />
        );
      }
    }
  }
  const listing = model.entries > 0 && data.top?.active;

  return (
    <main class="sp" onKeyDown={card.onKeyDown}>
      <header class="sp__header">
        <h1 class="sp__title">{t('extension.name')}</h1>
        <p class="sp__page">{host ? t('sidePanel.termsOnHost', { host }) : t('sidePanel.termsOnPage')}</p>
        {listing && (
          <p class="sp__summary" role="status">
            {t('sidePanel.summary', {
              terms: t('sidePanel.terms', model.entries, [formatNumber(model.entries)]),
              occurrences: t('sidePanel.occurrences', model.occurrences, [formatNumber(model.occurrences)]),
            })}
          </p>
        )}
        {listing && !entry && (
          <div class="sp__steps">
            <button type="button" class="button button--quiet" onClick={() => void step(-1)}>
              {t('sidePanel.previous')}
            </button>
            <button type="button" class="button button--quiet" onClick={() => void step(1)}>
              {t('sidePanel.next')}
            </button>
          </div>
        )}
        {tab?.loading && <p class="sp-note">{t('sidePanel.loading')}</p>}
      </header>
      {entry ? (
        <section class="card-view" aria-labelledby="card-heading">
          <button type="button" class="link-button card-view__back" onClick={() => closeCard()}>
            {t('sidePanel.back')}
          </button>
          <EntryCard
            glossary={glossary}
            entry={entry}
            onSelect={open}
            count={data.top ? (counts[entry.id] ?? 0) : undefined}
            onReveal={data.top ? (id) => void step(1, id) : undefined}
            headingId="card-heading"
            known={settings?.preferences.knownTerms.includes(entry.id)}
            onKnow={(id, known) => void setKnown(id, known).catch((e: unknown) => console.warn(e))}
          />
        </section>
      ) : (
        <>
          {body}
          <SidePanelMyTerms glossary={glossary} onOpen={open} />
        </>
      )}
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </main>
  );
}
