/**
 * The one place that writes to the console. Messages are prefixed so users can filter them, and callers must never
 * pass credentials or whole SIP messages (see README, "Security").
 */
const PREFIX = '[Dialable]';

export const logger = {
  debug: (...args: unknown[]): void => {
    if (import.meta.env?.DEV) console.debug(PREFIX, ...args);
  },
  info: (...args: unknown[]): void => console.info(PREFIX, ...args),
  warn: (...args: unknown[]): void => console.warn(PREFIX, ...args),
  error: (...args: unknown[]): void => console.error(PREFIX, ...args),
};
