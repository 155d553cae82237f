import {
  assertStory,
  centralUtterance,
  comparableFigures,
  DRAFT_NOTICE,
  type Figure,
  formatFigureValue,
  paragraphNumber,
  type Source,
  type Story,
  sourceById,
  sourceLabel,
  statementById,
  type Utterance,
  utteranceRelations,
  utterancesOf,
} from '@storykit/core';
import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  TableOfContents,
  TextRun,
} from 'docx';
import { ChartRun } from 'docx/charts';
import { checkDocxOptions } from './check-options.js';
import { attributionLine, formatDate, howReached, statementKindLabel } from './describe.js';
import { type PackageParts, renumberParts, zipParts } from './package-parts.js';
import { xmlText } from './text.js';
import {
  bookmarkedHeading,
  footnote,
  footnoteReference,
  PAGE_BREAK,
  type ParagraphFormat,
  paragraph,
  type RunFormat,
  run,
  table as wordTable,
} from './wordml.js';

/** The parts of the report, in the order they appear. */
export type DocxSection = 'summary' | 'statements' | 'figures' | 'sources' | 'article' | 'notes';

/** Every {@link DocxSection}, in report order. */
export const DOCX_SECTIONS: readonly DocxSection[] = [
  'summary',
  'statements',
  'figures',
  'sources',
  'article',
  'notes',
];

/** Options for {@link toDocx}. */
export interface DocxOptions {
  /** Which parts to include, in report order whatever order they are given in; default all. */
  readonly sections?: readonly DocxSection[];
  /**
   * The document's creation date (core property `dcterms:created`), ISO 8601. Default: the story's
   * `modified`, else `published`; when the story has neither, the document carries no date at all
   * rather than the clock's.
   */
  readonly date?: string;
  /** Locale for dates and numbers; default `'en-US'`. */
  readonly locale?: string;
  /** Draw a chart where figures compare ({@link comparableFigures}); default `true`. */
  readonly chart?: boolean;
}

/** The most bars a chart gets; a larger group of comparable figures is left to the table. */
const MAX_CHART_BARS = 12;

const STYLE = {
  quotation: 'StorykitQuotation',
  statementText: 'StorykitStatementText',
  figureText: 'StorykitFigureText',
  meta: 'StorykitMeta',
  tableText: 'StorykitTableText',
} as const;

/**
 * The story as an analyst's report in Word format (DOCX): a title page, a table of contents over
 * real Heading 1/2 styles, the central claim and who supports and disputes it, every statement
 * grouped by speaker with a footnote to its paragraph, the figures as a table with a native chart
 * where they compare, the sources as a table, the article with paragraph numbers and its quotes
 * and figures in their own character styles, and the editor's notes. The same story gives the same
 * bytes: the core properties carry the story's date (or none) and the zip entries a fixed time.
 * Returns a promise, as `docx`'s `Packer` does, though the work itself is synchronous.
 *
 * @throws {StoryValidationError} when the story breaks the schema or an invariant (checked with
 * `assertStory`, once per story).
 * @throws {DocxOptionsError} for an option it does not take (an unknown or empty `sections` list,
 * a `date` that is not ISO 8601, a `locale` that is not a language tag).
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { loadStory } from '@storykit/core/node';
 * import { toDocx } from '@storykit/docx';
 *
 * writeFileSync('report.docx', await toDocx(loadStory('fixtures/kerry-on-the-run')));
 * ```
 */
