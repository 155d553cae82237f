import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Story } from '@storykit/core';
import type { ExtractFormat } from '@storykit/extract';
import { fileError } from './cli-errors.js';

/** The article formats by file extension: what `storykit extract` reads and `storykit build` drafts from. */
export const ARTICLE_FORMATS: Readonly<Record<string, ExtractFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
};

/** Whether `storykit build` takes the path for an article to draft from, not a story. */
export function isArticleFile(path: string): boolean {
  return ARTICLE_FORMATS[extname(path).toLowerCase()] !== undefined;
}

/**
 * `storykit build page.html`: the article's draft story, as `storykit extract` makes it, with a
 * notice that the outputs come from an unreviewed draft and how to get it for review.
 *
 * @throws {FileError} when the file cannot be read; core's `StoryValidationError` when it holds
 * no article text.
 */
export async function draftFromArticle(
  file: string,
  notice: (text: string) => void,
): Promise<Story> {
  const draft = await draftOf(file);
  notice(
    `build: ${file} is an article; building its unreviewed draft ${draft.id} (review it: storykit extract ${file} --yaml > story.yaml)`,
  );
  return draft;
}

/**
 * The draft story of an article file, in `format` (default: by the file name's extension, else
 * plain text), as `storykit extract` prints it.
 *
 * @throws {FileError} when the file cannot be read; core's `StoryValidationError` when it holds
 * no article text.
 */
export async function draftOf(
  file: string,
  format: ExtractFormat = ARTICLE_FORMATS[extname(file).toLowerCase()] ?? 'txt',
): Promise<Story> {
  // A page is read as bytes: its own <meta charset> says how to decode it.
  let input: string | Uint8Array;
  try {
    input = format === 'html' ? readFileSync(file) : readFileSync(file, 'utf8');
  } catch (error) {
    throw fileError(error, file, 'read the article', 'read');
  }
  // The extractor and its language model load only when an article is read.
  const { extract } = await import('@storykit/extract');
  return extract(input, format, { file });
}
