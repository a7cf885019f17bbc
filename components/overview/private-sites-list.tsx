// The sites read privately on their own (settings/schema.ts `privateSites`, switched on from the popup), each with
// a way to take it off the list. Nothing is drawn while the list is empty.
import { setPreferences } from '../../settings';
import { t } from '../../core/i18n';
import { saved } from '../shared/save-status';

export function PrivateSitesList({ sites }: { sites: readonly string[] }) {
  if (sites.length === 0) return null;
  const remove = (site: string) => void saved(setPreferences({ privateSites: sites.filter((s) => s !== site) }));
  return (
    <div class="private-sites">
      <p id="private-sites-heading">{t('preferences.privateSites')}</p>
      <ul class="private-sites__list" aria-labelledby="private-sites-heading">
        {sites.map((site) => (
          <li key={site} class="private-sites__site">
            <span class="private-sites__host">{site}</span>
            <button
              type="button"
              class="button button--quiet"
              aria-label={t('preferences.privateSiteRemoveLabel', { site })}
              onClick={() => remove(site)}
            >
              {t('preferences.privateSiteRemove')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