export async function toDocx(input: Story, options: DocxOptions = {}): Promise<Uint8Array> {
  // Checked once (a story from loadStory or readStory is not checked again), before any field is read.
  const story = assertStory(input);
  checkDocxOptions(options);
  const locale = options.locale ?? 'en-US';
  const wanted = new Set(options.sections ?? DOCX_SECTIONS);
  const ctx: Context = {
    story,
    locale,
    footnotes: [],
    chart: options.chart !== false,
    chartRun: undefined,
    utterances: utterancesOf(story),
    headings: [],
  };

  const front = titlePage(ctx);
  const parts = [
    ...(wanted.has('summary') ? summary(ctx) : []),
    ...(wanted.has('statements') ? statements(ctx) : []),
    ...(wanted.has('figures') ? figures(ctx) : []),
    ...(wanted.has('sources') ? sources(ctx) : []),
    ...(wanted.has('article') ? article(ctx) : []),
    ...(wanted.has('notes') ? notes(ctx) : []),
  ];

  const doc = new Document({
    title: text(story.headline),
    ...(story.dek ? { subject: text(story.dek) } : {}),
    creator: text(creatorOf(story)),
    keywords: text(story.keywords.join(', ')),
    description: text(`storykit report of “${story.headline}” (${story.id})`),
    features: { updateFields: true },
    styles: STYLES,
    // Written with the body (see `withBody`): the library still makes the part, its separators
    // and its relationship.
    footnotes: {},
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: STYLE.meta,
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun(text(`storykit report · ${story.id} · page `)),
                  new TextRun({ children: [PageNumber.CURRENT] }),
                  new TextRun(' of '),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        // The frame's body: the library writes the table of contents (filled in from the headings
        // as they were made, each linked to its bookmark) and the chart, whose parts and
        // relationships it makes; `withBody` puts the rest of the body around them.
        children: [
          new TableOfContents('Contents', {
            hyperlink: true,
            headingStyleRange: '1-2',
            cachedEntries: ctx.headings,
          }),
          ...(ctx.chartRun ? [new Paragraph({ children: [ctx.chartRun] })] : []),
        ],
      },
    ],
  });

  const date = options.date ?? story.modified ?? story.published;
  // The ids the library draws are renumbered in its parts alone, before the body (whose bookmark
  // ids and names are already in order) is put in: the patterns then read a few kilobytes, not the
  // whole body.
  return zipParts(withBody(renumberParts(compile(doc)), front, parts, ctx.footnotes), {
    title: story.headline,
    ...(story.dek ? { subject: story.dek } : {}),
    creator: creatorOf(story),
    keywords: story.keywords.join(', '),
    description: `storykit report of “${story.headline}” (${story.id})`,
    language: story.language,
    ...(date ? { date } : {}),
    ...(story.draft ? { status: 'Draft' } : {}),
  });
}

/** Where the chart's paragraph goes among the body's paragraphs {@link toDocx} writes. */
const CHART_SLOT = '<!-- chart -->';

/**
 * The library's package with the report's body in it: `word/document.xml` holds the title page,
 * then the table of contents the library wrote, a page break, and the sections, the library's
 * chart paragraph at its slot; `word/footnotes.xml` gets the footnotes after its separators.
 */
function withBody(
  parts: PackageParts,
  front: readonly string[],
  sections: readonly string[],
  footnotes: readonly string[],
): PackageParts {
  const document = parts.get('word/document.xml');
  const notes = parts.get('word/footnotes.xml');
  const bodyStart = typeof document === 'string' ? document.indexOf('<w:body><w:sdt>') : -1;
  const tocEnd = typeof document === 'string' ? document.indexOf('</w:sdt>', bodyStart) : -1;
  const sectPr = typeof document === 'string' ? document.lastIndexOf('<w:sectPr') : -1;
  const notesEnd = typeof notes === 'string' ? notes.lastIndexOf('</w:footnotes>') : -1;
  if (
    typeof document !== 'string' ||
    typeof notes !== 'string' ||
    bodyStart < 0 ||
    tocEnd < 0 ||
    sectPr < tocEnd ||
    notesEnd < 0
  ) {
    throw new Error('@storykit/docx: the docx library wrote the document in a form not expected');
  }
  const toc = document.slice(bodyStart + '<w:body>'.length, tocEnd + '</w:sdt>'.length);
  const chart = document.slice(tocEnd + '</w:sdt>'.length, sectPr);
  const slot = sections.indexOf(CHART_SLOT);
  const [before, after] =
    slot < 0 ? [sections, []] : [sections.slice(0, slot), sections.slice(slot + 1)];
  const out = new Map(parts);
  out.set(
    'word/document.xml',
    document.slice(0, bodyStart) +
      `<w:body>${front.join('')}${toc}${PAGE_BREAK}${before.join('')}${chart}${after.join('')}` +
      document.slice(sectPr),
  );
  out.set(
    'word/footnotes.xml',
    notes.slice(0, notesEnd) + footnotes.join('') + notes.slice(notesEnd),
  );
  return out;
}

