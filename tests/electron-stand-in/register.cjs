/* eslint-disable @typescript-eslint/no-require-imports -- a Node --require hook */
// `node --require tests/electron-stand-in/register.cjs out/main/index.cjs`:
// resolves `electron` to the stand-in beside this file, then after
// PANTAU_STAND_IN_QUIT_MS quits the app as the operator would.
const Module = require('node:module');
const path = require('node:path');

const standIn = path.join(__dirname, 'electron.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? standIn : resolve.call(this, request, ...rest);
};
setTimeout(() => require(standIn).app.quit(), Number(process.env.PANTAU_STAND_IN_QUIT_MS ?? 3000)).unref?.();
