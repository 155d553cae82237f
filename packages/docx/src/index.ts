/**
 * `@storykit/docx`: a storykit story as the analyst's report, a Word document (DOCX) with real
 * heading styles, a table of contents, footnotes to the article's paragraphs, tables and a chart.
 */
export { DocxOptionsError } from './lib/check-options.js';
export { DOCX_SECTIONS, type DocxOptions, type DocxSection, toDocx } from './lib/to-docx.js';
