import {
  deepFreeze,
  type Note,
  type Source,
  type Story,
  StoryValidationError,
  validateStory,
} from '@storykit/core';

/** An id for `name` that no item of `taken` has: its slug, else the slug with `-2`, `-3`, …. */
function freeId(name: string, fallback: string, taken: readonly { id: string }[]): string {
  const base =
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || fallback;
  const used = new Set(taken.map((item) => item.id));
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The story with `name` as its publisher when it names none (`storykit build --publisher NAME`):
 * a new organisation source, and an editor's note saying the name came from the command line, not
 * from the article. A story that names its publisher is returned as it is.
 */
export function withPublisher(story: Story, name: string | undefined): Story {
  if (name === undefined || story.publisher !== undefined) return story;
  const publisher: Source = {
    id: freeId(name, 'publisher', story.sources),
    kind: 'organization',
    name,
    sameAs: [],
  };
  const note: Note = {
    id: freeId('publisher-from-build', 'note', story.notes),
    about: 'publisher',
    text: `The publisher, ${name}, was given when the outputs were built (--publisher); the article does not name it.`,
  };
  const changed = {
    ...story,
    publisher: publisher.id,
    sources: [...story.sources, publisher],
    notes: [...story.notes, note],
  };
  const issues = validateStory(changed);
  if (issues.length > 0) throw new StoryValidationError(issues);
  return deepFreeze(changed);
}
