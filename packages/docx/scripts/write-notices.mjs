// Writes dist/THIRD-PARTY-NOTICES.md: the licence of each package the build puts inside
// dist/index.* (tsup.config.ts, noExternal), read from the installed package itself.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The folder of a package as `from` resolves it (the packages export no package.json). */
function packageDir(name, from) {
  let dir = dirname(createRequire(from).resolve(name));
  while (
    !existsSync(join(dir, 'package.json')) ||
    readJson(join(dir, 'package.json')).name !== name
  ) {
    dir = dirname(dir);
  }
  return dir;
}
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const docxDir = packageDir('docx', import.meta.url);
const nanoidDir = packageDir('nanoid', join(docxDir, 'package.json'));

const parts = [docxDir, nanoidDir].map((dir) => {
  const { name, version, license } = readJson(join(dir, 'package.json'));
  const text = readFileSync(join(dir, 'LICENSE'), 'utf8').trim();
  return `## ${name} ${version} (${license})\n\n${text}\n`;
});
writeFileSync(
  'dist/THIRD-PARTY-NOTICES.md',
  `# Third-party notices\n\n@storykit/docx includes these packages in dist/index.js and dist/index.cjs.\n\n${parts.join('\n')}`,
);
