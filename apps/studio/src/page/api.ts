import type { Story, StoryIssue } from '@storykit/core';

/** The run's token, from the address the studio printed; kept for reloads of the page. */
export const token: string = (() => {
  const given = new URLSearchParams(location.search).get('token');
  if (given) sessionStorage.setItem('storykit-token', given);
  return given ?? sessionStorage.getItem('storykit-token') ?? '';
})();

/** What the server answers for the story folder: the model, or the issues that keep it from loading. */
export interface Opened {
  readonly file: string;
  readonly version: string | undefined;
  readonly story: Story | null;
  readonly issues: readonly StoryIssue[];
  readonly text?: string;
}

/** An answer other than 2xx: the server's message, and the issues of a story it refused. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: readonly StoryIssue[] = [],
  ) {
    super(message);
  }
}

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(path, {
    ...init,
    headers: { 'x-storykit-token': token, 'content-type': 'application/json', ...init.headers },
  });
  if (!response.ok) {
    let body: { error?: string; issues?: StoryIssue[] } = {};
    try {
      body = await response.json();
    } catch {
      // Not JSON: the status says enough.
    }
    throw new ApiError(response.status, body.error ?? response.statusText, body.issues ?? []);
  }
  return response;
}

/** The story folder's story, as it is on disk now. */
export async function openStory(): Promise<Opened> {
  return (await call('/api/story')).json();
}

/** Saves the story; refused (409) when the file changed on disk since `version` was read. */
export async function saveStory(story: Story, version: string | undefined): Promise<string> {
  const response = await call('/api/story', {
    method: 'PUT',
    body: JSON.stringify({ story, version }),
  });
  return (await response.json()).version;
}

/** The outputs the server can build: their names and files. */
export async function listOutputs(): Promise<{ name: string; files: string[] }[]> {
  return (await call('/api/outputs')).json();
}

/** One file of an output, built from the story as it is in the page. */
export async function buildOutput(story: Story, name: string, file: string): Promise<Blob> {
  const response = await call(`/api/output/${name}?file=${encodeURIComponent(file)}`, {
    method: 'POST',
    body: JSON.stringify({ story }),
  });
  return response.blob();
}
