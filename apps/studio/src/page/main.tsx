import { render } from 'preact';
import { openStory } from './api.js';
import { App, Unreadable } from './app.js';

const root = document.getElementById('app') as HTMLElement;

openStory().then(
  (opened) => {
    performance.mark('studio-fetched');
    if (opened.story) render(<App opened={opened} story={opened.story} />, root);
    else render(<Unreadable opened={opened} />, root);
  },
  (error: Error) => {
    render(
      <Unreadable
        opened={{
          file: '',
          version: undefined,
          story: null,
          issues: [{ path: '', message: error.message }],
        }}
      />,
      root,
    );
  },
);
