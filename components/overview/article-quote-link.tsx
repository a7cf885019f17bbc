// From a card's quote to the sentence in the article. Quotes are verbatim article sentences (or section headings),
// so the sentence is found by its exact text; nothing else about the quote is relied on.
import type { ArticleData } from '../../glossary/compile-article';
import { runsText } from '../../glossary/compile-article';
import { t } from '../../core/i18n';

export interface QuoteTarget {
  /** The element id of the sentence or heading. */
  id: string;
  /** Where it is, for the link's accessible name: "Iron Deficiency and Its Systemic Impact, sentence 5". */
  place: string;
}

/** Every sentence and heading of the article by its exact text. */
export function quoteTargets(article: ArticleData): Map<string, QuoteTarget> {
  const targets = new Map<string, QuoteTarget>();
  for (const section of article.sections) {
    const title = runsText(section.heading.runs);
    if (!targets.has(title))
      targets.set(title, { id: section.heading.id, place: t('article.placeHeading', { heading: title }) });
    let n = 0;
    for (const paragraph of section.paragraphs) {
      for (const sentence of paragraph.sentences) {
        const text = runsText(sentence.runs);
        n++;
        if (!targets.has(text))
          targets.set(text, { id: sentence.id, place: t('article.placeSentence', { section: title, number: n }) });
      }
    }
  }
  return targets;
}

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Scrolls the sentence (or heading) into view and moves focus to it, so reading, Tab and a screen reader go on
 * from there; the style sheet marks it while it has focus and flashes it on arrival.
 */
function jumpToArticle(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
  target.focus({ preventScroll: true });
}

export function QuoteLink({ target }: { target: QuoteTarget | undefined }) {
  if (!target) return null;
  return (
    <>
      {` ${t('article.linkSeparator')} `}
      <a
        class="quote-link"
        href={`#${target.id}`}
        onClick={(event) => {
          // The address keeps naming the open entry (#entry=…); the jump itself is done here.
          event.preventDefault();
          jumpToArticle(target.id);
        }}
      >
        {t('article.readIt')}
        <span class="visually-hidden">{t('article.readItPlace', { place: target.place })}</span>
      </a>
    </>
  );
}
