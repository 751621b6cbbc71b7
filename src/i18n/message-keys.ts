/**
 * The English dictionaries, one import per area: the compiler derives `MessageKey` from them, so a misspelt key passed to t() does not
 * compile. Add a line here when you add `messages/en/<area>.json` (and the same file under every other language).
 */
import firefox from './messages/en/firefox.json';
import manifest from './messages/en/manifest.json';

const en = { ...manifest, ...firefox };
export default en;
