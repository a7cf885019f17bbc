// The tooltip's content, as the reader sees it on a web page: the entry explained (EntryDetails), a way to the
// full glossary, and the disclaimer. Mounting and positioning: content/tooltip/view.tsx; styles: tooltip.css and
// entry-details.css.
import type { Ref } from 'preact';
import type { Evidence, Glossary, GlossaryEntry } from '../../glossary/types';
import type { CardTextSize, Theme } from '../../settings';
import { t, uiLanguage } from '../../core/i18n';
import { EntryDetails } from './entry-details';

export interface TooltipProps {
  entry: GlossaryEntry;
  /** The article sentence to quote (for the form the reader hovered); none: no quote block. */
  quote: Evidence | undefined;
  glossary: Pick<Glossary, 'sections' | 'entries'>;
  theme: Theme;
  /** Reading comfort (the reader's preferences): the card's text size, and high contrast. */
  textSize?: CardTextSize;
  highContrast?: boolean;
  /** Text for the screen-reader live region ("Ferritin, term 3 of 12"); empty when nothing is to be said. */
  announcement: string;
  onSelectRelated(id: string): void;
  onOpenOverview(id: string): void;
  /** The reader marked this entry "I know this" (issue 19): the button undoes it. */
  known?: boolean;
  /** "I know this" and its undo; no button without it. */
  onKnow?(id: string, known: boolean): void;
  onClose(): void;
  tooltipRef?: Ref<HTMLDivElement>;
  arrowRef?: Ref<HTMLDivElement>;
  bodyRef?: Ref<HTMLDivElement>;
}

const TOOLTIP_ID = 'rls-lens-tooltip';
const HEADING_ID = 'rls-lens-tooltip-term';

export function Tooltip(props: TooltipProps) {
  const { entry, glossary, theme, announcement } = props;
  return (
    <div
      class="rls-root"
      data-theme={theme}
      data-text-size={props.textSize ?? 'normal'}
      data-contrast={props.highContrast ? 'high' : undefined}
      // The card is English (the glossary, and the catalogue in use) whatever the page around it: a right-to-left
      // page's direction and language would otherwise reach it through the host.
      lang={uiLanguage()}
      dir="ltr"
    >
      <div
        class="rls-tooltip"
        id={TOOLTIP_ID}
        role="tooltip"
        aria-labelledby={HEADING_ID}
        // Top layer: above every z-index, transform and overflow clip the page may have (content/tooltip/view.tsx).
        popover="manual"
        tabIndex={-1}
        ref={props.tooltipRef}
        data-theme={theme}
      >
        {/* The body scrolls when space is short (200% zoom, small screens); the arrow stays outside it. */}
        <div class="rls-body" ref={props.bodyRef}>
          <button
            type="button"
            class="rls-close"
            aria-label={t('tooltip.close')}
            title={t('tooltip.closeHint')}
            onClick={props.onClose}
          >
            {/* Drawn, not a "×" character: a glyph would be read out and its contrast cannot be measured. */}
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
              <path d="M3 3 13 13M13 3 3 13" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
            </svg>
          </button>
          <EntryDetails
            entry={entry}
            quote={props.quote}
            sections={glossary.sections}
            entries={glossary.entries}
            onSelectRelated={props.onSelectRelated}
            headingLevel={2}
            headingId={HEADING_ID}
          />
          <div class="rls-actions">
            <button type="button" class="rls-overview" onClick={() => props.onOpenOverview(entry.id)}>
              {t('tooltip.openOverview')}
            </button>
            {props.onKnow && <KnowButton id={entry.id} known={props.known ?? false} onKnow={props.onKnow} />}
          </div>
          {props.known && <p class="rls-known">{t('known.cardHint')}</p>}
          <p class="rls-disclaimer">{t('tooltip.disclaimer')}</p>
        </div>
        <div class="rls-arrow" ref={props.arrowRef} aria-hidden="true" />
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}

/** "I know this": one button whose words say what pressing it does, so the focus stays on it when it turns. */
function KnowButton({ id, known, onKnow }: { id: string; known: boolean; onKnow(id: string, known: boolean): void }) {
  return (
    <button type="button" class="rls-know" onClick={() => onKnow(id, !known)}>
      {known ? t('known.cardUndo') : t('known.cardKnow')}
    </button>
  );
}
