import { render } from 'preact';
import { Options } from './options-page';
import { localizeDocument } from '../../src/i18n/localize-document';

localizeDocument(document, 'optionsTitle');

render(<Options />, document.getElementById('app') as HTMLElement);
