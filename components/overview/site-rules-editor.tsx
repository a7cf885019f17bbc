// The overview page's list of sites: which sites are highlighted by default (the site mode), every rule with its
// switch and a remove button, a form to add one, and the pause for all sites.
import { useState } from 'preact/hooks';
import {
  coversManySites,
  displayPattern,
  parsePatternInput,
  removeRule,
  ruleMatters,
  setGlobalEnabled,
  setRule,
  setSiteMode,
  type AllSettings,
  type SiteMode,
} from '../../settings';
import { pauseLabel } from '../shared/site-controls';
import { SwitchButton } from '../shared/switch-button';
import { richMessage } from '../shared/rich-message';
import { t } from '../../core/i18n';
import { saved } from '../shared/save-status';

const modes = (): { value: SiteMode; label: string }[] => [
  { value: 'opt-out', label: t('sites.modeOptOut') },
  { value: 'opt-in', label: t('sites.modeOptIn') },
];

export function SiteRulesEditor({ settings }: { settings: AllSettings }) {
  const [input, setInput] = useState('');
  // Until the person picks one, a new rule says the opposite of the mode's default: the only rule that does something.
  const [chosen, setEnabled] = useState<boolean | null>(null);
  const enabled = chosen ?? settings.mode === 'opt-in';
  const [error, setError] = useState<string | null>(null);

  const add = (event: Event) => {
    event.preventDefault();
    const pattern = parsePatternInput(input);
    if (!pattern) {
      setError(t('sites.inputError'));
      return;
    }
    setError(null);
    const typed = input;
    setInput('');
    // Not saved: what was typed comes back, to try again.
    void saved(setRule({ pattern, enabled })).then((ok) => ok || setInput(typed));
  };

  return (
    <div class="sites">
      <fieldset class="field">
        <legend>{t('sites.modeLegend')}</legend>
        {modes().map((mode) => (
          <label key={mode.value} class="choice">
            <input
              type="radio"
              name="site-mode"
              value={mode.value}
              checked={settings.mode === mode.value}
              onChange={() => void saved(setSiteMode(mode.value))}
            />
            {mode.label}
          </label>
        ))}
        <p class="hint">{t('sites.modeHint')}</p>
      </fieldset>
      <SwitchButton checked={settings.globalEnabled} onChange={(on) => void saved(setGlobalEnabled(on))}>
        {pauseLabel(settings)}
      </SwitchButton>
      <p class="hint">{settings.mode === 'opt-in' ? t('sites.orderHintOptIn') : t('sites.orderHintOptOut')}</p>
      {settings.rules.length === 0 ? (
        <p class="panel__empty">{settings.mode === 'opt-in' ? t('sites.emptyOptIn') : t('sites.emptyOptOut')}</p>
      ) : (
        <ul class="rules" aria-label={t('sites.listLabel')}>
          {settings.rules.map((rule) => (
            <li key={rule.pattern} class="rules__row">
              <SwitchButton
                checked={rule.enabled}
                onChange={(on) => void saved(setRule({ pattern: rule.pattern, enabled: on }))}
              >
                {richMessage('sites.highlightOn', {
                  pattern: <span class="site__host">{displayPattern(rule.pattern)}</span>,
                })}
                {/* A rule from an older version for a shared-hosting suffix (*.github.io) covers everyone's sites. */}
                {coversManySites(rule.pattern) && <span class="rules__warning"> {t('sites.coversMany')}</span>}
                {/* Kept from the other mode (or repeated by a wider rule): said, so that nothing looks lost or broken. */}
                {!ruleMatters(rule, settings.rules, settings.mode) && (
                  <span class="rules__note"> {t('sites.noEffect')}</span>
                )}
              </SwitchButton>
              <button type="button" class="button button--quiet" onClick={() => void saved(removeRule(rule.pattern))}>
                {t('sites.remove')}
                <span class="visually-hidden"> {t('sites.removeWhat', { pattern: displayPattern(rule.pattern) })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-rule" onSubmit={add} noValidate>
        <div class="field">
          <label for="rule-pattern">{t('sites.patternLabel')}</label>
          <input
            id="rule-pattern"
            type="text"
            autocomplete="off"
            spellcheck={false}
            placeholder={t('sites.patternPlaceholder')}
            value={input}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'rule-error' : undefined}
            onInput={(e) => setInput(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="rule-enabled">{t('sites.enabledLabel')}</label>
          <select
            id="rule-enabled"
            value={enabled ? 'on' : 'off'}
            onChange={(e) => setEnabled(e.currentTarget.value === 'on')}
          >
            <option value="off">{t('sites.notHighlighted')}</option>
            <option value="on">{t('sites.highlighted')}</option>
          </select>
        </div>
        <button type="submit" class="button">
          {t('sites.add')}
        </button>
        {error && (
          <p id="rule-error" class="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
