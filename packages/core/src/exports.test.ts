import * as core from '@storykit/core';
import * as node from '@storykit/core/node';
import * as yaml from '@storykit/core/yaml';
import { describe, expect, expectTypeOf, it } from 'vitest';

describe('public API', () => {
  it('exports exactly these names from @storykit/core', () => {
    expect(Object.keys(core).sort()).toEqual([
      'BOILERPLATE_PATTERNS',
      'DEFAULT_MAX_BYTES',
      'DRAFT_NOTICE',
      'StoryValidationError',
      'anchorSchema',
      'assertStory',
      'attributionSchema',
      'blockById',
      'blockSchema',
      'centralClaim',
      'centralUtterance',
      'checkInvariants',
      'comparableFigures',
      'deepFreeze',
      'entitySchema',
      'figureSchema',
      'formatFigureValue',
      'formatIssue',
      'idSchema',
      'isBoilerplate',
      'isCheckedStory',
      'isStoryValidationError',
      'mediaSchema',
      'noteSchema',
      'numbersInText',
      'paragraphNumber',
      'parseStory',
      'partialDateSchema',
      'rangeSchema',
      'readStory',
      'relationSchema',
      'relationsOf',
      'removeNonXmlChars',
      'resolveAnchor',
      'resolveStoryFile',
      'sourceById',
      'sourceLabel',
      'sourceSchema',
      'spanSchema',
      'spanText',
      'splitParagraphs',
      'statementById',
      'statementSchema',
      'statementsBy',
      'storyFileSchema',
      'storyIndex',
      'storySchema',
      'utteranceOf',
      'utteranceRelations',
      'utterancesOf',
      'validateStory',
    ]);
  });

  it('exports exactly these names from @storykit/core/node', () => {
    expect(Object.keys(node).sort()).toEqual([
      'STORY_FILE_NAMES',
      'loadStory',
      'storyFilePath',
      'writeFileAtomic',
    ]);
  });

  it('exports parseStory from @storykit/core/yaml too, the same function as in Node.js', () => {
    expect(Object.keys(yaml).sort()).toEqual(['DEFAULT_MAX_BYTES', 'parseStory']);
    expect(yaml.parseStory).toBe(core.parseStory);
    expect(yaml.DEFAULT_MAX_BYTES).toBe(core.DEFAULT_MAX_BYTES);
    expectTypeOf(yaml.parseStory).toEqualTypeOf(core.parseStory);
  });

  it('types the model as read-only discriminated data', () => {
    expectTypeOf<core.Statement['kind']>().toEqualTypeOf<'direct' | 'partial' | 'indirect'>();
    expectTypeOf<core.Statement['speaker']>().toEqualTypeOf<string | null>();
    expectTypeOf<core.Figure['value']>().toEqualTypeOf<
      number | { readonly low: number; readonly high: number }
    >();
    expectTypeOf<core.Source['kind']>().toEqualTypeOf<'person' | 'organization' | 'anonymous'>();
    expectTypeOf<core.Story['statements']>().toEqualTypeOf<readonly core.Statement[]>();
    expectTypeOf(node.loadStory).returns.toEqualTypeOf<core.Story>();
    const change = (story: core.Story) => {
      // @ts-expect-error a loaded story is read-only
      story.headline = 'x';
      // @ts-expect-error and so are its lists
      story.statements.push(story.statements[0]);
    };
    expect(change).toBeTypeOf('function');
  });
});
