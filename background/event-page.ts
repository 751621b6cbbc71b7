// Firefox MV3 event page: the same background as Chrome's service worker; the Firefox engine host is still to come.
import { fallbackEngine } from './fallback-engine';
import { installBackground } from './install-background';

installBackground(fallbackEngine);
