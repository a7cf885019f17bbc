import { render } from 'preact';
import { t } from '../../core/i18n';
import { declarePage } from '../../components/shared/page-language';
import glossary from 'virtual:rls-lens/glossary';
import { PopupApp } from '../../components/popup/popup-app';
import '../../components/shared/extension-ui.css';
import '../../components/tooltip/visually-hidden.css';
import '../../components/shared/glossary-ui.css';
import '../../components/tooltip/entry-details.css';
import '../../components/tooltip/card-comfort.css';
import './popup.css';

declarePage(t('extension.name'));
render(<PopupApp glossary={glossary} search={location.search} />, document.getElementById('app')!);
