import { render } from 'preact';
import { t } from '../../core/i18n';
import { declarePage } from '../../components/page-language';
import glossary from 'virtual:rls-lens/glossary';
import { PopupApp } from '../../components/popup-app';
import '../../components/extension-ui.css';
import '../../components/visually-hidden.css';
import '../../components/glossary-ui.css';
import '../../components/entry-details.css';
import './popup.css';

declarePage(t('extension.name'));
render(<PopupApp glossary={glossary} search={location.search} />, document.getElementById('app')!);
