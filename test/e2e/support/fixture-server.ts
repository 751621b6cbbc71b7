import { startStaticServer, type StaticServer } from './static-server';

/** Serves test/fixtures with preact and the CTI client mapped to /vendor (the preact fixture is a real preact app). */
export function startFixtureServer(): Promise<StaticServer> {
  return startStaticServer({
    '/': 'test/fixtures/pages',
    '/interactive/': 'test/fixtures/interactive',
    '/vendor/preact.module.js': 'node_modules/preact/dist/preact.module.js',
    '/vendor/hooks.module.js': 'node_modules/preact/hooks/dist/hooks.module.js',
    // The typed CTI client as `npm run build` ships it (docs/cti.md).
    '/vendor/dialable-cti.js': 'dist/cti/dialable-cti.js',
  });
}
