// The side panel's list: the page's terms by article section, each a button with its count that opens its card,
// then its occurrences as one-line snippets (the page's words around the term, the term in bold, all as text) that
// show that occurrence on the page. Every item is a button in the Tab order; Up and Down arrows (Home, End) move
// between items too, so a long list is quick to get through.
import type { TargetedKeyboardEvent } from 'preact';
import type { PanelModel, PanelOccurrence, PanelTerm } from './side-panel-model';
import { t } from '../../core/i18n';

export interface SidePanelTermsProps {
  model: PanelModel;
  /** `${frameId}:${index}` of the occurrence last shown on the page. */
  current: string | null;
  onOpen(entryId: string): void;
  onReveal(occurrence: PanelOccurrence): void;
  onMore(entryId: string): void;
}

export const occurrenceKey = (o: Pick<PanelOccurrence, 'frameId' | 'index'>) => `${o.frameId}:${o.index}`;
/**
 * The words before the term sit in a right-to-left box (so that they are cut at their start), where the bidi
 * algorithm moves a space at the end of a line to the far side; a no-break space is not such a space and stays.
 */
const keepTrailingSpace = (text: string) => text.replace(/ $/, '\u00a0');

/** Arrow keys move the focus between the list's items (the buttons marked data-nav), in order. */
function moveFocus(event: TargetedKeyboardEvent<HTMLElement>): void {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-nav]')];
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? items.length - 1
        : event.key === 'ArrowDown'
          ? Math.min(items.length - 1, at + 1)
          : Math.max(0, at === -1 ? 0 : at - 1);
  event.preventDefault();
  items[next]!.focus();
}

function Snippet({
  occurrence,
  n,
  count,
  current,
  onReveal,
}: {
  occurrence: PanelOccurrence;
  n: number;
  count: number;
  current: boolean;
  onReveal(o: PanelOccurrence): void;
}) {
  const { before, text, after, inFrame } = occurrence;
  return (
    <li>
      <button
        type="button"
        class="sp-snippet"
        data-nav
        data-occurrence={occurrenceKey(occurrence)}
        aria-current={current ? 'true' : undefined}
        title={inFrame ? t('sidePanel.inFrame') : undefined}
        onClick={() => onReveal(occurrence)}
      >
        <span class="visually-hidden">{`${t(inFrame ? 'sidePanel.positionInFrame' : 'sidePanel.position', count, { position: n })} `}</span>
        {/* Cut at its start when the line is short of room (side-panel.css), so the words next to the term stay. */}
        <span class="sp-snippet__before">
          <span dir="ltr">{keepTrailingSpace(before)}</span>
        </span>
        <b class="sp-snippet__term">{text}</b>
        <span class="sp-snippet__after">{after}</span>
      </button>
    </li>
  );
}

function TermItem({
  term,
  current,
  onOpen,
  onReveal,
  onMore,
}: { term: PanelTerm } & Omit<SidePanelTermsProps, 'model'>) {
  const { entry, count, occurrences } = term;
  return (
    <li class="sp-term">
      <button
        type="button"
        class="sp-term__name"
        data-nav
        data-entry={entry.id}
        data-count={count}
        onClick={() => onOpen(entry.id)}
      >
        <span class="sp-term__label">{entry.term}</span>
        <span class="sp-term__count">
          {count}
          <span class="visually-hidden"> {t('sidePanel.times', count)}</span>
        </span>
      </button>
      {occurrences.length > 0 && (
        <ol class="sp-snippets" aria-label={t('sidePanel.occurrencesLabel', { term: entry.term })}>
          {occurrences.map((o, i) => (
            <Snippet
              key={occurrenceKey(o)}
              occurrence={o}
              n={i + 1}
              count={count}
              current={current === occurrenceKey(o)}
              onReveal={onReveal}
            />
          ))}
        </ol>
      )}
      {count > occurrences.length && (
        <button type="button" class="link-button sp-more" data-nav onClick={() => onMore(entry.id)}>
          {t('sidePanel.showMore', count, { term: entry.term, shown: occurrences.length })}
        </button>
      )}
    </li>
  );
}

export function SidePanelTerms({ model, ...rest }: SidePanelTermsProps) {
  return (
    <div class="sp-list" onKeyDown={moveFocus}>
      {model.sections.map(({ section, terms }) => (
        <section key={section.id} class="sp-section" aria-labelledby={`sp-section-${section.id}`}>
          <h2 id={`sp-section-${section.id}`} class="sp-section__title">
            {section.title}
          </h2>
          <ul class="sp-terms">
            {terms.map((term) => (
              <TermItem key={term.entry.id} term={term} {...rest} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
