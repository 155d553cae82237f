/**
 * The `storykit` command as a library: {@link run} takes the arguments and returns the exit code,
 * so the command can be embedded and tested in-process.
 */
export { OUTPUTS, type Output, type OutputFile } from './outputs.js';
export { EXIT, type RunIo, run, SEED_STORY } from './run.js';
