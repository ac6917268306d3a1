// Preloaded into an ingest (NODE_OPTIONS=--require) by the fault-injection test:
// every rename and removal is announced on stderr ("FS rename …") and followed
// by a pause, so that the test can kill the process between any two of them.
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');

const PAUSE_MS = 40;
const announce = (op, path) => process.stderr.write(`FS ${op} ${path}\n`);
const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
const pauseSync = () => {
  const end = Date.now() + PAUSE_MS;
  while (Date.now() < end);
};
for (const name of ['rename', 'rm']) {
  const original = fs.promises[name];
  fs.promises[name] = async (path, ...rest) => {
    await original(path, ...rest);
    announce(name, rest.length && name === 'rename' ? rest[0] : path);
    await pause();
  };
}
for (const name of ['renameSync', 'rmSync']) {
  const original = fs[name];
  fs[name] = (path, ...rest) => {
    original(path, ...rest);
    announce(name, path);
    pauseSync();
  };
}
syncBuiltinESMExports();
