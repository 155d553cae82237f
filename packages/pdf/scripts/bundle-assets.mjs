// After tsup: copies the three DejaVu Sans files the brief draws with to dist/fonts/ (with the
// DejaVu licence, which allows redistributing the fonts unmodified with its notice), and writes
// dist/THIRD-PARTY-NOTICES.md with the licence of every package tsup built into dist/index.*
// (dist/third-party.cjs, tsup.config.ts). That list comes from the build itself, so it names exactly the
// packages whose code is in the bundle (esbuild's metafile), each read from the installed package.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

const dejavu = dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
mkdirSync('dist/fonts', { recursive: true });
for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf']) {
  copyFileSync(join(dejavu, file), join('dist/fonts', file));
}
copyFileSync(join(dejavu, '..', 'LICENSE'), 'dist/fonts/LICENSE');

/** The folder of the package a bundled source file comes from: the part up to its name. */
function packageDirOf(source) {
  const at = source.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const rest = source.slice(at + 'node_modules/'.length).split('/');
  const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  return resolve(source.slice(0, at + 'node_modules/'.length) + name);
}

const authorName = (author) =>
  (typeof author === 'string' ? author : author?.name) ?? 'its authors';

/** The MIT licence, for a package that declares it in package.json but ships no licence file. */
const mitLicence = (holder) => `(The package ships no licence file; its package.json declares MIT.)

Copyright (c) ${holder}

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;

// tsup writes esbuild's metafile (tsup.config.ts, metafile): the input files, by
// their real paths. It is read here and not shipped.
const dirs = new Set();
const metafile = 'dist/metafile-cjs.json';
for (const input of Object.keys(readJson(metafile).inputs)) {
  const dir = packageDirOf(input);
  if (dir) dirs.add(dir);
}
rmSync(metafile);
const parts = [...dirs]
  .map((dir) => {
    const { name, version, license, author } = readJson(join(dir, 'package.json'));
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
    let text;
    if (file) text = readFileSync(join(dir, file), 'utf8').trim();
    else if (license === 'MIT') text = mitLicence(authorName(author));
    else throw new Error(`${name} ${version} is built into dist but has no licence text`);
    return {
      name,
      text: `## ${name} ${version} (${license ?? 'MIT, per its LICENSE'})\n\n${text}\n`,
    };
  })
  .sort((a, b) => a.name.localeCompare(b.name))
  .map((p) => p.text);
writeFileSync(
  'dist/THIRD-PARTY-NOTICES.md',
  `# Third-party notices\n\n@storykit/pdf includes these packages in dist/third-party.cjs, and the DejaVu Sans fonts in dist/fonts/ (their licence: dist/fonts/LICENSE).\n\n${parts.join('\n')}`,
);
