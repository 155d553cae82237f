/**
 * `@storykit/pdf`: the one- or two-page PDF brief of a storykit story — the central claim and its
 * challengers, key figures with a chart, every source — with embedded Unicode fonts, tagged
 * structure, document metadata and the story attached as `story.json`.
 */
export {
  type BriefFonts,
  type CodePointRange,
  DEFAULT_FALLBACK_FONTS,
  type FallbackFont,
  type FontSource,
  OPTIONAL_FONT_PACKAGES,
  type OptionalFontPackage,
} from './lib/fonts.js';
export {
  type BriefSection,
  DEFAULT_SECTIONS,
  type PageSize,
  type PdfOptions,
  PdfOptionsError,
} from './lib/options.js';
export { toPdf, toPdfStream } from './lib/to-pdf.js';
