import { render } from 'preact';
import { t } from '../../core/i18n';
import { declarePage } from '../../components/page-language';
import article from 'virtual:rls-lens/article';
import glossary from 'virtual:rls-lens/glossary';
import { OverviewApp } from '../../components/overview-app';
import '../../components/extension-ui.css';
import '../../components/visually-hidden.css';
import '../../components/glossary-ui.css';
import '../../components/entry-details.css';
import '../../components/article-view.css';
import '../../components/concept-map.css';
import './overview.css';

declarePage(t('overview.pageTitle'));
render(<OverviewApp glossary={glossary} article={article} />, document.getElementById('app')!);
