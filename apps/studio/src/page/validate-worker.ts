import { validateStory } from '@storykit/core';

/**
 * A story to check, numbered so that the page keeps only the answer to its latest question. The
 * body (the article's text, most of the story's bytes) comes only when it differs from the last
 * one sent: the story is checked with the last body the worker was given.
 */
export interface ValidateRequest {
  readonly id: number;
  readonly story: Record<string, unknown>;
  readonly body?: unknown;
}

// Core's checks off the page's main thread: typing never waits for a pass over 5,000 statements.
const scope = globalThis as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<ValidateRequest>) => void): void;
  postMessage(message: unknown): void;
};
let body: unknown;
scope.addEventListener('message', (event) => {
  if ('body' in event.data) body = event.data.body;
  scope.postMessage({ id: event.data.id, issues: validateStory({ ...event.data.story, body }) });
});
