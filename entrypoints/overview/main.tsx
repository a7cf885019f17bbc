import { render } from 'preact';
import glossary from 'virtual:rls-lens/glossary';
import { OverviewApp } from '../../components/overview-app';
import '../../components/extension-ui.css';
import '../../components/visually-hidden.css';
import '../../components/glossary-ui.css';
import '../../components/entry-details.css';
import './overview.css';

render(<OverviewApp glossary={glossary} />, document.getElementById('app')!);
