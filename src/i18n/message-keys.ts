/**
 * The English dictionaries, one import per area: the compiler derives `MessageKey` from them, so a misspelt key passed to t() does not
 * compile. Add a line here when you add `messages/en/<area>.json` (and the same file under every other language).
 */
import manifest from './messages/en/manifest.json';
import dialer from './messages/en/dialer.json';
import audio from './messages/en/audio.json';

const en = { ...manifest, ...dialer, ...audio };
export default en;
