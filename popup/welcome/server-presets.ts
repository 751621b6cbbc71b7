import { t, type MessageKey } from '../../src/i18n';

/** The welcome page's server kinds. A preset only changes the form's examples and hint: it never fills in values. */
export const SERVER_PRESETS = ['asterisk', 'freeswitch', 'kamailio', 'generic'] as const;
export type ServerPreset = (typeof SERVER_PRESETS)[number];

export interface PresetExamples {
  label: string;
  /** What to configure on the server side and where the values come from. */
  hint: string;
  /** Placeholders for the account form (examples with the usual port and path). */
  examples: { server: string; username: string; domain: string };
}

const LABEL: Record<ServerPreset, MessageKey> = {
  asterisk: 'welcomePresetAsterisk',
  freeswitch: 'welcomePresetFreeswitch',
  kamailio: 'welcomePresetKamailio',
  generic: 'welcomePresetGeneric',
};
const HINT: Record<ServerPreset, MessageKey> = {
  asterisk: 'welcomeHintAsterisk',
  freeswitch: 'welcomeHintFreeswitch',
  kamailio: 'welcomeHintKamailio',
  generic: 'welcomeHintGeneric',
};
const USER: Record<ServerPreset, MessageKey> = {
  asterisk: 'welcomeUserAsterisk',
  freeswitch: 'welcomeUserFreeswitch',
  kamailio: 'welcomeUserKamailio',
  generic: 'welcomeUserGeneric',
};
/** The usual WebSocket endpoint of each server (README, *Your SIP server*). */
const SERVER: Record<ServerPreset, string> = {
  asterisk: 'wss://pbx.example.com:8089/ws',
  freeswitch: 'wss://fs.example.com:7443',
  kamailio: 'wss://sip.example.com:443 (or :8443)',
  generic: 'wss://webrtc.provider.example/ws',
};

/** The label, hint and placeholders of one preset, in the user's language. */
export function presetExamples(preset: ServerPreset): PresetExamples {
  const server = SERVER[preset];
  const host = /^wss:\/\/([^:/ ]+)/.exec(server)?.[1] ?? '';
  return { label: t(LABEL[preset]), hint: t(HINT[preset]), examples: { server, username: t(USER[preset]), domain: host } };
}
