// The one call entrypoints/content.ts makes for tooltips: preferences, the step/reveal messages, and the
// controller, all stopped by the same signal as the engine (switching highlighting off removes the tooltip too).
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Glossary } from '../glossary/types';
import { DEFAULT_PREFERENCES, siteSettings, watchSiteSettings, type Preferences } from '../settings';
import { isContentRequest } from '../core/messages';
import type { TermIndex } from './terms';
import { initTooltips, type InitTooltipsOptions, type Tooltips } from './tooltip-controller';

export interface StartTooltipsOptions extends Omit<InitTooltipsOptions, 'getPreferences'> {
  /** Preferences the caller already keeps; without it the tooltips read and watch them themselves. */
  getPreferences?: InitTooltipsOptions['getPreferences'];
}

export function startTooltips(options: StartTooltipsOptions): Tooltips {
  const { signal } = options;
  let getPreferences = options.getPreferences;
  if (!getPreferences) {
    let preferences: Preferences = { ...DEFAULT_PREFERENCES };
    const host = location.hostname;
    siteSettings(host)
      .then((s) => (preferences = s.preferences))
      .catch(() => undefined); // defaults stand; the settings module already warned
    watchSiteSettings(host, (s) => (preferences = s.preferences), signal);
    getPreferences = () => preferences;
  }
  const tooltips = initTooltips({ ...options, getPreferences });

  // Steps arrive only in the top frame (the background sends them there); a reveal from the popup is handled by
  // the top frame too, so one request never opens a tooltip in every frame.
  if (window === window.top) {
    const onMessage = (message: unknown) => {
      if (!isContentRequest(message)) return undefined;
      if (message.type === 'rls-lens:step') tooltips.step(message.direction === -1 ? -1 : 1);
      else if (message.type === 'rls-lens:reveal') tooltips.reveal(String(message.entryId));
      return undefined; // no reply: other listeners answer their own requests
    };
    browser.runtime.onMessage.addListener(onMessage);
    signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
  }
  return tooltips;
}

export type { Tooltips };
