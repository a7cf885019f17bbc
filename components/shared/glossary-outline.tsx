// The article's outline: each section with its one-line summary and its entries as chips to open.
import type { Glossary } from '../../glossary/types';
import { glossaryLang, t } from '../../core/i18n';

export interface GlossaryOutlineProps {
  glossary: Glossary;
  onSelect: (entryId: string) => void;
  /** Entry ids to mark as present on the page (the popup); none on the overview page. */
  onPage?: Record<string, number>;
  /** Heading level of the section titles. */
  headingLevel?: 3 | 4;
  /** The entry whose card is open beside the outline (overview page), marked with aria-current. */
  currentId?: string | null;
}

export function GlossaryOutline({ glossary, onSelect, onPage, headingLevel = 3, currentId }: GlossaryOutlineProps) {
  const Heading = `h${headingLevel}` as 'h3' | 'h4';
  const byId = new Map(glossary.entries.map((e) => [e.id, e]));
  return (
    <ol class="outline">
      {glossary.sections.map((section) => (
        <li key={section.id} class="outline__section" aria-labelledby={`section-${section.id}`}>
          <Heading class="outline__title" id={`section-${section.id}`} lang={glossaryLang()}>
            {section.title}
          </Heading>
          <p class="outline__summary" lang={glossaryLang()}>
            {section.summary}
          </p>
          <ul class="chips" aria-label={t('outline.termsIn', { section: section.title })}>
            {section.entryIds.map((id) => {
              const entry = byId.get(id);
              if (!entry) return null;
              const count = onPage?.[id] ?? 0;
              return (
                <li key={id}>
                  <button
                    type="button"
                    class={`chip${count > 0 ? ' chip--on-page' : ''}`}
                    data-entry={id}
                    aria-current={currentId === id ? 'true' : undefined}
                    onClick={() => onSelect(id)}
                  >
                    {entry.term}
                    {count > 0 && <span class="visually-hidden"> {t('outline.onPage')}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ol>
  );
}
