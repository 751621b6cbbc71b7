import { t } from '../i18n/t';
import { RegistrationState } from './registration-state';

/**
 * Why no call can be placed in this registration state, or undefined when one can: registered, or registration
 * switched off (a server that takes calls without it).
 */
export function notReadyReason(state: RegistrationState, message: string): string | undefined {
  if (state === RegistrationState.Registered || state === RegistrationState.Disabled) return undefined;
  if (state === RegistrationState.Unconfigured) return t('callNoAccount');
  return t('callNotConnected', message);
}
