/**
 * The rule for the paths a story names (`body.file`, `media[].path`): relative to the story's
 * folder and inside it. Checked on the text alone, so it holds in browsers too; the Node.js loader
 * adds what only the file system can tell (symlinks, the kind of file, its size).
 */

/**
 * A path as messages show it: in double quotes, as written. Control characters stay; a program
 * printing the message to a terminal escapes them (the CLI does), a web page escapes for HTML.
 */
export function quotedPath(name: string): string {
  return `"${name}"`;
}

/**
 * Why a path a story names may not be used, or `undefined` when it is a plain relative path inside
 * the story folder. Both separators count, so a story written on Windows is judged the same way.
 */
export function storyPathProblem(name: string): string | undefined {
  if (name.includes('\0')) return 'the path holds a NUL character';
  // `/x`, `\x` and `C:` name places outside the folder whatever the folder is.
  if (/^[/\\]/.test(name) || /^[A-Za-z]:/.test(name)) {
    return `${quotedPath(name)} is an absolute path; expected a path relative to the story folder, such as article.txt`;
  }
  if (name.split(/[/\\]/).includes('..')) {
    return `${quotedPath(name)} goes up with ".."; expected a path inside the story folder, such as article.txt`;
  }
  return undefined;
}
