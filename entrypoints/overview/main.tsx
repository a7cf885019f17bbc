import { render } from 'preact';

render(<main><h1>RLS Lens</h1></main>, document.getElementById('app')!);
