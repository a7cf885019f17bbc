import { render } from 'preact';
import { t } from '../../core/i18n';
import { declarePage } from '../../components/shared/page-language';
import glossary from 'virtual:rls-lens/glossary';
import { SheetApp } from '../../components/sheet/sheet-app';
import { idsFromSearch } from '../../components/sheet/sheet-document';
import '../../components/shared/extension-ui.css';
import '../../components/tooltip/visually-hidden.css';
import '../../components/shared/glossary-ui.css';
import '../../components/sheet/sheet.css';

declarePage(t('sheet.documentTitle'));
render(<SheetApp glossary={glossary} preselected={idsFromSearch(location.search)} />, document.getElementById('app')!);
