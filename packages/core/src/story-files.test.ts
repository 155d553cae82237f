import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isStoryValidationError, type StoryIssue, validateStory } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ARTICLE, storyFile } from '../test/story-builder.js';

// Every folder a test makes lies in one scratch folder, removed when the file's tests are done.
const scratch = mkdtempSync(join(tmpdir(), 'storykit-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let folders = 0;
const temp = (): string =>
  mkdirSync(join(scratch, String(folders++)), { recursive: true }) as string;

/**
 * A story folder holding `story.yaml` over {@link ARTICLE}; `change` edits the curated data and
 * `article` (default: write `article.txt`) sets up the files beside it.
 */
function storyFolder(
  change: (data: ReturnType<typeof storyFile>) => void = () => {},
  article: (dir: string) => void = (dir) => writeFileSync(join(dir, 'article.txt'), ARTICLE),
): string {
  const dir = temp();
  const data = storyFile();
  change(data);
  writeFileSync(join(dir, 'story.yaml'), stringify(data));
  article(dir);
  return dir;
}

/** The issues loading `path` gives (without line numbers), or [] when it loads. */
function loadIssues(path: string, maxBytes?: number): Omit<StoryIssue, 'line'>[] {
  try {
    loadStory(path, maxBytes === undefined ? {} : { maxBytes });
    return [];
  } catch (error) {
    if (!isStoryValidationError(error)) throw error;
    return error.issues.map(({ line: _line, ...issue }) => issue);
  }
}

const bodyFile = (file: string) => (data: ReturnType<typeof storyFile>) => {
  (data.body as { file: string }).file = file;
};
const root = process.getuid?.() === 0;

describe('the body file stays inside the story folder', () => {
  it('reads a file beside the story, and through a symbolic link that stays inside', () => {
    const dir = storyFolder(bodyFile('texts/link.txt'), (d) => {
      mkdirSync(join(d, 'texts'));
      writeFileSync(join(d, 'texts', 'article.txt'), ARTICLE);
      symlinkSync('article.txt', join(d, 'texts', 'link.txt'));
    });
    expect(loadStory(dir).body).toHaveLength(2);
  });

  it('refuses an absolute path, without looking at it', () => {
    const dir = storyFolder(bodyFile('/etc/passwd'));
    expect(loadIssues(dir)).toEqual([
      {
        file: join(dir, 'story.yaml'),
        path: 'body.file',
        message:
          '"/etc/passwd" is an absolute path; expected a path relative to the story folder, such as article.txt',
      },
    ]);
  });

  it('refuses a path that goes up out of the folder', () => {
    const outside = temp();
    writeFileSync(join(outside, 'article.txt'), ARTICLE);
    const dir = storyFolder(bodyFile(`../${outside.split('/').at(-1)}/article.txt`));
    expect(loadIssues(dir)).toEqual([
      {
        file: join(dir, 'story.yaml'),
        path: 'body.file',
        message: expect.stringMatching(
          /^"\.\.\/\d+\/article\.txt" goes up with "\.\."; expected a path inside the story folder/,
        ),
      },
    ]);
  });

  it('refuses a symbolic link to a file outside, and a linked folder leading outside', () => {
    const outside = temp();
    writeFileSync(join(outside, 'secret.txt'), ARTICLE);
    const dir = storyFolder(bodyFile('article.txt'), (d) => {
      symlinkSync(join(outside, 'secret.txt'), join(d, 'article.txt'));
    });
    expect(loadIssues(dir)).toEqual([
      {
        file: join(dir, 'story.yaml'),
        path: 'body.file',
        message: `"article.txt" leads through a symbolic link to "${join(outside, 'secret.txt')}", outside the story folder; expected a file inside the folder (copy it in)`,
      },
    ]);
    const viaFolder = storyFolder(bodyFile('shared/secret.txt'), (d) => {
      symlinkSync(outside, join(d, 'shared'));
    });
    expect(loadIssues(viaFolder)[0]?.message).toMatch(
      /^"shared\/secret\.txt" leads through a symbolic link to .*, outside the story folder/,
    );
  });

  it('refuses a link to /dev/zero as outside, and /dev/zero as a story file as a device', () => {
    const dir = storyFolder(bodyFile('article.txt'), (d) => {
      symlinkSync('/dev/zero', join(d, 'article.txt'));
    });
    expect(loadIssues(dir)[0]?.message).toContain(
      '"article.txt" leads through a symbolic link to "/dev/zero"',
    );
    expect(loadIssues('/dev/zero')).toEqual([
      {
        file: '/dev/zero',
        path: '',
        message: 'the story file is a device; expected a regular file',
      },
    ]);
  });

  it('refuses a named pipe without waiting for a writer', () => {
    const dir = storyFolder(bodyFile('article.txt'), (d) => {
      execFileSync('mkfifo', [join(d, 'article.txt')]);
    });
    expect(loadIssues(dir)).toEqual([
      {
        file: join(dir, 'story.yaml'),
        path: 'body.file',
        message: '"article.txt" is a named pipe (FIFO); expected a regular file',
      },
    ]);
  });

  it('refuses a folder', () => {
    const dir = storyFolder(bodyFile('texts'), (d) => mkdirSync(join(d, 'texts')));
    expect(loadIssues(dir)).toEqual([
      {
        file: join(dir, 'story.yaml'),
        path: 'body.file',
        message: '"texts" is a folder; expected a regular file',
      },
    ]);
  });

  it('refuses a body file over maxBytes before reading it, and a story file over it', () => {
    const dir = storyFolder(undefined, (d) => {
      writeFileSync(join(d, 'article.txt'), `${ARTICLE}\n\n${'padding '.repeat(2000)}`);
    });
    const storySize = statSync(join(dir, 'story.yaml')).size;
    const articleSize = statSync(join(dir, 'article.txt')).size;
    expect(articleSize).toBeGreaterThan(storySize + 100);
    expect(loadIssues(dir, storySize + 100)).toEqual([
      {
        file: join(dir, 'story.yaml'),
        path: 'body.file',
        message: `"article.txt" is ${articleSize} bytes, over the limit of ${storySize + 100} (maxBytes, --max-bytes); expected a smaller file or a higher limit`,
      },
    ]);
    expect(loadIssues(dir, 100)).toEqual([
      {
        file: join(dir, 'story.yaml'),
        path: '',
        message: `the story file is ${storySize} bytes, over the limit of 100 (maxBytes, --max-bytes); expected a smaller file or a higher limit`,
      },
    ]);
    expect(loadIssues(dir)).toEqual([]);
    expect(() => loadStory(dir, { maxBytes: 0 })).toThrow(RangeError);
  });

  it('names a missing body file and what to do', () => {
    const dir = storyFolder(bodyFile('artcle.txt'));
    expect(loadIssues(dir)).toEqual([
      {
        file: join(dir, 'story.yaml'),
        path: 'body.file',
        message: '"artcle.txt" does not exist; check the name, or put the file in the story folder',
      },
    ]);
  });

  it.skipIf(root)('names a body file that cannot be read for its permissions', () => {
    const dir = storyFolder();
    chmodSync(join(dir, 'article.txt'), 0o000);
    expect(loadIssues(dir)[0]).toEqual({
      file: join(dir, 'story.yaml'),
      path: 'body.file',
      message:
        '"article.txt" cannot be read: permission denied; make it readable (chmod u+r) or run as its owner',
    });
  });

  it.skipIf(root)('names a story folder that cannot be searched', () => {
    const dir = storyFolder();
    chmodSync(dir, 0o000);
    const issues = loadIssues(dir);
    chmodSync(dir, 0o700);
    expect(issues[0]?.message).toContain('permission denied');
  });

  it('names a path through a file and a link loop, and what to do', () => {
    const dir = storyFolder(bodyFile('article.txt/more.txt'));
    expect(loadIssues(dir)[0]?.message).toBe(
      '"article.txt/more.txt" goes through something that is not a folder; check the path',
    );
    const loop = storyFolder(bodyFile('a.txt'), (d) => {
      symlinkSync('b.txt', join(d, 'a.txt'));
      symlinkSync('a.txt', join(d, 'b.txt'));
    });
    expect(loadIssues(loop)[0]?.message).toBe(
      '"a.txt" is a symbolic link that leads to itself or through too many others; point it at a real file',
    );
  });

  it('loads a story file that is a link to a file elsewhere, reading the body beside the link', () => {
    const shared = storyFolder(undefined, () => {});
    const dir = temp();
    symlinkSync(join(shared, 'story.yaml'), join(dir, 'story.yaml'));
    writeFileSync(join(dir, 'article.txt'), ARTICLE);
    expect(loadStory(dir).id).toBe('test-story');
  });
});

describe('media paths stay inside the story folder', () => {
  const withMedia = (path: string) => (data: ReturnType<typeof storyFile>) => {
    data.media = [{ id: 'photo', kind: 'image', path }];
  };

  it('accepts a regular file inside the folder', () => {
    const dir = storyFolder(withMedia('photo.jpg'), (d) => {
      writeFileSync(join(d, 'article.txt'), ARTICLE);
      writeFileSync(join(d, 'photo.jpg'), 'not really a jpeg');
    });
    expect(loadStory(dir).media[0]?.path).toBe('photo.jpg');
  });

  it('refuses an absolute path and ".." in the model itself, wherever the story comes from', () => {
    for (const [path, message] of [
      ['/etc/passwd', /is an absolute path/],
      ['C:\\photo.jpg', /is an absolute path/],
      ['../photo.jpg', /goes up with "\.\."/],
      ['images\\..\\..\\photo.jpg', /goes up with "\.\."/],
    ] as const) {
      const dir = storyFolder(withMedia(path));
      const issues = loadIssues(dir);
      expect(issues).toEqual([
        {
          file: join(dir, 'story.yaml'),
          path: 'media[0].path',
          message: expect.stringMatching(message),
        },
      ]);
      const story = {
        ...structuredClone(loadStory(storyFolder())),
        media: [{ id: 'm', kind: 'image', path }],
      };
      expect(validateStory(story).map((i) => i.path)).toEqual(['media[0].path']);
    }
  });

  it('refuses a link out, a named pipe, a missing file and one over maxBytes', () => {
    const outside = temp();
    writeFileSync(join(outside, 'photo.jpg'), 'x');
    const cases: [string, (dir: string) => void, RegExp, number?][] = [
      [
        'out.jpg',
        (d) => symlinkSync(join(outside, 'photo.jpg'), join(d, 'out.jpg')),
        /leads through a symbolic link/,
      ],
      [
        'pipe.jpg',
        (d) => execFileSync('mkfifo', [join(d, 'pipe.jpg')]),
        /is a named pipe \(FIFO\); expected a regular file$/,
      ],
      ['gone.jpg', () => {}, /^"gone\.jpg" does not exist/],
      [
        'big.jpg',
        (d) => writeFileSync(join(d, 'big.jpg'), Buffer.alloc(20_000)),
        /^"big\.jpg" is 20000 bytes, over the limit of 10000/,
        10_000,
      ],
    ];
    for (const [path, setUp, message, maxBytes] of cases) {
      const dir = storyFolder(withMedia(path), (d) => {
        writeFileSync(join(d, 'article.txt'), ARTICLE);
        setUp(d);
      });
      expect(loadIssues(dir, maxBytes)).toEqual([
        {
          file: join(dir, 'story.yaml'),
          path: 'media[0].path',
          message: expect.stringMatching(message),
        },
      ]);
    }
  });

  it('checks the media of a resolved story.json the same way', () => {
    const story = loadStory(storyFolder());
    const dir = temp();
    writeFileSync(
      join(dir, 'story.json'),
      JSON.stringify({ ...story, media: [{ id: 'm', kind: 'image', path: 'pipe.jpg' }] }),
    );
    execFileSync('mkfifo', [join(dir, 'pipe.jpg')]);
    expect(loadIssues(dir)).toEqual([
      {
        file: join(dir, 'story.json'),
        path: 'media[0].path',
        message: '"pipe.jpg" is a named pipe (FIFO); expected a regular file',
      },
    ]);
  });
});
