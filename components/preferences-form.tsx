// Preferences: what opens a tooltip and how long to wait, how terms are marked, first occurrence only, and the
// theme. Every change is saved at once; content scripts pick it up through the storage watch (open pages follow
// without a reload).
import { useEffect, useState } from 'preact/hooks';
import { HOVER_DELAY_RANGE, setPreferences, type HighlightStyle, type Preferences, type Theme, type TooltipTrigger } from '../settings';

const TRIGGERS: { value: TooltipTrigger; label: string; hint: string }[] = [
  { value: 'hover', label: 'Resting the pointer on a term', hint: 'A click on a term opens it too.' },
  {
    value: 'alt-hover',
    label: 'Resting the pointer on a term while holding Alt (Option ⌥ on a Mac)',
    hint: 'Press Alt while the pointer is on a term to open it at once; letting go of Alt keeps it open.',
  },
  { value: 'click', label: 'Clicking a term', hint: 'Nothing opens on hover. Links stay links.' },
];

const STYLES: { value: HighlightStyle; label: string }[] = [
  { value: 'both', label: 'Underline and tint' },
  { value: 'underline', label: 'Underline' },
  { value: 'tint', label: 'Tint' },
];
const THEMES: { value: Theme; label: string }[] = [
  { value: 'auto', label: 'Same as the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function PreferencesForm({ preferences }: { preferences: Preferences }) {
  // The slider shows its value while it moves and saves when it is let go: one write, not one per step.
  const [delay, setDelay] = useState(preferences.hoverDelayMs);
  useEffect(() => setDelay(preferences.hoverDelayMs), [preferences.hoverDelayMs]);
  const save = (patch: Partial<Preferences>) => void setPreferences(patch).catch((e: unknown) => console.warn(e));

  return (
    <form class="preferences" onSubmit={(e) => e.preventDefault()}>
      <fieldset class="field">
        <legend>Open a term’s explanation by</legend>
        {TRIGGERS.map((trigger) => (
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
        <p class="hint">On a touch screen a tap opens it, and the keyboard shortcuts work in every mode.</p>
      </fieldset>
      <div class="field">
        <label for="hover-delay">Tooltip delay</label>
        <div class="field__row">
          <input
            id="hover-delay"
            type="range"
            min={HOVER_DELAY_RANGE.min}
            max={HOVER_DELAY_RANGE.max}
            step={50}
            value={delay}
            aria-valuetext={`${delay} milliseconds`}
            onInput={(e) => setDelay(Number(e.currentTarget.value))}
            onChange={(e) => save({ hoverDelayMs: Number(e.currentTarget.value) })}
          />
          <output for="hover-delay" class="field__value">
            {delay} ms
          </output>
        </div>
        <p class="hint">
          How long the pointer rests on a term before its explanation opens
          {preferences.trigger === 'click' ? ' (not used while explanations open on click)' : ''}.
        </p>
      </div>
      <fieldset class="field">
        <legend>How terms are marked</legend>
        {STYLES.map((style) => (
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
              ferritin
            </span>
          </label>
        ))}
      </fieldset>
      <label class="choice">
        <input type="checkbox" checked={preferences.firstOnly} onChange={(e) => save({ firstOnly: e.currentTarget.checked })} />
        Mark only the first time each term appears on a page
      </label>
      <fieldset class="field">
        <legend>Colours</legend>
        {THEMES.map((theme) => (
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
    </form>
  );
}
