// Preferences: what opens a tooltip and how long to wait, how terms are marked, first occurrence only, private
// reading, and the theme. Every change is saved at once; content scripts pick it up through the storage watch (open pages follow
// without a reload).
import { useEffect, useState } from 'preact/hooks';
import {
  HOVER_DELAY_RANGE,
  setPreferences,
  type HighlightStyle,
  type Preferences,
  type Theme,
  type TooltipTrigger,
} from '../../settings';
import { t } from '../../core/i18n';
import { PrivateSitesList } from './private-sites-list';
import { CardComfortFields } from './card-comfort-fields';
import { saved } from '../shared/save-status';

// Functions, not constants: the words are looked up when the form is drawn.
const triggers = (): { value: TooltipTrigger; label: string; hint: string }[] => [
  { value: 'hover', label: t('preferences.triggerHover'), hint: t('preferences.triggerHoverHint') },
  { value: 'alt-hover', label: t('preferences.triggerAltHover'), hint: t('preferences.triggerAltHoverHint') },
  { value: 'click', label: t('preferences.triggerClick'), hint: t('preferences.triggerClickHint') },
];
const styles = (): { value: HighlightStyle; label: string }[] => [
  { value: 'both', label: t('preferences.styleBoth') },
  { value: 'underline', label: t('preferences.styleUnderline') },
  { value: 'tint', label: t('preferences.styleTint') },
];
const themes = (): { value: Theme; label: string }[] => [
  { value: 'auto', label: t('preferences.themeAuto') },
  { value: 'light', label: t('preferences.themeLight') },
  { value: 'dark', label: t('preferences.themeDark') },
];

export function PreferencesForm({ preferences }: { preferences: Preferences }) {
  // The slider shows its value while it moves and saves when it is let go: one write, not one per step.
  const [delay, setDelay] = useState(preferences.hoverDelayMs);
  useEffect(() => setDelay(preferences.hoverDelayMs), [preferences.hoverDelayMs]);
  const save = (patch: Partial<Preferences>) => void saved(setPreferences(patch));

  return (
    <form class="preferences" onSubmit={(e) => e.preventDefault()}>
      <fieldset class="field">
        <legend>{t('preferences.triggerLegend')}</legend>
        {triggers().map((trigger) => (
          <div key={trigger.value} class="choice-with-hint">
            <label class="choice">
              <input
                type="radio"
                name="trigger"
                value={trigger.value}
                checked={preferences.trigger === trigger.value}
                aria-describedby={`trigger-${trigger.value}-hint`}
                onChange={() => save({ trigger: trigger.value })}
              />
              {trigger.label}
            </label>
            <p id={`trigger-${trigger.value}-hint`} class="choice__hint">
              {trigger.hint}
            </p>
          </div>
        ))}
        <p class="hint">{t('preferences.triggerTouch')}</p>
      </fieldset>
      <div class="field">
        <label for="hover-delay">{t('preferences.delayLabel')}</label>
        <div class="field__row">
          <input
            id="hover-delay"
            type="range"
            min={HOVER_DELAY_RANGE.min}
            max={HOVER_DELAY_RANGE.max}
            step={50}
            value={delay}
            aria-valuetext={t('preferences.delayValueSpoken', delay)}
            onInput={(e) => setDelay(Number(e.currentTarget.value))}
            onChange={(e) =>
              // Not saved: the slider goes back to the stored delay.
              void saved(setPreferences({ hoverDelayMs: Number(e.currentTarget.value) })).then(
                (ok) => ok || setDelay(preferences.hoverDelayMs),
              )
            }
          />
          <output for="hover-delay" class="field__value">
            {t('preferences.delayValue', { delay })}
          </output>
        </div>
        <p class="hint">
          {preferences.trigger === 'click' ? t('preferences.delayHintClick') : t('preferences.delayHint')}
        </p>
      </div>
      <fieldset class="field">
        <legend>{t('preferences.styleLegend')}</legend>
        {styles().map((style) => (
          <label key={style.value} class="choice">
            <input
              type="radio"
              name="highlight-style"
              value={style.value}
              checked={preferences.highlightStyle === style.value}
              onChange={() => save({ highlightStyle: style.value })}
            />
            {style.label}
            <span class={`sample sample--${style.value}`} aria-hidden="true">
              {t('preferences.styleSample')}
            </span>
          </label>
        ))}
      </fieldset>
      <label class="choice">
        <input
          type="checkbox"
          checked={preferences.firstOnly}
          onChange={(e) => save({ firstOnly: e.currentTarget.checked })}
        />
        {t('preferences.firstOnly')}
      </label>
      <div class="choice-with-hint">
        <label class="choice">
          <input
            type="checkbox"
            checked={preferences.privateReading}
            aria-describedby="private-reading-hint"
            onChange={(e) => save({ privateReading: e.currentTarget.checked })}
          />
          {t('preferences.privateReading')}
        </label>
        <p id="private-reading-hint" class="choice__hint">
          {t('preferences.privateReadingHint')}
        </p>
        <PrivateSitesList sites={preferences.privateSites} />
      </div>
      <fieldset class="field">
        <legend>{t('preferences.themeLegend')}</legend>
        {themes().map((theme) => (
          <label key={theme.value} class="choice">
            <input
              type="radio"
              name="theme"
              value={theme.value}
              checked={preferences.theme === theme.value}
              onChange={() => save({ theme: theme.value })}
            />
            {theme.label}
          </label>
        ))}
      </fieldset>
      <CardComfortFields preferences={preferences} save={save} />
    </form>
  );
}
