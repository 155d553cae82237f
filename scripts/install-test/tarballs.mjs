// Checks each packed tarball as the registry page and a user's editor meet it: a LICENSE file,
// `repository`, `homepage` and `bugs` in package.json, source maps without a copy of the sources,
// and every image the README shows either shipped in the tarball or linked by an absolute URL.
// Usage: node tarballs.mjs <folder of unpacked tarballs, one subfolder each>
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2];
const files = (dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

let tarballs = 0;
for (const folder of readdirSync(root)) {
  const dir = join(root, folder, 'package');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const where = `${pkg.name} (${folder})`;
  assert.ok(existsSync(join(dir, 'LICENSE')), `${where}: no LICENSE`);
  assert.equal(pkg.license, 'MIT', `${where}: license`);
  assert.match(pkg.repository?.url ?? '', /^git\+https:\/\//, `${where}: repository.url`);
  assert.match(pkg.homepage ?? '', /^https:\/\//, `${where}: homepage`);
  assert.match(pkg.bugs?.url ?? '', /^https:\/\//, `${where}: bugs.url`);
  for (const file of files(dir).filter((f) => f.endsWith('.map'))) {
    const map = JSON.parse(readFileSync(file, 'utf8'));
    assert.ok(
      !(map.sourcesContent ?? []).some((content) => content != null),
      `${where}: ${file.slice(dir.length + 1)} carries sourcesContent`,
    );
  }
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  const images = [
    ...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g),
    ...readme.matchAll(/<img[^>]*\ssrc="([^"]+)"/g),
  ].map((match) => match[1]);
  for (const image of images) {
    if (/^https:\/\//.test(image)) continue;
    assert.ok(
      existsSync(join(dir, image)),
      `${where}: README image ${image} is not in the tarball`,
    );
  }
  tarballs++;
}
assert.ok(tarballs >= 7, `only ${tarballs} tarballs in ${root}`);
console.log(
  `tarballs.mjs: ${tarballs} tarballs with LICENSE, repository, homepage, bugs, maps without sources, README images`,
);
