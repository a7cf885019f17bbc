// The extension's fixed identities, shared by the manifest (wxt.config.ts) and the browser launcher: Firefox's
// add-on id, and the internal UUID the tests pin for it so moz-extension:// addresses are known in advance.
export const GECKO_ID = 'rls-lens@rls-lens.example';
export const FIREFOX_UUID = '3c1f7a52-4a8e-4c2b-9d57-1f0e5a9b7c11';