interface Context {
  readonly story: Story;
  readonly locale: string;
  /** The footnotes so far, as `word/footnotes.xml` elements; the next one's id is their count + 1. */
  readonly footnotes: string[];
  readonly chart: boolean;
  /** The chart the figures section draws, if any: the library writes it, at {@link CHART_SLOT}. */
  chartRun: ChartRun | undefined;
  /**
   * The statements as the report shows them: a quotation in pieces (core's `continues`) is one
   * utterance, printed and counted once.
   */
  readonly utterances: readonly Utterance[];
  /** The headings made so far, as the table of contents lists them, each with its bookmark. */
  readonly headings: { title: string; level: number; href: string }[];
}

const text = xmlText;

const BOLD: RunFormat = { bold: true };

/**
 * The package's parts as `docx` writes them, before it zips them: its `Packer` would zip them with
 * the clock's time, to be unzipped again to make them reproducible. Its compiler is the one
 * `Packer` uses (a static field, private to TypeScript only); docx is built into this package, so
 * it is always the release it was tested with.
 */
function compile(doc: Document): PackageParts {
  const { compiler } = Packer as unknown as {
    compiler?: { compile(file: Document): PackageParts };
  };
  if (typeof compiler?.compile !== 'function') {
    throw new Error(
      '@storykit/docx: the docx library no longer has the compiler it was built with',
    );
  }
  return compiler.compile(doc);
}

/** The authors' names, else the publisher's, else storykit: who the report's creator is. */
function creatorOf(story: Story): string {
  const authors = story.authors
    .map((id) => sourceById(story, id)?.name)
    .filter((name): name is string => name !== undefined);
  if (authors.length) return authors.join(', ');
  return sourceById(story, story.publisher)?.name ?? 'storykit';
}

/** A Heading 1 or 2, bookmarked and listed in the table of contents. */
function heading(ctx: Context, level: 1 | 2, title: string): string {
  const id = ctx.headings.length + 1;
  const href = `_Toc${id}`;
  ctx.headings.push({ title: text(title), level, href });
  // Keep-with-next is in the heading styles (see `STYLES`), not repeated on every heading.
  return bookmarkedHeading(level === 1 ? 'Heading1' : 'Heading2', href, id, title);
}

/** A paragraph of one run of text, in `style` if given. */
function plain(value: string, style?: string): string {
  return paragraph(run(value), style ? { style } : undefined);
}

/** A paragraph of runs, each a text and its format. */
function runs(
  pieces: readonly (readonly [string, RunFormat?])[],
  format?: ParagraphFormat,
  after = '',
): string {
  let content = '';
  for (const [value, runFormat] of pieces) content += run(value, runFormat);
  return paragraph(content + after, format);
}

/**
 * A footnote pointing at where the utterance's pieces are in the article: "Article ¶7 (p7),
 * characters 0–24." for one piece, "Article ¶7 (p7), characters 0–24 and 41–80; ¶8 (p8),
 * characters 0–16." for a quotation in pieces.
 */
function provenance(ctx: Context, utterance: Utterance): string {
  const id = ctx.footnotes.length + 1;
  const places: string[] = [];
  let block: string | undefined;
  for (const { span } of utterance.pieces) {
    const range = `${span.start}–${span.end}`;
    if (span.block === block) places[places.length - 1] += ` and ${range}`;
    else
      places.push(
        `¶${paragraphNumber(ctx.story, span.block)} (${span.block}), characters ${range}`,
      );
    block = span.block;
  }
  ctx.footnotes.push(footnote(id, `Article ${places.join('; ')}.`));
  return footnoteReference(id);
}

/** The paragraphs an utterance's pieces are in, as the report cites them: "¶7", "¶7, ¶8". */
function paragraphsOf(story: Story, utterance: Utterance): string {
  const numbers = new Set(utterance.pieces.map((p) => paragraphNumber(story, p.span.block)));
  return [...numbers].map((n) => `¶${n}`).join(', ');
}

function titlePage(ctx: Context): string[] {
  const { story, locale } = ctx;
  const publisher = sourceById(story, story.publisher);
  const date = story.published ?? story.modified;
  const photo = story.media.find((m) => m.kind === 'image' && (m.credit || m.caption));
  const meta = [
    publisher ? `Publisher: ${publisher.name}` : undefined,
    story.authors.length
      ? `By ${story.authors.map((a) => sourceById(story, a)?.name ?? a).join(', ')}`
      : undefined,
    date ? `Published ${formatDate(date, locale)}` : 'Publication date: not given in the article',
    story.section ? `Section: ${story.section}` : undefined,
    photo?.credit ? `Photo: ${photo.credit}` : undefined,
  ].filter((line): line is string => line !== undefined);
  return [
    plain(story.headline, 'Title'),
    ...(story.dek ? [plain(story.dek, 'Subtitle')] : []),
    ...(story.draft ? [draftNotice()] : []),
    ...meta.map((line) => plain(line, STYLE.meta)),
    ...(photo?.caption ? [plain(`Photo caption: ${photo.caption}`, STYLE.meta)] : []),
    plain(`Story id: ${story.id}`, STYLE.meta),
    PAGE_BREAK,
  ];
}

