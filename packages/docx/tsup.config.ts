import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared';

export default defineConfig(
  packageBuild(
    { index: 'src/index.ts' },
    {
      // docx is built into the package rather than installed beside it: every docx release
      // with native charts (9.8 on) depends on nanoid 6, whose engines field excludes Node 20
      // (npm install --engine-strict fails), and on @types/node 26, which would be hoisted into
      // the user's project. Its MIT licence notice ships in dist/THIRD-PARTY-NOTICES.md.
      noExternal: ['docx', 'nanoid'],
    },
  ),
);
