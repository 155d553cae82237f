/**
 * The options of {@link toPdf}, their defaults, and how a creation date is chosen without ever
 * reading the clock.
 */
import type { Story } from '@storykit/core';
import { type BriefFonts, missingGlyphMessage } from './fonts.js';

/** Paper sizes: A4 is 595 × 842 pt (210 × 297 mm), Letter 612 × 792 pt (8.5 × 11 in). */
export type PageSize = 'A4' | 'Letter';

/**
 * The sections of the brief after the masthead: `claim` (the central claim and its challengers),
 * `figures` (key figures table and chart), `sources` (every source, how the article reached
 * them) and `notes` (the editor's notes).
 */
export type BriefSection = 'claim' | 'figures' | 'sources' | 'notes';

/** The sections a brief has unless told otherwise, in order. */
export const DEFAULT_SECTIONS: readonly BriefSection[] = Object.freeze([
  'claim',
  'figures',
  'sources',
]);

/** Options for {@link toPdf} and {@link toPdfStream}; every field is optional. */
export interface PdfOptions {
  /** Paper size; default `'A4'`. */
  readonly pageSize?: PageSize;
  /**
   * The sections after the masthead, in the order given; default {@link DEFAULT_SECTIONS}
   * (`claim`, `figures`, `sources`). The masthead, the closing provenance note and the footers
   * are always there.
   */
  readonly sections?: readonly BriefSection[];
  /** Accent colour for rules, headings and bars, as `#rrggbb` or `#rgb`; default `'#1d4e89'`. */
  readonly accentColor?: string;
  /** Font files; default DejaVu Sans with Noto fallbacks (see {@link BriefFonts}). */
  readonly fonts?: BriefFonts;
  /**
   * The document's creation and modification date (document information and the attached
   * file); a `Date` or an ISO 8601 string, partial dates (`2016-07`) meaning their first day at
   * 00:00 UTC. Default: the story's `modified`, else its `published` date, else
   * 1970-01-01T00:00:00Z. Never the clock, so that the same input gives the same bytes.
   */
  readonly creationDate?: Date | string;
  /**
   * The folder that media `path`s are relative to (usually the story's folder). Default: none,
   * and the photo is described by its credit and alternative text but not drawn.
   */
  readonly mediaDir?: string;
  /** Quotations longer than this many words are shortened with "…"; default 45. */
  readonly maxQuoteWords?: number;
  /** At most this many bars in the chart; default 12. */
  readonly maxChartBars?: number;
  /** Attach the validated story as `story.json` inside the PDF; default `true`. */
  readonly attachStory?: boolean;
  /**
   * Called with each character no font has a glyph for (drawn as U+FFFD) and a message naming the
   * font package to install, when one has it. Default: one process warning per document naming
   * the characters' packages.
   */
  readonly onMissingGlyph?: (char: string, message: string) => void;
}

/** The options with every default applied. */
export interface ResolvedOptions {
  readonly pageSize: PageSize;
  readonly sections: readonly BriefSection[];
  readonly accent: string;
  readonly fonts: BriefFonts;
  readonly date: Date;
  readonly mediaDir: string | undefined;
  readonly maxQuoteWords: number;
  readonly maxChartBars: number;
  readonly attachStory: boolean;
  readonly onMissingGlyph: (char: string) => void;
}

/** The date the epoch stands in for when a story carries none. */
export const FALLBACK_DATE = '1970-01-01T00:00:00Z';

/**
 * An option of {@link toPdf} that is not one it takes: the message names the option, what it takes
 * and what it got. A `RangeError`, so code that caught those before still catches it.
 */
export class PdfOptionsError extends RangeError {
  override readonly name = 'PdfOptionsError';
  /** The option at fault, as in `accentColor` or `fonts.fallbacks[0].regular`. */
  readonly option: string;

