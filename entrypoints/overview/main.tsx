import { render } from 'preact';
import { t } from '../../core/i18n';
import { declarePage } from '../../components/shared/page-language';
import article from 'virtual:rls-lens/article';
import glossary from 'virtual:rls-lens/glossary';
import { OverviewApp } from '../../components/overview/overview-app';
import '../../components/shared/extension-ui.css';
import '../../components/tooltip/visually-hidden.css';
import '../../components/shared/glossary-ui.css';
import '../../components/tooltip/entry-details.css';
import '../../components/tooltip/card-comfort.css';
import '../../components/overview/article-view.css';
import '../../components/overview/concept-map/concept-map.css';
import './overview.css';
import '../../components/overview/my-terms.css';

declarePage(t('overview.pageTitle'));
render(<OverviewApp glossary={glossary} article={article} />, document.getElementById('app')!);
