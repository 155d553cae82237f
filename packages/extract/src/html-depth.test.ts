import { fromHtml } from '@storykit/extract';
import { describe, expect, it } from 'vitest';

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
});
