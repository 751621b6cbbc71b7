import { RegistrationState } from '../../src/call/registration-state';
import type { Connection } from './connection';

/** Resolves once registration is no longer in progress (connecting or registering), or after `ms`. */
export function registrationSettled(connection: Connection, ms: number): Promise<void> {
  const busy = () => [RegistrationState.Connecting, RegistrationState.Registering].includes(connection.state);
  if (!busy()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const off = connection.machine.onChange(() => {
      if (!busy()) done();
    });
    function done() {
      clearTimeout(timer);
      off();
      resolve();
    }
  });
}
