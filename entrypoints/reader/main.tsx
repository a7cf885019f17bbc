// The PDF reader page (components/reader/). Its text layer is read by the same page session as any web page
// (content/page-session.ts: matcher, context rule, highlights, tooltips, keyboard steps, reports), started here on
// this document, since browsers run no content script in an extension's own pages.
import { render } from 'preact';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '../../core/i18n';
import { declarePage } from '../../components/shared/page-language';
import { ReaderApp } from '../../components/reader/reader-app';
import { startPageSession } from '../../content/page-session';
import '../../components/shared/extension-ui.css';
import '../../components/reader/reader.css';
import '../../content/highlights.css';

declarePage(t('reader.title'));
render(<ReaderApp search={location.search} />, document.getElementById('app')!);
startPageSession(new ContentScriptContext('reader'));
