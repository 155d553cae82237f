/**
 * The Node.js entry point of `@storykit/core`: loading stories from files and writing outputs
 * safely. Everything else lives in the browser-safe main entry, `@storykit/core`.
 */
export {
  type LoadStoryOptions,
  loadStory,
  STORY_FILE_NAMES,
  storyFilePath,
} from './lib/load-story.js';
export { writeFileAtomic } from './lib/write-file-atomic.js';
