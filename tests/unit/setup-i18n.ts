// Every unit test reads the extension's strings from the English catalogue, as the browser would: the fake browser's
// i18n.getMessage answers from locales/en.yml (tests/fixtures/catalogue.ts).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage } from '../fixtures/catalogue';

(fakeBrowser.i18n as { getMessage: typeof getMessage }).getMessage = getMessage;
