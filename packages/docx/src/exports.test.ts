import type { Story } from '@storykit/core';
import * as docx from '@storykit/docx';
import { describe, expect, expectTypeOf, it } from 'vitest';

describe('public API', () => {
  it('exports exactly these names from @storykit/docx', () => {
    expect(Object.keys(docx).sort()).toEqual(['DOCX_SECTIONS', 'DocxOptionsError', 'toDocx']);
  });

  it('types the entry point', () => {
    expectTypeOf(docx.toDocx).parameters.toEqualTypeOf<[Story, docx.DocxOptions?]>();
    expectTypeOf(docx.toDocx).returns.resolves.toEqualTypeOf<Uint8Array>();
    expectTypeOf<docx.DocxSection>().toEqualTypeOf<
      'summary' | 'statements' | 'figures' | 'sources' | 'article' | 'notes'
    >();
  });
});
