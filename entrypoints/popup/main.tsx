import { render } from 'preact';
import glossary from 'virtual:rls-lens/glossary';
import { PopupApp } from '../../components/popup-app';
import '../../components/extension-ui.css';
import '../../components/visually-hidden.css';
import '../../components/glossary-ui.css';
import '../../components/entry-details.css';
import './popup.css';

render(<PopupApp glossary={glossary} search={location.search} />, document.getElementById('app')!);
