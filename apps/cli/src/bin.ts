#!/usr/bin/env node
import { constants } from 'node:os';
import { run } from './run.js';

// A signal's default action ends the process at once, mid-write. Handled, it waits for the running
// synchronous step — writing and moving a build's files is one — so a build stopped by Ctrl-C or
// `kill` leaves no temporary files; the exit code is the shell's 128 + the signal's number.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => process.exit(128 + constants.signals[signal]));
}

process.exitCode = await run(process.argv.slice(2));
