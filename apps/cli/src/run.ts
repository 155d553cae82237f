import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_MAX_BYTES,
  formatFigureValue,
  paragraphNumber,
  type Story,
  sourceLabel,
} from '@storykit/core';
import { type LoadStoryOptions, loadStory, storyFilePath } from '@storykit/core/node';
import type { ExtractFormat } from '@storykit/extract';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  asStoryIssue,
  checkedBaseUrl,
  checkedDate,
  checkOwnInputs,
  type StoryInput,
  storyInputs,
} from './build-checks.js';
import { fileError, UsageError } from './cli-errors.js';
import { draftFromArticle, draftOf, isArticleFile } from './draft.js';
import { type BuildSettings, OUTPUTS, type OutputFile } from './outputs.js';
import { describeError, EXIT } from './report.js';
import { storyYaml } from './story-yaml.js';
import { summary } from './summary.js';
import { printable, printableJson } from './terminal-text.js';
import { withPublisher } from './with-publisher.js';
import { checkOutFolder, writeOutputs } from './write-outputs.js';

export { EXIT } from './report.js';

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
  terminal: process.stderr.isTTY === true,
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
      const story = loadStory(path, loadOptions(options.maxBytes));
      // Everything build checks beyond the model: each output is made in memory (or checked,
      // for the slow ones), with the settings build uses when given no flags.
      const file = storyFilePath(path);
      for (const output of OUTPUTS) {
        await asStoryIssue(story, file, async () => {
          if (output.check) output.check(story, {});
          else await output.build(story, {});
        });
      }
      io.stdout(`${printable(path)}: valid — ${summary(story)}\n`);
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
      const selected = selectOutputs(options.only);
      const jobs = jobsOf(options.jobs);
      const load = loadOptions(options.maxBytes);
      const updated = options.updated === undefined ? undefined : checkedDate(options.updated);
      const baseUrl = options.baseUrl === undefined ? undefined : checkedBaseUrl(options.baseUrl);
      checkOutFolder(options.out);
      const noticed = new Set<string>();
      const notice = (text: string) => {
        if (options.quiet || noticed.has(text)) return;
        noticed.add(text);
        io.stderr(`${printable(text)}\n`);
      };
      const settings = (base?: string, storyDir?: string): BuildSettings => ({
        ...(base ? { baseUrl: base } : {}),
        ...(storyDir ? { storyDir } : {}),
        ...(updated ? { updated } : {}),
        ...(options.author ? { author: options.author } : {}),
        notice,
      });
      const collection = storyFolders(path);
      if (collection) {
        code = await (await import('./batch.js')).buildFolder({
          path,
          folders: collection,
          outputs: selected,
          out: options.out,
          load,
          publisher: options.publisher,
          baseUrl,
          updated,
          author: options.author,
          title: options.title,
          name: basename(path),
          quiet: options.quiet === true,
          jobs,
          terminal: io.terminal === true,
          stderr: io.stderr,
          notice,
        });
        return;
      }
      // One story: everything is made in memory first, and written only when all of it is made.
      const files: OutputFile[] = [];
      const inputs: StoryInput[] = [];
      const story = withPublisher(
        isArticleFile(path) ? await draftFromArticle(path, notice) : loadStory(path, load),
        options.publisher,
      );
      inputs.push(...storyInputs(path, story));
      const file = storyFilePath(path);
      for (const output of selected)
        files.push(
          ...(await asStoryIssue(story, file, () => output.build(story, settings(baseUrl)))),
        );
      checkOwnInputs(options.out, files, inputs);
      const written = writeOutputs(options.out, files);
      if (!options.quiet) {
        for (const file of written) io.stderr(`wrote ${printable(file)}\n`);
        io.stderr(`built ${story.id}: ${summary(story)}\n`);
      }
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
      const draft = await draftOf(file, options.format);
      io.stdout(
        options.yaml
          ? storyYaml(draft, { source: file })
          : options.json
            ? `${printableJson(JSON.stringify(draft, null, 2))}\n`
            : draftTable(draft),
      );
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

const MAX_BYTES_HELP = `the largest file a story may read, and the most its YAML aliases may expand to, in bytes (default: ${DEFAULT_MAX_BYTES})`;

/** The loader's options from `--max-bytes`: a whole number of bytes above 0. */
function loadOptions(maxBytes: string | undefined): LoadStoryOptions {
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

interface ExtractFlags {
  format?: ExtractFormat;
  json?: boolean;
  yaml?: boolean;
}

/** A flag's value that must say something: `--author ""` is a usage error, not an empty name. */
function nonEmpty(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('expected a name, not an empty text');
  return value.trim();
}

/** Whether `path` is a folder; a path that cannot be looked at is not. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The story folders inside a folder that holds no story itself, in name order; else undefined. */
function storyFolders(path: string): string[] | undefined {
  if (!isFolder(path)) return undefined;
  if (existsSync(join(path, 'story.yaml')) || existsSync(join(path, 'story.json')))
    return undefined;
  let names: string[];
  try {
    names = readdirSync(path);
  } catch (error) {
    throw fileError(error, path, 'list the folder of stories', 'read');
  }
  const folders = names
    .sort()
    .map((name) => join(path, name))
    .filter((dir) => isFolder(dir) && existsSync(join(dir, 'story.yaml')));
  return folders.length > 0 ? folders : undefined;
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

/** The draft as a reader scans it: statements, figures and sources, one line each. */
function draftTable(story: Story): string {
  const cut = (text: string, width: number) =>
    text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
  const lines = [story.headline, `draft: ${summary(story)} — review before use`, ''];
  lines.push('statements');
  for (const s of story.statements) {
    const speaker = s.speaker
      ? sourceLabel(story, s.speaker, { role: false, affiliation: false })
      : '(article)';
    const text = s.kind === 'indirect' ? s.text : `“${s.text}”`;
    lines.push(
      `  ¶${String(paragraphNumber(story, s.span.block)).padEnd(3)} ${s.kind.padEnd(8)} ${cut(speaker, 24)} ${(s.confidence ?? 0).toFixed(2)}  ${cut(text, 70)}`,
    );
  }
  lines.push('', 'figures');
  for (const f of story.figures) {
    lines.push(
      `  ¶${String(paragraphNumber(story, f.span.block)).padEnd(3)} ${cut(formatFigureValue(f), 32)} ${(f.confidence ?? 0).toFixed(2)}  ${cut(f.subject, 50)}`,
    );
  }
  lines.push('', 'sources');
  for (const s of story.sources) {
    lines.push(
      `  ${s.kind.padEnd(12)} ${(s.confidence ?? 0).toFixed(2)}  ${sourceLabel(story, s)}`,
    );
  }
  // An article's text is untrusted: its control characters are shown, not sent to the terminal.
  return `${lines.map((l) => printable(l).trimEnd()).join('\n')}\n`;
}

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
  const { code, lines, stack } = await describeError(error);
  // Every line printed may hold a path or text from a story: shown escaped, one line each.
  for (const line of lines) io.stderr(`${printable(line)}\n`);
  if (stack) io.stderr(`${stack}\n`);
  return code;
}
