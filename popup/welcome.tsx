import { render } from 'preact';
import { WelcomePage } from './welcome-page';

render(<WelcomePage />, document.getElementById('app') as HTMLElement);
