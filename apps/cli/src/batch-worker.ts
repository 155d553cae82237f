/**
 * The thread that builds the stories of a folder, one task at a time (`storykit build <folder>`):
 * each story is loaded here, made, and written into its own folder inside `--out` as soon as it
 * is ready, so no story's outputs wait in memory for the others.
 */
import { join } from 'node:path';
import type { Story } from '@storykit/core';
import { loadStory, storyFilePath } from '@storykit/core/node';
import { asStoryIssue, type StoryInput, storyInputs } from './build-checks.js';
import { InputError } from './cli-errors.js';
import { type FeedFacts, storyFeedFacts } from './feed-defaults.js';
import { type BuildSettings, OUTPUTS, type OutputFile } from './outputs.js';
import { describeError, type ErrorReport } from './report.js';
import { summary } from './summary.js';
import { withPublisher } from './with-publisher.js';
import { writeOutputs } from './write-outputs.js';

/** How a story of the folder is read: `--max-bytes` and `--publisher`. */
export interface LoadSettings {
  readonly maxBytes?: number;
  readonly publisher?: string;
}

/** Reads a story to check the folder before anything is built. */
export interface ScanTask extends LoadSettings {
  readonly kind: 'scan';
  /** The story's folder. */
  readonly dir: string;
}

/** What the folder's checks need of a story. */
export interface Scanned {
  readonly ok: true;
  readonly id: string;
  readonly inputs: readonly StoryInput[];
  readonly facts: FeedFacts;
}

/** Builds a story and writes its files into `<out>/<id>/`. */
export interface BuildTask extends LoadSettings {
  readonly kind: 'build';
  readonly dir: string;
  /** The id the story had when the folder was checked. */
  readonly id: string;
  /** The `--only` names of the outputs to make. */
  readonly outputs: readonly string[];
  readonly out: string;
  /** `--base-url` with a closing slash: the story's files are published at `<base><id>/`. */
  readonly base?: string;
  readonly updated?: string;
  readonly author?: string;
  /** Whether to send the story back, for the folder's feeds. */
  readonly returnStory: boolean;
}

/** A story built and written. */
export interface Built {
  readonly ok: true;
  /** The paths written. */
  readonly written: readonly string[];
  /** The lines the user should read (a date the feeds took from the story's events). */
  readonly notices: readonly string[];
  /** {@link summary} of the story. */
  readonly summary: string;
  readonly story?: Story;
}

/** A story that could not be read, made or written: what to print. */
export interface Failed {
  readonly ok: false;
  readonly failure: ErrorReport;
}

function load(task: LoadSettings & { dir: string }): Story {
  const story = loadStory(task.dir, task.maxBytes === undefined ? {} : { maxBytes: task.maxBytes });
  return withPublisher(story, task.publisher);
}

async function scan(task: ScanTask): Promise<Scanned> {
  const story = load(task);
  return {
    ok: true,
    id: story.id,
    inputs: storyInputs(task.dir, story),
    facts: storyFeedFacts(story),
  };
}

async function build(task: BuildTask): Promise<Built> {
  const story = load(task);
  if (story.id !== task.id) {
    throw new InputError(
      `${task.dir}: the story's id changed from "${task.id}" to "${story.id}" while the folder was being built; build again`,
    );
  }
  const notices: string[] = [];
  const settings: BuildSettings = {
    ...(task.base ? { baseUrl: `${task.base}${story.id}/` } : {}),
    ...(task.updated ? { updated: task.updated } : {}),
    ...(task.author ? { author: task.author } : {}),
    notice: (text) => notices.push(text),
  };
  const files: OutputFile[] = [];
  const file = storyFilePath(task.dir);
  for (const output of OUTPUTS.filter((o) => task.outputs.includes(o.name))) {
    const made = await asStoryIssue(story, file, () => output.build(story, settings));
    files.push(...made.map((f) => ({ ...f, name: join(story.id, f.name) })));
  }
  // The folder's leftovers were removed once, before the first story was built.
  const written = writeOutputs(task.out, files, { cleaned: true });
  return {
    ok: true,
    written,
    notices,
    summary: summary(story),
    ...(task.returnStory ? { story } : {}),
  };
}

/** Runs one task; a story's own failure comes back as {@link Failed}, never as an exception. */
export default async function run(task: ScanTask | BuildTask): Promise<Scanned | Built | Failed> {
  try {
    return task.kind === 'scan' ? await scan(task) : await build(task);
  } catch (error) {
    return { ok: false, failure: await describeError(error) };
  }
}
