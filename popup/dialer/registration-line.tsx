import type { EngineSnapshot } from '../../src/call/engine-snapshot';
import { t } from '../../src/i18n';
import { PAGES } from '../../src/well-known';
import { send } from '../shared/use-engine';
import { DndToggle } from './dnd-toggle';

/** The options page, as an address that works from the popup, the dialer window and Firefox's phone window. */
export const OPTIONS_URL = chrome.runtime.getURL(PAGES.options);

/** States in which the account needs the user's attention: the sentence gets a link to the right field. */
const NEEDS_FIX = ['failed', 'unconfigured', 'waiting'];

/**
 * The registration sentence (with the fix-it link when the account needs attention), the Sign out / Sign in
 * switch (signing out unregisters and stops every retry, which unticking "Register" in the options does not mean)
 * and the Do not disturb switch (registered, but callers are turned away).
 */
export function RegistrationLine({ snapshot, live }: { snapshot: EngineSnapshot | undefined; live: boolean }) {
  const state = snapshot?.registration.state;
  const signedOut = state === 'signed-out';
  // Nothing to sign out of without an account; during a call the switch would end it, so it waits.
  const canSwitch = snapshot !== undefined && state !== 'unconfigured' && !live;
  return (
    <div class="registration">
      <p data-testid="registration" class={state === 'registered' ? 'saved' : 'note'}>
        {snapshot ? snapshot.registration.message : t('dialerStarting')}
        {snapshot && state !== undefined && NEEDS_FIX.includes(state) && (
          <>
            {' '}
            <a href={`${OPTIONS_URL}#${snapshot.registration.field ?? 'account'}`} target="_blank" data-testid="fix-it">
              {t('dialerFixInOptions')}
            </a>
          </>
        )}
        {snapshot?.registration.fixUrl?.startsWith('https://') && state === 'waiting' && (
          <>
            {' '}
            {/* The browser's own certificate warning is where a user can see and accept the server's certificate. */}
            <a href={snapshot.registration.fixUrl} target="_blank" rel="noreferrer" data-testid="fix-certificate">
              {t('dialerOpenServer', snapshot.registration.fixUrl.replace(/\/$/, ''))}
            </a>
          </>
        )}
      </p>
      {canSwitch && (
        <button type="button" data-testid="sign-out" data-signed-out={String(signedOut)} onClick={() => void send('ui:sign-out', { signedOut: !signedOut })}>
          {signedOut ? t('popupSignIn') : t('popupSignOut')}
        </button>
      )}
      <DndToggle />
    </div>
  );
}
