import { validateStory } from '@storykit/core';

/** A story to check, numbered so that the page keeps only the answer to its latest question. */
export interface ValidateRequest {
  readonly id: number;
  readonly story: unknown;
}

// Core's checks off the page's main thread: typing never waits for a pass over 5,000 statements.
const scope = globalThis as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<ValidateRequest>) => void): void;
  postMessage(message: unknown): void;
};
scope.addEventListener('message', (event) => {
  scope.postMessage({ id: event.data.id, issues: validateStory(event.data.story) });
});
