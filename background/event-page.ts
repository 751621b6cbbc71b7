// Firefox MV3 event page: the same router as Chrome's service worker (the Firefox engine host lands with issue 5).
import { installRouter } from './install-router';

installRouter();
