// The bundled seed fixture ships inside the package, so `storykit build` with no argument works
// for a user who installed the CLI from the registry and has no checkout of the repository.
import { cpSync, rmSync } from 'node:fs';

const from = new URL('../../../fixtures/kerry-on-the-run/', import.meta.url);
const to = new URL('../fixtures/kerry-on-the-run/', import.meta.url);
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true });
