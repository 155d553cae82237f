import type { Story } from '@storykit/core';
import { toDocx } from '@storykit/docx';
import { serializeJsonLd, toJsonLd } from '@storykit/jsonld';
import { articleHtml } from './article-html.js';

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
  /** Makes the output's files from a validated story. */
  readonly build: (story: Story) => Promise<readonly OutputFile[]>;
}

/** Every output `storykit build` knows, in the order they are built. */
export const OUTPUTS: readonly Output[] = [
  {
    name: 'story',
    description: 'the normalized, validated model (story.json)',
    build: async (story) => [{ name: 'story.json', data: `${JSON.stringify(story, null, 2)}\n` }],
  },
  {
    name: 'jsonld',
    description: 'the schema.org graph (article.jsonld) and a page that embeds it (article.html)',
    build: async (story) => [
      { name: 'article.jsonld', data: `${serializeJsonLd(toJsonLd(story), 2)}\n` },
      { name: 'article.html', data: articleHtml(story) },
    ],
  },
  {
    name: 'docx',
    description: 'the analyst’s report as a Word document (report.docx)',
    build: async (story) => [{ name: 'report.docx', data: await toDocx(story) }],
  },
];
