// Reading comfort, in the overview's Preferences: the cards' text size and high contrast. They apply at once to the
// card open in a page (content/tooltip/view.tsx redraws it), to the popup's and the side panel's cards, and to this
// page's own card (components/shared/use-settings.ts, useCardComfort).
import { CARD_TEXT_SIZES, type CardTextSize, type Preferences } from '../../settings';
import { t } from '../../core/i18n';

// A function, not a constant: the words are looked up when the form is drawn.
const sizeLabel = (size: CardTextSize): string =>
  size === 'large'
    ? t('preferences.cardTextSizeLarge')
    : size === 'larger'
      ? t('preferences.cardTextSizeLarger')
      : t('preferences.cardTextSizeNormal');

export function CardComfortFields({
  preferences,
  save,
}: {
  preferences: Preferences;
  save: (patch: Partial<Preferences>) => void;
}) {
  return (
    <>
      <fieldset class="field">
        <legend>{t('preferences.cardTextSizeLegend')}</legend>
        {CARD_TEXT_SIZES.map((size) => (
          <label key={size} class="choice">
            <input
              type="radio"
              name="card-text-size"
              value={size}
              checked={preferences.cardTextSize === size}
              onChange={() => save({ cardTextSize: size })}
            />
            {sizeLabel(size)}
          </label>
        ))}
      </fieldset>
      <div class="choice-with-hint">
        <label class="choice">
          <input
            type="checkbox"
            name="high-contrast"
            checked={preferences.highContrast}
            aria-describedby="high-contrast-hint"
            onChange={(e) => save({ highContrast: e.currentTarget.checked })}
          />
          {t('preferences.highContrast')}
        </label>
        <p id="high-contrast-hint" class="choice__hint">
          {t('preferences.highContrastHint')}
        </p>
      </div>
    </>
  );
}
