/**
 * The SIP tests serve the peer page and sip.js from 127.0.0.1 with the e2e suite's one static server
 * (free port, MIME types for .html/.js/.mjs/.json/.css, longest-prefix mounts, no directory escape).
 * Usage: `startStaticServer({ '/peer/': PEER_DIR, '/node_modules/': NODE_MODULES_DIR })`.
 */
export { startStaticServer, type StaticServer } from '../support/static-server';
