// The PDF reader page (components/reader/). Its text layer is read by the same page session as any web page
// (components/reader/reader-session.ts).
import { render } from 'preact';
import { t } from '../../core/i18n';
import { declarePage } from '../../components/shared/page-language';
import { ReaderApp } from '../../components/reader/reader-app';
import { startReaderSession } from '../../components/reader/reader-session';
import '../../components/shared/extension-ui.css';
import '../../components/reader/reader.css';
import '../../content/highlights.css';

declarePage(t('reader.title'));
render(<ReaderApp search={location.search} />, document.getElementById('app')!);
startReaderSession();
