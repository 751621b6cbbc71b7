import { logger } from '../src/logger';
import { answerBackground } from './answer-background';
import { watchMenuLink } from './menu-link';
import { sendSelectionHints } from './selection-hint';
import { startContentScript } from './start-content-script';

startContentScript().catch((error: unknown) => logger.warn('Content script could not start', error));
// Independent of linking (they work on sites where Dialable leaves numbers alone, too): the lifetime of the page.
const lifetime = new AbortController();
answerBackground(window, lifetime.signal, watchMenuLink(document, lifetime.signal));
sendSelectionHints(document, lifetime.signal);
