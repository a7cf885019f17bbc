// The overview page's list of sites: which sites are highlighted by default (the site mode), every rule with its
// switch and a remove button, a form to add one, and the pause for all sites.
import { useState } from 'preact/hooks';
import {
  coversManySites, displayPattern, parsePatternInput, removeRule, ruleMatters, setGlobalEnabled, setRule, setSiteMode,
  type AllSettings, type SiteMode,
} from '../settings';
import { pauseLabel } from './site-controls';
import { SwitchButton } from './switch-button';

const MODES: { value: SiteMode; label: string }[] = [
  { value: 'opt-out', label: 'All sites, except those I switch off' },
  { value: 'opt-in', label: 'Only the sites I switch on' },
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
      setError('Enter a site such as example.com, or a whole domain such as *.example.com.');
      return;
    }
    setError(null);
    setInput('');
    void setRule({ pattern, enabled });
  };

  return (
    <div class="sites">
      <fieldset class="field">
        <legend>Highlight terms on</legend>
        {MODES.map((mode) => (
          <label key={mode.value} class="choice">
            <input
              type="radio"
              name="site-mode"
              value={mode.value}
              checked={settings.mode === mode.value}
              onChange={() => void setSiteMode(mode.value)}
            />
            {mode.label}
          </label>
        ))}
        <p class="hint">
          Changing this keeps every rule below: a site you switched off stays off and a site you switched on stays
          on, in both modes. Only sites without a rule change.
        </p>
      </fieldset>
      <SwitchButton checked={settings.globalEnabled} onChange={(on) => void setGlobalEnabled(on)}>
        {pauseLabel(settings)}
      </SwitchButton>
      <p class="hint">
        A rule for a site wins over a rule for its whole domain (*.example.com), and both win over the default
        {settings.mode === 'opt-in' ? ' of highlighting nowhere' : ' of highlighting everywhere'}. Pausing keeps the
        rules for later.
      </p>
      {settings.rules.length === 0 ? (
        <p class="panel__empty">
          No site rules yet. Switch a site {settings.mode === 'opt-in' ? 'on' : 'off'} from the toolbar popup, or add one here.
        </p>
      ) : (
        <ul class="rules" aria-label="Site rules">
          {settings.rules.map((rule) => (
            <li key={rule.pattern} class="rules__row">
              <SwitchButton checked={rule.enabled} onChange={(on) => void setRule({ pattern: rule.pattern, enabled: on })}>
                Highlight on <span class="site__host">{displayPattern(rule.pattern)}</span>
                {/* A rule from an older version for a shared-hosting suffix (*.github.io) covers everyone's sites. */}
                {coversManySites(rule.pattern) && <span class="rules__warning"> (every site under this name, not one site)</span>}
                {/* Kept from the other mode (or repeated by a wider rule): said, so that nothing looks lost or broken. */}
                {!ruleMatters(rule, settings.rules, settings.mode) && <span class="rules__note"> (no effect in this mode)</span>}
              </SwitchButton>
              <button type="button" class="button button--quiet" onClick={() => void removeRule(rule.pattern)}>
                Remove<span class="visually-hidden"> the rule for {displayPattern(rule.pattern)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-rule" onSubmit={add} noValidate>
        <div class="field">
          <label for="rule-pattern">Site or domain</label>
          <input
            id="rule-pattern"
            type="text"
            autocomplete="off"
            spellcheck={false}
            placeholder="example.com or *.example.com"
            value={input}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'rule-error' : undefined}
            onInput={(e) => setInput(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="rule-enabled">Terms there</label>
          <select id="rule-enabled" value={enabled ? 'on' : 'off'} onChange={(e) => setEnabled(e.currentTarget.value === 'on')}>
            <option value="off">Not highlighted</option>
            <option value="on">Highlighted</option>
          </select>
        </div>
        <button type="submit" class="button">
          Add rule
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
