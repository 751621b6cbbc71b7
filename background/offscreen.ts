// Chrome's offscreen document: the long-lived home of the SIP engine (survives tabs and service-worker restarts).
import { serveEngine } from './engine/serve-engine';

const engine = serveEngine();
// Reachable from DevTools (chrome://inspect) and the e2e tests; web pages and content scripts cannot reach this page.
Object.assign(globalThis, { dialableEngine: engine });