/** The title page's warning on a draft: the analyst learns before anything else that no editor has checked it. */
function draftNotice(): string {
  return runs(
    [
      [DRAFT_NOTICE.label, { bold: true, color: 'B3261E' }],
      [` — ${DRAFT_NOTICE.text}`, { color: 'B3261E' }],
    ],
    { style: STYLE.meta },
  );
}

/**
 * "John Kerry, US Secretary of State, US Department of State", or with `short` "John Kerry";
 * "The article" for the article's own voice.
 */
function speakerName(story: Story, speaker: string | null, short = false): string {
  if (speaker === null) return 'The article';
  return short ? (sourceById(story, speaker)?.name ?? speaker) : sourceLabel(story, speaker);
}

/**
 * The utterance's words as the report shows them: quotations in quotation marks, a quotation in
 * pieces as one, without the writer's words between the pieces.
 */
function quoted(utterance: Utterance): string {
  return utterance.kind === 'indirect' ? utterance.text : `“${utterance.text}”`;
}

function summary(ctx: Context): string[] {
  const { story } = ctx;
  const debate = centralUtterance(story, ctx.utterances);
  const out = [heading(ctx, 1, 'Summary')];
  if (story.dek) out.push(plain(story.dek));
  if (!debate) {
    out.push(
      plain('The article weighs no claim against another: no statement is disputed or supported.'),
    );
    return out;
  }
  const { claim } = debate;
  out.push(
    runs(
      [
        ['The central claim: ', BOLD],
        [
          `${speakerName(story, claim.speaker, true)}: ${quoted(claim)} (${paragraphsOf(story, claim)})`,
        ],
      ],
      undefined,
      provenance(ctx, claim),
    ),
  );
  for (const [title, side] of [
    ['Who supports it', debate.supports],
    ['Who disputes it', debate.disputes],
  ] as const) {
    out.push(heading(ctx, 2, title));
    if (side.length === 0) out.push(plain('No one in the article.'));
    for (const statement of side) {
      out.push(
        runs(
          [
            [`${speakerName(story, statement.speaker, true)}: `, BOLD],
            [`${quoted(statement)} (${paragraphsOf(story, statement)})`],
          ],
          { bullet: true },
          provenance(ctx, statement),
        ),
      );
    }
  }
  return out;
}

function statements(ctx: Context): string[] {
  const { story, locale } = ctx;
  const out = [heading(ctx, 1, 'Statements')];
  // Each speaker's utterances, speakers in the order they first speak.
  const bySpeaker = new Map<string | null, Utterance[]>();
  for (const u of ctx.utterances) {
    const list = bySpeaker.get(u.speaker);
    if (list) list.push(u);
    else bySpeaker.set(u.speaker, [u]);
  }
  const relations = utteranceRelations(story, ctx.utterances);
  for (const [speaker, utterances] of bySpeaker) {
    out.push(heading(ctx, 2, speakerName(story, speaker)));
    for (const utterance of utterances) {
      out.push(
        paragraph(
          run(quoted(utterance)) + provenance(ctx, utterance),
          utterance.kind === 'direct' ? { style: STYLE.quotation } : undefined,
        ),
      );
      const pieces = utterance.pieces.length;
      const details = [
        statementKindLabel(utterance) + (pieces > 1 ? ` in ${pieces} pieces` : ''),
        attributionLine(story, utterance, locale),
        utterance.topic ? `topic: ${utterance.topic}` : '',
      ].filter(Boolean);
      out.push(plain(details.join(' · '), STYLE.meta));
      for (const view of relations.get(utterance.id) ?? []) {
        const verb = (view.direction === 'outgoing' ? RELATION_OUT : RELATION_IN)[
          view.relation.kind
        ];
        out.push(
          plain(
            `${verb}: ${speakerName(story, view.other.speaker)}, ${quoted(view.other)}`,
            STYLE.meta,
          ),
        );
      }
    }
  }
  return out;
}

