import { render } from 'preact';
import { Dialer } from './dialer';
import { localizeDocument } from '../src/i18n/localize-document';

localizeDocument(document, 'popupTitle');

const params = new URLSearchParams(location.search);
const ext = params.get('ext');
const dial = params.get('dial') ?? '';
render(<Dialer initialNumber={ext ? `${dial};ext=${ext}` : dial} initialMessage={params.get('reason') ?? ''} />, document.getElementById('app') as HTMLElement);
