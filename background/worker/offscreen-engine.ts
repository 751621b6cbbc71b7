import { currentLanguage } from '../../src/i18n/t';
import { engineChannel } from './engine-channel';
import { PAGES } from '../../src/well-known';

const OFFSCREEN_PATH = PAGES.offscreen;
let creating: Promise<void> | undefined;

/**
 * Creates Chrome's offscreen document once (checked with `runtime.getContexts`, plus an in-flight promise so two
 * wake-ups never race). Reasons USER_MEDIA and WEB_RTC: Chrome closes AUDIO_PLAYBACK-only documents after 30 s of
 * silence, and the engine must outlive idle periods to keep the registration. The document has no `chrome.i18n`: its
 * URL tells it the UI language (`?lang=de`), so the sentences the engine writes match the popup's language. An
 * extension has at most one offscreen document, so the check needs no URL.
 */
export async function ensureOffscreenEngine(): Promise<void> {
  const existing = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] });
  if (existing.length > 0) return;
  creating ??= chrome.offscreen
    .createDocument({
      url: `${OFFSCREEN_PATH}?lang=${currentLanguage()}`,
      reasons: [chrome.offscreen.Reason.USER_MEDIA, chrome.offscreen.Reason.WEB_RTC],
      justification: 'Keeps the SIP registration and calls (microphone and WebRTC audio) alive while tabs come and go.',
    })
    .catch((error: unknown) => {
      // Another wake-up created it first.
      if (!String(error).includes('single offscreen')) throw error;
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}

/** Sends one command to the engine, creating the offscreen document first if needed. */
export const sendToEngine = engineChannel(ensureOffscreenEngine);
