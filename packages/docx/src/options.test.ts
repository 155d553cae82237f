import { type DocxOptions, DocxOptionsError, toDocx } from '@storykit/docx';
import { describe, expect, it } from 'vitest';
import { seed } from '../test/stories.js';

/** The error toDocx rejects with for these options. */
async function refusal(options: DocxOptions): Promise<DocxOptionsError> {
  const error = await toDocx(seed(), options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocxOptionsError);
  return error as DocxOptionsError;
}

describe('toDocx options', () => {
  it('refuses a section it does not have rather than writing an almost empty report', async () => {
    const error = await refusal({ sections: ['charts' as never] });
    expect(error.option).toBe('sections[0]');
    expect(error.message).toBe(
      'options.sections[0] must be one of summary, statements, figures, sources, article or notes, got "charts"',
    );
  });

  it('refuses an empty section list', async () => {
    expect((await refusal({ sections: [] })).message).toMatch(
      /^options\.sections must be at least one of/,
    );
  });

  it('names a date, a locale and a chart flag that do not fit', async () => {
    expect((await refusal({ date: 'Sunday' })).option).toBe('date');
    expect((await refusal({ locale: 'not a locale!' })).option).toBe('locale');
    expect((await refusal({ chart: 'yes' as never })).option).toBe('chart');
  });

  it('takes every section on its own', async () => {
    const bytes = await toDocx(seed(), { sections: ['figures'], date: '2016-07', locale: 'fr-FR' });
    expect(bytes.byteLength).toBeGreaterThan(1000);
  });
});
