// Chrome's offscreen document: the long-lived home of the SIP engine (survives tabs and service-worker restarts).
import { localizeDocument, setLanguage } from '../../src/i18n';
import { logger } from '../../src/logger';
import { privateArea } from '../../src/settings/private-area';
import { coercePrivateSettings } from '../../src/settings/settings-store';
import { serveEngine } from '../engine/serve-engine';

// This document has no chrome.i18n: the service worker passes the UI language in the URL (offscreen-engine.ts).
setLanguage(new URLSearchParams(location.search).get('lang') ?? navigator.language);
localizeDocument(document, 'engineTitle');
const engine = serveEngine();
// Reachable from DevTools (chrome://inspect) and the e2e tests; web pages and content scripts cannot reach this page.
Object.assign(globalThis, { dialableEngine: engine });

// The service worker pushes the settings when it runs; a page changing calling or audio settings while it sleeps is
// heard here directly (this document has no chrome.storage, but the extension's IndexedDB). Read once at start too:
// Do not disturb must hold for a call that arrives before the worker's push.
const settings = privateArea();
const applyPrivate = () =>
  settings
    .get()
    .then((raw) => engine.applyPrivateSettings(coercePrivateSettings(raw)))
    .catch((error: unknown) => logger.warn('Could not read the settings', error));
settings.watch(() => void applyPrivate());
void applyPrivate();
