import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared';

export default defineConfig(
  packageBuild({
    index: 'src/index.ts',
    // The main entry under the `browser` export condition: the same without parseStory, so that
    // a browser bundle of it leaves the yaml package out (it reads YAML through the `yaml` entry).
    browser: 'src/browser.ts',
    yaml: 'src/yaml.ts',
    node: 'src/node.ts',
    helpers: 'src/helpers.ts',
    // Not exported: entries of their own only so that the build puts the checks in chunks apart
    // from the YAML reader, and a bundle that checks stories already parsed (assertStory, which
    // every generator calls, readStory, validateStory) leaves the yaml package out.
    'assert-story': 'src/lib/assert-story.ts',
    'validate-story': 'src/lib/validate-story.ts',
  }),
);
