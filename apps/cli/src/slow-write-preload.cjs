// Loaded with `node --require` by build-write.test.ts only: before the first file a build stages
// in its temporary folder, the build says so on stderr and then waits 300 ms, so that a signal sent
// on that line reaches the build while it is writing, however busy the machine is.
const fs = require('node:fs');

const write = fs.writeFileSync;
let announced = false;
fs.writeFileSync = function announceThenWrite(path, ...rest) {
  if (!announced && String(path).includes('.storykit-tmp-')) {
    announced = true;
    process.stderr.write('storykit-test: staging\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
  }
  return write.call(this, path, ...rest);
};
