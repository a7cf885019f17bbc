// The article itself, section by section, with its byline and its glossary terms marked as buttons that open the
// term's card. The terms were found at build time by the page matcher (glossary/compile-article.ts), so this only
// renders data, and every string is a text child.
import { Fragment } from 'preact';
import type { ArticleData, ArticleRun } from '../../glossary/compile-article';
import type { HighlightStyle } from '../../settings';
import { glossaryLang, t, uiLanguage } from '../../core/i18n';
import { richMessage } from '../shared/rich-message';

export interface ArticleViewProps {
  article: ArticleData;
  /** The entry whose card is open: its terms are marked as current. */
  currentId: string | null;
  /** A term was chosen; `from` is its button, where "Back to the article" returns. */
  onSelect: (entryId: string, from: HTMLElement) => void;
  /** The person's highlight style for pages, so the article looks like a page they read. */
  highlightStyle?: HighlightStyle;
  /** The id of the section after the article, for keyboard users to skip its many terms; none when it is last. */
  skipTo?: { id: string; label: string };
}

/** "October 11, 2025" for 2025-10-11 (in the catalogue's language); the input itself when it is not such a date. */
export function formatDate(date: string): string {
  const time = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(time)
    ? date
    : new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long', timeZone: 'UTC' }).format(time);
}

function Runs({
  runs,
  currentId,
  onSelect,
}: { runs: readonly ArticleRun[] } & Pick<ArticleViewProps, 'currentId' | 'onSelect'>) {
  return (
    <>
      {runs.map((run, i) =>
        run.entryId === undefined ? (
          <Fragment key={i}>{run.text}</Fragment>
        ) : (
          <button
            key={i}
            type="button"
            class="article-term"
            data-entry={run.entryId}
            aria-current={run.entryId === currentId ? 'true' : undefined}
            onClick={(event) => onSelect(run.entryId!, event.currentTarget)}
          >
            {run.text}
          </button>
        ),
      )}
    </>
  );
}

export function ArticleView({ article, currentId, onSelect, highlightStyle = 'both', skipTo }: ArticleViewProps) {
  const marks = { currentId, onSelect };
  return (
    <section
      id="article"
      class={`overview__section article-view article-view--${highlightStyle}`}
      aria-labelledby="article-title"
    >
      <header class="article-view__header">
        <p class="article-view__kicker">{t('article.kicker')}</p>
        <h2 id="article-title" class="article-view__title" lang={glossaryLang()}>
          <Runs runs={article.title} {...marks} />
        </h2>
        <p class="article-view__byline">
          {richMessage('article.byline', {
            author: article.author,
            date: <time dateTime={article.date}>{formatDate(article.date)}</time>,
          })}
        </p>
        <p class="hint">
          {t('article.hint')}
          {skipTo && (
            <>
              {' '}
              <a class="article-view__skip" href={`#${skipTo.id}`}>
                {skipTo.label}
              </a>
            </>
          )}
        </p>
      </header>
      {article.sections.map((section) => (
        <section
          key={section.id}
          id={section.id}
          class="article-view__section"
          aria-labelledby={section.heading.id}
          lang={glossaryLang()}
        >
          {/* tabIndex -1: a quote that is this heading moves focus here. */}
          <h3 id={section.heading.id} class="article-view__heading article-view__target" tabIndex={-1}>
            <Runs runs={section.heading.runs} {...marks} />
          </h3>
          {section.paragraphs.map((paragraph, p) => (
            <p key={p} class="article-view__paragraph">
              {paragraph.sentences.map((sentence, s) => (
                <Fragment key={sentence.id}>
                  {s > 0 && ' '}
                  <span id={sentence.id} class="article-view__sentence article-view__target" tabIndex={-1}>
                    <Runs runs={sentence.runs} {...marks} />
                  </span>
                </Fragment>
              ))}
            </p>
          ))}
        </section>
      ))}
    </section>
  );
}
