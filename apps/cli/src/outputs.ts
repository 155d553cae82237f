import type { Story } from '@storykit/core';
import { FEED_FILES, type FeedKind } from './feed-files.js';

/** One file an output writes: its name inside the output folder and its bytes. */
export interface OutputFile {
  /** The file name, relative to the output folder (`story.json`, `brief.pdf`). */
  readonly name: string;
  /** The file's content. */
  readonly data: string | Uint8Array;
}

/** One thing `storykit build` can make from a story; `--only` picks them by name. */
export interface Output {
  /** The name `--only` takes (`story`, `pdf`, `rss`, …). */
  readonly name: string;
  /** What the output is, for `--help`. */
  readonly description: string;
  /**
   * The names of the files {@link Output.build} makes, known before anything is made: a folder
   * of stories is checked against them before any story is built.
   */
  readonly files: readonly string[];
  /** Makes the output's files from a validated story. */
  readonly build: (story: Story, settings: BuildSettings) => Promise<readonly OutputFile[]>;
  /**
   * What `storykit validate` runs instead of {@link Output.build}, for an output too slow to make
   * only to see that it can be made; it throws what `build` would. Default: `build`, in memory.
   */
  readonly check?: (story: Story, settings: BuildSettings) => void;
}

/** What some outputs need beyond the story: `storykit build --base-url … --updated … --author …`. */
export interface BuildSettings {
  /**
   * The absolute URL the output folder is published at, for the feeds' links. Default: a
   * placeholder under the reserved `.invalid` domain (RFC 2606), `https://storykit.invalid/<id>/`.
   */
  readonly baseUrl?: string;
  /** The feeds' date (ISO 8601) for a story that has none; Atom requires one (RFC 4287 §4.1.1). */
  readonly updated?: string;
  /** The feeds' own author (Atom and JSON Feed), who stands in for a story with no byline and no publisher. */
  readonly author?: string;
  /** Receives a line the user should read (a date the feeds had to take from the story's events). */
  readonly notice?: (text: string) => void;
  /** The story's folder, where the media's local files (`media[].path`) are read from. */
  readonly storyDir?: string;
}

/** The writer of each feed, by its `--only` name. */
export const FEED_WRITERS = { rss: 'toRss', atom: 'toAtom', jsonfeed: 'toJsonFeed' } as const;

function feedOutput(name: FeedKind, description: string): Output {
  const file = FEED_FILES[name];
  return {
    name,
    description,
    files: [file],
    build: async (story, settings) => {
      const [feed, { feedOptions }] = await Promise.all([
        import('@storykit/feed'),
        import('./feed-defaults.js'),
      ]);
      const write = feed[FEED_WRITERS[name]];
      return [{ name: file, data: write(story, feedOptions(story, settings, name)) }];
    },
  };
}

/** Every output `storykit build` knows, in the order they are built. */
export const OUTPUTS: readonly Output[] = [
  {
    name: 'story',
    description: 'the normalized, validated model (story.json)',
    files: ['story.json'],
    build: async (story) => [{ name: 'story.json', data: `${JSON.stringify(story, null, 2)}\n` }],
  },
  {
    name: 'pdf',
    description:
      'the print brief (brief.pdf): central claim and challengers, key figures, sources; story.json attached',
    files: ['brief.pdf'],
    build: async (story, settings) => [
      {
        name: 'brief.pdf',
        data: await (await import('@storykit/pdf')).toPdf(
          story,
          settings.storyDir ? { mediaDir: settings.storyDir } : {},
        ),
      },
    ],
    // toPdf checks the story as loadStory did and takes its dates, which the schema checks.
    check: () => {},
  },
  {
    name: 'jsonld',
    description: 'the schema.org graph (article.jsonld) and a page that embeds it (article.html)',
    files: ['article.jsonld', 'article.html'],
    build: async (story) => {
      const [{ serializeJsonLd, toJsonLd }, { articleHtml }] = await Promise.all([
        import('@storykit/jsonld'),
        import('./article-html.js'),
      ]);
      return [
        { name: 'article.jsonld', data: `${serializeJsonLd(toJsonLd(story), 2)}\n` },
        { name: 'article.html', data: articleHtml(story) },
      ];
    },
  },
  feedOutput('rss', 'RSS 2.0 feed of the story (rss.xml)'),
  feedOutput('atom', 'Atom 1.0 feed of the story (atom.xml)'),
  feedOutput('jsonfeed', 'JSON Feed 1.1 of the story (feed.json)'),
  {
    name: 'docx',
    description: 'the analyst’s report as a Word document (report.docx)',
    files: ['report.docx'],
    // Every generator is imported by the output that uses it: `--help` and `validate` load
    // neither pdfkit nor docx, and `--only docx` no pdfkit.
    build: async (story) => [
      { name: 'report.docx', data: await (await import('@storykit/docx')).toDocx(story) },
    ],
    // toDocx takes no option from the command and checks the story as loadStory did.
    check: () => {},
  },
];
