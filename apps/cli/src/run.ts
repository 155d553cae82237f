import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  formatFigureValue,
  formatIssue,
  isStoryValidationError,
  paragraphNumber,
  type Story,
  sourceLabel,
} from '@storykit/core';
import { loadStory, writeFileAtomic } from '@storykit/core/node';
import { type ExtractFormat, extract } from '@storykit/extract';
import { FEED_FILE_NAMES, FeedError, toAtom, toJsonFeed, toRss } from '@storykit/feed';
import { Command, CommanderError, Option } from 'commander';
import { type BuildSettings, latestRecordedDate, OUTPUTS, type OutputFile } from './outputs.js';

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

/** Input that cannot be read: one line on stderr and exit code 1. */
class InputError extends Error {}

const FORMATS: Record<string, ExtractFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
};

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
    .description(
      'build every output of a story (default: the bundled seed story into ./out); given a folder of story folders, build each into its own folder and one feed for all',
    )
    .argument(
      '[story]',
      'a story folder, story.yaml or story.json, or a folder of story folders',
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
    .option(
      '--title <title>',
      'the title of the feed of a folder of stories (default: the folder’s name)',
    )
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (path: string, options: BuildFlags) => {
      const selected = selectOutputs(options.only);
      const noticed = new Set<string>();
      const notice = (text: string) => {
        if (options.quiet || noticed.has(text)) return;
        noticed.add(text);
        io.stderr(`${text}\n`);
      };
      const settings = (base?: string, storyDir?: string): BuildSettings => ({
        ...(base ? { baseUrl: base } : {}),
        ...(storyDir ? { storyDir } : {}),
        ...(options.updated ? { updated: checkedDate(options.updated) } : {}),
        notice,
      });
      // Everything is made in memory first, so a failure leaves no half-built output folder.
      const files: OutputFile[] = [];
      const collection = storyFolders(path);
      let stories: Story[];
      if (collection) {
        stories = collection.map((dir) => loadStory(dir));
        const base = options.baseUrl && withSlash(options.baseUrl);
        for (const story of stories) {
          for (const output of selected) {
            const made = await output.build(
              story,
              settings(base ? `${base}${story.id}/` : undefined),
            );
            files.push(...made.map((f) => ({ ...f, name: join(story.id, f.name) })));
          }
        }
        files.push(...collectionFeeds(stories, selected, options, basename(path), notice));
      } else {
        const story = loadStory(path);
        stories = [story];
        for (const output of selected)
          files.push(...(await output.build(story, settings(options.baseUrl))));
      }
      for (const file of files) {
        writeFileAtomic(join(options.out, file.name), file.data);
        if (!options.quiet) io.stderr(`wrote ${join(options.out, file.name)}\n`);
      }
      if (!options.quiet) {
        for (const story of stories) io.stderr(`built ${story.id}: ${summary(story)}\n`);
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
    .action(async (file: string, options: { format?: ExtractFormat; json?: boolean }) => {
      let input: string;
      try {
        input = readFileSync(file, 'utf8');
      } catch (error) {
        const reason =
          (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'no such file'
            : (error as Error).message;
        throw new InputError(`${file}: cannot read the article: ${reason}`);
      }
      const format = options.format ?? FORMATS[extname(file).toLowerCase()] ?? 'txt';
      const draft = await extract(input, format, { file });
      io.stdout(options.json ? `${JSON.stringify(draft, null, 2)}\n` : draftTable(draft));
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    code = report(error, io);
  }
  return code;
}

interface BuildFlags {
  out: string;
  only?: string;
  baseUrl?: string;
  updated?: string;
  title?: string;
  quiet?: boolean;
}

/** The story folders inside a folder that holds no story itself, in name order; else undefined. */
function storyFolders(path: string): string[] | undefined {
  if (!existsSync(path) || !statSync(path).isDirectory()) return undefined;
  if (existsSync(join(path, 'story.yaml')) || existsSync(join(path, 'story.json')))
    return undefined;
  const folders = readdirSync(path)
    .sort()
    .map((name) => join(path, name))
    .filter((dir) => statSync(dir).isDirectory() && existsSync(join(dir, 'story.yaml')));
  return folders.length > 0 ? folders : undefined;
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

function checkedDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(date) || Number.isNaN(Date.parse(date))) {
    throw new UsageError(
      `--updated: "${date}" is not a date; expected ISO 8601 such as 2016-07-18`,
    );
  }
  return date;
}

/** One feed of each selected kind for a folder of stories, each story's item linking to its folder. */
function collectionFeeds(
  stories: readonly Story[],
  selected: readonly { name: string }[],
  options: BuildFlags,
  folder: string,
  notice: (text: string) => void,
): OutputFile[] {
  const baseUrl = withSlash(options.baseUrl ?? `https://storykit.invalid/${folder}/`);
  let updated = options.updated ? checkedDate(options.updated) : undefined;
  if (updated === undefined && stories.some((s) => !s.published && !s.modified)) {
    updated = stories
      .map(latestRecordedDate)
      .filter((d): d is string => d !== undefined)
      .sort()
      .at(-1);
    if (updated)
      notice(
        `feeds: a story has no publication date; the feeds are dated ${updated}, the latest date the stories record (set one with --updated)`,
      );
  }
  const feedOptions = { title: options.title ?? folder, baseUrl, ...(updated ? { updated } : {}) };
  const writers = { rss: toRss, atom: toAtom, jsonfeed: toJsonFeed } as const;
  const names = {
    rss: FEED_FILE_NAMES.rss,
    atom: FEED_FILE_NAMES.atom,
    jsonfeed: FEED_FILE_NAMES.json,
  } as const;
  return (Object.keys(writers) as (keyof typeof writers)[])
    .filter((kind) => selected.some((o) => o.name === kind))
    .map((kind) => ({ name: names[kind], data: writers[kind](stories, feedOptions) }));
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
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n`;
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
  if (error instanceof FeedError) {
    // A feed that cannot be made from this input (a story with no date for Atom, a link that is
    // not absolute): the user's to fix, so one line and exit 1.
    io.stderr(`storykit: ${error.message}\n`);
    return EXIT.invalid;
  }
  if (error instanceof InputError) {
    io.stderr(`${error.message}\n`);
    return EXIT.invalid;
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
