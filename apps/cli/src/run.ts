import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIssue, isStoryValidationError, type Story } from '@storykit/core';
import { loadStory, writeFileAtomic } from '@storykit/core/node';
import { Command, CommanderError, Option } from 'commander';
import { OUTPUTS, type OutputFile } from './outputs.js';

/** Exit codes of the `storykit` command (DESIGN §5). */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** Where the command writes: defaults to the process's own streams. */
export interface RunIo {
  /** Receives standard output. */
  readonly stdout: (text: string) => void;
  /** Receives standard error. */
  readonly stderr: (text: string) => void;
}

const processIo: RunIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** The seed story that ships with the command, built when `storykit build` is given no folder. */
export const SEED_STORY = fileURLToPath(new URL('../fixtures/kerry-on-the-run', import.meta.url));

/** A user mistake on the command line: one line on stderr and exit code 2. */
class UsageError extends Error {}

/**
 * Runs the `storykit` command with the given arguments (without `node` and the script) and returns
 * its exit code: 0 ok, 1 invalid input, 2 usage error.
 *
 * @example
 * const code = await run(['validate', 'fixtures/kerry-on-the-run']);
 */
export async function run(argv: readonly string[], io: RunIo = processIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('storykit')
    .description('Turn a news article into a verifiable model and publish it.')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .showSuggestionAfterError();

  program
    .command('validate')
    .description('check a story folder or story file against the model and its invariants')
    .argument('<story>', 'a story folder (holding story.yaml), a story.yaml, or a story.json')
    .action((path: string) => {
      const story = loadStory(path);
      io.stdout(`${path}: valid — ${summary(story)}\n`);
    });

  program
    .command('build')
    .description('build every output of a story (default: the bundled seed story into ./out)')
    .argument('[story]', 'a story folder, story.yaml or story.json', SEED_STORY)
    .option('-o, --out <dir>', 'the folder to write into', 'out')
    .addOption(
      new Option(
        '--only <outputs>',
        `comma-separated outputs to build: ${OUTPUTS.map((o) => o.name).join(', ')}`,
      ),
    )
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (path: string, options: { out: string; only?: string; quiet?: boolean }) => {
      const selected = selectOutputs(options.only);
      const story = loadStory(path);
      // Everything is made in memory first, so a failure leaves no half-built output folder.
      const files: OutputFile[] = [];
      for (const output of selected) files.push(...(await output.build(story)));
      for (const file of files) {
        writeFileAtomic(join(options.out, file.name), file.data);
        if (!options.quiet) io.stderr(`wrote ${join(options.out, file.name)}\n`);
      }
      if (!options.quiet) io.stderr(`built ${story.id}: ${summary(story)}\n`);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    code = report(error, io);
  }
  return code;
}

function selectOutputs(only: string | undefined) {
  if (only === undefined) return OUTPUTS;
  const names = only
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !OUTPUTS.some((o) => o.name === n));
  if (unknown.length > 0 || names.length === 0) {
    throw new UsageError(
      `--only: unknown output ${unknown.map((n) => `"${n}"`).join(', ') || '(none given)'}; expected some of ${OUTPUTS.map((o) => o.name).join(', ')}`,
    );
  }
  return OUTPUTS.filter((o) => names.includes(o.name));
}

function summary(story: Story): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  return [
    count(story.statements.length, 'statement'),
    count(story.figures.length, 'figure'),
    count(story.sources.length, 'source'),
    count(story.entities.length, 'entity', 'entities'),
    count(story.relations.length, 'relation'),
    count(story.body.length, 'paragraph'),
  ].join(', ');
}

function report(error: unknown, io: RunIo): number {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    )
      return EXIT.ok;
    io.stderr(`storykit: ${error.message.replace(/^error: /, '')}\n`);
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    io.stderr(`storykit: ${error.message}\n`);
    return EXIT.usage;
  }
  if (isStoryValidationError(error)) {
    for (const issue of error.issues) io.stderr(`${formatIssue(issue)}\n`);
    return EXIT.invalid;
  }
  // Anything else is a fault in storykit, not in the input: say so, and keep the stack on demand.
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(
    `storykit: internal error: ${message}${process.env.STORYKIT_DEBUG ? `\n${(error as Error).stack}` : ' (set STORYKIT_DEBUG=1 for details)'}\n`,
  );
  return EXIT.invalid;
}
