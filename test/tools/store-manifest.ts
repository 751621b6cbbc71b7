/**
 * The Chrome Web Store assigns the extension id itself and refuses a manifest `key`; development and the tests keep
 * it (in dist/chrome) for the fixed id nhcibjmjhchlaihkoaidbcgoodehnnkm. This is the manifest as it goes to the store.
 */
export function storeManifest(manifest: Record<string, unknown>): Record<string, unknown> {
  const { key: _key, ...rest } = manifest;
  return rest;
}
