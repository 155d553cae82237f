/**
 * What the commands do, once their arguments are parsed. `run.ts` imports this module only when a
 * command runs, so that `storykit --help` and a usage error load neither the model nor a generator.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatFigureValue, paragraphNumber, type Story, sourceLabel } from '@storykit/core';
import { type LoadStoryOptions, loadStory, storyFilePath } from '@storykit/core/node';
import type { ExtractFormat } from '@storykit/extract';
import {
  asStoryIssue,
  checkedBaseUrl,
  checkedDate,
  checkOwnInputs,
  type StoryInput,
  storyInputs,
} from './build-checks.js';
import { EXIT, fileError } from './cli-errors.js';
import { draftFromArticle, draftOf, isArticleFile } from './draft.js';
import type { BuildSettings, Output, OutputFile } from './outputs.js';
import { OUTPUTS } from './outputs.js';
import { describeError } from './report.js';
import type { RunIo } from './run.js';
import { storyYaml } from './story-yaml.js';
import { summary } from './summary.js';
import { printable, printableJson } from './terminal-text.js';
import { withPublisher } from './with-publisher.js';
import { checkOutFolder, writeOutputs } from './write-outputs.js';

/** `storykit validate <story>`. */
export async function validate(path: string, load: LoadStoryOptions, io: RunIo): Promise<void> {
  const story = loadStory(path, load);
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
}

/** The flags of `storykit build`, checked. */
export interface BuildRequest {
  readonly out: string;
  readonly outputs: readonly Output[];
  readonly jobs: number;
  readonly load: LoadStoryOptions;
  readonly baseUrl?: string | undefined;
  readonly updated?: string | undefined;
  readonly author?: string | undefined;
  readonly publisher?: string | undefined;
  readonly title?: string | undefined;
  readonly quiet: boolean;
}

/** `storykit build [story]`; resolves to the exit code. */
export async function build(path: string, request: BuildRequest, io: RunIo): Promise<number> {
  const { out, quiet } = request;
  const updated = request.updated === undefined ? undefined : checkedDate(request.updated);
  const baseUrl = request.baseUrl === undefined ? undefined : checkedBaseUrl(request.baseUrl);
  checkOutFolder(out);
  const noticed = new Set<string>();
  const notice = (text: string) => {
    if (quiet || noticed.has(text)) return;
    noticed.add(text);
    io.stderr(`${printable(text)}\n`);
  };
  const collection = storyFolders(path);
  if (collection) {
    return (await import('./batch.js')).buildFolder({
      path,
      folders: collection,
      outputs: request.outputs,
      out,
      load: request.load,
      publisher: request.publisher,
      baseUrl,
      updated,
      author: request.author,
      title: request.title,
      name: basename(path),
      quiet,
      jobs: request.jobs,
      terminal: io.terminal === true,
      stderr: io.stderr,
      notice,
    });
  }
  const settings: BuildSettings = {
    ...(baseUrl ? { baseUrl } : {}),
    ...(updated ? { updated } : {}),
    ...(request.author ? { author: request.author } : {}),
    notice,
  };
  // One story: everything is made in memory first, and written only when all of it is made.
  const files: OutputFile[] = [];
  const inputs: StoryInput[] = [];
  const story = withPublisher(
    isArticleFile(path) ? await draftFromArticle(path, notice) : loadStory(path, request.load),
    request.publisher,
  );
  inputs.push(...storyInputs(path, story));
  const file = storyFilePath(path);
  for (const output of request.outputs)
    files.push(...(await asStoryIssue(story, file, () => output.build(story, settings))));
  checkOwnInputs(out, files, inputs);
  const written = writeOutputs(out, files);
  if (!quiet) {
    for (const file of written) io.stderr(`wrote ${printable(file)}\n`);
    io.stderr(`built ${story.id}: ${summary(story)}\n`);
  }
  return EXIT.ok;
}

/** The flags of `storykit extract`. */
export interface ExtractFlags {
  format?: ExtractFormat;
  json?: boolean;
  yaml?: boolean;
}

/** `storykit extract <file>`. */
export async function extract(file: string, options: ExtractFlags, io: RunIo): Promise<void> {
  const draft = await draftOf(file, options.format);
  io.stdout(
    options.yaml
      ? storyYaml(draft, { source: file })
      : options.json
        ? `${printableJson(JSON.stringify(draft, null, 2))}\n`
        : draftTable(draft),
  );
}

/** Prints an error as the command reports it; resolves to the exit code. */
export async function report(error: unknown, io: RunIo): Promise<number> {
  const { code, lines, stack } = await describeError(error);
  // Every line printed may hold a path or text from a story: shown escaped, one line each.
  for (const line of lines) io.stderr(`${printable(line)}\n`);
  if (stack) io.stderr(`${stack}\n`);
  return code;
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
