import { logger } from '../src/logger';
import { answerBackground } from './answer-background';
import { contentLifetime } from './content-lifetime';
import { watchMenuLink } from './menu-link';
import { sendSelectionHints } from './selection-hint';
import { startContentScript } from './start-content-script';
import { startCtiBridge } from './cti-bridge';

// This instance's lifetime: it ends when the extension context goes away (update, reload, removal).
const lifetime = contentLifetime(() => chrome.runtime);
startContentScript(lifetime).catch((error: unknown) => {
  if (lifetime.alive()) logger.warn('Content script could not start', error);
});
// Independent of linking (they work on sites where Dialable leaves numbers alone, too).
answerBackground(window, lifetime.signal, watchMenuLink(document, lifetime.signal));
sendSelectionHints(document, lifetime);
// Only on origins the user or administrator allowed (the background decides); elsewhere it adds nothing at all.
startCtiBridge(window, lifetime).catch(() => undefined);
