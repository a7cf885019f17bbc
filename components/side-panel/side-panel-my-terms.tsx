// My terms in the side panel (issue 19): the reader's list, most looked-up first, each a button to its card here.
// Folded away under its heading; absent while the reader keeps no list and has none (settings/my-terms.ts).
import type { Glossary } from '../../glossary/types';
import { ranked } from '../../settings/my-terms';
import { glossaryLang, t } from '../../core/i18n';
import { useMyTerms } from '../shared/use-my-terms';

export function SidePanelMyTerms({ glossary, onOpen }: { glossary: Glossary; onOpen(entryId: string): void }) {
  const data = useMyTerms();
  const byId = new Map(glossary.entries.map((e) => [e.id, e]));
  const rows = data ? ranked(data.terms).filter(([id]) => byId.has(id)) : [];
  if (!data || (!data.on && rows.length === 0)) return null;
  return (
    <details class="sp-my-terms">
      <summary>{t('myTerms.heading')}</summary>
      {rows.length === 0 ? (
        <p class="sp-note">{t('myTerms.empty')}</p>
      ) : (
        <ul class="sp-my-terms__list" aria-label={t('myTerms.listLabel')}>
          {rows.map(([id, lookUps]) => (
            <li key={id} class="sp-my-terms__item" data-entry={id}>
              <button type="button" class="link-button" lang={glossaryLang()} onClick={() => onOpen(id)}>
                {byId.get(id)!.term}
              </button>
              <span class="sp-my-terms__count">{t('myTerms.times', lookUps.count)}</span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
