import { render } from 'preact';
import { Dialer } from './dialer';

const params = new URLSearchParams(location.search);
const ext = params.get('ext');
const dial = params.get('dial') ?? '';
render(<Dialer initialNumber={ext ? `${dial};ext=${ext}` : dial} initialMessage={params.get('reason') ?? ''} />, document.getElementById('app') as HTMLElement);