/** How a relation reads from its `from` statement, and from its `to` statement. */
const RELATION_OUT = {
  disputes: 'disputes',
  supports: 'supports',
  'responds-to': 'responds to',
  cites: 'cites',
  // Pieces of one utterance are printed as one: `utteranceRelations` never gives a `continues`.
  continues: 'continues',
} as const;
const RELATION_IN = {
  disputes: 'disputed by',
  supports: 'supported by',
  'responds-to': 'answered by',
  cites: 'cited by',
  continues: 'continued by',
} as const;

/** The width of the text on an A4 page with Word's default 1-inch margins, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1440;

/** A table with a repeated header row; `widths` are the columns' shares of the text width. */
function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
): string {
  const total = widths.reduce((a, b) => a + b, 0);
  const twips = widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  return wordTable(header, rows, TEXT_WIDTH, twips, STYLE.tableText);
}

function figureRow(story: Story, figure: Figure, locale: string): string[] {
  const place = story.entities.find((e) => e.id === figure.place)?.name ?? '';
  const source = figure.source
    ? sourceLabel(story, figure.source, { affiliation: false })
    : figure.statement
      ? speakerName(story, statementById(story, figure.statement)?.speaker ?? null)
      : '';
  return [
    formatFigureValue(figure, { locale, unit: false }),
    figure.unit,
    figure.measure,
    figure.subject,
    figure.date ? formatDate(figure.date, locale) : '',
    place,
    source,
    `¶${paragraphNumber(story, figure.span.block)}`,
  ];
}

function figures(ctx: Context): string[] {
  const { story, locale } = ctx;
  const out = [heading(ctx, 1, 'Figures')];
  if (story.figures.length === 0) return [...out, plain('The article gives no figures.')];
  out.push(
    table(
      ['Value', 'Unit', 'What it counts', 'About', 'Date', 'Place', 'Source', '¶'],
      story.figures.map((f) => figureRow(story, f, locale)),
      [11, 12, 17, 16, 11, 12, 14, 7],
    ),
  );
  // A chart helps where a handful of numbers compare; beyond a dozen bars the table says more.
  const comparison = ctx.chart
    ? comparableFigures(story).find((group) => group.figures.length <= MAX_CHART_BARS)
    : undefined;
  if (comparison) {
    const title = `${comparison.measure} (${comparison.unit})`;
    const labels = comparison.figures.map((f) => f.subject);
    // A range is drawn at its lower end, a hedged number at the number: the labels say which.
    const values = comparison.figures.map((f) =>
      typeof f.value === 'number' ? f.value : f.value.low,
    );
    const alternative = comparison.figures
      .map((f) => `${f.subject}: ${formatFigureValue(f, { locale })}`)
      .join('; ');
    out.push(heading(ctx, 2, `Chart: ${title}`));
    ctx.chartRun = new ChartRun({
      type: 'bar',
      title: text(title),
      categories: labels.map(text),
      series: [{ name: text(comparison.measure), values }],
      legend: false,
      dataLabels: { value: true },
      transformation: { width: 560, height: 60 + 40 * labels.length },
      altText: {
        name: text(`Bar chart: ${title}`),
        description: text(alternative),
      },
    });
    out.push(CHART_SLOT);
    out.push(plain(`The chart in words: ${alternative}.`, STYLE.meta));
  }
  return out;
}

function sources(ctx: Context): string[] {
  const { story } = ctx;
  const out = [heading(ctx, 1, 'Sources')];
  if (story.sources.length === 0) return [...out, plain('The article names no sources.')];
  const kind: Record<Source['kind'], string> = {
    person: 'person',
    organization: 'organisation',
    anonymous: 'unnamed source',
  };
  out.push(
    table(
      ['Source', 'Kind', 'Role', 'Affiliation', 'How reached', 'Statements'],
      story.sources.map((s) => [
        s.name,
        kind[s.kind],
        s.role ?? '',
        sourceById(story, s.affiliation)?.name ?? '',
        howReached(story, s, ctx.utterances).join('; '),
        String(ctx.utterances.filter((u) => u.speaker === s.id).length),
      ]),
      [18, 10, 22, 16, 26, 8],
    ),
  );
  const anonymous = story.sources.filter((s) => s.kind === 'anonymous');
  if (anonymous.length) {
    out.push(
      plain(
        `Unnamed sources are described as the article describes them (${anonymous.map((s) => `“${s.name}”`).join(', ')}); the article does not identify them.`,
        STYLE.meta,
      ),
    );
  }
  return out;
}

