// Firefox MV3 event page: the same router as Chrome's service worker; the Firefox engine host is still to come.
import { fallbackEngine } from './fallback-engine';
import { installRouter } from './install-router';

installRouter(fallbackEngine);
