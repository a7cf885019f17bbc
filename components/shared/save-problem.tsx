// The line that says a settings change was not saved, and why (components/shared/save-status.ts), kept in view at
// the bottom of the popup or the overview until the next change is saved or the reader dismisses it.
import { dismissSaveFailure, type SaveFailure } from './save-status';
import { t } from '../../core/i18n';

export function SaveProblem({ failure }: { failure: SaveFailure | null }) {
  // The alert region is always in the page, so assistive technology hears each new message.
  return (
    <div class={failure ? 'save-problem' : 'save-problem save-problem--empty'}>
      <p class="error save-problem__text" role="alert" key={failure?.id}>
        {failure?.text ?? ''}
      </p>
      {failure && (
        <button type="button" class="button button--quiet" onClick={dismissSaveFailure}>
          {t('settingsWrite.dismiss')}
        </button>
      )}
    </div>
  );
}
