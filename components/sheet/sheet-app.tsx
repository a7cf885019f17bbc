// The sheet for a doctor's visit: the reader ticks terms (grouped as the overview groups them, with the glossary
// search), and the sheet below lists them as components/sheet/sheet-document.ts builds it, to print (A4 or
// Letter) or save as Markdown or HTML. `preselected` is the seam for other ways in (`?entries=`: the overview's
// open card, and My terms' "Make a sheet of these").
import { useMemo, useState } from 'preact/hooks';
import type { Glossary } from '../../glossary/types';
import { glossaryLang, t } from '../../core/i18n';
import { SearchBox } from '../shared/search-box';
import { useSettings, useTheme } from '../shared/use-settings';
import { searchGlossary } from '../shared/search-glossary';
import { sheetHtml, sheetItems, sheetMarkdown, type Sheet, type SheetWords } from './sheet-document';

export interface SheetAppProps {
  glossary: Glossary;
  preselected: string[];
}

const words = (glossary: Glossary): SheetWords => ({
  title: t('sheet.title'),
  disclaimer: t('sheet.disclaimer'),
  fromArticle: t('sheet.fromArticle'),
  claim: t('sheet.claim'),
  heading: t('sheet.heading'),
  sources: t('sheet.sources'),
  citationLabel: t('sheet.citationLabel'),
  citation: t('sheet.citation', {
    title: glossary.article.title,
    author: glossary.article.author,
    date: glossary.article.date,
  }),
});

/** Offers a file to save: a blob address, clicked, then let go. */
function save(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function SheetApp({ glossary, preselected }: SheetAppProps) {
  useTheme(useSettings()?.preferences.theme);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(preselected));
  const [query, setQuery] = useState('');
  const hits = useMemo(
    () => (query.trim() ? new Set(searchGlossary(glossary.entries, query).map((h) => h.entry.id)) : null),
    [glossary, query],
  );
  const byId = useMemo(() => new Map(glossary.entries.map((e) => [e.id, e])), [glossary]);
  const sheet: Sheet = { items: sheetItems(glossary, chosen), words: words(glossary) };
  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <main class="sheet-page">
      <section class="sheet-controls" aria-labelledby="sheet-choose">
        <h1 id="sheet-choose">{t('sheet.pageTitle')}</h1>
        <p>{t('sheet.intro')}</p>
        <SearchBox query={query} onQuery={setQuery} />
        <div class="sheet-choices">
          {glossary.sections.map((section) => {
            const ids = section.entryIds.filter((id) => !hits || hits.has(id));
            if (ids.length === 0) return null;
            return (
              <fieldset key={section.id} class="sheet-choices__section">
                <legend lang={glossaryLang()}>{section.title}</legend>
                {ids.map((id) => (
                  <label key={id} class="choice">
                    <input
                      type="checkbox"
                      value={id}
                      checked={chosen.has(id)}
                      onChange={(e) => toggle(id, e.currentTarget.checked)}
                    />
                    <span lang={glossaryLang()}>{byId.get(id)?.term ?? id}</span>
                  </label>
                ))}
              </fieldset>
            );
          })}
        </div>
        <div class="sheet-actions">
          <button type="button" class="button" disabled={sheet.items.length === 0} onClick={() => window.print()}>
            {t('sheet.print')}
          </button>
          <button
            type="button"
            class="button button--quiet"
            disabled={sheet.items.length === 0}
            onClick={() => save('rls-terms.md', 'text/markdown', sheetMarkdown(sheet))}
          >
            {t('sheet.saveMarkdown')}
          </button>
          <button
            type="button"
            class="button button--quiet"
            disabled={sheet.items.length === 0}
            onClick={() => save('rls-terms.html', 'text/html', sheetHtml(sheet, glossaryLang()))}
          >
            {t('sheet.saveHtml')}
          </button>
          <button type="button" class="button button--quiet" onClick={() => setChosen(new Set())}>
            {t('sheet.clear')}
          </button>
        </div>
      </section>

      <article class="sheet" aria-labelledby="sheet-title" lang={glossaryLang()}>
        <h2 id="sheet-title" class="sheet__title">
          {sheet.words.title}
        </h2>
        <p class="sheet__disclaimer">{sheet.words.disclaimer}</p>
        {sheet.items.length === 0 && <p class="sheet__empty">{t('sheet.empty')}</p>}
        {sheet.items.map((item) => (
          <section key={item.id} class="sheet__entry" data-entry={item.id} aria-labelledby={`sheet-${item.id}`}>
            <h3 id={`sheet-${item.id}`}>{item.term}</h3>
            <p class="sheet__definition">{item.definition}</p>
            {item.quotes.length > 0 && (
              <>
                <h4>{sheet.words.fromArticle}</h4>
                {item.quotes.map((q, i) => (
                  <blockquote key={i} class={q.claim ? 'sheet__quote sheet__quote--claim' : 'sheet__quote'}>
                    <p>
                      {q.claim && <strong>{sheet.words.claim}: </strong>}
                      {q.heading && <strong>{sheet.words.heading}: </strong>}“{q.sentence}”
                    </p>
                    <footer>{q.section}</footer>
                  </blockquote>
                ))}
              </>
            )}
            {item.sources.length > 0 && (
              <>
                <h4>{sheet.words.sources}</h4>
                <ul class="sheet__sources">
                  {item.sources.map((s) => (
                    <li key={s.url}>
                      {s.name}: <a href={s.url}>{s.title}</a>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        ))}
        <footer class="sheet__citation">
          <p>
            {sheet.words.citationLabel}: {sheet.words.citation}
          </p>
        </footer>
      </article>
    </main>
  );
}