  constructor(option: string, expected: string, got: unknown) {
    super(`options.${option} must be ${expected}, got ${shown(got)}`);
    this.option = option;
  }
}

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : 'a Date';
  if (Array.isArray(value)) return 'a list';
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}

/** An ISO 8601 date, possibly partial (`2016`, `2016-07`, `2016-07-17`, a date-time), as a Date. */
export function dateFromIso(value: string, option = 'creationDate'): Date {
  const partial = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  const date = partial
    ? new Date(Date.UTC(Number(partial[1]), Number(partial[2] ?? 1) - 1, Number(partial[3] ?? 1)))
    : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new PdfOptionsError(option, 'an ISO 8601 date such as 2016-07-17', value);
  }
  return date;
}

function hexColor(value: string): string {
  if (typeof value !== 'string')
    throw new PdfOptionsError('accentColor', 'a colour as #rrggbb or #rgb', value);
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value);
  if (short)
    return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  if (/^#[0-9a-f]{6}$/i.test(value)) return value.toLowerCase();
  throw new PdfOptionsError('accentColor', 'a colour as #rrggbb or #rgb', value);
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new PdfOptionsError(name, 'a whole number from 1 up', value);
  }
  return value;
}

/** Applies the defaults and checks the values. */
export function resolveOptions(story: Story, options: PdfOptions = {}): ResolvedOptions {
  const pageSize = options.pageSize ?? 'A4';
  if (pageSize !== 'A4' && pageSize !== 'Letter') {
    throw new PdfOptionsError('pageSize', '"A4" or "Letter"', pageSize);
  }
  const sections = options.sections ?? DEFAULT_SECTIONS;
  if (!Array.isArray(sections)) {
    throw new PdfOptionsError('sections', 'a list of claim, figures, sources or notes', sections);
  }
  sections.forEach((s, i) => {
    if (!['claim', 'figures', 'sources', 'notes'].includes(s)) {
      throw new PdfOptionsError(`sections[${i}]`, 'one of claim, figures, sources or notes', s);
    }
  });
  const given = options.creationDate;
  const date =
    given instanceof Date
      ? new Date(given.getTime())
      : dateFromIso(given ?? story.modified ?? story.published ?? FALLBACK_DATE);
  if (Number.isNaN(date.getTime())) {
    throw new PdfOptionsError('creationDate', 'a valid Date or an ISO 8601 date', given);
  }
  return {
    pageSize,
    sections: [...new Set(sections)],
    accent: hexColor(options.accentColor ?? '#1d4e89'),
    fonts: options.fonts ?? {},
    date,
    mediaDir: options.mediaDir,
    maxQuoteWords: positiveInteger('maxQuoteWords', options.maxQuoteWords ?? 45),
    maxChartBars: positiveInteger('maxChartBars', options.maxChartBars ?? 12),
    attachStory: options.attachStory ?? true,
    onMissingGlyph: missingGlyphReporter(options.onMissingGlyph),
  };
}

/** The user's callback with the message added, or a warning once per message and document. */
function missingGlyphReporter(callback: PdfOptions['onMissingGlyph']): (char: string) => void {
  if (callback) return (char) => callback(char, missingGlyphMessage(char));
  const warned = new Set<string>();
  return (char) => {
    // One warning per fix, not per character: a page of Japanese would otherwise print hundreds.
    const message = missingGlyphMessage(char).replace(
      /^no font of the brief draws "[^"]*" \(U\+[0-9A-F]+\); it is drawn/,
      'some characters have no font and are drawn',
    );
    if (warned.has(message)) return;
    warned.add(message);
    process.emitWarning(`@storykit/pdf: ${message}`, 'StorykitFontWarning');
  };
}

/** Mixes a `#rrggbb` colour with white: `amount` 0 keeps it, 1 gives white. */
export function tint(color: string, amount: number): string {
  const channel = (i: number) => {
    const c = Number.parseInt(color.slice(1 + 2 * i, 3 + 2 * i), 16);
    return Math.round(c + (255 - c) * amount)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}
