#!/usr/bin/env node
// The local OMI sandbox (see README). Built by `npm run build:node` (run on install by `prepare`).
import('../dist/omi-sandbox.mjs').catch((e) => {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('omi-sandbox is not built yet: run `npm run build:node` in the project folder.');
    process.exit(2);
  }
  throw e;
});
