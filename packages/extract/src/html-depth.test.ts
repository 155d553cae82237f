import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fromHtml } from '@storykit/extract';
import { describe, expect, it } from 'vitest';
import { boundHtmlDepth, HTML_DEPTH_LIMIT } from '../src/lib/html-depth.js';

const FIXTURE = fileURLToPath(
  new URL('../../../fixtures/flood-warning/article.html', import.meta.url),
);

const nested = (n: number, text: string) =>
  `<html><body><article>${'<div>'.repeat(n)}<p>${text}</p>${'</div>'.repeat(n)}<p>After the nesting.</p></article></body></html>`;

describe('deeply nested HTML', () => {
  it('gives its text, with no stack overflow, at 2,500 and 10,000 levels', async () => {
    for (const n of [2500, 10_000]) {
      const draft = await fromHtml(nested(n, 'The mayor said 40 homes flooded.'));
      expect(draft.body.map((b) => b.text)).toEqual([
        'The mayor said 40 homes flooded.',
        'After the nesting.',
      ]);
    }
  });

  it('unwraps only the elements past the limit, keeping their end tags paired', () => {
    const bounded = boundHtmlDepth(nested(HTML_DEPTH_LIMIT + 50, 'x'));
    // <article> is one level; <html> and <body>, whose end tags may be left out, are not counted.
    expect(bounded.split('<div>').length - 1).toBe(HTML_DEPTH_LIMIT - 1);
    expect(bounded.split('</div>').length - 1).toBe(HTML_DEPTH_LIMIT - 1);
    expect(bounded).toContain('<p>x</p>');
  });
});

describe('HTML within the limit', () => {
  it('is left as it is: pages, unclosed paragraphs and list items, scripts and comments', () => {
    const pages = [
      readFileSync(FIXTURE, 'utf8'),
      nested(HTML_DEPTH_LIMIT - 1, 'at the limit'),
      `<ul>${'<li>item'.repeat(5000)}</ul>${'<p>para'.repeat(5000)}`,
      `<script>${'<div>'.repeat(5000)}</script><!-- ${'<div>'.repeat(5000)} -->`,
      `<p title="<div>${'<div>'.repeat(500)}">quoted</p><textarea>${'<b>'.repeat(500)}</textarea>`,
      `${'<h2>unclosed heading'.repeat(500)}${'<a href="#">link'.repeat(500)}`,
    ];
    for (const page of pages) expect(boundHtmlDepth(page)).toBe(page);
  });
});
