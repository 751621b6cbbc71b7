import { render } from 'preact';
import { Dialer } from './dialer';
import { localizeDocument } from '../../src/i18n/localize-document';

localizeDocument(document, 'popupTitle');

const params = new URLSearchParams(location.search);
const ext = params.get('ext');
const dial = params.get('dial') ?? '';
// `request`: the background opened this window for a reason (why a number could not be called, or why it must be
// confirmed); the sentence itself is asked from the background, never read from the address.
const request = params.get('request');
render(<Dialer initialNumber={ext ? `${dial};ext=${ext}` : dial} {...(request ? { request } : {})} />, document.getElementById('app') as HTMLElement);
