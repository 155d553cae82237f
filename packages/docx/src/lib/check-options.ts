/**
 * The one place where the options of {@link toDocx} are checked, so that every mistake reads the
 * same way: the option, what it takes, what it got.
 */
import { partialDateSchema } from '@storykit/core';
import { DOCX_SECTIONS, type DocxOptions } from './to-docx.js';

/**
 * An option of `toDocx` that is not one it takes: the message names the option, what it takes and
 * what it got. A `RangeError`, as the standard library throws for a value out of range.
 */
export class DocxOptionsError extends RangeError {
  override readonly name = 'DocxOptionsError';
  /** The option at fault, as in `sections[0]` or `locale`. */
  readonly option: string;

  constructor(option: string, expected: string, got: unknown) {
    super(
      `options.${option} must be ${expected}, got ${typeof got === 'string' ? JSON.stringify(got) : Array.isArray(got) ? 'a list' : String(got)}`,
    );
    this.option = option;
  }
}

const SECTIONS = DOCX_SECTIONS;
const SECTION_LIST = `${SECTIONS.slice(0, -1).join(', ')} or ${SECTIONS.at(-1)}`;

/**
 * Checks the options and throws a {@link DocxOptionsError} for the first that does not fit. A
 * section list that names no known section is refused rather than giving a report of a title page
 * and an empty table of contents.
 */
export function checkDocxOptions(options: DocxOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new DocxOptionsError('', 'an object', options);
  }
  const { sections, date, locale, chart } = options;
  if (sections !== undefined) {
    if (!Array.isArray(sections)) {
      throw new DocxOptionsError('sections', `a list of ${SECTION_LIST}`, sections);
    }
    if (sections.length === 0) {
      throw new DocxOptionsError('sections', `at least one of ${SECTION_LIST}`, 'an empty list');
    }
    sections.forEach((section, i) => {
      if (!SECTIONS.includes(section)) {
        throw new DocxOptionsError(`sections[${i}]`, `one of ${SECTION_LIST}`, section);
      }
    });
  }
  if (date !== undefined && !partialDateSchema.safeParse(date).success) {
    throw new DocxOptionsError('date', 'an ISO 8601 date such as 2016-07-17', date);
  }
  if (locale !== undefined) {
    let valid = typeof locale === 'string';
    try {
      if (valid) Intl.getCanonicalLocales(locale);
    } catch {
      valid = false;
    }
    if (!valid) throw new DocxOptionsError('locale', 'a BCP 47 language tag such as en-US', locale);
  }
  if (chart !== undefined && typeof chart !== 'boolean') {
    throw new DocxOptionsError('chart', 'true or false', chart);
  }
}
