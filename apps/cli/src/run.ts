import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT, UsageError } from './cli-errors.js';
import type { BuildRequest, ExtractFlags } from './commands.js';
import { OUTPUTS } from './outputs.js';
import { printable } from './terminal-text.js';

export { EXIT } from './cli-errors.js';

/** Where the command writes: defaults to the process's own streams. */
export interface RunIo {
  /** Receives standard output. */
  readonly stdout: (text: string) => void;
  /** Receives standard error. */
  readonly stderr: (text: string) => void;
  /**
   * Whether standard error is a terminal, where a folder's build draws its progress line.
   * Default: false.
   */
  readonly terminal?: boolean;
}

const processIo: RunIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // Asked when a folder's build starts, not at import: opening the stream costs every command.
  get terminal() {
    return process.stderr.isTTY === true;
  },
};

/** The seed story that ships with the command, built when `storykit build` is given no folder. */
export const SEED_STORY = fileURLToPath(new URL('../fixtures/kerry-on-the-run', import.meta.url));

/** The version of this package, printed by `storykit --version`. */
const VERSION: string = createRequire(import.meta.url)('../package.json').version;

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
    .version(VERSION, '-V, --version', 'print the version of storykit')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .showSuggestionAfterError();

  program
    .command('validate')
    .description('check a story folder or story file against the model and its invariants')
    .argument('<story>', 'a story folder (holding story.yaml), a story.yaml, or a story.json')
    .option('--max-bytes <bytes>', MAX_BYTES_HELP)
    .action(async (path: string, options: { maxBytes?: string }) => {
      const load = loadOptions(options.maxBytes);
      await (await commands()).validate(path, load, io);
    });

  program
    .command('build')
    .description(
      'build every output of a story (default: the bundled seed story into ./out); given a folder of story folders, build each into its own folder and one feed for all',
    )
    .argument(
      '[story]',
      'a story folder, story.yaml or story.json, a folder of story folders, or an article (.html, .txt, .md) to draft a story from',
      SEED_STORY,
    )
    .option('-o, --out <dir>', 'the folder to write into', 'out')
    .addOption(
      new Option(
        '--only <outputs>',
        `comma-separated outputs to build: ${OUTPUTS.map((o) => o.name).join(', ')}`,
      ),
    )
    .option('--base-url <url>', 'where the output folder is published, for the feeds’ links')
    .option('--updated <date>', 'the feeds’ date (ISO 8601) for stories that have none')
    .addOption(
      new Option(
        '--author <name>',
        'the feeds’ own author (Atom, JSON Feed), credited where a story names no author and no publisher',
      ).argParser(nonEmpty),
    )
    .addOption(
      new Option(
        '--publisher <name>',
        'the publisher of a story that names none, credited in every output with a note that it was given here',
      ).argParser(nonEmpty),
    )
    .option(
      '--title <title>',
      'the title of the feed of a folder of stories (default: the folder’s name)',
    )
    .option(
      '-j, --jobs <n>',
      `how many stories of a folder to build at once (default: the number of cores, ${availableParallelism()} here)`,
    )
    .option('-q, --quiet', 'print nothing but errors, and no progress line')
    .option('--max-bytes <bytes>', MAX_BYTES_HELP)
    .action(async (path: string, options: BuildFlags) => {
      // The flags the command line alone can check are checked before anything else is loaded.
      const request: BuildRequest = {
        out: options.out,
        outputs: selectOutputs(options.only),
        jobs: jobsOf(options.jobs),
        load: loadOptions(options.maxBytes),
        baseUrl: options.baseUrl,
        updated: options.updated,
        author: options.author,
        publisher: options.publisher,
        title: options.title,
        quiet: options.quiet === true,
      };
      code = await (await commands()).build(path, request, io);
    });

  program
    .command('extract')
    .description('draft a story from an article: quotations and speakers, figures, sources')
    .argument('<file>', 'the article: plain text, Markdown or HTML')
    .addOption(
      new Option(
        '--format <format>',
        'the input format (default: from the file name, else txt)',
      ).choices(['txt', 'md', 'html']),
    )
    .option('--json', 'print the draft as JSON, the shape of story.json')
    .addOption(
      new Option(
        '--yaml',
        'print the draft as a curated story.yaml (text anchors, notes kept) to review and build from',
      ).conflicts('json'),
    )
    .action(async (file: string, options: ExtractFlags) => {
      await (await commands()).extract(file, options, io);
    });

  program
    .command('studio')
    .description(
      'review a story in the browser: a local app on 127.0.0.1 that edits, validates and saves story.yaml and builds the outputs',
    )
    .argument(
      '[story]',
      'a story folder, or an article (.html, .txt, .md) to draft into a new story folder first',
      '.',
    )
    .option('-p, --port <port>', 'the port to listen on (default: a free one)')
    .option(
      '-o, --out <dir>',
      'for an article: the new story folder (default: one named after the story, beside the article)',
    )
    .option('--open', 'open the page in the browser (default: only print its address)')
    .action(async (path: string, options: { port?: string; out?: string; open?: boolean }) => {
      // The studio and its page load only for this command: --help and validate stay fast.
      await (await import('./studio.js')).studio(path, options, io.stdout);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    code = await report(error, io);
  }
  return code;
}

