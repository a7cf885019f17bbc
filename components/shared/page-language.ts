// What an extension page says about itself before anything is drawn: its language and its title, both from the
// catalogue (the HTML's own <title> and lang="en" are the fallback while the script loads).
import { uiLanguage } from '../../core/i18n';

export function declarePage(title: string): void {
  document.documentElement.lang = uiLanguage();
  document.title = title;
}
