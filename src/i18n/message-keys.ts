/**
 * The English dictionaries, one import per area: the compiler derives `MessageKey` from them, so a misspelt key passed to t() does not
 * compile. Add a line here when you add `messages/en/<area>.json` (and the same file under every other language).
 */
import firefox from './messages/en/firefox.json';
import manifest from './messages/en/manifest.json';
import onboarding from './messages/en/onboarding.json';
import managed from './messages/en/managed.json';
import calls from './messages/en/calls.json';
import background from './messages/en/background.json';
import popup from './messages/en/popup.json';
import options from './messages/en/options.json';
import welcome from './messages/en/welcome.json';
import dialer from './messages/en/dialer.json';
import audio from './messages/en/audio.json';
import secrets from './messages/en/secrets.json';
import trust from './messages/en/trust.json';
import alwaysOn from './messages/en/always-on.json';
import servers from './messages/en/servers.json';
import certificates from './messages/en/certificates.json';
import dnd from './messages/en/dnd.json';
import lines from './messages/en/lines.json';
import cti from './messages/en/cti.json';
import crm from './messages/en/crm.json';

const en = { ...manifest, ...onboarding, ...managed, ...calls, ...background, ...popup, ...options, ...welcome, ...firefox, ...dialer, ...audio, ...secrets, ...trust, ...alwaysOn, ...servers, ...certificates, ...dnd, ...lines, ...cti, ...crm };
export default en;