interface BuildFlags {
  out: string;
  only?: string;
  baseUrl?: string | undefined;
  updated?: string | undefined;
  author?: string;
  publisher?: string;
  title?: string;
  quiet?: boolean;
  jobs?: string;
  maxBytes?: string;
}

/**
 * `@storykit/core`'s `DEFAULT_MAX_BYTES` (a test holds them equal), written out here so that
 * `--help` does not load the model to print it.
 */
const DEFAULT_MAX_BYTES = 52_428_800;

const MAX_BYTES_HELP = `the largest file a story may read, and the most its YAML aliases may expand to, in bytes (default: ${DEFAULT_MAX_BYTES})`;

/** The loader's options from `--max-bytes`: a whole number of bytes above 0. */
function loadOptions(maxBytes: string | undefined): { maxBytes?: number } {
  if (maxBytes === undefined) return {};
  if (!/^[1-9]\d*$/.test(maxBytes) || !Number.isSafeInteger(Number(maxBytes))) {
    throw new UsageError(
      `--max-bytes: ${JSON.stringify(maxBytes)} is not a number of bytes; expected a whole number above 0, such as ${DEFAULT_MAX_BYTES}`,
    );
  }
  return { maxBytes: Number(maxBytes) };
}

/** `--jobs`: a whole number above 0; default, the number of cores. */
function jobsOf(jobs: string | undefined): number {
  if (jobs === undefined) return availableParallelism();
  if (!/^[1-9]\d*$/.test(jobs) || !Number.isSafeInteger(Number(jobs))) {
    throw new UsageError(
      `--jobs: ${JSON.stringify(jobs)} is not a number of stories to build at once; expected a whole number above 0, such as ${availableParallelism()}`,
    );
  }
  return Number(jobs);
}

/** A flag's value that must say something: `--author ""` is a usage error, not an empty name. */
function nonEmpty(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('expected a name, not an empty text');
  return value.trim();
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

/** The module that runs the commands, loaded only when one runs. */
const commands = () => import('./commands.js');

async function report(error: unknown, io: RunIo): Promise<number> {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    )
      return EXIT.ok;
    io.stderr(`${printable(`storykit: ${error.message.replace(/^error: /, '')}`)}\n`);
    return EXIT.usage;
  }
  // A flag checked before the commands were loaded: no need to load them to say so.
  if (error instanceof UsageError) {
    io.stderr(`${printable(`storykit: ${error.message}`)}\n`);
    return EXIT.usage;
  }
  return (await commands()).report(error, io);
}
