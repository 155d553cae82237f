import { DRAFT_NOTICE, type Story } from '@storykit/core';
import { type JsonLdOptions, toJsonLdScript } from '@storykit/jsonld';

/** Escapes text for HTML element content and double-quoted attribute values (HTML §13.1.2.6). */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] as string,
  );
}

const TAG = { paragraph: 'p', quote: 'blockquote' } as const;

/**
 * A small, self-contained HTML page of the story — headline, standfirst and body, each block with
 * its id as an anchor — whose `<head>` embeds the story's schema.org graph as JSON-LD.
 */
export function articleHtml(story: Story, options: JsonLdOptions = {}): string {
  const blocks = story.body.map((block) => {
    const tag =
      block.kind === 'heading' ? `h${Math.min((block.depth ?? 1) + 1, 6)}` : TAG[block.kind];
    return `<${tag} id="${escapeHtml(block.id)}">${escapeHtml(block.text)}</${tag}>`;
  });
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(story.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(story.headline)}</title>`,
    ...(story.dek ? [`<meta name="description" content="${escapeHtml(story.dek)}">`] : []),
    ...(story.url ? [`<link rel="canonical" href="${escapeHtml(story.url)}">`] : []),
    toJsonLdScript(story, options),
    '</head>',
    '<body>',
    '<article>',
    ...(story.draft
      ? [`<p class="draft"><strong>${DRAFT_NOTICE.label}</strong> — ${DRAFT_NOTICE.text}</p>`]
      : []),
    `<h1>${escapeHtml(story.headline)}</h1>`,
    ...(story.dek ? [`<p class="dek">${escapeHtml(story.dek)}</p>`] : []),
    ...blocks,
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
