import { render } from 'preact';
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

render(<OverviewApp glossary={glossary} article={article} />, document.getElementById('app')!);
