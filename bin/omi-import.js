#!/usr/bin/env node
// The headless importer (see README). Built by `npm run build:node` (run on install by `prepare`).
import('../dist/omi-import.mjs').catch((e) => {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('omi-import is not built yet: run `npm run build:node` in the project folder.');
    process.exit(2);
  }
  throw e;
});
