import type { Story } from '@storykit/core';

/** What a story holds, in one line: `25 statements, 10 figures, …, 17 paragraphs`. */
export function summary(story: Story): string {
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
