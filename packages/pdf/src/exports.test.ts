import * as pdf from '@storykit/pdf';
import { describe, expect, expectTypeOf, it } from 'vitest';

describe('public API', () => {
  it('exports exactly these names from @storykit/pdf', () => {
    expect(Object.keys(pdf).sort()).toEqual([
      'DEFAULT_FALLBACK_FONTS',
      'DEFAULT_SECTIONS',
      'OPTIONAL_FONT_PACKAGES',
      'PdfOptionsError',
      'toPdf',
      'toPdfStream',
    ]);
  });

  it('types the entry points', () => {
    expectTypeOf(pdf.toPdf).returns.toEqualTypeOf<Promise<Uint8Array>>();
    expectTypeOf<pdf.PdfOptions['pageSize']>().toEqualTypeOf<'A4' | 'Letter' | undefined>();
    expectTypeOf<pdf.BriefSection>().toEqualTypeOf<'claim' | 'figures' | 'sources' | 'notes'>();
    expect(pdf.DEFAULT_SECTIONS).toEqual(['claim', 'figures', 'sources']);
    expect(pdf.DEFAULT_FALLBACK_FONTS.map((f) => f.name)).toEqual([
      'Noto Sans Arabic',
      'Noto Sans JP',
      'Noto Emoji',
    ]);
  });
});
