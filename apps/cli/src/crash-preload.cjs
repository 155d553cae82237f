// Loaded with `node --require` by batch.test.ts only: in a build thread, the first write of the
// story whose id is in STORYKIT_TEST_CRASH writes half its bytes and then ends the thread, as a
// crash in the middle of writing would.
const { isMainThread } = require('node:worker_threads');
const fs = require('node:fs');

const id = process.env.STORYKIT_TEST_CRASH;
if (!isMainThread && id) {
  const write = fs.writeFileSync;
  fs.writeFileSync = function writeThenCrash(path, data, ...rest) {
    if (String(path).includes(`/${id}/`) && String(path).includes('.storykit-tmp-')) {
      write(path, data.slice(0, Math.floor(data.length / 2)));
      process.exit(70);
    }
    return write.call(this, path, data, ...rest);
  };
}
