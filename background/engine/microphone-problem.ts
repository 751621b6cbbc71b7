import { t } from '../../src/i18n/t';

/**
 * Why a call cannot use the microphone yet, or undefined when it is granted. The engine's document cannot show a
 * permission prompt: without the grant, getUserMedia would fail ("Permission dismissed"), so `askForGrant` lets
 * the background show the page that obtains it, and the answer says so.
 */
export async function microphoneProblem(askForGrant: () => void): Promise<string | undefined> {
  const state = await navigator.permissions
    .query({ name: 'microphone' as PermissionName })
    .then((s) => s.state)
    .catch(() => 'granted' as PermissionState);
  if (state === 'granted') return undefined;
  askForGrant();
  return state === 'denied' ? t('callMicrophoneBlocked') : t('callMicrophoneAsk');
}
