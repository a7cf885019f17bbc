import { render } from 'preact';
import { t } from '../../core/i18n';
import { declarePage } from '../../components/shared/page-language';
import glossary from 'virtual:rls-lens/glossary';
import { SidePanelApp } from '../../components/side-panel/side-panel-app';
import '../../components/shared/extension-ui.css';
import '../../components/tooltip/visually-hidden.css';
import '../../components/shared/glossary-ui.css';
import '../../components/tooltip/entry-details.css';
import '../../components/tooltip/card-comfort.css';
// The popup's site controls, shown here when the site is switched off; side-panel.css undoes the popup's width.
import '../popup/popup.css';
import './side-panel.css';

declarePage(t('extension.name'));
render(<SidePanelApp glossary={glossary} search={location.search} />, document.getElementById('app')!);
