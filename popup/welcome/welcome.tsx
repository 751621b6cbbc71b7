import { render } from 'preact';
import { localizeDocument } from '../../src/i18n/localize-document';
import { WelcomePage } from './welcome-page';

localizeDocument(document, 'welcomeTitle');
render(<WelcomePage />, document.getElementById('app') as HTMLElement);
