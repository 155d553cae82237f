// Loaded with `node --require` by batch.test.ts only: in a build thread, the first write of the
// story whose id is in STORYKIT_TEST_CRASH writes half its bytes and then ends the thread, as a
// crash in the middle of writing would; the first write of the story whose id is in
// STORYKIT_TEST_OOM, on a thread whose heap may hold less than 1 GiB, fills the heap until V8
// stops the thread, as a story too big for it would.
const { isMainThread } = require('node:worker_threads');
const { getHeapStatistics } = require('node:v8');
const fs = require('node:fs');

const crash = process.env.STORYKIT_TEST_CRASH;
const oom = process.env.STORYKIT_TEST_OOM;
const isTemp = (path, id) =>
  String(path).includes(`/${id}/`) && String(path).includes('.storykit-tmp-');
if (!isMainThread && (crash || oom)) {
  const write = fs.writeFileSync;
  fs.writeFileSync = function writeThenCrash(path, data, ...rest) {
    if (crash && isTemp(path, crash)) {
      write(path, data.slice(0, Math.floor(data.length / 2)));
      process.exit(70);
    }
    if (oom && isTemp(path, oom) && getHeapStatistics().heap_size_limit < 2 ** 30) {
      write(path, data.slice(0, Math.floor(data.length / 2)));
      const kept = [];
      for (;;) kept.push(new Array(100_000).fill(kept.length));
    }
    return write.call(this, path, data, ...rest);
  };
}
