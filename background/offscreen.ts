// Chrome's offscreen document: the long-lived home of the SIP engine (survives tabs and service-worker restarts).
import { localizeDocument, setLanguage } from '../src/i18n';
import { serveEngine } from './engine/serve-engine';

// This document has no chrome.i18n: the service worker passes the UI language in the URL (offscreen-engine.ts).
setLanguage(new URLSearchParams(location.search).get('lang') ?? navigator.language);
localizeDocument(document, 'engineTitle');
const engine = serveEngine();
// Reachable from DevTools (chrome://inspect) and the e2e tests; web pages and content scripts cannot reach this page.
Object.assign(globalThis, { dialableEngine: engine });
