import type { RegistrationState } from '../../src/call/registration-state';
import type { Call } from './call';
import { LostCallWatch } from './lost-call-watch';
import { MediaWatch } from './media-watch';

/**
 * Starts the watches on the call going on: "no audio from the other side" (MediaWatch, which calls `changed` so the
 * popup shows it) and the end of a call that has neither audio nor a connection left (LostCallWatch). They run as
 * long as the engine page does.
 */
export function startCallWatches(current: () => Call | undefined, registration: () => RegistrationState, changed: () => void): void {
  new MediaWatch(current, changed).start();
  new LostCallWatch(current, registration).start();
}
