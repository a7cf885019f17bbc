// The terms the reader marked "I know this" on a card (preferences.knownTerms): each drawn as pages draw it now
// (quieter), with Undo, which brings back the usual marking on every open page at once.
import type { GlossaryEntry } from '../../glossary/types';
import { setKnown } from '../../settings/known-terms';
import { glossaryLang, t } from '../../core/i18n';
import { saved } from '../shared/save-status';

export function KnownTermsList({ known, entries }: { known: readonly string[]; entries: readonly GlossaryEntry[] }) {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const listed = known.flatMap((id) => byId.get(id) ?? []);
  const undo = (id: string) => void saved(setKnown(id, false));
  return (
    <div class="known-terms">
      <h3 id="known-terms-heading">{t('known.heading')}</h3>
      <p class="hint">{t('known.hint')}</p>
      {listed.length === 0 ? (
        <p class="hint">{t('known.empty')}</p>
      ) : (
        <ul class="my-terms__list" aria-labelledby="known-terms-heading">
          {listed.map((entry) => (
            <li key={entry.id} class="my-terms__item" data-known={entry.id}>
              <span class="my-terms__term sample--faint" lang={glossaryLang()}>
                {entry.term}
              </span>
              <button
                type="button"
                class="button button--quiet"
                aria-label={t('known.undoLabel', { term: entry.term })}
                onClick={() => undo(entry.id)}
              >
                {t('known.undo')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
