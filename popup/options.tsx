import { render } from 'preact';
import { Options } from './options-page';

render(<Options />, document.getElementById('app') as HTMLElement);
