import { render } from 'preact';
import { Dialer } from './dialer';
import { isPostDial } from '../../src/call/post-dial';
import { localizeDocument } from '../../src/i18n/localize-document';

localizeDocument(document, 'popupTitle');

const params = new URLSearchParams(location.search);
const ext = params.get('ext');
// Post-dial digits (`,,204;#`) follow the number and its extension, as the user would type them.
const postDialParam = params.get('postDial') ?? '';
const postDial = isPostDial(postDialParam) ? postDialParam : '';
const dial = (params.get('dial') ?? '') + (ext ? ` x${ext}` : '') + postDial;
// `request`: the background opened this window for a reason (why a number could not be called, or why it must be
// confirmed); the sentence itself is asked from the background, never read from the address.
const request = params.get('request');
render(<Dialer initialNumber={dial} {...(request ? { request } : {})} />, document.getElementById('app') as HTMLElement);
