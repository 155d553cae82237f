/**
 * `@storykit/studio`: the local review app `storykit studio` starts — a server bound to the loopback
 * address that serves the page and the story folder's API.
 */
export {
  StudioBusyError,
  type StudioOptions,
  type StudioOutput,
  type StudioOutputFile,
  type StudioServer,
  startStudio,
} from './server.js';