/** Where in a block each character style applies: statements' quotations and figures. */
function blockRuns(story: Story, blockId: string, blockText: string): string {
  const marks: { start: number; end: number; style: string }[] = [];
  for (const s of story.statements) {
    if (s.span.block === blockId && s.kind !== 'indirect')
      marks.push({ ...s.span, style: STYLE.statementText });
  }
  for (const f of story.figures) {
    if (f.span.block === blockId) marks.push({ ...f.span, style: STYLE.figureText });
  }
  const cuts = new Set([0, blockText.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Neighbouring pieces in the same style (two quotations back to back) are one run.
  const pieces: { text: string; style: string | undefined }[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const covering = marks.filter((m) => m.start <= start && m.end >= end);
    // A figure inside a quotation shows as a figure: it is the narrower mark.
    const style = covering.find((m) => m.style === STYLE.figureText)?.style ?? covering[0]?.style;
    const last = pieces[pieces.length - 1];
    if (last && last.style === style) last.text += blockText.slice(start, end);
    else pieces.push({ text: blockText.slice(start, end), style });
  }
  let xml = '';
  for (const piece of pieces)
    xml += run(piece.text, piece.style ? { style: piece.style } : undefined);
  return xml;
}

function article(ctx: Context): string[] {
  const { story } = ctx;
  return [
    heading(ctx, 1, 'The article'),
    plain(
      'The full text as received, without the paywall and subscription lines; quotations and figures the model records are set in their own character styles (Storykit Statement Text, Storykit Figure Text).',
      STYLE.meta,
    ),
    ...story.body.map((block, i) =>
      paragraph(
        run(`¶${i + 1}  `, BOLD) + blockRuns(story, block.id, block.text),
        block.kind === 'quote' ? { style: STYLE.quotation } : undefined,
      ),
    ),
  ];
}

function notes(ctx: Context): string[] {
  const { story } = ctx;
  const out = [heading(ctx, 1, 'Editor’s notes')];
  out.push(
    plain(
      'What follows is asserted by the editor who curated the model, not by the article.',
      STYLE.meta,
    ),
  );
  if (story.notes.length === 0) out.push(plain('None.'));
  for (const note of story.notes) {
    out.push(runs([[note.about ? `${note.about}: ` : '', BOLD], [note.text]]));
  }
  return out;
}

/**
 * The report's styles, defined once in `styles.xml` and referred to by id: built once per process.
 * Keep-with-next sits in the two heading styles rather than on each heading paragraph.
 */
const STYLES = {
  default: {
    heading1: { run: { color: '2E74B5', size: 32 }, paragraph: { keepNext: true } },
    heading2: { run: { color: '2E74B5', size: 26 }, paragraph: { keepNext: true } },
  },
  paragraphStyles: [
    {
      id: 'Subtitle',
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: 28, color: '404040' },
      paragraph: { spacing: { after: 240 } },
    },
    {
      id: STYLE.quotation,
      name: 'Storykit Quotation',
      basedOn: 'Normal',
      next: 'Normal',
      run: { italics: true },
      paragraph: { indent: { left: 567, right: 567 }, spacing: { before: 120, after: 60 } },
    },
    {
      id: STYLE.meta,
      name: 'Storykit Meta',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 18, color: '555555' },
      paragraph: { spacing: { after: 120 } },
    },
    {
      id: STYLE.tableText,
      name: 'Storykit Table Text',
      basedOn: 'Normal',
      run: { size: 18 },
      paragraph: { spacing: { before: 0, after: 0 } },
    },
  ],
  characterStyles: [
    // The run style of the table of contents' entries (as LibreOffice names it); no formatting of its own.
    { id: 'IndexLink', name: 'Index Link', basedOn: 'DefaultParagraphFont' },
    {
      id: STYLE.statementText,
      name: 'Storykit Statement Text',
      basedOn: 'DefaultParagraphFont',
      run: { shading: { type: 'clear', fill: 'FFF2CC', color: 'auto' } },
    },
    {
      id: STYLE.figureText,
      name: 'Storykit Figure Text',
      basedOn: 'DefaultParagraphFont',
      run: { bold: true, color: '1F4E79' },
    },
  ],
} as const;
