import { render } from 'preact';
import { Dialer } from './dialer';

const params = new URLSearchParams(location.search);
render(<Dialer initialNumber={params.get('dial') ?? ''} initialExt={params.get('ext') ?? ''} />, document.getElementById('app') as HTMLElement);
